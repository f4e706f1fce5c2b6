import Foundation
import TestSupport
import Testing

/// Drives kafkactl on a real pseudo-terminal with pexpect (from the project venv): the plan is a list of steps,
/// each sending keys (or producing a record with confluent-kafka) and waiting, against a deadline, for text on the
/// screen. The driver answers with what the screen showed for each step, the exit status and the whole transcript,
/// so the test makes its assertions in Swift; a step that times out ends the session and is reported as `error`.
struct TerminalSession {
    /// One step: keys to send, then the text (or regular expression) to wait for.
    struct Step: Encodable {
        var name: String
        var send: String?
        var expect: String?
        var regex = false
        /// Wait for the end of the session instead of for text.
        var eof = false
        var timeout: Double = 20
        /// When the expected text does not come within `every` seconds: send `clear`, then `send` again (for a
        /// completion that needs the shell's name cache, refreshed in the background).
        var retry: Retry?
        /// A pattern that, when it shows first, is answered with `send` before waiting on.
        var respond: Respond?
        /// Produce one record with confluent-kafka (no keys sent, nothing waited for).
        var produce: Produce?

        struct Retry: Encodable { var clear: String; var every: Double }
        struct Respond: Encodable { var pattern: String; var send: String }
        struct Produce: Encodable { var topic: String; var value: String }
    }

    struct Plan: Encodable {
        var command: [String]
        var environment: [String: String]
        var bootstrap: String
        var steps: [Step]
        var columns = 250
    }

    struct Outcome: Decodable {
        struct Seen: Decodable {
            var name: String
            var text: String
            var seconds: Double
        }

        var steps: [Seen]
        var error: String?
        var exitStatus: Int?
        var signalStatus: Int?
        var transcript: String

        /// What the screen showed during the step called `name` (empty when it did not run).
        func seen(_ name: String) -> String { steps.first { $0.name == name }?.text ?? "" }
        /// How long the step called `name` waited for its text.
        func seconds(_ name: String) -> Double { steps.first { $0.name == name }?.seconds ?? .infinity }
    }

    static let driver = #"""
        import json, os, re, sys, time
        import pexpect

        plan = json.loads(sys.argv[1])
        env = dict(os.environ)
        env.update(plan["environment"])
        child = pexpect.spawn(plan["command"][0], plan["command"][1:], env=env, encoding="utf-8",
                              codec_errors="replace", dimensions=(50, plan["columns"]), echo=True)
        transcript = []
        class Log:
            def write(self, s): transcript.append(s)
            def flush(self): pass
        child.logfile_read = Log()
        producer = None
        seen, error = [], None
        try:
            for step in plan["steps"]:
                started = time.monotonic()
                deadline = started + step.get("timeout", 20)
                if step.get("produce"):
                    from confluent_kafka import Producer
                    if producer is None:
                        producer = Producer({"bootstrap.servers": plan["bootstrap"]})
                    failures = []
                    producer.produce(step["produce"]["topic"], step["produce"]["value"].encode(),
                                     on_delivery=lambda err, msg: failures.append(err) if err else None)
                    if producer.flush(step.get("timeout", 20)) != 0 or failures:
                        raise RuntimeError("confluent-kafka could not produce: %r" % failures)
                    seen.append({"name": step["name"], "text": "", "seconds": time.monotonic() - started})
                    continue
                text = ""
                if step.get("send") is not None:
                    child.send(step["send"])
                if step.get("eof"):
                    child.expect(pexpect.EOF, timeout=max(0.1, deadline - time.monotonic()))
                    text = child.before
                else:
                    target = step["expect"] if step.get("regex") else re.escape(step["expect"])
                    patterns = [target]
                    respond = step.get("respond")
                    if respond:
                        patterns.append(respond["pattern"])
                    retry = step.get("retry")
                    while True:
                        remaining = deadline - time.monotonic()
                        if remaining <= 0:
                            raise pexpect.TIMEOUT("step %r: %r did not show within %ss" % (step["name"], step["expect"], step.get("timeout", 20)))
                        wait = min(remaining, retry["every"]) if retry else remaining
                        try:
                            index = child.expect(patterns, timeout=wait)
                        except pexpect.TIMEOUT:
                            text += child.before
                            if not retry:
                                raise pexpect.TIMEOUT("step %r: %r did not show within %ss" % (step["name"], step["expect"], step.get("timeout", 20)))
                            child.send(retry["clear"])
                            child.send(step["send"])
                            continue
                        text += child.before + child.after
                        if index == 0:
                            break
                        child.send(respond["send"])
                seen.append({"name": step["name"], "text": text, "seconds": time.monotonic() - started})
        except Exception as e:
            error = "%s: %s" % (type(e).__name__, e)
        finally:
            if child.isalive():
                child.terminate(force=True)
            child.close()
        print(json.dumps({"steps": seen, "error": error, "exitStatus": child.exitstatus,
                          "signalStatus": child.signalstatus, "transcript": "".join(transcript)}))
        """#

    /// Runs `plan` and returns what happened (the driver itself failing is thrown).
    static func run(_ plan: Plan, timeout: Duration = .seconds(150)) async throws -> Outcome {
        let json = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        let result = try await offThePool { try runPython(script: driver, args: [json], timeout: timeout) }
        guard result.exitCode == 0, let line = result.stdout.split(separator: "\n").last else {
            throw DriverFailed(description: "the pexpect driver exited \(result.exitCode): \(result.stderr)\n\(result.stdout)")
        }
        return try JSONDecoder().decode(Outcome.self, from: Data(line.utf8))
    }

    struct DriverFailed: Error, CustomStringConvertible { var description: String }

    /// The lines of `text` as a terminal shows them (carriage returns dropped, empty lines left out).
    static func lines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r", with: "\n").split(separator: "\n").map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}

/// An environment in which kafkactl finds no cluster and no history but what the test gives it: `home` as HOME,
/// XDG_STATE_HOME and XDG_CONFIG_HOME (no contexts file), and no KAFKACTL_* connection variables.
func isolatedEnvironment(home: URL) -> [String: String] {
    ["HOME": home.path, "XDG_STATE_HOME": home.path, "XDG_CONFIG_HOME": home.path,
     "KAFKACTL_CONFIG": "", "KAFKACTL_CONTEXT": "", "KAFKACTL_BOOTSTRAP_SERVER": ""]
}

/// A private directory for the shell's history (XDG_STATE_HOME), removed by the caller.
func temporaryStateDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kafkactl-shell-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The entries of a libedit history file (its `_HiStOrY_V2_` header dropped, `\040` and the like decoded).
func historyEntries(in stateDirectory: URL) throws -> [String] {
    let text = try String(contentsOf: stateDirectory.appendingPathComponent("kafkactl/history"), encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { line in
        var result = ""
        var rest = Substring(line)
        while let slash = rest.firstIndex(of: "\\") {
            result += rest[..<slash]
            let digits = rest[rest.index(after: slash)...].prefix(3)
            if digits.count == 3, let code = UInt8(digits, radix: 8) {
                result.append(Character(UnicodeScalar(code)))
                rest = rest[rest.index(slash, offsetBy: 4)...]
            } else {
                result.append("\\")
                rest = rest[rest.index(after: slash)...]
            }
        }
        return result + rest
    }
}

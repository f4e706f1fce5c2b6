import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What `kafkactl console-producer` tests share: running the producer, reading a topic back with confluent-kafka
/// (librdkafka, an independent client), and a producer process whose standard input stays open.
enum ProducerHarness {
    /// `kafkactl console-producer --bootstrap-server <test broker> --topic <topic> <arguments>` fed `input`.
    static func produce(
        _ topic: String, _ arguments: [String] = [], input: String, bootstrap: String? = nil,
        timeout: Duration = .seconds(30)
    ) async throws -> ProcessResult {
        let server = try bootstrap ?? BrokerHarness.bootstrap()
        let data = Data(input.utf8)
        return try await offThePool {
            try runKafkactl(
                ["console-producer", "--bootstrap-server", server, "--topic", topic] + arguments,
                stdin: data, timeout: timeout)
        }
    }

    /// One record as confluent-kafka read it (UTF-8 text; nil for null).
    struct ReadRecord: Equatable, CustomStringConvertible {
        var key: String?
        var value: String?
        var headers: [Header]

        struct Header: Equatable, CustomStringConvertible {
            var key: String
            var value: String?
            var description: String { "\(key)=\(value ?? "<null>")" }
        }

        init(key: String?, value: String?, headers: [(String, String?)] = []) {
            self.key = key
            self.value = value
            self.headers = headers.map { Header(key: $0.0, value: $0.1) }
        }

        var description: String { "[\(headers)] \(key ?? "<null>") -> \(value ?? "<null>")" }
    }

    /// Every partition's records in offset order, as confluent-kafka read them.
    struct ReadBack {
        var partitions: [Int32: [ReadRecord]]
        var count: Int { partitions.values.reduce(0) { $0 + $1.count } }
        var values: [String?] { partitions.keys.sorted().flatMap { partitions[$0]!.map(\.value) } }
    }

    /// Reads `topic` from the beginning with confluent-kafka until at least `expected` records have arrived and
    /// every partition has reported its end (so duplicates would have been read too), or `timeout` passes.
    static let readScript = """
        import json, sys, time
        from confluent_kafka import Consumer, TopicPartition, KafkaError, OFFSET_BEGINNING
        bootstrap, topic, expected, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
        consumer = Consumer({
            "bootstrap.servers": bootstrap, "group.id": "kafkactl-e2e-reader", "enable.auto.commit": False,
            "enable.partition.eof": True, "fetch.queue.backoff.ms": 5, "fetch.wait.max.ms": 10,
        })
        partitions = sorted(consumer.list_topics(topic, timeout=10).topics[topic].partitions)
        consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in partitions])
        text = lambda b: None if b is None else b.decode("utf-8")
        out = {str(p): [] for p in partitions}
        count, at_end = 0, set()
        deadline = time.time() + timeout
        while time.time() < deadline:
            for message in consumer.consume(10000, 0.05):
                if message.error():
                    if message.error().code() == KafkaError._PARTITION_EOF:
                        at_end.add(message.partition())
                        continue
                    raise Exception(str(message.error()))
                at_end.discard(message.partition())
                count += 1
                headers = [[k, text(v)] for k, v in (message.headers() or [])]
                out[str(message.partition())].append([text(message.key()), text(message.value()), headers])
            if count >= expected and len(at_end) == len(partitions):
                break
        consumer.close()
        print(json.dumps(out))
        """

    static func readBack(
        _ topic: String, expecting expected: Int, within timeout: Duration = .seconds(60), bootstrap: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> ReadBack {
        let server = try bootstrap ?? BrokerHarness.bootstrap()
        let arguments = [server, topic, String(expected), String(Double(timeout.components.seconds))]
        let result = try await offThePool { try runPython(script: readScript, args: arguments, timeout: timeout + .seconds(30)) }
        try #require(result.exitCode == 0, "confluent-kafka failed to read \(topic): \(result.stderr)",
                     sourceLocation: sourceLocation)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let partitions = try #require(object as? [String: [[Any]]], "python printed: \(result.stdout.prefix(500))",
                                      sourceLocation: sourceLocation)
        var readBack = ReadBack(partitions: [:])
        for (partition, records) in partitions {
            readBack.partitions[Int32(partition)!] = records.map { fields in
                let headers = (fields[2] as? [[Any]] ?? []).map { pair in (pair[0] as! String, pair[1] as? String) }
                return ReadRecord(key: fields[0] as? String, value: fields[1] as? String, headers: headers)
            }
        }
        return readBack
    }

    /// Lines `first...last` as /usr/bin/seq prints them: for millions of lines, far cheaper than `seq(_:)` in a debug
    /// build of the tests, whose CPU the suite's other tests need.
    static func seqBytes(_ range: ClosedRange<Int>) throws -> Data {
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/seq"), [String(range.lowerBound), String(range.upperBound)])
        guard result.exitCode == 0 else { throw ProcessRunnerError.launchFailed(command: "seq", reason: result.stderr) }
        return result.stdoutData
    }

    /// Lines `first...last`, each ending in a newline, as `seq` prints them.
    static func seq(_ range: ClosedRange<Int>) -> String {
        var text = ""
        text.reserveCapacity(range.count * 7)
        for number in range {
            text += String(number)
            text += "\n"
        }
        return text
    }

    /// stderr split into lines.
    static func lines(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// A failed run as console-producer reports one: a non-zero exit, nothing on stdout, and exactly one line
    /// starting `Error: `, the last one (the lines before it may name failed input lines). Returns the text after
    /// `Error: `.
    @discardableResult
    static func expectOneErrorLine(
        _ result: ProcessResult, exitCode: Int32, sourceLocation: SourceLocation = #_sourceLocation
    ) -> String {
        #expect(result.exitCode == exitCode, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
        let lines = lines(result.stderr)
        let errors = lines.filter { $0.hasPrefix("Error: ") }
        #expect(errors.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(lines.last?.hasPrefix("Error: ") == true, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        return String((errors.first ?? "").dropFirst("Error: ".count))
    }
}

/// A kafkactl process whose standard input stays open until the test closes it, so a test can act (stop the broker,
/// send a signal) while the tool is still reading.
final class OpenStdinProducer: @unchecked Sendable {
    private let process = ChildProcess()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let exited = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stdoutData = Data()
    private var stderrData = Data()
    private let drained = DispatchGroup()

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = kafkactlBinary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        process.terminationHandler = { [exited] _ in exited.signal() }
        try process.run()
        drain(output.fileHandleForReading, isStdout: true)
        drain(errors.fileHandleForReading, isStdout: false)
    }

    private func drain(_ handle: FileHandle, isStdout: Bool) {
        drained.enter()
        Thread.detachNewThread { [self] in
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    lock.withLock {
                        if isStdout { stdoutData.append(contentsOf: chunk[0..<count]) } else { stderrData.append(contentsOf: chunk[0..<count]) }
                    }
                } else if count == 0 || errno != EINTR {
                    break
                }
            }
            drained.leave()
        }
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }
    var stderrSoFar: String { lock.withLock { String(decoding: stderrData, as: UTF8.self) } }
    var stdoutSoFar: String { lock.withLock { String(decoding: stdoutData, as: UTF8.self) } }

    /// Writes `text` to the process's standard input (on a thread where SIGPIPE is blocked, so a process that
    /// died cannot take the test runner with it). Returns false if the pipe was closed.
    @discardableResult
    func write(_ text: String) async -> Bool {
        await write(Data(text.utf8))
    }

    @discardableResult
    func write(_ data: Data) async -> Bool {
        let handle = input.fileHandleForWriting
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread { [self] in
                var pipeSignal = sigset_t()
                sigemptyset(&pipeSignal)
                sigaddset(&pipeSignal, SIGPIPE)
                pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
                // Under the input lock: closeInput() must not close the handle under a write (Foundation traps).
                let ok = inputLock.withLock { inputClosed ? false : (try? handle.write(contentsOf: data)) != nil }
                if !ok {
                    var noWait = timespec()
                    _ = sigtimedwait(&pipeSignal, nil, &noWait)
                }
                continuation.resume(returning: ok)
            }
        }
    }

    /// Bytes written to standard input that the process has not read yet.
    var unreadInputBytes: Int {
        var count: Int32 = 0
        _ = ioctl(input.fileHandleForWriting.fileDescriptor, UInt(FIONREAD), &count)
        return Int(count)
    }

    func closeInput() {
        inputLock.withLock {
            if !inputClosed { try? input.fileHandleForWriting.close() }
            inputClosed = true
        }
    }

    private let inputLock = NSLock()
    private var inputClosed = false

    func send(_ signalNumber: Int32) {
        process.sendSignal(signalNumber)
    }

    /// Waits for the process to exit (killing it after `timeout`, which fails the test) and returns what it wrote.
    func finish(timeout: Duration) async throws -> ProcessResult {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let exited = self.exited
        let finished = try await offThePool { exited.wait(timeout: .now() + seconds) == .success }
        if !finished {
            process.sendSignal(SIGKILL)
            _ = try await offThePool { exited.wait(timeout: .now() + 5) }
        }
        closeInput()
        let drained = self.drained
        _ = try await offThePool { drained.wait(timeout: .now() + 5) }
        let (out, err) = lock.withLock { (stdoutData, stderrData) }
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        let result = ProcessResult(stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                                   exitCode: status, stdoutData: out)
        if !finished {
            throw ProcessRunnerError.timedOut(command: "kafkactl \(process.arguments.joined(separator: " "))",
                                              timeout: timeout, killed: true, stdout: result.stdout, stderr: result.stderr)
        }
        return result
    }
}

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Helpers for the console-consumer end-to-end tests: an independent producer (confluent-kafka) that reports where
/// each record landed, and a kafkactl run that the test can read line by line, close the output of, or interrupt.
enum ConsumerTestSupport {
    /// The test broker's address, found off the shared threads (the first call may start the broker).
    static func bootstrap() async throws -> String {
        try await offThePool { try BrokerHarness.bootstrap() }
    }

    /// One record for the peer producer; a nil `partition` lets its murmur2 partitioner choose.
    struct Outgoing {
        var topic: String
        var partition: Int? = nil
        var key: String? = nil
        var value: String? = nil
        /// Bytes that are not text, sent as the value instead of `value`.
        var binaryValue: [UInt8]? = nil
        var headers: [(String, String?)] = []
        /// Bytes that are not text, sent as the key instead of `key`.
        var binaryKey: [UInt8]? = nil

        var json: [String: Any] {
            var object: [String: Any] = ["topic": topic, "key": key ?? NSNull(), "value": value ?? NSNull()]
            if let partition { object["partition"] = partition }
            if let binaryValue { object["valueBase64"] = Data(binaryValue).base64EncodedString() }
            if let binaryKey { object["keyBase64"] = Data(binaryKey).base64EncodedString() }
            if !headers.isEmpty { object["headers"] = headers.map { [$0.0, $0.1 ?? NSNull()] as [Any] } }
            return object
        }
    }

    /// Where the peer producer's broker acknowledgement put a record.
    struct Delivered: Hashable {
        var topic: String
        var partition: Int
        var offset: Int64
        var timestamp: Int64
    }

    /// One producer session: librdkafka properties (e.g. `compression.type`) and its records. With `flushEach`,
    /// every record is its own batch (the test broker's ListOffsets(latest) is exact only then).
    struct Phase {
        var config: [String: String] = [:]
        var flushEach = false
        var records: [Outgoing]
    }

    static let producerScript = """
        import base64, json, sys
        from confluent_kafka import Producer

        spec = json.load(sys.stdin)
        delivered = []
        for phase in spec["phases"]:
            conf = {"bootstrap.servers": sys.argv[1], "partitioner": "murmur2_random", "linger.ms": 20}
            conf.update(phase.get("config", {}))
            producer = Producer(conf)
            reports = [None] * len(phase["records"])
            errors = []

            def report(index):
                def done(err, msg):
                    if err is not None:
                        errors.append(str(err))
                    else:
                        reports[index] = {"topic": msg.topic(), "partition": msg.partition(), "offset": msg.offset(),
                                          "timestamp": msg.timestamp()[1]}
                return done

            for index, record in enumerate(phase["records"]):
                extra = {}
                if record.get("partition") is not None:
                    extra["partition"] = record["partition"]
                if record.get("headers"):
                    extra["headers"] = [(k, None if v is None else v.encode()) for k, v in record["headers"]]
                if record.get("valueBase64") is not None:
                    value = base64.b64decode(record["valueBase64"])
                else:
                    value = None if record["value"] is None else record["value"].encode()
                if record.get("keyBase64") is not None:
                    key = base64.b64decode(record["keyBase64"])
                else:
                    key = None if record["key"] is None else record["key"].encode()
                producer.produce(record["topic"], key=key, value=value, on_delivery=report(index), **extra)
                if phase.get("flushEach"):
                    producer.flush(30)
                else:
                    producer.poll(0)
            producer.flush(30)
            if errors or any(r is None for r in reports):
                print(json.dumps({"errors": errors}), file=sys.stderr)
                sys.exit(1)
            delivered += reports
        print(json.dumps(delivered))
        """

    /// Writes the phases' records with confluent-kafka and returns where each landed, in the order given.
    static func produce(_ phases: [Phase], sourceLocation: SourceLocation = #_sourceLocation) async throws -> [Delivered] {
        let spec: [String: Any] = ["phases": phases.map { phase in
            ["config": phase.config, "flushEach": phase.flushEach, "records": phase.records.map(\.json)] as [String: Any]
        }]
        let input = try JSONSerialization.data(withJSONObject: spec)
        let address = try await bootstrap()
        let result = try await offThePool {
            try runPython(script: producerScript, args: [address], stdin: input, timeout: .seconds(60))
        }
        try #require(result.exitCode == 0, "the peer producer failed: \(result.stderr)", sourceLocation: sourceLocation)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]],
                                   sourceLocation: sourceLocation)
        return try reports.map { report in
            Delivered(
                topic: try #require(report["topic"] as? String, sourceLocation: sourceLocation),
                partition: try #require(report["partition"] as? Int, sourceLocation: sourceLocation),
                offset: Int64(try #require(report["offset"] as? Int, sourceLocation: sourceLocation)),
                timestamp: Int64(try #require(report["timestamp"] as? Int, sourceLocation: sourceLocation)))
        }
    }

    /// Writes `count` records `record-<i>` (null keys, so spread by the peer's sticky partitioner) in big batches.
    static func produceBulk(topic: String, count: Int, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let script = """
            import sys
            from confluent_kafka import Producer
            producer = Producer({"bootstrap.servers": sys.argv[1], "linger.ms": 50, "batch.num.messages": 10000,
                                 "queue.buffering.max.messages": 1000000, "compression.type": "lz4"})
            failed = []
            def done(err, msg):
                if err is not None:
                    failed.append(str(err))
            for index in range(int(sys.argv[3])):
                producer.produce(sys.argv[2], value=b"record-%07d" % index, on_delivery=done)
                if index % 10000 == 0:
                    producer.poll(0)
            left = producer.flush(60)
            if failed or left:
                print(failed[:3], left, file=sys.stderr)
                sys.exit(1)
            """
        let address = try await bootstrap()
        let result = try await offThePool {
            try runPython(script: script, args: [address, topic, String(count)], timeout: .seconds(90))
        }
        try #require(result.exitCode == 0, "the peer producer failed: \(result.stderr)", sourceLocation: sourceLocation)
    }

    /// Runs `kafkactl console-consumer --bootstrap-server <broker>` with `arguments`.
    static func consume(_ arguments: [String], timeout: Duration = .seconds(30)) async throws -> ProcessResult {
        let address = try await bootstrap()
        return try await kafkactl(["console-consumer", "--bootstrap-server", address] + arguments, timeout: timeout)
    }

    /// The line console-consumer ends every run with on stderr.
    static func processed(_ count: Int) -> String { "Processed a total of \(count) messages" }
}

/// A kafkactl process the test talks to while it runs: read its stdout line by line (with a deadline), close its
/// stdout early, interrupt it, and wait for it (with a deadline). stderr is collected in the background.
final class LiveKafkactl: @unchecked Sendable {
    private let process = ChildProcess()
    private let stdout = Pipe()
    private let stderrPipe = Pipe()
    private let exited = DispatchSemaphore(value: 0)
    private let stderrDone = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stderrData = Data()
    private var pending = Data()
    private var stdoutOpen = true

    init(_ arguments: [String]) throws {
        process.executableURL = kafkactlBinary
        process.arguments = arguments
        process.standardOutput = stdout
        process.standardError = stderrPipe
        process.standardInput = FileHandle.nullDevice
        process.terminationHandler = { [exited] _ in exited.signal() }
        try process.run()
        let handle = stderrPipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(handle.fileDescriptor, &chunk, chunk.count)
                if count > 0 {
                    lock.withLock { stderrData.append(contentsOf: chunk[0..<count]) }
                } else if count == 0 || errno != EINTR {
                    break
                }
            }
            stderrDone.signal()
        }
    }

    /// Everything written to stderr so far.
    var stderr: String { lock.withLock { String(decoding: stderrData, as: UTF8.self) } }

    /// Reads stdout until `count` complete lines have arrived (returned without their newlines; anything after
    /// them is kept for the next call) or `deadline` passes (then returns what it has).
    func readLines(_ count: Int, within timeout: Duration) -> [String] {
        let deadline = ContinuousClock.now + timeout
        let descriptor = stdout.fileHandleForReading.fileDescriptor
        var lines: [String] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while lines.count < count {
            if let newline = pending.firstIndex(of: 0x0a) {
                lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                pending = Data(pending[pending.index(after: newline)...])
                continue
            }
            let left = deadline - ContinuousClock.now
            if left <= .zero { break }
            var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let millis = Int32(max(1, min(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000, 1000)))
            guard poll(&waiting, 1, millis) > 0 else { continue }
            let read = Glibc.read(descriptor, &chunk, chunk.count)
            if read > 0 {
                pending.append(contentsOf: chunk[0..<read])
            } else if read == 0 || errno != EINTR {
                break  // the end of its output
            }
        }
        return lines
    }

    /// Closes our end of its stdout, as `head` does once it has what it wants.
    func closeStdout() {
        lock.withLock {
            guard stdoutOpen else { return }
            stdoutOpen = false
            try? stdout.fileHandleForReading.close()
        }
    }

    /// Sends SIGINT, as Ctrl-C in a terminal does.
    func interrupt() { process.interrupt() }

    /// The exit status once it has exited (128 + n for a signal n), or nil if it is still running after `timeout`
    /// (then it is killed).
    func waitForExit(within timeout: Duration) -> Int32? {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        guard exited.wait(timeout: .now() + seconds) == .success else {
            kill()
            return nil
        }
        _ = stderrDone.wait(timeout: .now() + 2)
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// Ends it at once if it is still running.
    func kill() {
        if process.isRunning {
            process.sendSignal(SIGKILL)
            _ = exited.wait(timeout: .now() + 5)
        }
        closeStdout()
    }
}

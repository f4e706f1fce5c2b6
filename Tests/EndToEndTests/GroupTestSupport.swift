import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Helpers for the consumer-group end-to-end tests: confluent-kafka as the independent client that writes records,
/// commits known offsets and reads committed offsets back; `kafkactl consumer-groups` runs; and group consumers that
/// run in the background while a test watches them.
enum GroupTestSupport {
    /// The session settings that make the test broker finish a join in ~3 s (BROKER.md).
    static let fastGroupProperties = [
        "--consumer-property", "session.timeout.ms=6000", "--consumer-property", "heartbeat.interval.ms=1000",
    ]

    /// A folder for kafkactl's state (reset backups) that is this test's own, not the user's.
    static func stateHome() -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kafkactl-groups-state-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Runs `kafkactl consumer-groups --bootstrap-server <broker> arguments` (with its state in `stateHome`).
    static func consumerGroups(_ arguments: [String], stateHome: String? = nil, timeout: Duration = .seconds(30)) async throws -> ProcessResult {
        let address = try await brokerAddress()
        let environment = ["XDG_STATE_HOME": stateHome ?? Self.sharedStateHome]
        return try await offThePool {
            try runKafkactl(["consumer-groups", "--bootstrap-server", address] + arguments, timeout: timeout, environment: environment)
        }
    }

    static let sharedStateHome = stateHome()

    /// Runs `kafkactl console-consumer --bootstrap-server <broker> arguments` to its end.
    static func consoleConsumer(_ arguments: [String], timeout: Duration = .seconds(60)) async throws -> ProcessResult {
        let address = try await brokerAddress()
        return try await offThePool {
            try runKafkactl(["console-consumer", "--bootstrap-server", address] + arguments, timeout: timeout)
        }
    }

    // MARK: confluent-kafka

    /// Where one record landed.
    struct Delivered: Hashable, Sendable {
        var value: String
        var partition: Int
        var offset: Int64
    }

    static let producerScript = """
        import json, sys
        from confluent_kafka import Producer
        spec = json.load(sys.stdin)
        conf = {"bootstrap.servers": sys.argv[1], "partitioner": "murmur2_random", "linger.ms": 0 if spec["flushEach"] else 20}
        producer = Producer(conf)
        reports, errors = [], []
        def done(err, msg):
            if err is not None:
                errors.append(str(err))
            else:
                reports.append({"value": msg.value().decode(), "partition": msg.partition(), "offset": msg.offset()})
        for record in spec["records"]:
            extra = {} if record.get("partition") is None else {"partition": record["partition"]}
            key = None if record.get("key") is None else record["key"].encode()
            producer.produce(spec["topic"], key=key, value=record["value"].encode(), on_delivery=done, **extra)
            if spec["flushEach"]:
                producer.flush(30)
        producer.flush(30)
        if errors or len(reports) != len(spec["records"]):
            print(json.dumps({"errors": errors, "delivered": len(reports)}), file=sys.stderr)
            sys.exit(1)
        print(json.dumps(reports))
        """

    /// Writes records with confluent-kafka (murmur2 for keys, as Java places them) and returns where each landed.
    /// `flushEach` makes every record its own batch, which the test broker needs for an exact ListOffsets(latest).
    static func produce(
        _ topic: String, _ records: [(key: String?, value: String, partition: Int?)], flushEach: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [Delivered] {
        let spec: [String: Any] = [
            "topic": topic, "flushEach": flushEach,
            "records": records.map { record -> [String: Any] in
                var object: [String: Any] = ["value": record.value]
                if let key = record.key { object["key"] = key }
                if let partition = record.partition { object["partition"] = partition }
                return object
            },
        ]
        let input = try JSONSerialization.data(withJSONObject: spec)
        let address = try await brokerAddress()
        let result = try await offThePool {
            try runPython(script: producerScript, args: [address], stdin: input, timeout: .seconds(90))
        }
        try #require(result.exitCode == 0, "confluent-kafka could not produce: \(result.stderr)", sourceLocation: sourceLocation)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]],
                                   sourceLocation: sourceLocation)
        return try reports.map { report in
            Delivered(value: try #require(report["value"] as? String, sourceLocation: sourceLocation),
                      partition: try #require(report["partition"] as? Int, sourceLocation: sourceLocation),
                      offset: Int64(try #require(report["offset"] as? Int, sourceLocation: sourceLocation)))
        }
    }

    /// `count` keyed records `<prefix>-<i>` (keys `key-<i>`), placed by murmur2.
    static func produceKeyed(_ topic: String, count: Int, prefix: String, flushEach: Bool = false,
                             sourceLocation: SourceLocation = #_sourceLocation) async throws -> [Delivered] {
        try await produce(topic, (0..<count).map { (key: "key-\($0)", value: "\(prefix)-\($0)", partition: nil) },
                          flushEach: flushEach, sourceLocation: sourceLocation)
    }

    /// `counts[p]` one-record batches into each partition p, values `p<p>-<i>`; afterwards each partition's log end
    /// (even as this broker's ListOffsets reports it) is exactly its count.
    static func produceOnePerBatch(_ topic: String, counts: [Int], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        var records: [(key: String?, value: String, partition: Int?)] = []
        for (partition, count) in counts.enumerated() {
            for index in 0..<count { records.append((key: nil, value: "p\(partition)-\(index)", partition: partition)) }
        }
        let delivered = try await produce(topic, records, flushEach: true, sourceLocation: sourceLocation)
        for (partition, count) in counts.enumerated() {
            let offsets = delivered.filter { $0.partition == partition }.map(\.offset).sorted()
            try #require(offsets == (0..<Int64(count)).map { $0 }, "partition \(partition): \(offsets)", sourceLocation: sourceLocation)
        }
    }

    /// The next offset after the last record in each partition.
    static func logEnds(_ delivered: [Delivered]) -> [Int: Int64] {
        Dictionary(grouping: delivered, by: \.partition).mapValues { ($0.map(\.offset).max() ?? -1) + 1 }
    }

    static let committedScript = """
        import json, sys
        from confluent_kafka import Consumer, TopicPartition
        consumer = Consumer({"bootstrap.servers": sys.argv[1], "group.id": sys.argv[2], "enable.auto.commit": False})
        wanted = json.loads(sys.argv[3])
        partitions = [TopicPartition(topic, p) for topic, count in wanted.items() for p in range(count)]
        answer = {}
        for tp in consumer.committed(partitions, timeout=20):
            if tp.error is not None:
                print(tp.error, file=sys.stderr)
                sys.exit(1)
            answer.setdefault(tp.topic, {})[str(tp.partition)] = tp.offset if tp.offset >= 0 else None
        consumer.close()
        print(json.dumps(answer))
        """

    /// The group's committed offsets as confluent-kafka's `committed()` reports them: for each topic, partition ->
    /// offset, nil where nothing is committed.
    static func committed(group: String, topics: [String: Int], sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: [Int: Int64?]] {
        let wanted = String(decoding: try JSONSerialization.data(withJSONObject: topics), as: UTF8.self)
        let result = try await python(committedScript, [group, wanted])
        try #require(result.exitCode == 0, "committed() failed: \(result.stderr)", sourceLocation: sourceLocation)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String: Any]],
                                  sourceLocation: sourceLocation)
        var answer: [String: [Int: Int64?]] = [:]
        for (topic, partitions) in object {
            var offsets: [Int: Int64?] = [:]
            for (partition, offset) in partitions { offsets[Int(partition)!] = (offset as? Int).map(Int64.init) }
            answer[topic] = offsets
        }
        return answer
    }

    /// One topic's committed offsets, partition -> offset (nil where nothing is committed).
    static func committed(group: String, topic: String, partitions: Int,
                          sourceLocation: SourceLocation = #_sourceLocation) async throws -> [Int: Int64?] {
        try await committed(group: group, topics: [topic: partitions], sourceLocation: sourceLocation)[topic] ?? [:]
    }

    static let commitScript = """
        import json, sys
        from confluent_kafka import Consumer, TopicPartition
        consumer = Consumer({"bootstrap.servers": sys.argv[1], "group.id": sys.argv[2], "enable.auto.commit": False})
        offsets = json.loads(sys.argv[3])
        partitions = [TopicPartition(topic, int(p), o) for topic, ps in offsets.items() for p, o in ps.items()]
        for tp in consumer.commit(offsets=partitions, asynchronous=False):
            if tp.error is not None:
                print(tp.error, file=sys.stderr)
                sys.exit(1)
        consumer.close()
        """

    /// Commits `offsets` (topic -> partition -> offset) for `group` with confluent-kafka, outside any membership.
    static func commit(group: String, _ offsets: [String: [Int: Int64]], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let json = offsets.mapValues { partitions in
            Dictionary(uniqueKeysWithValues: partitions.map { (String($0.key), $0.value) })
        }
        let text = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        let result = try await python(commitScript, [group, text])
        try #require(result.exitCode == 0, "commit failed: \(result.stderr)", sourceLocation: sourceLocation)
    }

    // MARK: Reading kafkactl's output

    /// The rows of a `--describe` offsets table: each row's cells split on runs of spaces (no cell holds a space).
    static func tableRows(_ stdout: String) -> [[String]] {
        stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    }

    /// The `Error: ` lines of stderr.
    static func errorLines(_ result: ProcessResult) -> [String] {
        result.stderrLines.filter { $0.hasPrefix("Error: ") }
    }

    /// The group's state as `--describe --state` reports it (nil if it could not be read).
    static func state(of group: String) async throws -> (state: String, members: Int)? {
        let result = try await consumerGroups(["--describe", "--group", group, "--state", "--output", "json"])
        guard result.exitCode == 0,
            let object = try? JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any],
            let groups = object["groups"] as? [[String: Any]], let first = groups.first,
            let state = first["state"] as? String, let members = first["members"] as? Int
        else { return nil }
        return (state, members)
    }

    /// Polls until the group is Stable with `members` members; returns how long that took, or nil at the deadline.
    static func waitUntilStable(_ group: String, members: Int, within timeout: Duration = .seconds(30)) async throws -> Duration? {
        let start = ContinuousClock.now
        let stable = try await eventually(within: timeout) {
            guard let now = try await state(of: group) else { return false }
            return now.state == "Stable" && now.members == members
        }
        return stable ? ContinuousClock.now - start : nil
    }
}

/// A process started in the background that the test can watch: its stdout lines so far, stderr, a signal, and its
/// exit (with a deadline). Output is collected by threads of its own.
final class BackgroundProcess: @unchecked Sendable {
    private let process = ChildProcess()
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()
    private let exited = DispatchSemaphore(value: 0)
    private let outDone = DispatchSemaphore(value: 0)
    private let errDone = DispatchSemaphore(value: 0)
    private let stdinPipe = Pipe()
    let started = ContinuousClock.now

    init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = stdinPipe
        process.terminationHandler = { [exited] _ in exited.signal() }
        try process.run()
        collect(outPipe.fileHandleForReading, done: outDone) { [self] chunk in lock.withLock { out.append(chunk) } }
        collect(errPipe.fileHandleForReading, done: errDone) { [self] chunk in lock.withLock { err.append(chunk) } }
    }

    /// kafkactl with `arguments`.
    static func kafkactl(_ arguments: [String]) throws -> BackgroundProcess {
        try BackgroundProcess(kafkactlBinary, arguments)
    }

    private func collect(_ handle: FileHandle, done: DispatchSemaphore, _ append: @escaping @Sendable (Data) -> Void) {
        Thread.detachNewThread {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(handle.fileDescriptor, &chunk, chunk.count)
                if count > 0 {
                    append(Data(chunk[0..<count]))
                } else if count == 0 || errno != EINTR {
                    break
                }
            }
            done.signal()
        }
    }

    var pid: Int32 { process.processIdentifier }
    var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }
    /// Complete stdout lines so far.
    var lines: [String] {
        let text = stdout
        var lines = text.components(separatedBy: "\n")
        lines.removeLast()  // the part after the last newline (empty once a line is complete)
        return lines
    }

    /// Closes its stdin (a Python child reading it takes that as the sign to stop).
    func closeStdin() { try? stdinPipe.fileHandleForWriting.close() }

    /// Sends `signal` if it still runs (never to a pid that may have been reused).
    func send(_ signal: Int32) {
        process.sendSignal(signal)
    }

    /// The exit status (128 + n for signal n) once it has exited and its output has ended, or nil if that did not
    /// happen within `timeout` (then it is killed).
    func waitForExit(within timeout: Duration) async -> Int32? {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let exited = self.exited
        let ok = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            Thread.detachNewThread { continuation.resume(returning: exited.wait(timeout: .now() + seconds) == .success) }
        }
        guard ok else {
            kill()
            return nil
        }
        exited.signal()  // for a later waiter
        _ = outDone.wait(timeout: .now() + 2)
        _ = errDone.wait(timeout: .now() + 2)
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// Ends it at once if it still runs (SIGKILL, no clean-up: use only for failed tests).
    func kill() {
        if process.isRunning {
            process.sendSignal(SIGKILL)
            _ = exited.wait(timeout: .now() + 5)
            exited.signal()
        }
    }
}

/// Runs `body` with the background processes it starts registered in `processes`; whatever still runs afterwards
/// (a failed test) is interrupted, given a moment to leave its group, then killed.
func withBackgroundProcesses(_ body: (ProcessList) async throws -> Void) async throws {
    let processes = ProcessList()
    do {
        try await body(processes)
    } catch {
        await processes.stopAll()
        throw error
    }
    await processes.stopAll()
}

final class ProcessList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [BackgroundProcess] = []

    @discardableResult
    func add(_ process: BackgroundProcess) -> BackgroundProcess {
        lock.withLock { items.append(process) }
        return process
    }

    func stopAll() async {
        for process in lock.withLock({ items }) {
            process.send(SIGINT)
            process.closeStdin()
            if await process.waitForExit(within: .seconds(10)) == nil { process.kill() }
        }
    }
}

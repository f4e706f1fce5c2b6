@testable import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// Issue 11, end to end from the built binary: the one time grammar (start and stop positions, ISO output in a
/// zone), `--until` and `--exit-at-end` (in a group too), `consumer-groups --describe --time-lag`, the reset backup
/// and its undo command, and `configs --alter`'s validate-only, warnings and diff. Where the test broker cannot
/// answer truthfully (ListOffsets by time answers 0 for every time), a scripted broker does.
@Suite struct BeyondApacheTests {
    // MARK: helpers

    /// Runs kafkactl with its own state folder (and `environment`), off the shared threads.
    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(30)) async throws
        -> ProcessResult
    {
        try await offThePool {
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("kafkactl-beyond-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: state) }
            return try runKafkactl(arguments, timeout: timeout,
                                   environment: ["XDG_STATE_HOME": state.path].merging(environment) { _, new in new })
        }
    }

    /// `kafkactl console-consumer --bootstrap-server <test broker> arguments`.
    static func consume(_ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(30)) async throws
        -> ProcessResult
    {
        try await run(["console-consumer", "--bootstrap-server", try await brokerAddress()] + arguments,
                      environment: environment, timeout: timeout)
    }

    static func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }

    /// Writes one record per batch with confluent-kafka at the given partitions and timestamps (ms); returns the
    /// offsets, in order.
    static let timedProducerScript = """
        import json, sys
        from confluent_kafka import Producer
        spec = json.load(sys.stdin)
        producer = Producer({"bootstrap.servers": sys.argv[1], "linger.ms": 0})
        offsets, errors = [], []
        def done(err, msg):
            if err is not None:
                errors.append(str(err))
            else:
                offsets.append(msg.offset())
        for r in spec["records"]:
            producer.produce(spec["topic"], value=r["value"].encode(), partition=r["partition"], timestamp=r["timestamp"], on_delivery=done)
            producer.flush(30)
        if errors or len(offsets) != len(spec["records"]):
            print(json.dumps(errors), file=sys.stderr)
            sys.exit(1)
        print(json.dumps(offsets))
        """

    static func produceTimed(_ topic: String, _ records: [(partition: Int, timestamp: Int64, value: String)],
                             sourceLocation: SourceLocation = #_sourceLocation) async throws -> [Int64] {
        let spec: [String: Any] = ["topic": topic, "records": records.map {
            ["partition": $0.partition, "timestamp": $0.timestamp, "value": $0.value] as [String: Any]
        }]
        let input = try JSONSerialization.data(withJSONObject: spec)
        let address = try await brokerAddress()
        let result = try await offThePool { try runPython(script: timedProducerScript, args: [address], stdin: input) }
        try #require(result.exitCode == 0, "confluent-kafka could not produce: \(result.stderr)", sourceLocation: sourceLocation)
        return try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [Int], sourceLocation: sourceLocation).map(Int64.init)
    }

    static func nowMillis() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    /// `millis` as kafkactl's `print.timestamp.format=iso` should write it, computed with Foundation.
    static func iso(_ millis: Int64, zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX"
        return formatter.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }

    // MARK: the time grammar and ranges against a scripted broker (truthful ListOffsets by time)

    /// 2025-01-01T00:00:00Z; record i of the scripted partition has timestamp `t0 + i` minutes.
    static let t0: Int64 = 1_735_689_600_000

    /// One partition of topic `timed` holding r0..r4 at t0, t0+1m, ... t0+4m. ListOffsets answers by time as Kafka
    /// does (the first offset at or after the time, -1 if none) and records every timestamp asked.
    final class TimedBroker: Sendable {
        let scripted: ScriptedBroker
        private let asked = BeyondRecorded<Int64>()
        var askedTimestamps: [Int64] { asked.all }

        init() throws {
            let port = Atomic<Int>(0)
            let asked = self.asked
            var builder = RecordBatchBuilder()
            for index in 0..<5 {
                builder.append(key: nil, value: ByteBuffer(string: "r\(index)"), timestamp: BeyondApacheTests.t0 + Int64(index) * 60_000)
            }
            let batch = Array(try builder.build(producer: .none, isTransactional: false).readableBytesView)
            scripted = try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 1: 10...12, 2: 4...10]) { header, body in
                var body = body
                switch header.apiKey {
                case .metadata:
                    return ScriptedBroker.oneNodeMetadataReply(
                        port: Int(port.load(ordering: .relaxed)), topics: ["timed": 1], version: header.apiVersion)
                case .listOffsets:
                    guard let request = try? ListOffsetsRequest(from: &body, version: header.apiVersion) else { return .close }
                    let response = ListOffsetsResponse(topics: request.topics.map { topic in
                        .init(name: topic.name, partitions: topic.partitions.map { partition in
                            let time = partition.timestamp
                            let offset: Int64
                            switch time {
                            case -2: offset = 0
                            case -1: offset = 5
                            default:
                                asked.append(time)
                                offset = (0..<5).first { BeyondApacheTests.t0 + $0 * 60_000 >= time } ?? -1
                            }
                            return .init(partitionIndex: partition.partitionIndex, offset: offset)
                        })
                    })
                    return ScriptedBroker.reply(response, to: ListOffsetsRequest.self, version: header.apiVersion)
                case .fetch:
                    guard let request = try? FetchRequest(from: &body, version: header.apiVersion) else { return .close }
                    let response = FetchResponse(responses: request.topics.map { topic in
                        .init(topic: topic.topic, partitions: topic.partitions.map { partition in
                            .init(partitionIndex: partition.partition, highWatermark: 5, lastStableOffset: 5, logStartOffset: 0,
                                  records: partition.fetchOffset < 5 ? ByteBuffer(bytes: batch) : ByteBuffer())
                        })
                    })
                    return ScriptedBroker.reply(response, to: FetchRequest.self, version: header.apiVersion)
                default:
                    return .silence
                }
            }
            port.store(scripted.port, ordering: .relaxed)
        }
    }

    static func consumeScripted(_ broker: TimedBroker, _ arguments: [String], environment: [String: String] = [:]) async throws
        -> ProcessResult
    {
        try await run(["console-consumer", "--bootstrap-server", broker.scripted.address, "--topic", "timed", "--exit-at-end"]
                      + arguments, environment: environment, timeout: .seconds(20))
    }

    @Test func offsetTakesISOWithAZoneWithoutAZoneAndRelativeTimes() async throws {
        let broker = try TimedBroker()
        defer { broker.scripted.stop() }
        // 01:02 at +01:00 is 00:02Z: record 2.
        let zoned = try await Self.consumeScripted(broker, ["--offset", "2025-01-01T01:02:00+01:00"])
        #expect(zoned.exitCode == 0, "stderr: \(zoned.stderr)")
        #expect(zoned.stdout == "r2\nr3\nr4\n")
        #expect(broker.askedTimestamps.last == Self.t0 + 120_000)
        // No zone: local time, here a zone 5:30 ahead of UTC, so 05:33:30 is 00:03:30Z (record 4 is the first at or after).
        let local = try await Self.consumeScripted(broker, ["--offset", "2025-01-01T05:33:30"], environment: ["TZ": "XYZ-5:30"])
        #expect(local.exitCode == 0, "stderr: \(local.stderr)")
        #expect(local.stdout == "r4\n")
        #expect(broker.askedTimestamps.last == Self.t0 + 210_000)
        // Fractional seconds and a date alone.
        _ = try await Self.consumeScripted(broker, ["--offset", "2025-01-01T00:00:59.5Z"])
        #expect(broker.askedTimestamps.last == Self.t0 + 59_500)
        let midnight = try await Self.consumeScripted(broker, ["--offset", "2025-01-01"], environment: ["TZ": "UTC0"])
        #expect(midnight.stdout == "r0\nr1\nr2\nr3\nr4\n")
        #expect(broker.askedTimestamps.last == Self.t0)
        // Relative to now: asked for now - 15 minutes.
        let before = Self.nowMillis()
        let relative = try await Self.consumeScripted(broker, ["--offset", "-15m"])
        let after = Self.nowMillis()
        #expect(relative.exitCode == 0, "stderr: \(relative.stderr)")
        #expect(relative.stdout.isEmpty, "no record is that new")
        let asked = try #require(broker.askedTimestamps.last)
        #expect((before - 900_000)...(after - 900_000) ~= asked, "asked \(asked), expected now - 15m")
    }

    /// `--where`'s time bounds become ListOffsets by time for the start and the stop (the test broker answers offset 0
    /// for every time, so this is proven here): only the records between are fetched and tested.
    @Test func whereTimeBoundsStartAndStopTheRead() async throws {
        let broker = try TimedBroker()
        defer { broker.scripted.stop() }
        let bounded = try await Self.consumeScripted(
            broker, ["--where", #"timestamp >= "2025-01-01T00:01:00Z" and timestamp < "2025-01-01T00:03:00Z""#, "--stats"])
        #expect(bounded.exitCode == 0, "stderr: \(bounded.stderr)")
        #expect(bounded.stdout == "r1\nr2\n")
        #expect(bounded.stderr.contains("Scanned 2 records, matched 2; read 1 of 1 partitions"), "\(bounded.stderr)")
        #expect(broker.askedTimestamps.suffix(2).sorted() == [Self.t0 + 60_000, Self.t0 + 180_000])
        // With --from-beginning the later of the two starts wins; without a bound the filter alone decides.
        let later = try await Self.consumeScripted(broker, ["--from-beginning", "--where", "timestamp > 1735689779999", "--stats"])
        #expect(later.stdout == "r3\nr4\n", "stderr: \(later.stderr)")
        #expect(later.stderr.contains("Scanned 2 records"), "\(later.stderr)")
        let unbounded = try await Self.consumeScripted(broker, ["--from-beginning", "--where", #"value == "r3" or timestamp < 1735689600001"#, "--stats"])
        #expect(unbounded.stdout == "r0\nr3\n", "stderr: \(unbounded.stderr)")
        #expect(unbounded.stderr.contains("Scanned 5 records, matched 2"), "\(unbounded.stderr)")
    }

    @Test func untilATimeStopsBeforeTheFirstRecordAtOrAfterIt() async throws {
        let broker = try TimedBroker()
        defer { broker.scripted.stop() }
        let middle = try await Self.consumeScripted(broker, ["--from-beginning", "--until", "2025-01-01T00:03:00Z"])
        #expect(middle.exitCode == 0, "stderr: \(middle.stderr)")
        #expect(middle.stdout == "r0\nr1\nr2\n")
        #expect(middle.stderr == "Processed a total of 3 messages\n")
        // A time before the data: nothing.
        let early = try await Self.consumeScripted(broker, ["--from-beginning", "--until", "2024-12-31T23:00:00Z"])
        #expect(early.exitCode == 0, "stderr: \(early.stderr)")
        #expect(early.stdout.isEmpty)
        #expect(early.stderr == "Processed a total of 0 messages\n")
        // now: every record written before (no record is that new, so the partition's end).
        let now = try await Self.consumeScripted(broker, ["--from-beginning", "--until", "now"])
        #expect(now.stdout == "r0\nr1\nr2\nr3\nr4\n")
        // A range: from a time to a time.
        let range = try await Self.consumeScripted(broker, ["--offset", "2025-01-01T00:01:00Z", "--until", "2025-01-01T00:02:30Z"])
        #expect(range.stdout == "r1\nr2\n")
        // A stop offset from the grammar's relative form: -1d is before nothing here (records are from 2025): the end.
        let relative = try await Self.consumeScripted(broker, ["--from-beginning", "--until", "-1d"])
        #expect(relative.stdout == "r0\nr1\nr2\nr3\nr4\n")
    }

    // MARK: ranges and exit-at-end against the test broker

    @Test func untilAnOffsetPrintsExactlyTheOffsetsBelowItInEachPartition() async throws {
        let topic = BrokerHarness.uniqueName("until")
        try await createTopic(topic, partitions: 3)
        try await withTopics(topic) {
            try await GroupTestSupport.produceOnePerBatch(topic, counts: [4, 2, 0])
            let result = try await Self.consume(["--topic", topic, "--from-beginning", "--exit-at-end", "--until", "2",
                                                 "--property", "print.partition=true", "--property", "print.offset=true"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(Set(Self.lines(result.stdout)) == [
                "Partition:0\tOffset:0\tp0-0", "Partition:0\tOffset:1\tp0-1", "Partition:1\tOffset:0\tp1-0", "Partition:1\tOffset:1\tp1-1",
            ])
            #expect(Self.lines(result.stdout).count == 4)
            let window = try await Self.consume(["--topic", topic, "--partition", "0", "--offset", "1", "--until", "3", "--exit-at-end"])
            #expect(window.stdout == "p0-1\np0-2\n")
            let none = try await Self.consume(["--topic", topic, "--from-beginning", "--until", "0", "--exit-at-end"])
            #expect(none.exitCode == 0)
            #expect(none.stdout.isEmpty)
            // Without --exit-at-end, the stop offsets alone end the run once every partition reached them.
            let stops = try await Self.consume(["--topic", topic, "--partition", "1", "--from-beginning", "--until", "2"])
            #expect(stops.exitCode == 0, "stderr: \(stops.stderr)")
            #expect(stops.stdout == "p1-0\np1-1\n")
        }
    }

    @Test func theTimeGrammarWorksAgainstTheTestBroker() async throws {
        let topic = BrokerHarness.uniqueName("grammar")
        try await createTopic(topic, partitions: 2)
        try await withTopics(topic) {
            try await GroupTestSupport.produceOnePerBatch(topic, counts: [2, 1])
            let everything: Set<String> = ["p0-0", "p0-1", "p1-0"]
            // Every spelling of a time before the data starts at the beginning.
            for start in ["-1d", "-90m", "2020-01-01T00:00:00Z", "2020-01-01T02:00:00+02:00", "2020-01-01 00:00:00", "2020-01-01"] {
                let result = try await Self.consume(["--topic", topic, "--offset", start, "--exit-at-end"])
                #expect(result.exitCode == 0, "--offset \(start): \(result.stderr)")
                #expect(Set(Self.lines(result.stdout)) == everything, "--offset \(start)")
            }
            // A stop time before the data prints nothing.
            let before = try await Self.consume(["--topic", topic, "--from-beginning", "--exit-at-end", "--until", "2020-01-01T00:00:00Z"])
            #expect(before.exitCode == 0, "stderr: \(before.stderr)")
            #expect(before.stdout.isEmpty)
            // Not a time: refused with the grammar named.
            let bad = try await Self.consume(["--topic", topic, "--until", "yesterday"])
            #expect(bad.exitCode == 64)
            #expect(bad.stderr.contains("The provided --until value 'yesterday' is incorrect"), "\(bad.stderr)")
        }
    }

    @Test func exitAtEndInAGroupEndsAfterReadingEverything() async throws {
        let topic = BrokerHarness.uniqueName("group-end")
        let group = BrokerHarness.uniqueName("group-end")
        try await createTopic(topic, partitions: 3)
        try await withTopics(topic) {
            try await GroupTestSupport.produceOnePerBatch(topic, counts: [3, 2, 1])
            let result = try await Self.consume(["--topic", topic, "--group", group, "--from-beginning", "--exit-at-end"]
                                                + GroupTestSupport.fastGroupProperties, timeout: .seconds(60))
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(Set(Self.lines(result.stdout)) == ["p0-0", "p0-1", "p0-2", "p1-0", "p1-1", "p2-0"])
            #expect(Self.lines(result.stdout).count == 6)
            #expect(result.stderr.hasSuffix("Processed a total of 6 messages\n"), "\(result.stderr)")
            // What it printed it committed.
            let committed = try await GroupTestSupport.committed(group: group, topic: topic, partitions: 3)
            #expect(committed == [0: 3, 1: 2, 2: 1])
        }
    }

    // MARK: print.timestamp.format=iso and print.timestamp.zone

    @Test func isoTimestampsAreWhatTheProducerWasToldInUTCAndInTheLocalZone() async throws {
        let topic = BrokerHarness.uniqueName("iso")
        try await createTopic(topic, partitions: 2)
        try await withTopics(topic) {
            let base = Self.nowMillis() - 7_200_000
            let records: [(partition: Int, timestamp: Int64, value: String)] = [(partition: 0, timestamp: base + 1, value: "a"), (partition: 1, timestamp: base + 12_345, value: "b"),
                           (partition: 0, timestamp: 86_400_000 * 365 + 7, value: "c")]
            let offsets = try await Self.produceTimed(topic, records)
            let common = ["--topic", topic, "--from-beginning", "--exit-at-end", "--property", "print.timestamp=true",
                          "--property", "print.timestamp.format=iso", "--property", "print.partition=true",
                          "--property", "print.offset=true"]
            func expected(_ zone: TimeZone) -> Set<String> {
                Set(zip(records, offsets).map { record, offset in
                    "CreateTime:\(Self.iso(record.timestamp, zone: zone))\tPartition:\(record.partition)\tOffset:\(offset)\t\(record.value)"
                })
            }
            let utc = try await Self.consume(common)
            #expect(utc.exitCode == 0, "stderr: \(utc.stderr)")
            #expect(Set(Self.lines(utc.stdout)) == expected(TimeZone(identifier: "UTC")!))
            #expect(utc.stdout.contains("CreateTime:1971-01-01T00:00:00.007Z\tPartition:0"), "\(utc.stdout)")

            let india = try await Self.consume(common + ["--property", "print.timestamp.zone=local"], environment: ["TZ": "XYZ-5:30"])
            #expect(india.exitCode == 0, "stderr: \(india.stderr)")
            #expect(Set(Self.lines(india.stdout)) == expected(TimeZone(secondsFromGMT: 19_800)!))
            #expect(india.stdout.contains("CreateTime:1971-01-01T05:30:00.007+05:30\tPartition:0"), "\(india.stdout)")

            let west = try await Self.consume(common + ["--property", "print.timestamp.zone=local"], environment: ["TZ": "ABC+3"])
            #expect(Set(Self.lines(west.stdout)) == expected(TimeZone(secondsFromGMT: -10_800)!))
            #expect(west.stdout.contains("-03:00\t"))
        }
    }

    // MARK: consumer-groups --describe --time-lag

    @Test func timeLagIsNowMinusTheNextUnconsumedRecordsTimestamp() async throws {
        let topic = BrokerHarness.uniqueName("timelag")
        let behind = BrokerHarness.uniqueName("timelag-behind")
        let caughtUp = BrokerHarness.uniqueName("timelag-caught-up")
        try await createTopic(topic, partitions: 2)
        try await withTopics(topic) {
            let now = Self.nowMillis()
            let times: [Int64] = [now - 600_000, now - 480_000, now - 360_000, now - 240_000]
            var records: [(partition: Int, timestamp: Int64, value: String)] = []
            for (index, time) in times.enumerated() { records.append((partition: 0, timestamp: time, value: "p0-\(index)")) }
            records.append((partition: 1, timestamp: now - 300_000, value: "p1-0"))
            _ = try await Self.produceTimed(topic, records)
            try await GroupTestSupport.commit(group: behind, [topic: [0: 1, 1: 1]])
            try await GroupTestSupport.commit(group: caughtUp, [topic: [0: 4, 1: 1]])

            let started = Self.nowMillis()
            let json = try await GroupTestSupport.consumerGroups(["--describe", "--group", behind, "--time-lag", "--output", "json"])
            let finished = Self.nowMillis()
            #expect(json.exitCode == 0, "stderr: \(json.stderr)")
            let document = try json.jsonObject()
            let groupDocument = try #require((document["groups"] as? [[String: Any]])?.first)
            let rows = try #require(groupDocument["partitions"] as? [[String: Any]])
            let partition0 = try #require(rows.first { $0["partition"] as? Int == 0 })
            let lag = try #require(partition0["timeLagMs"] as? Int)
            // The next unconsumed record is offset 1, written at times[1].
            #expect(Int(started - times[1])...Int(finished - times[1]) ~= lag, "timeLagMs \(lag)")
            #expect(partition0["behindNewestMs"] as? Int == Int(times[3] - times[1]))
            let partition1 = try #require(rows.first { $0["partition"] as? Int == 1 })
            #expect(partition1["timeLagMs"] as? Int == 0)
            #expect(partition1["behindNewestMs"] as? Int == 0)
            let topics = try #require(groupDocument["topics"] as? [[String: Any]])
            #expect(topics.count == 1)
            #expect(topics.first?["topic"] as? String == topic)
            #expect(topics.first?["timeLagMs"] as? Int == lag)
            #expect(topics.first?["behindNewestMs"] as? Int == Int(times[3] - times[1]))

            let textStarted = Self.nowMillis()
            let text = try await GroupTestSupport.consumerGroups(["--describe", "--group", behind, "--time-lag"])
            let textFinished = Self.nowMillis()
            // `8m03s` within the whole seconds the run could have seen.
            func shown(_ cell: String) -> Bool {
                let parts = cell.dropLast().split(separator: "m")
                guard cell.hasSuffix("s"), parts.count == 2, let minutes = Int64(parts[0]), let seconds = Int64(parts[1]) else { return false }
                let millis = (minutes * 60 + seconds) * 1000
                return (textStarted - times[1] - 1000)...(textFinished - times[1]) ~= millis
            }
            #expect(text.exitCode == 0, "stderr: \(text.stderr)")
            let table = GroupTestSupport.tableRows(text.stdout)
            let header = try #require(table.first { $0.first == "GROUP" })
            #expect(Array(header.prefix(8)) == ["GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "TIME-LAG", "BEHIND-NEWEST"])
            let row0 = try #require(table.first { $0.first == behind && $0.count > 2 && $0[2] == "0" })
            #expect(Array(row0[3...5]) == ["1", "4", "3"])
            #expect(shown(row0[6]), "TIME-LAG \(row0[6])")
            #expect(row0[7] == "4m00s")
            let row1 = try #require(table.first { $0.first == behind && $0.count > 2 && $0[2] == "1" })
            #expect(Array(row1[6...7]) == ["0ms", "0ms"])
            let topicLine = try #require(Self.lines(text.stdout).first { $0.hasPrefix("Topic \(topic): ") })
            #expect(topicLine == "Topic \(topic): up to \(row0[6]) behind now, 4m00s behind the newest record", "\(topicLine)")

            let upToDate = try await GroupTestSupport.consumerGroups(["--describe", "--group", caughtUp, "--time-lag"])
            #expect(upToDate.exitCode == 0, "stderr: \(upToDate.stderr)")
            let upToDateRows = GroupTestSupport.tableRows(upToDate.stdout).filter { $0.first == caughtUp }
            #expect(upToDateRows.count == 2)
            for row in upToDateRows { #expect(Array(row[5...7]) == ["0", "0ms", "0ms"], "\(row)") }
            #expect(upToDate.stdout.contains("Topic \(topic): up to 0ms behind now, 0ms behind the newest record"), "\(upToDate.stdout)")
        }
    }

    // MARK: reset backup and undo

    @Test func anExecutedResetPrintsAnUndoCommandThatRestoresThePreviousOffsets() async throws {
        let topic = BrokerHarness.uniqueName("reset-undo")
        let group = BrokerHarness.uniqueName("reset-undo")
        try await createTopic(topic, partitions: 3)
        try await withTopics(topic) {
            try await GroupTestSupport.produceOnePerBatch(topic, counts: [3, 3, 3])
            try await GroupTestSupport.commit(group: group, [topic: [0: 2, 1: 1]])
            let state = GroupTestSupport.stateHome()
            defer { try? FileManager.default.removeItem(atPath: state) }

            let reset = try await GroupTestSupport.consumerGroups(
                ["--reset-offsets", "--group", group, "--topic", topic, "--to-latest", "--execute"], stateHome: state)
            #expect(reset.exitCode == 0, "stderr: \(reset.stderr)")
            #expect(try await GroupTestSupport.committed(group: group, topic: topic, partitions: 3) == [0: 3, 1: 3, 2: 3])

            let line = try #require(reset.stderrLines.first { $0.contains("; undo with: ") }, "stderr: \(reset.stderr)")
            let path = try #require(line.components(separatedBy: " saved to ").last?.components(separatedBy: ";").first)
            let address = try await brokerAddress()
            #expect(line == "Previous offsets of group '\(group)' saved to \(path); undo with: kafkactl consumer-groups --bootstrap-server \(address) --reset-offsets --group \(group) --from-file \(path) --execute")
            #expect(path.hasPrefix(state + "/kafkactl/resets/\(group)-") && path.hasSuffix(".csv"), "\(path)")
            let saved = try String(contentsOfFile: path, encoding: .utf8)
            let savedLines = Self.lines(saved)
            #expect(savedLines.first == "# no offset was committed before for: \(topic)-2")
            #expect(Set(savedLines.dropFirst()) == ["\(group),\(topic),0,2", "\(group),\(topic),1,1"])

            // Paste the printed command into a shell, as printed (issue 18, item 5: it lacked the connection flag).
            let command = try #require(line.components(separatedBy: "; undo with: ").last)
            let undo = try await Self.paste(command, environment: ["XDG_STATE_HOME": state])
            #expect(undo.exitCode == 0, "stderr: \(undo.stderr)")
            #expect(try await GroupTestSupport.committed(group: group, topic: topic, partitions: 3) == [0: 2, 1: 1, 2: 3],
                    "the saved partitions are back; one never committed keeps the reset's offset")
            // The undo was a reset too: it saved the offsets it replaced.
            #expect(undo.stderr.contains("Previous offsets of group '\(group)' saved to \(state)/kafkactl/resets/"), "\(undo.stderr)")
        }
    }

    /// Runs `command` as a user pasting it would: through /bin/sh, with kafkactl found on the PATH.
    static func paste(_ command: String, environment: [String: String]) async throws -> ProcessResult {
        let path = kafkactlBinary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try await offThePool {
            try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", command], environment: environment.merging(["PATH": path]) { _, new in new })
        }
    }

    /// The undo line names the cluster as the reset was told it: here a --command-config file (whose path needs
    /// quoting) and no --bootstrap-server; pasted, it restores the offsets.
    @Test func theUndoCommandCarriesTheCommandConfigQuoted() async throws {
        let topic = BrokerHarness.uniqueName("reset-undo-config")
        let group = BrokerHarness.uniqueName("reset-undo-config")
        try await createTopic(topic, partitions: 1)
        try await withTopics(topic) {
            try await GroupTestSupport.produceOnePerBatch(topic, counts: [3])
            try await GroupTestSupport.commit(group: group, [topic: [0: 1]])
            let state = GroupTestSupport.stateHome()
            defer { try? FileManager.default.removeItem(atPath: state) }
            let config = state + "/my client's.properties"
            try "bootstrap.servers=\(try await brokerAddress())\nclient.id=ops\n".write(toFile: config, atomically: true, encoding: .utf8)
            let reset = try await offThePool {
                try runKafkactl(["consumer-groups", "--command-config", config, "--reset-offsets", "--group", group, "--topic", topic,
                                 "--to-latest", "--execute"], environment: ["XDG_STATE_HOME": state])
            }
            #expect(reset.exitCode == 0, "stderr: \(reset.stderr)")
            let line = try #require(reset.stderrLines.first { $0.contains("; undo with: ") }, "stderr: \(reset.stderr)")
            let command = try #require(line.components(separatedBy: "; undo with: ").last)
            #expect(command.hasPrefix("kafkactl consumer-groups --command-config '\(state)/my client'\\''s.properties' --reset-offsets"), "\(command)")
            let undo = try await Self.paste(command, environment: ["XDG_STATE_HOME": state])
            #expect(undo.exitCode == 0, "stderr: \(undo.stderr)")
            #expect(try await GroupTestSupport.committed(group: group, topic: topic, partitions: 1) == [0: 1])
        }
    }

    // MARK: configs --alter: validate-only first, warnings, diff

    /// A broker that knows topic `orders` (one partition, three replicas), keeps its topic configs, answers
    /// DescribeConfigs from them, applies IncrementalAlterConfigs (refusing validate-only ones when told), and logs
    /// every request (`IncrementalAlterConfigs(validateOnly)` told apart).
    final class ConfigBroker: Sendable {
        let scripted: ScriptedBroker
        private let log = BeyondRecorded<String>()
        var requests: [String] { log.all }

        init(configs initial: [String: String], refuseValidateOnly: Bool = false) throws {
            let configs = BeyondGuarded(initial)
            let log = self.log
            scripted = try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 32: 0...4, 44: 0...1]) { header, body in
                var body = body
                switch header.apiKey {
                case .apiVersions:
                    return .silence
                case .metadata:
                    log.append("Metadata")
                    let topic = MetadataResponse.MetadataResponseTopic(
                        name: "orders", partitions: [.init(partitionIndex: 0, leaderId: 1, replicaNodes: [1, 2, 3], isrNodes: [1, 2, 3])])
                    return ScriptedBroker.reply(MetadataResponse(brokers: [], clusterId: "c", controllerId: -1, topics: [topic]),
                                                to: MetadataRequest.self, version: header.apiVersion)
                case .describeConfigs:
                    log.append("DescribeConfigs")
                    let entries = configs.value.sorted { $0.key < $1.key }.map {
                        DescribeConfigsResponse.DescribeConfigsResourceResult(
                            name: $0.key, value: $0.value, readOnly: false, configSource: ConfigEntry.Source.topicConfig.rawValue,
                            isSensitive: false)
                    }
                    let response = DescribeConfigsResponse(results: [.init(resourceType: 2, resourceName: "orders", configs: entries)])
                    return ScriptedBroker.reply(response, to: DescribeConfigsRequest.self, version: header.apiVersion)
                case .incrementalAlterConfigs:
                    guard let request = try? IncrementalAlterConfigsRequest(from: &body, version: header.apiVersion) else { return .close }
                    log.append(request.validateOnly ? "IncrementalAlterConfigs(validateOnly)" : "IncrementalAlterConfigs")
                    var error = ErrorCode.none
                    var message: String?
                    if request.validateOnly && refuseValidateOnly {
                        error = .policyViolation
                        message = "min.insync.replicas above 2 is not allowed here"
                    } else if !request.validateOnly {
                        configs.update { configs in
                            for config in request.resources.flatMap(\.configs) {
                                if config.configOperation == 0 { configs[config.name] = config.value } else { configs[config.name] = nil }
                            }
                        }
                    }
                    let response = IncrementalAlterConfigsResponse(responses: [.init(
                        errorCode: error.rawValue, errorMessage: message, resourceType: 2, resourceName: "orders")])
                    return ScriptedBroker.reply(response, to: IncrementalAlterConfigsRequest.self, version: header.apiVersion)
                default:
                    log.append("\(header.apiKey)")
                    return .close
                }
            }
        }
    }

    @Test func aRefusalByValidateOnlyIsOneLineAndNothingElseIsSent() async throws {
        let broker = try ConfigBroker(configs: ["min.insync.replicas": "2"], refuseValidateOnly: true)
        defer { broker.scripted.stop() }
        let result = try await Self.run(["configs", "--bootstrap-server", broker.scripted.address, "--topic", "orders", "--alter",
                                         "--add-config", "min.insync.replicas=3,retention.ms=1000"], timeout: .seconds(20))
        expectFailure(result, exitCode: 1,
                      message: "cannot alter configs of topic orders: min.insync.replicas above 2 is not allowed here [POLICY_VIOLATION]")
        #expect(broker.requests.filter { $0 != "Metadata" } == ["DescribeConfigs", "IncrementalAlterConfigs(validateOnly)"], "\(broker.requests)")
        #expect(broker.requests.last == "IncrementalAlterConfigs(validateOnly)", "nothing after the refusal: \(broker.requests)")
    }

    @Test func anAlterValidatesFirstWarnsAboutRiskyValuesAndShowsTheDiffOnStderr() async throws {
        let broker = try ConfigBroker(configs: ["min.insync.replicas": "2", "segment.bytes": "1048576"])
        defer { broker.scripted.stop() }
        let result = try await Self.run(["configs", "--bootstrap-server", broker.scripted.address, "--topic", "orders", "--alter",
                                         "--add-config", "min.insync.replicas=3,retention.ms=60000,cleanup.policy=compact",
                                         "--delete-config", "segment.bytes"], timeout: .seconds(20))
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "Completed updating config for topic orders.\n")
        let lines = result.stderrLines
        let warnings = lines.filter { $0.hasPrefix("WARNING: ") }
        let diff = lines.filter { $0.hasPrefix("  ") }
        #expect(warnings.count + diff.count == lines.count, "only warnings and the diff: \(lines)")
        #expect(Set(warnings) == [
            "WARNING: min.insync.replicas=3 is at or above the replication factor of topic orders (3): producers with acks=all will fail whenever one replica is down.",
            "WARNING: retention.ms=60000 deletes records of topic orders after less than an hour.",
            "WARNING: cleanup.policy=compact keeps only the latest record per key in topic orders; records without a key are removed by compaction.",
        ])
        #expect(Set(diff) == [
            "  min.insync.replicas: 2 (DYNAMIC_TOPIC_CONFIG) -> 3 (DYNAMIC_TOPIC_CONFIG)",
            "  retention.ms: (default) -> 60000 (DYNAMIC_TOPIC_CONFIG)",
            "  cleanup.policy: (default) -> compact (DYNAMIC_TOPIC_CONFIG)",
            "  segment.bytes: 1048576 (DYNAMIC_TOPIC_CONFIG) -> (default)",
        ])
        #expect(lines.lastIndex { $0.hasPrefix("WARNING: ") }! < lines.firstIndex { $0.hasPrefix("  ") }!, "warnings come before the change")
        // The before (read ahead of any alter request), validate-only, the warnings' look-ups, the change, the after.
        let configRequests = broker.requests.filter { $0 != "Metadata" }
        #expect(Array(configRequests.prefix(2)) == ["DescribeConfigs", "IncrementalAlterConfigs(validateOnly)"], "\(broker.requests)")
        #expect(configRequests.filter { $0 == "IncrementalAlterConfigs" }.count == 1)
        #expect(configRequests.last == "DescribeConfigs")
        #expect(configRequests[configRequests.count - 2] == "IncrementalAlterConfigs")

        // A value that is not risky: no warning, just the diff.
        let safe = try await Self.run(["configs", "--bootstrap-server", broker.scripted.address, "--topic", "orders", "--alter",
                                       "--add-config", "min.insync.replicas=2,retention.ms=86400000"], timeout: .seconds(20))
        #expect(safe.exitCode == 0, "stderr: \(safe.stderr)")
        #expect(Set(safe.stderrLines) == ["  min.insync.replicas: 3 (DYNAMIC_TOPIC_CONFIG) -> 2 (DYNAMIC_TOPIC_CONFIG)",
                                          "  retention.ms: 60000 (DYNAMIC_TOPIC_CONFIG) -> 86400000 (DYNAMIC_TOPIC_CONFIG)"])
    }

    @Test func anAlterOnTheTestBrokerWarnsAndDiffsOnStderrAndKeepsStdoutAsKafkas() async throws {
        let topic = BrokerHarness.uniqueName("cfg-diff")
        try await createTopic(topic)
        try await withTopics(topic) {
            let result = try await Self.run(["configs", "--bootstrap-server", try await brokerAddress(), "--topic", topic, "--alter",
                                             "--add-config", "retention.ms=60000"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stdout == "Completed updating config for topic \(topic).\n")
            #expect(result.stderrLines.first == "WARNING: retention.ms=60000 deletes records of topic \(topic) after less than an hour.")
            // This broker reports set topic configs as DEFAULT_CONFIG and applies even a validate-only request: the
            // before is read ahead of any alter (issue 18, item 6: it showed the new value on both sides).
            #expect(result.stderrLines.last == "  retention.ms: (default) -> 60000 (DEFAULT_CONFIG)")
            #expect(result.stderrLines.count == 2)
            let again = try await Self.run(["configs", "--bootstrap-server", try await brokerAddress(), "--topic", topic, "--alter",
                                            "--add-config", "retention.ms=7200000"])
            #expect(again.exitCode == 0, "stderr: \(again.stderr)")
            #expect(again.stderrLines == ["  retention.ms: 60000 (DEFAULT_CONFIG) -> 7200000 (DEFAULT_CONFIG)"])
        }
    }
}

/// What a scripted broker saw, appended from its event loop and read by the test.
final class BeyondRecorded<Element: Sendable>: Sendable {
    private let entries = Mutex<[Element]>([])
    func append(_ element: Element) { entries.withLock { $0.append(element) } }
    var all: [Element] { entries.withLock { $0 } }
}

/// A value a scripted broker keeps between requests.
final class BeyondGuarded<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>
    init(_ value: Value) { storage = Mutex(value) }
    var value: Value { storage.withLock { $0 } }
    func update(_ body: (inout Value) -> Void) { storage.withLock { body(&$0) } }
}

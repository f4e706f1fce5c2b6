import Foundation
import TestSupport
import Testing

/// `kafkactl consumer-perf-test` from the built binary against the test broker: records produced with
/// console-producer are read back, exactly as many as asked for, with Apache's lines; a group run; the timeout's
/// warning; and each refused flag in one line. Speeds are not asserted (the benchmarks measure them); counts, bytes
/// and the layout are.
@Suite struct ConsumerPerfTestCommandTests {
    static let hint = "See 'kafkactl consumer-perf-test --help' for usage."
    /// Apache's summary line at the default date format ("%s, %s, %.4f, %.4f, %d, %.4f, %d, %d, %.4f, %.4f").
    static var summaryPattern: Regex<(Substring, Substring, Substring, Substring)> {
        #/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d:\d{3}, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d:\d{3}, (\d+\.\d{4}), \d+\.\d{4}, (\d+), \d+\.\d{4}, (\d+), \d+, \d+\.\d{4}, \d+\.\d{4}$/#
    }
    static var latencyPattern: Regex<Substring> {
        #/^end-to-end latency: \d+\.\d\d ms avg, \d+ ms max, \d+ ms 50th, \d+ ms 95th, \d+ ms 99th, \d+ ms 99\.9th\.$/#
    }

    static func perfTest(_ arguments: [String], timeout: Duration = .seconds(60)) async throws -> ProcessResult {
        try await kafkactl(["consumer-perf-test", "--bootstrap-server", try await brokerAddress()] + arguments, timeout: timeout)
    }

    /// `count` records of "value-N" (7-11 bytes), keyless, produced with kafkactl's console-producer.
    static func produce(_ topic: String, count: Int) async throws {
        let input = (0..<count).map { "value-\($0)\n" }.joined()
        let address = try await brokerAddress()
        let result = try await offThePool {
            try runKafkactl(["console-producer", "--bootstrap-server", address, "--topic", topic], stdin: Data(input.utf8), timeout: .seconds(60))
        }
        #expect(result.exitCode == 0, "console-producer: \(result.stderr)")
    }

    static func valueBytes(count: Int) -> Int { (0..<count).reduce(0) { $0 + "value-\($1)".utf8.count } }

    @Test func readsExactlyTheRecordsAskedForAndPrintsApachesLines() async throws {
        let topic = BrokerHarness.uniqueName("cpt")
        try await createTopic(topic, partitions: 3)
        try await withTopics(topic) {
            try await Self.produce(topic, count: 3000)
            // Fewer than are there: it stops at exactly 2,500.
            let result = try await Self.perfTest(["--topic", topic, "--num-records", "2500"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stderr.isEmpty)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 3, "stdout: \(result.stdout)")
            #expect(lines.first == "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec")
            let summary = try #require(try? Self.summaryPattern.wholeMatch(in: lines[1]), "stdout: \(result.stdout)")
            #expect(summary.2 == "2500")
            #expect(summary.3 == "0", "no group, no rebalance")
            #expect(lines.last.map { (try? Self.latencyPattern.wholeMatch(in: $0)) != nil } == true)
            // Every record asked for: all 3,000, their bytes exactly.
            let all = try await Self.perfTest(["--topic", topic, "--messages", "3000", "--hide-header", "--output", "json"])
            #expect(all.exitCode == 0, "stderr: \(all.stderr)")
            #expect(all.stderr == "Warning: --messages is deprecated. Use --num-records instead.\n")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any], "stdout: \(all.stdout)")
            #expect(object["records"] as? Int == 3000)
            #expect(object["timed_out"] as? Bool == false)
            let megabytes = try #require(object["data_consumed_mb"] as? Double)
            #expect(abs(megabytes - Double(Self.valueBytes(count: 3000)) / 1_048_576) < 1e-9)
            let latency = try #require(object["latency_ms"] as? [String: Any])
            #expect((latency["p50"] as? Int).map { $0 >= 0 } == true && (latency["max"] as? Int).map { $0 < 600_000 } == true)
        }
    }

    @Test func detailedStatsPrintALinePerIntervalAndAGroupRunCountsItsJoin() async throws {
        let topic = BrokerHarness.uniqueName("cpt-group")
        let group = BrokerHarness.uniqueName("cpt-g")
        try await createTopic(topic, partitions: 2)
        try await withTopics(topic) {
            try await Self.produce(topic, count: 500)
            // The test broker completes a join after half the session timeout: a short one keeps the test short.
            let result = try await Self.perfTest(["--topic", topic, "--num-records", "500", "--group", group, "--show-detailed-stats",
                                                  "--reporting-interval", "1", "--date-format", "HH:mm:ss",
                                                  "--command-property", "session.timeout.ms=6000"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "time, threadId, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec")
            let detailed = lines.dropFirst().dropLast()
            #expect(!detailed.isEmpty, "stdout: \(result.stdout)")
            let pattern = #/^\d\d:\d\d:\d\d, 0, \d+\.\d{4}, \d+\.\d{4}, (\d+), \d+\.\d{4}, (\d+), -?\d+, \d+\.\d{4}, \d+\.\d{4}$/#
            let matches = detailed.compactMap { try? pattern.wholeMatch(in: $0) }
            #expect(matches.count == detailed.count, "stdout: \(result.stdout)")
            let joins = matches.compactMap { Int($0.2) }.reduce(0, +)
            #expect(joins > 0, "the join is rebalance time in the first interval")
            #expect(matches.compactMap { Int($0.1) }.allSatisfy { $0 <= 500 })
            // The group committed where it stopped: with 5 more records, a second member of the group finds only
            // those (asked for 6, it reads 5 and times out; from the start it would have found 6).
            try await Self.produce(topic, count: 5)
            let again = try await Self.perfTest(["--topic", topic, "--num-records", "6", "--group", group, "--timeout", "5000",
                                                 "--command-property", "session.timeout.ms=6000", "--output", "json"])
            #expect(again.exitCode == 75, "stderr: \(again.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any], "stdout: \(again.stdout)")
            #expect(object["records"] as? Int == 5)
            #expect((object["rebalance_time_ms"] as? Int).map { $0 > 0 } == true)
        }
    }

    @Test func fewerRecordsThanAskedForPrintApachesWarningTheSummaryAndExit75() async throws {
        let topic = BrokerHarness.uniqueName("cpt-short")
        try await createTopic(topic, partitions: 1)
        try await withTopics(topic) {
            try await Self.produce(topic, count: 10)
            let result = try await Self.perfTest(["--topic", topic, "--num-records", "20", "--timeout", "1000", "--hide-header"])
            #expect(result.exitCode == 75)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "WARNING: Exiting before consuming the expected number of records: timeout (1000 ms) exceeded. You can use the --timeout option to increase the timeout.")
            #expect(lines.count == 3 && (try? Self.summaryPattern.wholeMatch(in: lines[1]))?.2 == "10", "stdout: \(result.stdout)")
            #expect(result.stderrLines == ["Error: read 10 of 20 records: none arrived for --timeout 1000 ms"])
        }
    }

    @Test func fromLatestReadsOnlyWhatArrivesAfterTheStart() async throws {
        let topic = BrokerHarness.uniqueName("cpt-latest")
        try await createTopic(topic, partitions: 1)
        try await withTopics(topic) {
            // One record, one batch: the test broker's latest offset is the last batch's base offset + 1 (its quirk).
            try await Self.produce(topic, count: 1)
            let result = try await Self.perfTest(["--topic", topic, "--num-records", "1", "--from-latest", "--timeout", "1000", "--output", "json"])
            #expect(result.exitCode == 75)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "stdout: \(result.stdout)")
            #expect(object["records"] as? Int == 0 && object["timed_out"] as? Bool == true && object["latency_ms"] is NSNull)
        }
    }

    @Test func includeReadsEveryMatchingTopic() async throws {
        let prefix = BrokerHarness.uniqueName("cptinc")
        try await createTopic(prefix + "-a", partitions: 1)
        try await createTopic(prefix + "-b", partitions: 1)
        try await withTopics(prefix + "-a", prefix + "-b") {
            try await Self.produce(prefix + "-a", count: 30)
            try await Self.produce(prefix + "-b", count: 20)
            let result = try await Self.perfTest(["--include", prefix + "-.*", "--num-records", "50", "--hide-header"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect((try? Self.summaryPattern.wholeMatch(in: result.stdout.split(separator: "\n").first.map(String.init) ?? ""))?.2 == "50")
        }
    }

    @Test(arguments: [
        (["--num-records", "1"], "Exactly one of the following arguments is required: [topic], [include]"),
        (["--topic", "t", "--include", "t.*", "--num-records", "1"], "Exactly one of the following arguments is required: [topic], [include]"),
        (["--topic", "t"], "Exactly one of the following arguments is required: [messages], [num-records]"),
        (["--topic", "t", "--messages", "1", "--num-records", "1"], "Exactly one of the following arguments is required: [messages], [num-records]"),
        (["--topic", "t", "--num-records", "-1"], "--num-records must be 0 or more, not -1"),
        (["--topic", "t", "--num-records", "1", "--print-metrics"], "--print-metrics is not supported: kafkactl keeps no Java client metrics"),
        (["--topic", "t", "--num-records", "1", "--reporting-interval", "0"], "Reporting interval must be greater than 0."),
        (["--topic", "t", "--num-records", "1", "--reporting-interval", "-5"], "Value [-5] did not match pattern [^\\d+$]"),
        (["--topic", "t", "--num-records", "1", "--fetch-size", "0"], "--fetch-size must be above 0 bytes, not 0"),
        (["--topic", "t", "--num-records", "1", "--socket-buffer-size", "-1"], "--socket-buffer-size must be above 0 bytes, not -1"),
        (["--topic", "t", "--num-records", "1", "--timeout", "-1"], "--timeout must be 0 or more ms, not -1"),
        (["--topic", "t", "--num-records", "1", "--consumer.config", "a", "--command-config", "b"], "Option \"[consumer.config]\" can't be used with option \"[command-config]\""),
        (["--topic", "t", "--num-records", "1", "--date-format", "yyyy Q"], "--date-format 'yyyy Q': Illegal pattern character 'Q' (kafkactl formats y M d H h k K m s S a E z Z)"),
    ])
    func aRuleBrokenOnTheCommandLineIsOneLineAndTheHint(arguments: [String], message: String) async throws {
        let result = try await kafkactl(["consumer-perf-test", "--bootstrap-server", "127.0.0.1:1"] + arguments)
        #expect(result.exitCode == 64, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["Error: \(message)", Self.hint])
    }

    @Test func aBadPropertyIsOneLine() async throws {
        expectFailure(try await kafkactl(["consumer-perf-test", "--bootstrap-server", "127.0.0.1:1", "--topic", "t", "--num-records", "1",
                                          "--hide-header", "--command-property", "nonsense"]),
                      exitCode: 64, message: "invalid --command-property 'nonsense': expected key=value")
    }

    @Test func aMissingTopicIsOneLine() async throws {
        let result = try await Self.perfTest(["--topic", BrokerHarness.uniqueName("cpt-missing"), "--num-records", "1", "--hide-header"])
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1 && result.stderrLines.first?.hasPrefix("Error: ") == true, "stderr: \(result.stderr)")
    }
}

import Foundation
import TestSupport
import Testing

/// `kafkactl producer-perf-test` from the built binary against the test broker: Apache's lines, the JSON document,
/// every record read back with confluent-kafka, and each refused flag in one line. Speeds are not asserted (they
/// are measured by the benchmarks); the counts, the layout and the throttle's schedule are.
@Suite struct ProducerPerfTestCommandTests {
    static var summaryPattern: Regex<(Substring, Substring)> { #/^(\d+) records sent, \d+\.\d{6} records/sec \(\d+\.\d{2} MB/sec\), \d+\.\d{2} ms avg latency, \d+\.\d{2} ms max latency, \d+ ms 50th, \d+ ms 95th, \d+ ms 99th, \d+ ms 99\.9th\.$/# }
    static var progressPattern: Regex<(Substring, Substring)> { #/^(\d+) records sent, \d+\.\d records/sec \(\d+\.\d{2} MB/sec\), \d+\.\d ms avg latency, \d+\.\d ms max latency\.$/# }

    static func perfTest(_ arguments: [String], timeout: Duration = .seconds(60)) async throws -> ProcessResult {
        try await kafkactl(["producer-perf-test", "--bootstrap-server", try await brokerAddress()] + arguments, timeout: timeout)
    }

    @Test func everyRecordArrivesAndTheSummaryIsApachesLine() async throws {
        let topic = BrokerHarness.uniqueName("ppt")
        try await createTopic(topic, partitions: 3)
        try await withTopics(topic) {
            let result = try await Self.perfTest(["--topic", topic, "--num-records", "2000", "--record-size", "100", "--throughput", "-1"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stderr.isEmpty)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            let summary = try #require(lines.last.flatMap { try? Self.summaryPattern.wholeMatch(in: $0) }, "stdout: \(result.stdout)")
            #expect(summary.1 == "2000")
            #expect(lines.dropLast().allSatisfy { (try? Self.progressPattern.wholeMatch(in: $0)) != nil })
            let read = try await ProducerHarness.readBack(topic, expecting: 2000)
            #expect(read.count == 2000)
            #expect(read.values.allSatisfy { $0?.utf8.count == 100 && $0!.utf8.allSatisfy { (65...90).contains($0) } })
        }
    }

    @Test func payloadFileValuesSplitAtTheDelimiterAreWhatIsSent() async throws {
        let topic = BrokerHarness.uniqueName("ppt-file")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(BrokerHarness.uniqueName("payloads"))
        try "alpha;beta;gamma-gamma;".write(to: file, atomically: true, encoding: .utf8)
        try await createTopic(topic, partitions: 1)
        try await withTopics(topic) {
            let result = try await Self.perfTest(["--topic", topic, "--num-records", "500", "--payload-file", file.path,
                                                  "--payload-delimiter", ";", "--throughput", "-1", "--producer-props", "acks=1", "linger.ms=0"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            let summary = try #require(try? Self.summaryPattern.wholeMatch(in: result.stdout.split(separator: "\n").last.map(String.init) ?? ""))
            #expect(summary.1 == "500")
            let read = try await ProducerHarness.readBack(topic, expecting: 500)
            #expect(read.count == 500)
            #expect(Set(read.values.compactMap { $0 }) == ["alpha", "beta", "gamma-gamma"])
        }
    }

    @Test func jsonIsOneDocumentWithTheSummaryAndPercentiles() async throws {
        let topic = BrokerHarness.uniqueName("ppt-json")
        try await createTopic(topic, partitions: 2)
        try await withTopics(topic) {
            let result = try await Self.perfTest(["--topic", topic, "--num-records", "2000", "--record-size", "10", "--throughput", "-1",
                                                  "--output", "json"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["records_sent"] as? Int == 2000)
            #expect(object["records_failed"] as? Int == 0)
            let percentiles = try #require(object["latency_percentiles_ms"] as? [String: Int])
            #expect(Set(percentiles.keys) == ["p50", "p95", "p99", "p99_9"])
            #expect(percentiles["p50"]! <= percentiles["p99_9"]!)
            let max = try #require(object["max_latency_ms"] as? Double)
            #expect(Double(percentiles["p99_9"]!) <= max + 1)
            #expect(try await ProducerHarness.readBack(topic, expecting: 2000).count == 2000)
        }
    }

    /// Apache's transactional run: a transaction begun with the first record, committed once it has run
    /// --transaction-duration-ms, and the last one at the end. Each commit leaves a marker (one offset) in every
    /// partition the transaction wrote, so the log ends past the records by at least one per transaction.
    @Test func aTransactionalRunCommitsEveryDurationAndEveryRecordIsReadCommitted() async throws {
        let topic = BrokerHarness.uniqueName("ppt-txn")
        try await createTopic(topic, partitions: 3)
        try await withTopics(topic) {
            let result = try await Self.perfTest(["--topic", topic, "--num-records", "3000", "--record-size", "20", "--throughput", "2000",
                                                  "--transactional-id", BrokerHarness.uniqueName("ppt-txn-id"),
                                                  "--transaction-duration-ms", "200", "--output", "json"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["records_sent"] as? Int == 3000)
            let transactions = try #require(object["transactions_committed"] as? Int)
            // 1.5 s at 200 ms each: about 7, and at least 2 however loaded the machine (a commit follows each group of
            // records handed over, and the first and last transactions are always there).
            #expect(transactions >= 2, "1.5 s at 200 ms each: \(transactions)")
            // confluent-kafka reads read_committed by default.
            #expect(try await ProducerHarness.readBack(topic, expecting: 3000).count == 3000)
            let offsets = try await kafkactl(["get-offsets", "--bootstrap-server", try await brokerAddress(), "--topic", topic])
            let ends = offsets.stdout.split(separator: "\n").compactMap { $0.split(separator: ":").last.flatMap { Int($0) } }
            #expect(ends.count == 3)
            #expect(ends.reduce(0, +) - 3000 >= transactions, "markers: \(ends)")
        }
    }

    /// Ctrl-C stops sending: what was sent is acknowledged, its transaction committed, the summary printed, and the
    /// exit is 130 with one line; every record the summary counts is read back read_committed.
    @Test func ctrlCCommitsWhatWasSentAndPrintsTheSummary() async throws {
        let topic = BrokerHarness.uniqueName("ppt-int")
        try await createTopic(topic, partitions: 2)
        try await withTopics(topic) {
            let run = try OpenStdinProducer(["producer-perf-test", "--bootstrap-server", try await brokerAddress(), "--topic", topic,
                                             "--num-records", "100000", "--record-size", "10", "--throughput", "2000",
                                             "--transactional-id", BrokerHarness.uniqueName("ppt-int-id"), "--transaction-duration-ms", "300"])
            try await Task.sleep(for: .milliseconds(1500))
            run.send(SIGINT)
            let result = try await run.finish(timeout: .seconds(20))
            #expect(result.exitCode == 130, "stderr: \(result.stderr)")
            let summary = try #require(result.stdout.split(separator: "\n").last.flatMap { try? Self.summaryPattern.wholeMatch(in: String($0)) },
                                       "stdout: \(result.stdout)")
            let sent = try #require(Int(summary.1))
            #expect(sent > 0 && sent < 100_000)
            #expect(result.stderrLines == ["Error: interrupted: \(sent) of 100000 records sent and acknowledged (the summary above covers them)"])
            #expect(try await ProducerHarness.readBack(topic, expecting: sent).count == sent)
        }
    }

    /// Without a flag, a transactional.id property makes the run transactional too (Apache's third way), with
    /// Apache's 3 s default duration: one transaction for a short run.
    @Test func aTransactionalIdPropertyAloneMakesTheRunTransactional() async throws {
        let topic = BrokerHarness.uniqueName("ppt-txn-prop")
        try await createTopic(topic, partitions: 1)
        try await withTopics(topic) {
            let result = try await Self.perfTest(["--topic", topic, "--num-records", "100", "--record-size", "5", "--throughput", "-1",
                                                  "--producer-props", "transactional.id=\(BrokerHarness.uniqueName("ppt-prop-id"))",
                                                  "--output", "json"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["transactions_committed"] as? Int == 1)
            #expect(try await ProducerHarness.readBack(topic, expecting: 100).count == 100)
        }
    }

    @Test func theThrottleHoldsTheRunToItsScheduleAndProgressComesEveryFiveSeconds() async throws {
        // 3000 records at 500/sec: the last one is due 6 s after the start, so at least one progress line.
        let topic = BrokerHarness.uniqueName("ppt-slow")
        try await createTopic(topic, partitions: 1)
        try await withTopics(topic) {
            let started = ContinuousClock.now
            let result = try await Self.perfTest(["--topic", topic, "--num-records", "3000", "--record-size", "20", "--throughput", "500"])
            let took = ContinuousClock.now - started
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(took >= .milliseconds(5900), "took \(took)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count >= 2, "stdout: \(result.stdout)")
            let progress = lines.dropLast().compactMap { try? Self.progressPattern.wholeMatch(in: $0) }
            #expect(progress.count == lines.count - 1)
            #expect(progress.allSatisfy { Int($0.1)! > 0 && Int($0.1)! < 3000 })
            let summary = try #require(lines.last.flatMap { try? Self.summaryPattern.wholeMatch(in: $0) })
            #expect(summary.1 == "3000")
        }
    }

    @Test func anUnknownTopicOnABrokerThatDoesNotCreateItIsOneLineAndNothingIsSent() async throws {
        let broker = try FakeProducerBroker(topic: "known", metadataError: .unknownTopicOrPartition)
        defer { broker.stop() }
        let result = try await kafkactl(["producer-perf-test", "--bootstrap-server", broker.address, "--topic", "missing",
                                         "--num-records", "10", "--record-size", "1", "--throughput", "-1",
                                         "--producer-props", "max.block.ms=500"], timeout: .seconds(20))
        expectFailure(result, exitCode: 1, containing: ["Topic 'missing' does not exist", "[UNKNOWN_TOPIC_OR_PARTITION]"])
        #expect(broker.produceRequests.isEmpty)
    }

    @Test(arguments: [
        (["--num-records", "-1", "--record-size", "1", "--throughput", "-1"], "--num-records must be 0 or more, not -1"),
        (["--num-records", "1", "--throughput", "-1"], "Either --record-size or --payload-file must be specified but not both."),
        (["--num-records", "1", "--record-size", "1", "--payload-file", "f", "--throughput", "-1"],
         "Either --record-size or --payload-file must be specified but not both."),
        (["--num-records", "1", "--record-size", "-5", "--throughput", "-1"], "--record-size must be 0 or more bytes, not -5"),
        (["--num-records", "1", "--record-size", "1", "--throughput", "0"],
         "--throughput must be a number of records/sec above 0, or -1 for unthrottled, not '0'"),
        (["--num-records", "1", "--record-size", "1", "--throughput", "fast"],
         "--throughput must be a number of records/sec above 0, or -1 for unthrottled, not 'fast'"),
        (["--num-records", "1", "--record-size", "1", "--throughput", "-2"],
         "--throughput must be a number of records/sec above 0, or -1 for unthrottled, not '-2'"),
        (["--num-records", "1", "--payload-file", "f", "--payload-delimiter", "", "--throughput", "-1"], "--payload-delimiter must not be empty"),
        (["--num-records", "1", "--record-size", "1", "--throughput", "-1", "--print-metrics"],
         "--print-metrics is not supported: kafkactl keeps no Java client metrics"),
        (["--num-records", "1", "--record-size", "1", "--throughput", "-1", "--transaction-duration-ms", "0"],
         "--transaction-duration-ms should be greater than zero."),
        (["--num-records", "1", "--record-size", "1", "--throughput", "-1", "--transactional-id", ""],
         "--transactional-id must not be empty"),
        (["--num-records", "1", "--record-size", "1", "--throughput", "-1", "--producer-props", "a=1", "--command-property", "b=2"],
         "Options --command-property and --producer-props cannot be specified together."),
        (["--num-records", "1", "--record-size", "1", "--throughput", "-1", "--producer.config", "a", "--command-config", "b"],
         "Options --command-config and --producer.config cannot be specified together."),
    ])
    func aBadFlagValueIsOneLine(arguments: [String], message: String) async throws {
        let result = try await kafkactl(["producer-perf-test", "--bootstrap-server", "127.0.0.1:1", "--topic", "t"] + arguments)
        #expect(result.exitCode == 64, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["Error: \(message)", "See 'kafkactl producer-perf-test --help' for usage."])
    }

    @Test(arguments: [
        (["--producer-props", "acks"], "invalid --producer-props 'acks': expected key=value"),
        (["--producer-props", "transactional.id=x", "acks=1"], "transactional.id needs acks=all (or -1), not acks=1"),
        (["--transactional-id", "x", "--producer-props", "enable.idempotence=false"],
         "transactional.id needs enable.idempotence=true; remove enable.idempotence=false"),
        (["--producer-props", "transaction.timeout.ms=soon"], "invalid value 'soon' for transaction.timeout.ms: expected a whole number of at least 1"),
        (["--producer-props", "acks=maybe"], nil),
    ] as [([String], String?)])
    func aBadProducerPropertyIsOneLine(arguments: [String], message: String?) async throws {
        let result = try await kafkactl(["producer-perf-test", "--bootstrap-server", "127.0.0.1:1", "--topic", "t", "--num-records", "1",
                                         "--record-size", "1", "--throughput", "-1"] + arguments)
        expectFailure(result, exitCode: 64, message: message)
    }

    @Test func anUnreadableOrEmptyPayloadFileIsOneLine() async throws {
        let missing = "/nonexistent/\(BrokerHarness.uniqueName("ppt"))"
        expectFailure(try await kafkactl(["producer-perf-test", "--bootstrap-server", "127.0.0.1:1", "--topic", "t", "--num-records", "1",
                                          "--payload-file", missing, "--throughput", "-1"]),
                      exitCode: 64, message: "cannot read --payload-file '\(missing)'")
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent(BrokerHarness.uniqueName("empty-payloads"))
        try "\n\n".write(to: empty, atomically: true, encoding: .utf8)
        expectFailure(try await kafkactl(["producer-perf-test", "--bootstrap-server", "127.0.0.1:1", "--topic", "t", "--num-records", "1",
                                          "--payload-file", empty.path, "--throughput", "-1"]),
                      exitCode: 64, message: "--payload-file '\(empty.path)' has no payloads")
    }
}

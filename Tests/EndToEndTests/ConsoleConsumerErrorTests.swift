import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `kafkactl console-consumer` given bad input, a broker that goes away, and Ctrl-C: one clear `Error:` line (and the
/// usage hint for flag errors), the documented exit code, and never a hang.
@Suite struct ConsoleConsumerErrorTests {
    typealias Outgoing = ConsumerTestSupport.Outgoing
    typealias Phase = ConsumerTestSupport.Phase

    static let usageHint = "See 'kafkactl console-consumer --help' for usage."

    static func consume(_ arguments: [String], timeout: Duration = .seconds(30)) async throws -> ProcessResult {
        try await ConsumerTestSupport.consume(arguments, timeout: timeout)
    }

    @Test func anUnknownTopicIsOneErrorLineNamingItAndExitOne() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-missing")
        let result = try await Self.consume(["--topic", topic, "--from-beginning"])
        expectFailure(result, exitCode: 1, containing: [topic, "does not exist"])
    }

    @Test func aPartitionTheTopicDoesNotHaveIsAnErrorNotAnEmptyRead() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-nopart")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 3)
            let result = try await Self.consume(["--topic", topic, "--partition", "99", "--offset", "earliest"])
            expectFailure(result, exitCode: 1, containing: ["partition 99", topic, "3 partitions"])
        }
    }

    @Test func anOffsetBeyondTheEndIsClampedToTheEnd() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-beyond")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 1)
            _ = try await ConsumerTestSupport.produce([Phase(flushEach: true, records: (0..<3).map { Outgoing(topic: topic, value: "b\($0)") })])
            let atEnd = try await Self.consume(["--topic", topic, "--partition", "0", "--offset", "1000000", "--exit-at-end"])
            #expect(atEnd.exitCode == 0, "\(atEnd.stderr)")
            #expect(atEnd.stdout.isEmpty)
            #expect(atEnd.stderr == ConsumerTestSupport.processed(0) + "\n")

            let idle = try await Self.consume(["--topic", topic, "--partition", "0", "--offset", "1000000", "--timeout-ms", "1000"],
                                              timeout: honouredTimeoutBound)
            #expect(idle.exitCode == 0, "\(idle.stderr)")
            #expect(idle.stdout.isEmpty)
            #expect(idle.stderr == ConsumerTestSupport.processed(0) + "\n")
        }
    }

    @Test func aMalformedConsumerPropertyIsAUsageError() async throws {
        let result = try await Self.consume(["--topic", "whatever", "--consumer-property", "foo"])
        expectFailure(result, exitCode: 64, message: "invalid --consumer-property 'foo': expected key=value")
    }

    @Test(arguments: ["sticky", "org.apache.kafka.clients.consumer.StickyAssignor", "range,bogus"])
    func anUnknownAssignmentStrategyIsOneLineAndExit64(strategy: String) async throws {
        let result = try await Self.consume([
            "--topic", "whatever", "--group", "g", "--consumer-property", "partition.assignment.strategy=\(strategy)",
        ])
        let name = strategy.split(separator: ",").last.map(String.init)!
        expectFailure(result, exitCode: 64,
                      message: "unsupported partition.assignment.strategy '\(name)': kafkactl offers range, roundrobin and cooperative-sticky")
    }

    @Test func aBadOffsetIsAUsageErrorWithKafkasMessage() async throws {
        let result = try await Self.consume(["--topic", "whatever", "--partition", "0", "--offset", "abc"])
        #expect(result.exitCode == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 2, "\(result.stderr)")
        #expect(result.stderrLines.first?.hasPrefix(
            "Error: The provided offset value 'abc' is incorrect. Valid values are 'earliest', 'latest', ") == true, "\(result.stderr)")
        #expect(result.stderrLines.last == Self.usageHint)
    }

    @Test func aRecordTheDeserializerRejectsStopsWithExitOneUnlessSkipped() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-skip")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 1)
            let long = { (value: Int64) in withUnsafeBytes(of: value.bigEndian) { Array($0) } }
            _ = try await ConsumerTestSupport.produce([Phase(records: [
                Outgoing(topic: topic, binaryValue: long(1)), Outgoing(topic: topic, value: "abc"),
                Outgoing(topic: topic, binaryValue: long(3)),
            ])])
            let arguments = ["--topic", topic, "--from-beginning", "--exit-at-end", "--value-deserializer", "LongDeserializer"]

            let stopped = try await Self.consume(arguments)
            #expect(stopped.exitCode == 1)
            #expect(stopped.stdout == "1\n", "records before the bad one are printed")
            let errors = stopped.stderrLines.filter { $0.hasPrefix("Error: ") }
            #expect(errors.count == 1, "\(stopped.stderr)")
            #expect(errors.first?.contains("\(topic)-0 offset 1") == true, "\(stopped.stderr)")
            #expect(errors.first?.contains("Size of data received by LongDeserializer is not 8") == true, "\(stopped.stderr)")
            #expect(stopped.stderrLines.contains(ConsumerTestSupport.processed(1)), "\(stopped.stderr)")

            let skipped = try await Self.consume(arguments + ["--skip-message-on-error"])
            #expect(skipped.exitCode == 0, "\(skipped.stderr)")
            #expect(skipped.stdout == "1\n3\n")
            #expect(skipped.stderrLines.count == 2, "\(skipped.stderr)")
            #expect(skipped.stderrLines.first?.hasPrefix("Error processing message, skipping this message: ") == true)
            #expect(skipped.stderrLines.last == ConsumerTestSupport.processed(2))
        }
    }

    @Test func noBrokerAtTheAddressIsAClearErrorNotAHang() async throws {
        let result = try await kafkactl(["console-consumer", "--bootstrap-server", "127.0.0.1:1", "--topic", "t"],
                                        timeout: .seconds(30))
        expectFailure(result, exitCode: 69, containing: ["127.0.0.1:1"])
        // kafkactl's own run time: the test's clock also counts waiting for a core to spawn it on a loaded machine.
        #expect(result.elapsed < .seconds(20))
    }

    /// A broker that answers metadata and offsets, then drops the connection in the middle of every Fetch answer:
    /// kafkactl retries within `default.api.timeout.ms`, then stops with one clear line.
    @Test(.timeLimit(.minutes(1)))
    func aBrokerThatDropsEveryFetchGivesAClearErrorWithinTheApiTimeout() async throws {
        let port = Atomic<Int>(0)
        let broker = try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 1: 10...12, 2: 4...10]) { header, body in
            var body = body
            switch header.apiKey {
            case .metadata:
                return ScriptedBroker.oneNodeMetadataReply(
                    port: Int(port.load(ordering: .relaxed)), topics: ["flaky": 1], version: header.apiVersion)
            case .listOffsets:
                guard let request = try? ListOffsetsRequest(from: &body, version: header.apiVersion) else { return .close }
                let response = ListOffsetsResponse(topics: request.topics.map { topic in
                    .init(name: topic.name, partitions: topic.partitions.map { .init(partitionIndex: $0.partitionIndex, offset: 0) })
                })
                return ScriptedBroker.reply(response, to: ListOffsetsRequest.self, version: header.apiVersion)
            case .fetch:
                return .rawThenClose([0, 0, 0, 40, 0, 0])  // 40 bytes announced, two sent, then the connection closes
            default:
                return .silence
            }
        }
        port.store(broker.port, ordering: .relaxed)
        defer { broker.stop() }
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await kafkactl(["console-consumer", "--bootstrap-server", broker.address, "--topic", "flaky",
                                         "--from-beginning", "--consumer-property", "default.api.timeout.ms=2000"],
                                        timeout: .seconds(30))
        #expect(clock.now - start < .seconds(15))
        #expect(result.exitCode != 0)
        #expect(result.stdout.isEmpty)
        let errors = result.stderrLines.filter { $0.hasPrefix("Error: ") }
        #expect(errors.count == 1, "\(result.stderr)")
        #expect(errors.first?.contains(broker.address) == true, "\(result.stderr)")
        #expect(broker.requests.filter { $0.apiKey == .fetch }.count >= 2, "it should retry before giving up")
    }

    /// Ctrl-C on a consumer tailing a topic: it stops at once, reports what it printed, and exits 130.
    @Test(.timeLimit(.minutes(1)))
    func ctrlCStopsATailingConsumerWithExit130AndItsCount() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-sigint")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 2)
            let sent = (0..<7).map { Outgoing(topic: topic, key: "k\($0)", value: "s\($0)") }
            _ = try await ConsumerTestSupport.produce([Phase(records: sent)])
            let address = try await ConsumerTestSupport.bootstrap()
            let consumer = try LiveKafkactl(["console-consumer", "--bootstrap-server", address, "--topic", topic, "--from-beginning"])
            defer { consumer.kill() }
            let lines = try await offThePool { consumer.readLines(7, within: .seconds(20)) }
            #expect(Set(lines) == Set(sent.map { $0.value! }), "stderr: \(consumer.stderr)")
            consumer.interrupt()
            let clock = ContinuousClock()
            let start = clock.now
            let status = try await offThePool { consumer.waitForExit(within: .seconds(10)) }
            #expect(status == 130, "stderr: \(consumer.stderr)")
            #expect(clock.now - start < .seconds(3))
            #expect(consumer.stderr.components(separatedBy: "\n").first == ConsumerTestSupport.processed(7), "\(consumer.stderr)")
        }
    }
}

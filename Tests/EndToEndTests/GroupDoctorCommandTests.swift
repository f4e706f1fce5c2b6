import Foundation
import TestSupport
import Testing

/// `consumer-groups --doctor` from the built binary against the test broker, for the causes it can stage: a group
/// without members with records waiting, offsets past the log end (and the previewed reset that fixes them, run), a
/// member that commits nothing, and a transactional producer killed mid-transaction. Bad input is refused in one line.
/// The causes this broker cannot stage (no leader, deleted or recreated topics, rebalance loops, a producer the leader
/// names) are proven against a scripted broker in GroupDoctorScriptedTests.
@Suite struct GroupDoctorCommandTests {
    static func doctor(_ group: String, _ extra: [String] = []) async throws -> ProcessResult {
        try await GroupTestSupport.consumerGroups(["--doctor", "--group", group] + extra)
    }

    static func document(_ result: ProcessResult, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        try #require(result.exitCode == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)",
                            sourceLocation: sourceLocation)
    }

    static func causes(_ document: [String: Any]) -> [String] {
        (document["findings"] as? [[String: Any]] ?? []).compactMap { $0["cause"] as? String }
    }

    @Test func aGroupWithoutMembersAndAnOffsetPastTheLogEndAreNamedAndThePreviewedResetFixesIt() async throws {
        let topic = "doctor-range-\(UUID().uuidString.prefix(8))"
        let group = "doctor-range-group-\(UUID().uuidString.prefix(8))"
        try await createTopic(topic, partitions: 2)
        try await withTopics(topic) {
            try await GroupTestSupport.produceOnePerBatch(topic, counts: [5, 5])
            try await GroupTestSupport.commit(group: group, [topic: [0: 2, 1: 50]])
            let result = try await Self.doctor(group, ["--sample-ms", "0"])
            #expect(result.exitCode == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.first == "Consumer group '\(group)': Empty, 0 members, 3 records behind on 1 partition.", "\(result.stdout)")
            #expect(lines.contains("1. no-members: nobody consumes: the group has no members while 3 records wait on \(topic)-0."), "\(result.stdout)")
            #expect(lines.contains("2. offset-beyond-log-end: committed offsets past the log end (\(topic)-1 committed 50, log end 5): the log was truncated or the topic recreated; consumers jump by auto.offset.reset, or fail without one."), "\(result.stdout)")
            let preview = try #require(lines.first { $0.hasPrefix("   Fix (previewed, not run): kafkactl consumer-groups ") }, "\(result.stdout)")
            #expect(preview.hasSuffix("--reset-offsets --group \(group) --topic \(topic):1 --to-latest --dry-run"), "\(preview)")

            // The previewed command, run with --execute, fixes what it names.
            let command = preview.dropFirst("   Fix (previewed, not run): kafkactl ".count).split(separator: " ").map(String.init)
            let fixed = try await kafkactl(command.map { $0 == "--dry-run" ? "--execute" : $0 },
                                           timeout: .seconds(30))
            #expect(fixed.exitCode == 0, "\(fixed.stderr)")
            let after = try Self.document(try await Self.doctor(group, ["--sample-ms", "0", "--output", "json"]))
            #expect(Self.causes(after) == ["no-members"], "\(after)")
        }
    }

    @Test func aGroupThatReadEverythingIsHealthyAndAnUnknownGroupIsOneLine() async throws {
        let topic = "doctor-done-\(UUID().uuidString.prefix(8))"
        let group = "doctor-done-group-\(UUID().uuidString.prefix(8))"
        try await createTopic(topic)
        try await withTopics(topic) {
            try await GroupTestSupport.produceOnePerBatch(topic, counts: [4])
            try await GroupTestSupport.commit(group: group, [topic: [0: 4]])
            let result = try await Self.doctor(group, ["--sample-ms", "300"])
            #expect(result.exitCode == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.count == 3 && lines[2].isEmpty, "\(result.stdout)")
            #expect(lines[0].hasPrefix("Consumer group '\(group)': Empty, 0 members, 0 records behind on 0 partitions; 0 records committed in 0."), "\(result.stdout)")
            #expect(lines[1] == "Nothing is wrong: the group has read everything committed so far.", "\(result.stdout)")
            let document = try Self.document(try await Self.doctor(group, ["--sample-ms", "0", "--output", "json"]))
            #expect(document["healthy"] as? Bool == true && Self.causes(document).isEmpty, "\(document)")
        }
        let unknown = try await Self.doctor("doctor-no-such-group-\(UUID().uuidString.prefix(8))", ["--sample-ms", "0"])
        #expect(unknown.exitCode != 0)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.split(separator: "\n").count == 1, "\(unknown.stderr)")
        #expect(unknown.stderr.hasPrefix("Error: Consumer group 'doctor-no-such-group-"), "\(unknown.stderr)")
    }

    static let idleMemberScript = """
        import sys, time
        from confluent_kafka import Consumer
        consumer = Consumer({"bootstrap.servers": sys.argv[1], "group.id": sys.argv[2], "enable.auto.commit": False,
                             "session.timeout.ms": 6000, "heartbeat.interval.ms": 1000, "auto.offset.reset": "earliest"})
        consumer.subscribe([sys.argv[3]])
        deadline = time.time() + float(sys.argv[4])
        joined = False
        while time.time() < deadline:
            consumer.poll(0.2)
            if not joined and consumer.assignment():
                joined = True
                print("joined", flush=True)
        consumer.close()
        """

    /// A member that reads and never commits: the group has a member, records wait, nothing moves.
    @Test func aMemberThatCommitsNothingIsNamed() async throws {
        let topic = "doctor-idle-\(UUID().uuidString.prefix(8))"
        let group = "doctor-idle-group-\(UUID().uuidString.prefix(8))"
        try await createTopic(topic)
        try await withTopics(topic) {
            try await GroupTestSupport.produceOnePerBatch(topic, counts: [6])
            try await GroupTestSupport.commit(group: group, [topic: [0: 1]])
            let member = Task { try await python(Self.idleMemberScript, [group, topic, "12"]) }
            defer { member.cancel() }
            // The test broker finishes a join in about half the session timeout.
            let stable = try await GroupTestSupport.waitUntilStable(group, members: 1, within: .seconds(20))
            try #require(stable != nil, "the member did not join")
            let document = try Self.document(try await Self.doctor(group, ["--sample-ms", "1500", "--output", "json"]))
            #expect(document["members"] as? Int == 1, "\(document)")
            #expect(Self.causes(document) == ["not-committing"], "\(document)")
            let finding = (document["findings"] as? [[String: Any]])?.first
            #expect((finding?["evidence"] as? String)?.hasPrefix("5 records wait on \(topic)-0 and no committed offset there moved in 1.") == true, "\(String(describing: finding))")
            _ = try? await member.value
        }
    }

    static let killedTransactionScript = """
        import os, sys
        from confluent_kafka import Producer
        producer = Producer({"bootstrap.servers": sys.argv[1], "transactional.id": sys.argv[3], "linger.ms": 0})
        producer.init_transactions(20)
        producer.begin_transaction()
        for i in range(3):
            producer.produce(sys.argv[2], b"committed-%d" % i, partition=0)
        producer.commit_transaction(20)
        producer.begin_transaction()
        for i in range(5):
            producer.produce(sys.argv[2], b"open-%d" % i, partition=0)
        producer.flush(20)
        os._exit(0)  # killed mid-transaction: no commit, no abort
        """

    /// Where a read_committed consumer stops: the last stable offset, committed there as its position would be.
    static let readCommittedScript = """
        import sys
        from confluent_kafka import Consumer, TopicPartition
        consumer = Consumer({"bootstrap.servers": sys.argv[1], "group.id": sys.argv[2], "isolation.level": "read_committed",
                             "enable.auto.commit": False})
        low, stable = consumer.get_watermark_offsets(TopicPartition(sys.argv[3], 0), timeout=20)
        consumer.commit(offsets=[TopicPartition(sys.argv[3], 0, stable)], asynchronous=False)
        consumer.close()
        print(stable)
        """

    /// A transactional producer killed mid-transaction holds the partition's last stable offset below its high
    /// watermark, where a read_committed group waits: the doctor names the open transaction first and previews the
    /// abort at the last stable offset. This broker cannot name the producer (no DescribeProducers), which the finding
    /// says; the scripted broker proves the producer, its transactional id and age.
    @Test func aTransactionalProducerKilledMidTransactionHoldsTheGroupAndIsNamed() async throws {
        let topic = "doctor-txn-\(UUID().uuidString.prefix(8))"
        let group = "doctor-txn-group-\(UUID().uuidString.prefix(8))"
        try await createTopic(topic)
        try await withTopics(topic) {
            let killed = try await python(Self.killedTransactionScript, [topic, "doctor-txn-\(UUID().uuidString.prefix(8))"])
            try #require(killed.exitCode == 0, "\(killed.stderr)")
            let committed = try await python(Self.readCommittedScript, [group, topic])
            try #require(committed.exitCode == 0, "\(committed.stderr)")
            let stable = try #require(Int64(committed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
            let document = try Self.document(try await Self.doctor(group, ["--sample-ms", "500", "--output", "json"]))
            #expect(Self.causes(document).first == "open-transaction", "\(document)")
            let finding = try #require((document["findings"] as? [[String: Any]])?.first)
            let hold = try #require((finding["transactions"] as? [[String: Any]])?.first)
            #expect(hold["lastStableOffset"] as? Int == Int(stable), "\(hold)")
            #expect((hold["highWatermark"] as? Int ?? 0) > Int(stable), "\(hold)")
            #expect((hold["producerUnknownReason"] as? String)?.contains("DescribeProducers") == true
                || (hold["producerUnknownReason"] as? String)?.contains("describing producers") == true, "\(hold)")
            #expect((finding["command"] as? String)?.hasSuffix("abort --topic \(topic) --partition 0 --start-offset \(stable)") == true, "\(finding)")
        }
    }

    @Test(arguments: [
        (["--doctor"], "Option [doctor] takes exactly one [group]: kafkactl consumer-groups --doctor --group NAME"),
        (["--doctor", "--group", "a", "--group", "b"], "Option [doctor] takes exactly one [group]: kafkactl consumer-groups --doctor --group NAME"),
        (["--doctor", "--all-groups"], "Option [doctor] takes exactly one [group]: kafkactl consumer-groups --doctor --group NAME"),
        (["--doctor", "--group", "a", "--sample-ms", "-1"], "--sample-ms must be a number of milliseconds from 0 to 600000, not -1"),
        (["--doctor", "--group", "a", "--sample-ms", "700000"], "--sample-ms must be a number of milliseconds from 0 to 600000, not 700000"),
        (["--describe", "--group", "a", "--sample-ms", "10"], "Option(s) [sample-ms] are unavailable given other options on the command line"),
        (["--doctor", "--group", "a", "--topic", "t"], "Option \"[topic]\" can't be used with option \"[doctor]\""),
    ])
    func badInputIsRefusedInOneLineBeforeConnecting(arguments: [String], message: String) async throws {
        // An address nothing listens on: the refusal comes before any connection.
        let result = try await kafkactl(["consumer-groups", "--bootstrap-server", "127.0.0.1:1"] + arguments, timeout: .seconds(10))
        #expect(result.exitCode == 64, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").first.map(String.init) == "Error: \(message)", "\(result.stderr)")
    }
}

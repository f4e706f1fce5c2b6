import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `kafkactl console-consumer --group` against the real broker, from the built binary, with confluent-kafka as the
/// independent producer and the independent reader of committed offsets: members of one group split the
/// partitions and print each record once; different groups each get everything; a restarted member continues from
/// the committed position; Ctrl-C commits, leaves and exits 130.
@Suite struct GroupConsumerTests {
    static let fast = GroupTestSupport.fastGroupProperties

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func twoConsumersOfOneGroupTogetherPrintEveryRecordOnceAndEachPrintsSome() async throws {
        let topic = BrokerHarness.uniqueName("e2e-group-split")
        let group = BrokerHarness.uniqueName("split")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 4)
            let arguments = ["--topic", topic, "--group", group, "--from-beginning"] + Self.fast + ["--timeout-ms", "15000"]
            let start = ContinuousClock.now
            async let first = GroupTestSupport.consoleConsumer(arguments)
            async let second = GroupTestSupport.consoleConsumer(arguments)
            // The records are written once both members are in the group: a member that joins late (a slow start
            // on a loaded machine) would otherwise find everything already read by the first.
            let joined = try await GroupTestSupport.waitUntilStable(group, members: 2, within: .seconds(30))
            let delivered = try await GroupTestSupport.produceKeyed(topic, count: 40, prefix: "split")
            try #require(Set(delivered.map(\.partition)) == [0, 1, 2, 3], "the keys must cover every partition")
            let (a, b) = try await (first, second)
            #expect(joined != nil, "the group never reached Stable with two members")
            let elapsed = ContinuousClock.now - start
            #expect(a.exitCode == 0, "stderr: \(a.stderr)")
            #expect(b.exitCode == 0, "stderr: \(b.stderr)")
            let printedA = Self.lines(a.stdout)
            let printedB = Self.lines(b.stdout)
            #expect(!printedA.isEmpty, "the first consumer printed nothing: the group did not share the partitions")
            #expect(!printedB.isEmpty, "the second consumer printed nothing: the group did not share the partitions")
            // Together: every record, exactly once.
            #expect((printedA + printedB).sorted() == delivered.map(\.value).sorted())
            #expect(Set(printedA).isDisjoint(with: printedB))
            let partitionOf = Dictionary(uniqueKeysWithValues: delivered.map { ($0.value, $0.partition) })
            let partitionsA = Set(printedA.compactMap { partitionOf[$0] }).sorted()
            let partitionsB = Set(printedB.compactMap { partitionOf[$0] }).sorted()
            print("[measured] two members of \(group): \(printedA.count) records from partitions \(partitionsA) and \(printedB.count) from \(partitionsB); both done in \(elapsed) (15 s of it is --timeout-ms)")
            // Both left and committed everything they printed.
            let committed = try await GroupTestSupport.committed(group: group, topic: topic, partitions: 4)
            #expect(committed == GroupTestSupport.logEnds(delivered).mapValues { Optional($0) })
        }
    }

    @Test func consumersInDifferentGroupsEachGetEveryRecord() async throws {
        let topic = BrokerHarness.uniqueName("e2e-group-fanout")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 4)
            let delivered = try await GroupTestSupport.produceKeyed(topic, count: 30, prefix: "fanout")
            let values = delivered.map(\.value).sorted()
            let groups = [BrokerHarness.uniqueName("fanout-a"), BrokerHarness.uniqueName("fanout-b")]
            func arguments(_ group: String) -> [String] {
                ["--topic", topic, "--group", group, "--from-beginning"] + Self.fast + ["--max-messages", "30", "--timeout-ms", "30000"]
            }
            async let first = GroupTestSupport.consoleConsumer(arguments(groups[0]))
            async let second = GroupTestSupport.consoleConsumer(arguments(groups[1]))
            let (a, b) = try await (first, second)
            #expect(a.exitCode == 0, "stderr: \(a.stderr)")
            #expect(b.exitCode == 0, "stderr: \(b.stderr)")
            // --max-messages 30 stops at 30: a repeat would leave a record out, and the sorted lists would differ.
            #expect(Self.lines(a.stdout).sorted() == values)
            #expect(Self.lines(b.stdout).sorted() == values)
        }
    }

    @Test func aRestartedConsumerContinuesFromTheCommittedPosition() async throws {
        let topic = BrokerHarness.uniqueName("e2e-group-restart")
        let group = BrokerHarness.uniqueName("restart")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 4)
            let before = try await GroupTestSupport.produceKeyed(topic, count: 12, prefix: "before")
            let common = ["--topic", topic, "--group", group, "--from-beginning"] + Self.fast
            let firstRun = try await GroupTestSupport.consoleConsumer(common + ["--max-messages", "12", "--timeout-ms", "30000"])
            #expect(firstRun.exitCode == 0, "stderr: \(firstRun.stderr)")
            #expect(Self.lines(firstRun.stdout).sorted() == before.map(\.value).sorted())
            let afterFirst = try await GroupTestSupport.committed(group: group, topic: topic, partitions: 4)
            #expect(afterFirst == GroupTestSupport.logEnds(before).mapValues { Optional($0) })

            let after = try await GroupTestSupport.produceKeyed(topic, count: 8, prefix: "after")
            // The member that left may hold the next join for up to its session timeout on this broker (BROKER.md):
            // allow for it. --max-messages 8 ends the run: an old record printed again would take a new one's place.
            let start = ContinuousClock.now
            let secondRun = try await GroupTestSupport.consoleConsumer(common + ["--max-messages", "8", "--timeout-ms", "45000"])
            let elapsed = ContinuousClock.now - start
            #expect(secondRun.exitCode == 0, "stderr: \(secondRun.stderr)")
            #expect(Self.lines(secondRun.stdout).sorted() == after.map(\.value).sorted())
            print("[measured] restarted member of \(group) printed the 8 new records \(elapsed) after it started")
            let afterSecond = try await GroupTestSupport.committed(group: group, topic: topic, partitions: 4)
            #expect(afterSecond == GroupTestSupport.logEnds(before + after).mapValues { Optional($0) })
        }
    }

    @Test func ctrlCOfAGroupConsumerCommitsWhatItPrintedLeavesAndExits130() async throws {
        let topic = BrokerHarness.uniqueName("e2e-group-sigint")
        let group = BrokerHarness.uniqueName("sigint")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 4)
            let delivered = try await GroupTestSupport.produceKeyed(topic, count: 20, prefix: "sigint")
            let address = try await brokerAddress()
            try await withBackgroundProcesses { processes in
                // No periodic commit within the test: only the commit on the way out can store the positions.
                let consumer = processes.add(try BackgroundProcess.kafkactl([
                    "console-consumer", "--bootstrap-server", address, "--topic", topic, "--group", group, "--from-beginning",
                    "--consumer-property", "auto.commit.interval.ms=600000",
                ] + Self.fast))
                let printed = try await eventually(within: .seconds(30)) { consumer.lines.count >= 20 }
                try #require(printed, "only \(consumer.lines.count) records printed; stderr: \(consumer.stderr)")
                print("[measured] a lone member of \(group) printed all 20 records \(ContinuousClock.now - consumer.started) after it started (join included)")
                let joined = try await GroupTestSupport.state(of: group)
                #expect(joined?.members == 1)
                let nothingYet = try await GroupTestSupport.committed(group: group, topic: topic, partitions: 4)
                #expect(nothingYet.values.allSatisfy { $0 == nil }, "committed before the signal: \(nothingYet)")

                consumer.send(SIGINT)
                let status = await consumer.waitForExit(within: .seconds(15))
                #expect(status == 130, "stderr: \(consumer.stderr)")
                #expect(consumer.stderr.contains("Processed a total of 20 messages"), "stderr: \(consumer.stderr)")
                #expect(consumer.lines.sorted() == delivered.map(\.value).sorted())
                let committed = try await GroupTestSupport.committed(group: group, topic: topic, partitions: 4)
                #expect(committed == GroupTestSupport.logEnds(delivered).mapValues { Optional($0) })
                // It left: the group is empty at once, not after the 6 s session timeout.
                let left = try await eventually(within: .seconds(3)) { try await GroupTestSupport.state(of: group)?.members == 0 }
                #expect(left, "the group still has a member after the consumer exited")
            }
        }
    }

    @Test func withoutAutoCommitEachPrintedRecordIsCommittedWhileRunning() async throws {
        // enable.auto.commit=false: kafkactl commits after printing (at-least-once), not only on exit.
        let topic = BrokerHarness.uniqueName("e2e-group-manual-commit")
        let group = BrokerHarness.uniqueName("manual")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 4)
            let delivered = try await GroupTestSupport.produceKeyed(topic, count: 16, prefix: "manual")
            let expected = GroupTestSupport.logEnds(delivered).mapValues { Optional($0) }
            let address = try await brokerAddress()
            try await withBackgroundProcesses { processes in
                let consumer = processes.add(try BackgroundProcess.kafkactl([
                    "console-consumer", "--bootstrap-server", address, "--topic", topic, "--group", group, "--from-beginning",
                    "--consumer-property", "enable.auto.commit=false",
                ] + Self.fast))
                let printed = try await eventually(within: .seconds(30)) { consumer.lines.count >= 16 }
                try #require(printed, "stderr: \(consumer.stderr)")
                var last: [Int: Int64?] = [:]
                let committed = try await eventually(within: .seconds(5)) {
                    last = try await GroupTestSupport.committed(group: group, topic: topic, partitions: 4)
                    return last == expected
                }
                #expect(committed, "while running, committed \(last), expected \(expected)")
                consumer.send(SIGINT)
                #expect(await consumer.waitForExit(within: .seconds(15)) == 130)
            }
        }
    }
}

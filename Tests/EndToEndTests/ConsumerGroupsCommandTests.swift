import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `kafkactl consumer-groups` against the real broker, from the built binary, with confluent-kafka committing known
/// offsets and reading them back (`committed()`): list, describe (offsets and lag, state, members, JSON), every
/// reset scenario and scope moving the offsets to exactly the expected values, dry runs changing nothing, plans
/// exported and read back, and deleting a group.
///
/// The shared topics are written one record per batch, so that this broker's ListOffsets(latest) is exact.
/// `main` has 4 partitions holding 10, 6, 3 and 2 records; `other` has 2 holding 4 and 0. Each test seeds its own
/// group with `main` 0:4, 1:3, 2:1 (3 uncommitted) and `other` 0:2 (1 uncommitted).
@Suite struct ConsumerGroupsCommandTests {
    struct Topics: Sendable {
        var main: String
        var other: String
    }

    static let mainEnds: [Int64] = [10, 6, 3, 2]
    static let otherEnds: [Int64] = [4, 0]

    static let shared = Task<Topics, any Error> {
        let topics = Topics(main: BrokerHarness.uniqueName("e2e-cg-main"), other: BrokerHarness.uniqueName("e2e-cg-other"))
        try await createTopic(topics.main, partitions: 4)
        try await createTopic(topics.other, partitions: 2)
        try await GroupTestSupport.produceOnePerBatch(topics.main, counts: mainEnds.map(Int.init))
        try await GroupTestSupport.produceOnePerBatch(topics.other, counts: otherEnds.map(Int.init))
        return topics
    }

    static func topics() async throws -> Topics { try await shared.value }

    /// A new group with the seed offsets.
    static func seededGroup(_ topics: Topics, _ prefix: String) async throws -> String {
        let group = BrokerHarness.uniqueName(prefix)
        try await GroupTestSupport.commit(group: group, [topics.main: [0: 4, 1: 3, 2: 1], topics.other: [0: 2]])
        return group
    }

    static let seedMain: [Int64?] = [4, 3, 1, nil]
    static let seedOther: [Int64?] = [2, nil]

    /// The group's committed offsets by partition index, as confluent-kafka reads them.
    static func committed(_ group: String, _ topics: Topics) async throws -> (main: [Int64?], other: [Int64?]) {
        let all = try await GroupTestSupport.committed(group: group, topics: [topics.main: 4, topics.other: 2])
        let main = (0..<4).map { all[topics.main]?[$0] ?? nil }
        let other = (0..<2).map { all[topics.other]?[$0] ?? nil }
        return (main, other)
    }

    static func expectCommitted(_ group: String, _ topics: Topics, main: [Int64?], other: [Int64?],
                                sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let now = try await committed(group, topics)
        #expect(now.main == main, "committed offsets of \(topics.main)", sourceLocation: sourceLocation)
        #expect(now.other == other, "committed offsets of \(topics.other)", sourceLocation: sourceLocation)
    }

    static func run(_ arguments: [String]) async throws -> ProcessResult {
        try await GroupTestSupport.consumerGroups(arguments)
    }

    // MARK: --list

    @Test func listShowsAGroupThatHasCommittedOffsets() async throws {
        let topics = try await Self.topics()
        let group = try await Self.seededGroup(topics, "cg-list")
        let plain = try await Self.run(["--list"])
        #expect(plain.exitCode == 0, "stderr: \(plain.stderr)")
        #expect(plain.stdout.split(separator: "\n").contains { $0 == group })
        let json = try await Self.run(["--list", "--output", "json"])
        let groups = try #require(try json.jsonObject()["groups"] as? [[String: Any]])
        #expect(groups.contains { $0["group"] as? String == group })
        // With --state: a header and a STATE column. This broker reports ListGroups states as "Unknown"; only the
        // row's presence is checked.
        let withState = try await Self.run(["--list", "--state"])
        let rows = GroupTestSupport.tableRows(withState.stdout)
        #expect(rows.first == ["GROUP", "STATE"])
        #expect(rows.contains { $0.first == group && $0.count == 2 })
    }

    // MARK: --describe

    @Test func describeShowsTheCommittedOffsetsTheLogEndAndTheLag() async throws {
        let topics = try await Self.topics()
        let group = try await Self.seededGroup(topics, "cg-describe")
        let result = try await Self.run(["--describe", "--group", group])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stderr == "\nConsumer group '\(group)' has no active members.\n")
        #expect(result.stdout.hasPrefix("\n"), "the block starts with an empty line, as Kafka's does")
        let rows = GroupTestSupport.tableRows(result.stdout)
        #expect(rows.first == ["GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID", "HOST", "CLIENT-ID"])
        // Only partitions with a commit (or an owner) are listed; nobody owns any, so the consumer columns are "-".
        #expect(Set(rows.dropFirst()) == [
            [group, topics.main, "0", "4", "10", "6", "-", "-", "-"],
            [group, topics.main, "1", "3", "6", "3", "-", "-", "-"],
            [group, topics.main, "2", "1", "3", "2", "-", "-", "-"],
            [group, topics.other, "0", "2", "4", "2", "-", "-", "-"],
        ])
        #expect(rows.count == 5)
        // The same offsets as the independent client reads.
        try await Self.expectCommitted(group, topics, main: Self.seedMain, other: Self.seedOther)
    }

    /// Issue 18, item 7: a committed offset past the log end (a truncated or recreated topic) shows a negative lag,
    /// as Kafka's tool prints it; it was clamped to 0, hiding the signal.
    @Test func aCommitPastTheLogEndShowsANegativeLag() async throws {
        let topic = BrokerHarness.uniqueName("cg-negative-lag")
        let group = BrokerHarness.uniqueName("cg-negative-lag")
        try await createTopic(topic)
        try await withTopics(topic) {
            try await GroupTestSupport.produceOnePerBatch(topic, counts: [3])
            try await GroupTestSupport.commit(group: group, [topic: [0: 10]])
            let result = try await Self.run(["--describe", "--group", group])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(GroupTestSupport.tableRows(result.stdout).dropFirst() == [[group, topic, "0", "10", "3", "-7", "-", "-", "-"]])
            let json = try await Self.run(["--describe", "--group", group, "--output", "json"])
            let groups = try #require(try json.jsonObject()["groups"] as? [[String: Any]])
            let partitions = try #require(groups.first?["partitions"] as? [[String: Any]])
            #expect(partitions.first?["lag"] as? Int == -7)
        }
    }

    @Test func describeAsJSONHasTheSameNumbers() async throws {
        let topics = try await Self.topics()
        let group = try await Self.seededGroup(topics, "cg-describe-json")
        let result = try await Self.run(["--describe", "--group", group, "--output", "json"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let groups = try #require(try result.jsonObject()["groups"] as? [[String: Any]])
        try #require(groups.count == 1)
        #expect(groups[0]["group"] as? String == group)
        #expect(groups[0]["state"] as? String == "Empty")
        let partitions = try #require(groups[0]["partitions"] as? [[String: Any]])
        var seen: [String: [Int]] = [:]
        for partition in partitions {
            let key = "\(partition["topic"] as? String ?? "?"):\(partition["partition"] as? Int ?? -1)"
            seen[key] = [partition["currentOffset"] as? Int ?? -1, partition["logEndOffset"] as? Int ?? -1, partition["lag"] as? Int ?? -1]
            #expect(partition["consumerId"] is NSNull)
            #expect(partition["host"] is NSNull)
            #expect(partition["clientId"] is NSNull)
        }
        #expect(seen == ["\(topics.main):0": [4, 10, 6], "\(topics.main):1": [3, 6, 3], "\(topics.main):2": [1, 3, 2],
                         "\(topics.other):0": [2, 4, 2]])
    }

    @Test func describeStateOfAnEmptyGroupShowsEmptyAndNoMembers() async throws {
        let topics = try await Self.topics()
        let group = try await Self.seededGroup(topics, "cg-state")
        let result = try await Self.run(["--describe", "--group", group, "--state"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let rows = GroupTestSupport.tableRows(result.stdout)
        #expect(rows.first == ["GROUP", "COORDINATOR", "(ID)", "ASSIGNMENT-STRATEGY", "STATE", "#MEMBERS"])
        try #require(rows.count == 2)
        // Kafka's COORDINATOR (ID) value: `host:port  (id)`; the test broker is node 111.
        let address = try await brokerAddress()
        #expect(rows[1] == [group, address, "(111)", "-", "Empty", "0"])
        #expect(result.stdout.contains("\(address)  (111)"))
        let members = try await Self.run(["--describe", "--group", group, "--members"])
        #expect(members.exitCode == 0)
        #expect(members.stdout.isEmpty, "no members, no table")
        #expect(members.stderr.contains("Consumer group '\(group)' has no active members."))
    }

    @Test func describeStateAndMembersOfAGroupWithARunningConsumer() async throws {
        let topics = try await Self.topics()
        let group = BrokerHarness.uniqueName("cg-active")
        let address = try await brokerAddress()
        try await withBackgroundProcesses { processes in
            let consumer = processes.add(try BackgroundProcess.kafkactl([
                "console-consumer", "--bootstrap-server", address, "--topic", topics.main, "--group", group,
            ] + GroupTestSupport.fastGroupProperties))
            let waited = try await GroupTestSupport.waitUntilStable(group, members: 1)
            try #require(waited != nil, "the group never became Stable with one member; consumer stderr: \(consumer.stderr)")
            print("[measured] one kafkactl member of \(group) reported Stable \(waited!) after the poll began")
            let state = try await Self.run(["--describe", "--group", group, "--state"])
            #expect(state.exitCode == 0, "stderr: \(state.stderr)")
            #expect(!state.stderr.contains("has no active members"))
            let rows = GroupTestSupport.tableRows(state.stdout)
            try #require(rows.count == 2)
            // This broker leaves the assignment strategy empty in DescribeGroups: "-".
            #expect(rows[1].suffix(2) == ["Stable", "1"])
            let members = try await Self.run(["--describe", "--group", group, "--members"])
            #expect(members.exitCode == 0, "stderr: \(members.stderr)")
            let memberRows = GroupTestSupport.tableRows(members.stdout)
            #expect(memberRows.first == ["GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID", "#PARTITIONS"])
            try #require(memberRows.count == 2)
            #expect(memberRows[1].first == group)
            // This broker reports member ids, but no host, client id or assignment (BROKER.md).
            #expect(memberRows[1].count == 5)
            #expect(memberRows[1][1] != "-" && !memberRows[1][1].isEmpty)
            #expect(memberRows[1][2] == "-" && memberRows[1][3] == "-")
            consumer.send(SIGINT)
            #expect(await consumer.waitForExit(within: .seconds(15)) == 130)
        }
    }

    // MARK: --reset-offsets: every scenario and scope

    /// One reset: the arguments after `--reset-offsets --group G`, the plan rows it must print (main or other,
    /// partition, new offset) and the committed offsets expected after it.
    struct ResetCase: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: @Sendable (Topics) -> [String]
        var rows: [Row]
        var main: [Int64?]
        var other: [Int64?] = ConsumerGroupsCommandTests.seedOther
        /// Pieces of the warnings expected on stderr.
        var warnings: [String] = []
        var testDescription: String { name }

        struct Row: Sendable, Hashable {
            var inMain: Bool
            var partition: Int
            var offset: Int64
        }
    }

    /// Plan rows for `main`, partition i moving to offsets[i] (nil: not in the plan).
    static func mainRows(_ offsets: [Int64?]) -> [ResetCase.Row] {
        offsets.enumerated().compactMap { index, offset in offset.map { .init(inMain: true, partition: index, offset: $0) } }
    }

    static func otherRows(_ offsets: [Int64?]) -> [ResetCase.Row] {
        offsets.enumerated().compactMap { index, offset in offset.map { .init(inMain: false, partition: index, offset: $0) } }
    }

    static let resetCases: [ResetCase] = [
        ResetCase(name: "--to-earliest --topic t", arguments: { ["--topic", $0.main, "--to-earliest"] },
                  rows: mainRows([0, 0, 0, 0]), main: [0, 0, 0, 0]),
        ResetCase(name: "--to-latest --topic t", arguments: { ["--topic", $0.main, "--to-latest"] },
                  rows: mainRows([10, 6, 3, 2]), main: [10, 6, 3, 2]),
        ResetCase(name: "--to-current --topic t (log end where nothing was committed)",
                  arguments: { ["--topic", $0.main, "--to-current"] }, rows: mainRows([4, 3, 1, 2]), main: [4, 3, 1, 2]),
        ResetCase(name: "--to-offset 5 (clamped where the log is shorter)", arguments: { ["--topic", $0.main, "--to-offset", "5"] },
                  rows: mainRows([5, 5, 3, 2]), main: [5, 5, 3, 2],
                  warnings: ["New offset (5) is higher than latest offset for topic partition ", "-2. Value will be set to 3",
                             "-3. Value will be set to 2"]),
        ResetCase(name: "--to-offset 99 (beyond every end)", arguments: { ["--topic", $0.main, "--to-offset", "99"] },
                  rows: mainRows([10, 6, 3, 2]), main: [10, 6, 3, 2], warnings: ["New offset (99) is higher than latest offset"]),
        ResetCase(name: "--shift-by 2 --topic t:0,1,2", arguments: { ["--topic", "\($0.main):0,1,2", "--shift-by", "2"] },
                  rows: mainRows([6, 5, 3]), main: [6, 5, 3, nil], warnings: []),
        ResetCase(name: "--shift-by -3 --topic t:0,1,2", arguments: { ["--topic", "\($0.main):0,1,2", "--shift-by", "-3"] },
                  rows: mainRows([1, 0, 0]), main: [1, 0, 0, nil],
                  warnings: ["New offset (-2) is lower than earliest offset"]),
        ResetCase(name: "--to-datetime before the data", arguments: { ["--topic", $0.main, "--to-datetime", "2000-01-01T00:00:00.000"] },
                  rows: mainRows([0, 0, 0, 0]), main: [0, 0, 0, 0]),
        ResetCase(name: "--by-duration P1D (before the data)", arguments: { ["--topic", $0.main, "--by-duration", "P1D"] },
                  rows: mainRows([0, 0, 0, 0]), main: [0, 0, 0, 0]),
        ResetCase(name: "--topic t:0,2 moves only those partitions", arguments: { ["--topic", "\($0.main):0,2", "--to-earliest"] },
                  rows: mainRows([0, nil, 0]), main: [0, 3, 0, nil]),
        ResetCase(name: "--all-topics moves every committed partition and no other", arguments: { _ in ["--all-topics", "--to-latest"] },
                  rows: mainRows([10, 6, 3]) + otherRows([4]), main: [10, 6, 3, nil], other: [4, nil]),
        ResetCase(name: "--topic given twice", arguments: { ["--topic", $0.main, "--topic", $0.other, "--to-earliest"] },
                  rows: mainRows([0, 0, 0, 0]) + otherRows([0, 0]), main: [0, 0, 0, 0], other: [0, 0]),
    ]

    @Test(arguments: resetCases)
    func anExecutedResetMovesTheCommittedOffsetsToExactlyTheTarget(reset: ResetCase) async throws {
        let topics = try await Self.topics()
        let group = try await Self.seededGroup(topics, "cg-reset")
        let result = try await Self.run(["--reset-offsets", "--group", group, "--execute"] + reset.arguments(topics))
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        // The table: GROUP TOPIC PARTITION NEW-OFFSET, one row per partition moved.
        let rows = GroupTestSupport.tableRows(result.stdout)
        #expect(rows.first == ["GROUP", "TOPIC", "PARTITION", "NEW-OFFSET"])
        let expectedRows = reset.rows.map { [group, $0.inMain ? topics.main : topics.other, String($0.partition), String($0.offset)] }
        #expect(Set(rows.dropFirst()) == Set(expectedRows))
        #expect(rows.count == expectedRows.count + 1)
        let warnings = result.stderrLines.filter { $0.hasPrefix("WARN: ") }
        for warning in reset.warnings {
            #expect(warnings.contains { $0.contains(warning) }, "a warning should mention '\(warning)': \(result.stderr)")
        }
        if reset.warnings.isEmpty { #expect(warnings.isEmpty, "stderr: \(result.stderr)") }
        try await Self.expectCommitted(group, topics, main: reset.main, other: reset.other)
    }

    @Test func aResetOfAGroupThatWasNeverUsedCommitsItsFirstOffsets() async throws {
        // Kafka 4.0+ resets a group that does not exist (it becomes an offsets-only group).
        let topics = try await Self.topics()
        let group = BrokerHarness.uniqueName("cg-fresh")
        try await Self.expectCommitted(group, topics, main: [nil, nil, nil, nil], other: [nil, nil])
        let result = try await Self.run(["--reset-offsets", "--group", group, "--topic", topics.main, "--to-offset", "2", "--execute"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        try await Self.expectCommitted(group, topics, main: [2, 2, 2, 2], other: [nil, nil])
    }

    // MARK: Dry runs

    @Test(arguments: [[String](), ["--dry-run"]])
    func aDryRunShowsThePlanAndChangesNothing(flags: [String]) async throws {
        let topics = try await Self.topics()
        let group = try await Self.seededGroup(topics, "cg-dry")
        let result = try await Self.run(["--reset-offsets", "--group", group, "--topic", topics.main, "--to-latest"] + flags)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let rows = GroupTestSupport.tableRows(result.stdout)
        #expect(Set(rows.dropFirst()) == Set((0..<4).map { [group, topics.main, String($0), String(Self.mainEnds[$0])] }))
        // Without --dry-run or --execute, Kafka's tool warns that nothing is done.
        #expect(result.stderr.contains("WARN: No action will be performed as the --execute option is missing") == flags.isEmpty,
                "stderr: \(result.stderr)")
        try await Self.expectCommitted(group, topics, main: Self.seedMain, other: Self.seedOther)
    }

    // MARK: --export and --from-file

    @Test func aPlanExportedWithExportIsAppliedByFromFile() async throws {
        let topics = try await Self.topics()
        let group = try await Self.seededGroup(topics, "cg-export")
        let export = try await Self.run(["--reset-offsets", "--group", group, "--all-topics", "--shift-by", "-1", "--dry-run", "--export"])
        #expect(export.exitCode == 0, "stderr: \(export.stderr)")
        let lines = export.stdout.split(separator: "\n").map(String.init)
        // One --group: topic,partition,offset.
        #expect(Set(lines) == ["\(topics.main),0,3", "\(topics.main),1,2", "\(topics.main),2,0", "\(topics.other),0,1"])
        try await Self.expectCommitted(group, topics, main: Self.seedMain, other: Self.seedOther)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kafkactl-plan-\(UUID().uuidString).csv")
        try export.stdoutData.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let apply = try await Self.run(["--reset-offsets", "--group", group, "--from-file", file.path, "--execute"])
        #expect(apply.exitCode == 0, "stderr: \(apply.stderr)")
        try await Self.expectCommitted(group, topics, main: [3, 2, 0, nil], other: [1, nil])
    }

    @Test func aFourColumnPlanFileMovesEachGroupItNames() async throws {
        let topics = try await Self.topics()
        let first = try await Self.seededGroup(topics, "cg-file-a")
        let second = try await Self.seededGroup(topics, "cg-file-b")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kafkactl-plan-\(UUID().uuidString).csv")
        try Data("\(first),\(topics.main),0,7\n\(second),\(topics.main),1,5\n\(second),\(topics.other),0,99\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let apply = try await Self.run(["--reset-offsets", "--group", first, "--group", second, "--from-file", file.path, "--execute"])
        #expect(apply.exitCode == 0, "stderr: \(apply.stderr)")
        // Offsets from a file are clamped like --to-offset (99 -> the log end, 4).
        #expect(apply.stderr.contains("New offset (99) is higher than latest offset"))
        try await Self.expectCommitted(first, topics, main: [7, 3, 1, nil], other: Self.seedOther)
        try await Self.expectCommitted(second, topics, main: [4, 5, 1, nil], other: [4, nil])
    }

    @Test func anExecutedResetSavesThePreviousOffsetsAndTheSavedFileUndoesIt() async throws {
        let topics = try await Self.topics()
        let group = try await Self.seededGroup(topics, "cg-undo")
        let state = GroupTestSupport.stateHome()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let reset = try await GroupTestSupport.consumerGroups(
            ["--reset-offsets", "--group", group, "--topic", "\(topics.main):0,1,2", "--to-earliest", "--execute"], stateHome: state)
        #expect(reset.exitCode == 0, "stderr: \(reset.stderr)")
        try await Self.expectCommitted(group, topics, main: [0, 0, 0, nil], other: Self.seedOther)
        let saved = try #require(reset.stderrLines.first { $0.hasPrefix("Previous offsets of group '\(group)' saved to ") })
        let path = try #require(saved.split(separator: " ").first { $0.hasPrefix(state) }.map { String($0.dropLast(1)) })
        let undo = try await GroupTestSupport.consumerGroups(
            ["--reset-offsets", "--group", group, "--from-file", path, "--execute"], stateHome: state)
        #expect(undo.exitCode == 0, "stderr: \(undo.stderr)")
        try await Self.expectCommitted(group, topics, main: Self.seedMain, other: Self.seedOther)
    }

    // MARK: --delete

    @Test func deletingAnEmptyGroupSucceedsAndItsOffsetsAreGone() async throws {
        let topics = try await Self.topics()
        let group = try await Self.seededGroup(topics, "cg-delete")
        let result = try await Self.run(["--delete", "--group", group])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "Deletion of requested consumer groups ('\(group)') was successful.\n")
        try await Self.expectCommitted(group, topics, main: [nil, nil, nil, nil], other: [nil, nil])
        let list = try await Self.run(["--list"])
        #expect(!list.stdout.split(separator: "\n").contains { $0 == group })
    }
}

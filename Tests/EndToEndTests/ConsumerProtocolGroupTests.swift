import AdminCore
import Foundation
import TestSupport
import Testing

/// `kafkactl consumer-groups` on consumer-protocol (KIP-848) groups, run as a process against a scripted Kafka 4.0
/// coordinator (ConsumerProtocolCoordinator): --describe through ConsumerGroupDescribe in Kafka 4.x's layout, and
/// reset-offsets and delete allowed only while such a group is empty. The expected tables are written from Kafka 4.x's
/// ConsumerGroupCommand format strings (quoted at each), not from kafkactl's formatter.
@Suite struct ConsumerProtocolGroupTests {
    static let group = "k4-group"
    static let memberA = "aLoNgMeMbErId22Chars01"
    static let memberB = "bLoNgMeMbErId22Chars02"

    /// Java's `%-Ns`: left-aligned to N, never cut.
    static func left(_ value: String, _ width: Int) -> String {
        value.count >= width ? value : value + String(repeating: " ", count: width - value.count)
    }

    /// A coordinator holding `k4-group` on topic `t4` (4 partitions, log end 10, offsets 3-6 committed): while
    /// reconciling, member A owns t4-0,1 and B owns t4-2 and is being moved to t4-2,3; or empty.
    static func coordinator(empty: Bool = false) throws -> ConsumerProtocolCoordinator {
        let coordinator = try ConsumerProtocolCoordinator()
        coordinator.store.state.withLock { state in
            state.topics = ["t4": (partitions: 4, logEnd: 10)]
            var group = ConsumerProtocolCoordinator.Group(state: empty ? "Empty" : "Reconciling", groupEpoch: 13, assignmentEpoch: 13)
            group.committed = (0..<4).reduce(into: [:]) { $0[TopicPartition("t4", Int32($1))] = Int64(3 + $1) }
            if !empty {
                let t4 = { (partitions: [Int32]) in partitions.map { TopicPartition("t4", $0) } }
                group.members = [
                    .init(memberId: memberB, clientId: "console-consumer", host: "/127.0.0.2", memberEpoch: 11,
                          subscribed: ["t4"], assignment: t4([2]), target: t4([2, 3])),
                    .init(memberId: memberA, clientId: "console-consumer", host: "/127.0.0.1", memberEpoch: 13,
                          subscribed: ["t4"], assignment: t4([1, 0]), target: t4([0, 1])),
                ]
            }
            state.groups[Self.group] = group
        }
        return coordinator
    }

    static func run(_ coordinator: ConsumerProtocolCoordinator, _ arguments: [String]) async throws -> ProcessResult {
        let environment = ["XDG_STATE_HOME": GroupTestSupport.stateHome()]
        return try await offThePool {
            try runKafkactl(["consumer-groups", "--bootstrap-server", coordinator.address] + arguments,
                            timeout: .seconds(30), environment: environment)
        }
    }

    // MARK: --list

    @Test func listShowsEachGroupsTypeAsKafka4DoesAndTypeFiltersOnIt() async throws {
        let coordinator = try Self.coordinator()
        coordinator.store.state.withLock { state in
            var classic = ConsumerProtocolCoordinator.Group(state: "Stable", groupEpoch: 0, assignmentEpoch: 0)
            classic.type = "classic"
            state.groups["k4-classic"] = classic
        }
        // "%-25s %-20s" (GROUP at the longest id, at least 15, plus 10), a line per group, sorted by id.
        func row(_ group: String, _ type: String) -> String { Self.left(group, 25) + " " + Self.left(type, 20) }
        let all = try await Self.run(coordinator, ["--list", "--type"])
        #expect(all.exitCode == 0, "stderr: \(all.stderr)")
        #expect(all.stdout == [row("GROUP", "TYPE"), row("k4-classic", "Classic"), row(Self.group, "Consumer")]
            .joined(separator: "\n") + "\n")
        let consumer = try await Self.run(coordinator, ["--list", "--type", "consumer"])
        #expect(consumer.stdout == [row("GROUP", "TYPE"), row(Self.group, "Consumer")].joined(separator: "\n") + "\n")
        let classic = try await Self.run(coordinator, ["--list", "--type", "CLASSIC", "--state"])
        #expect(classic.stdout == [row("GROUP", "TYPE") + " " + Self.left("STATE", 20),
                                   row("k4-classic", "Classic") + " " + Self.left("Stable", 20)].joined(separator: "\n") + "\n")
        let json = try await Self.run(coordinator, ["--list", "--type", "consumer", "--output", "json"])
        #expect(json.stdout.contains(#"{"group":"\#(Self.group)","type":"consumer","state":"Reconciling","protocolType":"consumer"}"#),
                "stdout: \(json.stdout)")
        #expect(!json.stdout.contains("k4-classic"))
    }

    // MARK: --describe

    @Test func offsetsOfAConsumerProtocolGroupComeFromConsumerGroupDescribeInKafkasLayout() async throws {
        let coordinator = try Self.coordinator()
        let result = try await Self.run(coordinator, ["--describe", "--group", Self.group])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Warning: Consumer group '\(Self.group)' is rebalancing."))
        // "\n%-15s %-15s %-10s %-15s %-15s %-15s %-22s %-15s %s": members with more partitions first, then the
        // partitions nobody owns yet.
        func row(_ cells: [String]) -> String {
            [Self.left(cells[0], 15), Self.left(cells[1], 15), Self.left(cells[2], 10), Self.left(cells[3], 15),
             Self.left(cells[4], 15), Self.left(cells[5], 15), Self.left(cells[6], 22), Self.left(cells[7], 15), cells[8]]
                .joined(separator: " ")
        }
        let expected = [
            "",
            row(["GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID", "HOST", "CLIENT-ID"]),
            row([Self.group, "t4", "0", "3", "10", "7", Self.memberA, "/127.0.0.1", "console-consumer"]),
            row([Self.group, "t4", "1", "4", "10", "6", Self.memberA, "/127.0.0.1", "console-consumer"]),
            row([Self.group, "t4", "2", "5", "10", "5", Self.memberB, "/127.0.0.2", "console-consumer"]),
            row([Self.group, "t4", "3", "6", "10", "4", "-", "-", "-"]),
        ]
        #expect(result.stdout == expected.joined(separator: "\n") + "\n")
        // DescribeGroups first (it answers Dead: not a classic group), then ConsumerGroupDescribe.
        let keys = coordinator.apiKeys
        let describeGroups = try #require(keys.firstIndex(of: .describeGroups))
        let consumerDescribe = try #require(keys.firstIndex(of: .consumerGroupDescribe))
        #expect(describeGroups < consumerDescribe)
        #expect(try coordinator.all(ConsumerGroupDescribeRequest.self).map(\.groupIds) == [[Self.group]])
    }

    @Test func membersOfAConsumerProtocolGroup() async throws {
        let coordinator = try Self.coordinator()
        let result = try await Self.run(coordinator, ["--describe", "--group", Self.group, "--members"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        // "\n%-15s %-22s %-15s %-16s %-15s " then println.
        func row(_ cells: [String]) -> String {
            [Self.left(cells[0], 15), Self.left(cells[1], 22), Self.left(cells[2], 15), Self.left(cells[3], 16),
             Self.left(cells[4], 15), ""].joined(separator: " ")
        }
        let expected = [
            "",
            row(["GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID", "#PARTITIONS"]),
            row([Self.group, Self.memberB, "/127.0.0.2", "console-consumer", "1"]),
            row([Self.group, Self.memberA, "/127.0.0.1", "console-consumer", "2"]),
        ]
        #expect(result.stdout == expected.joined(separator: "\n") + "\n")
    }

    @Test func verboseMembersShowEachMembersEpochAndAssignmentBesideItsTarget() async throws {
        let coordinator = try Self.coordinator()
        let result = try await Self.run(coordinator, ["--describe", "--group", Self.group, "--members", "--verbose"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        // "%-15s %-22s %-15s %-16s %-15s " + "%-15s %-20s %-15s %-20s".
        func row(_ cells: [String]) -> String {
            [Self.left(cells[0], 15), Self.left(cells[1], 22), Self.left(cells[2], 15), Self.left(cells[3], 16),
             Self.left(cells[4], 15), Self.left(cells[5], 15), Self.left(cells[6], 20), Self.left(cells[7], 15),
             Self.left(cells[8], 20)].joined(separator: " ")
        }
        let expected = [
            "",
            row(["GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID", "#PARTITIONS", "CURRENT-EPOCH", "CURRENT-ASSIGNMENT",
                 "TARGET-EPOCH", "TARGET-ASSIGNMENT"]),
            row([Self.group, Self.memberB, "/127.0.0.2", "console-consumer", "1", "11", "t4:2", "13", "t4:2,3"]),
            row([Self.group, Self.memberA, "/127.0.0.1", "console-consumer", "2", "13", "t4:0,1", "13", "t4:0,1"]),
        ]
        #expect(result.stdout == expected.joined(separator: "\n") + "\n")
    }

    @Test func verboseMembersAddUpgradedWhileClassicAndConsumerMembersShareTheGroup() async throws {
        let coordinator = try Self.coordinator()
        coordinator.store.state.withLock { $0.groups[Self.group]!.members[0].memberType = 0 }
        let result = try await Self.run(coordinator, ["--describe", "--group", Self.group, "--members", "--verbose"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count == 5)
        #expect(lines[1].hasSuffix(Self.left("TARGET-ASSIGNMENT", 20) + " UPGRADED"))
        #expect(lines[2].hasSuffix(Self.left("t4:2,3", 20) + " false"))
        #expect(lines[3].hasSuffix(Self.left("t4:0,1", 20) + " true"))
    }

    @Test func stateOfAConsumerProtocolGroupAndItsVerboseEpochs() async throws {
        let coordinator = try Self.coordinator()
        let coordinatorText = "127.0.0.1:\(coordinator.scripted.port)  (1)"
        let plain = try await Self.run(coordinator, ["--describe", "--group", Self.group, "--state"])
        #expect(plain.exitCode == 0, "stderr: \(plain.stderr)")
        // "\n%-15s %-25s %-20s %-20s %s"
        let plainRow = { (cells: [String]) in
            [Self.left(cells[0], 15), Self.left(cells[1], 25), Self.left(cells[2], 20), Self.left(cells[3], 20), cells[4]]
                .joined(separator: " ")
        }
        #expect(plain.stdout == "\n" + plainRow(["GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE", "#MEMBERS"]) + "\n"
                + plainRow([Self.group, coordinatorText, "uniform", "Reconciling", "2"]) + "\n")
        let verbose = try await Self.run(coordinator, ["--describe", "--group", Self.group, "--state", "--verbose"])
        #expect(verbose.exitCode == 0, "stderr: \(verbose.stderr)")
        // "\n%-15s %-25s %-20s %-20s %-15s %-25s %s"
        let verboseRow = { (cells: [String]) in
            [Self.left(cells[0], 15), Self.left(cells[1], 25), Self.left(cells[2], 20), Self.left(cells[3], 20),
             Self.left(cells[4], 15), Self.left(cells[5], 25), cells[6]].joined(separator: " ")
        }
        #expect(verbose.stdout == "\n" + verboseRow(["GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE", "GROUP-EPOCH",
                                                     "TARGET-ASSIGNMENT-EPOCH", "#MEMBERS"]) + "\n"
                + verboseRow([Self.group, coordinatorText, "uniform", "Reconciling", "13", "13", "2"]) + "\n")
    }

    @Test func membersOfAnEmptyConsumerProtocolGroupPrintTheHeaderAsKafka4Does() async throws {
        let coordinator = try Self.coordinator(empty: true)
        let result = try await Self.run(coordinator, ["--describe", "--group", Self.group, "--members"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Consumer group '\(Self.group)' has no active members."))
        #expect(result.stdout == "\n" + [Self.left("GROUP", 15), Self.left("CONSUMER-ID", 15), Self.left("HOST", 15),
                                         Self.left("CLIENT-ID", 15), Self.left("#PARTITIONS", 15), ""].joined(separator: " ") + "\n")
    }

    @Test func membersAsJSONCarryEpochsAndTargetAssignments() async throws {
        let coordinator = try Self.coordinator()
        let result = try await Self.run(coordinator, ["--describe", "--group", Self.group, "--members", "--output", "json"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains(#""type":"consumer""#))
        #expect(result.stdout.contains(#""consumerId":"\#(Self.memberB)""#))
        #expect(result.stdout.contains(#""partitions":["t4-2"],"memberEpoch":11,"targetEpoch":13,"targetPartitions":["t4-2","t4-3"]"#))
    }

    @Test func aGroupNeitherDescribeKnowsDoesNotExist() async throws {
        let coordinator = try Self.coordinator()
        let result = try await Self.run(coordinator, ["--describe", "--group", "no-such-group"])
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("Consumer group 'no-such-group' does not exist."), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aConsumerGroupDescribeRefusalIsOneLineWithTheBrokersWords() async throws {
        let coordinator = try Self.coordinator()
        coordinator.store.state.withLock { $0.describeError = .groupAuthorizationFailed }
        let result = try await Self.run(coordinator, ["--describe", "--group", Self.group, "--members"])
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("cannot describe group '\(Self.group)': scripted refusal [GROUP_AUTHORIZATION_FAILED]"),
                "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func withoutConsumerGroupDescribeTheBrokerIsNotAskedForIt() async throws {
        // A broker before Kafka 3.7: DescribeGroups alone; its Dead answer means the group does not exist.
        var versions = ConsumerProtocolCoordinator.kafka40Versions
        versions[68] = nil
        versions[69] = nil
        let coordinator = try ConsumerProtocolCoordinator(versions: versions)
        let result = try await Self.run(coordinator, ["--describe", "--group", Self.group])
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("Consumer group '\(Self.group)' does not exist."), "stderr: \(result.stderr)")
        #expect(!coordinator.apiKeys.contains(.consumerGroupDescribe))
    }

    // MARK: --reset-offsets and --delete

    @Test func resetOfAConsumerProtocolGroupWithMembersIsRefusedAndCommitsNothing() async throws {
        let coordinator = try Self.coordinator()
        let result = try await Self.run(coordinator, ["--reset-offsets", "--group", Self.group, "--topic", "t4", "--to-earliest", "--execute"])
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("Assignments can only be reset if the group '\(Self.group)' is inactive, but the current state is Reconciling."),
                "stderr: \(result.stderr)")
        #expect(!coordinator.apiKeys.contains(.offsetCommit))
        #expect(coordinator.store.state.withLock { $0.groups[Self.group]!.committed[TopicPartition("t4", 0)] } == 3)
    }

    @Test func resetOfAnEmptyConsumerProtocolGroupCommitsAsAnAdmin() async throws {
        let coordinator = try Self.coordinator(empty: true)
        let result = try await Self.run(coordinator, ["--reset-offsets", "--group", Self.group, "--topic", "t4:1,3", "--to-latest", "--execute"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let rows = GroupTestSupport.tableRows(result.stdout)
        #expect(rows.first == ["GROUP", "TOPIC", "PARTITION", "NEW-OFFSET"])
        #expect(rows.dropFirst().map { $0[2] + "=" + $0[3] } == ["1=10", "3=10"])
        let commits = try coordinator.all(OffsetCommitRequest.self)
        try #require(commits.count == 1)
        // An admin commit: no member, epoch -1 (Kafka's coordinator accepts it only for an empty group).
        #expect(commits[0].generationIdOrMemberEpoch == -1 && commits[0].memberId == "")
        let committed = coordinator.store.state.withLock { $0.groups[Self.group]!.committed }
        #expect((0..<4).map { committed[TopicPartition("t4", $0)] } == [3, 10, 5, 10])
    }

    @Test func deleteOfAConsumerProtocolGroupWithMembersIsRefusedAndSendsNoDeleteGroups() async throws {
        let coordinator = try Self.coordinator()
        let result = try await Self.run(coordinator, ["--delete", "--group", Self.group])
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("Group '\(Self.group)' is not empty (its state is Reconciling): stop its members first; nothing was deleted [NON_EMPTY_GROUP]"),
                "stderr: \(result.stderr)")
        #expect(!coordinator.apiKeys.contains(.deleteGroups))
        #expect(coordinator.store.state.withLock { $0.groups[Self.group] } != nil)
    }

    @Test func deleteOfAnEmptyConsumerProtocolGroupDeletesIt() async throws {
        let coordinator = try Self.coordinator(empty: true)
        let result = try await Self.run(coordinator, ["--delete", "--group", Self.group])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "Deletion of requested consumer groups ('\(Self.group)') was successful.\n")
        #expect(try coordinator.all(DeleteGroupsRequest.self).map(\.groupsNames) == [[Self.group]])
        #expect(coordinator.store.state.withLock { $0.groups[Self.group] } == nil)
    }
}

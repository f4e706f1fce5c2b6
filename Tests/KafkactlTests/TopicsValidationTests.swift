import AdminCore
import ArgumentParser
import Testing

@testable import kafkactl

/// Every cross-flag rule of kafka-topics.sh (cli-parity §2.2) as `Topics.validate()` enforces it: parsed the way
/// the CLI and the shell parse, with Kafka's wording.
@Suite struct TopicsValidationTests {
    /// The message a `topics` command line is refused with, or nil when it parses.
    static func refusal(_ arguments: [String]) -> String? {
        do {
            _ = try Kafkactl.parseAsRoot(["topics", "--bootstrap-server", "localhost:9092"] + arguments)
            return nil
        } catch {
            #expect(Kafkactl.exitCode(for: error) != .success, "a refusal must not be a clean exit")
            return Kafkactl.message(for: error)
        }
    }

    static func cannotCombine(_ option: String, _ other: String) -> String {
        "Option \"[\(option)]\" can't be used with option \"[\(other)]\""
    }

    @Test func aCommandWithoutAnActionIsRefused() {
        #expect(Self.refusal(["--topic", "orders"])
            == "Command must include exactly one action: --list, --describe, --create, --alter, --delete, --verify or --diff")
    }

    @Test func twoActionsAreRefused() throws {
        let message = try #require(Self.refusal(["--create", "--list", "--topic", "orders"]))
        #expect(message.contains("--list") && message.contains("--create"))
    }

    @Test(arguments: ["--create", "--alter", "--delete"])
    func actionsOtherThanListAndDescribeRequireATopic(action: String) {
        let extra = action == "--alter" ? ["--partitions", "3"] : []
        #expect(Self.refusal([action] + extra) == "Missing required argument \"[topic]\"")
    }

    @Test(arguments: ["--list", "--describe"])
    func listAndDescribeWorkWithoutATopic(action: String) {
        #expect(Self.refusal([action]) == nil)
    }

    @Test func alterRequiresPartitions() {
        #expect(Self.refusal(["--alter", "--topic", "orders"]) == "Missing required argument \"[partitions]\"")
    }

    @Test func alterWithConfigPointsToKafkaConfigs() {
        #expect(Self.refusal(["--alter", "--topic", "orders", "--partitions", "4", "--config", "retention.ms=1"])
            == "Option combination \"[bootstrap-server, config]\" can't be used with option \"[alter]\" (To alter topic configurations, the kafka-configs tool can be used.)")
    }

    @Test(arguments: ["list", "describe", "delete"])
    func configPartitionsAndReplicaAssignmentNeedCreateOrAlter(action: String) {
        let topic = action == "delete" ? ["--topic", "orders"] : []
        #expect(Self.refusal(["--\(action)"] + topic + ["--config", "retention.ms=1"])
            == Self.cannotCombine("config", action))
        #expect(Self.refusal(["--\(action)"] + topic + ["--partitions", "3"]) == Self.cannotCombine("partitions", action))
        #expect(Self.refusal(["--\(action)"] + topic + ["--replica-assignment", "1:2"])
            == Self.cannotCombine("replica-assignment", action))
    }

    @Test(arguments: ["list", "describe", "alter", "delete"])
    func replicationFactorNeedsCreate(action: String) {
        let rest: [String] = switch action {
        case "alter": ["--topic", "orders", "--partitions", "4"]
        case "delete": ["--topic", "orders"]
        default: []
        }
        #expect(Self.refusal(["--\(action)"] + rest + ["--replication-factor", "1"])
            == Self.cannotCombine("replication-factor", action))
    }

    @Test func createAndAlterAcceptPartitionsAndReplicaAssignment() {
        #expect(Self.refusal(["--create", "--topic", "orders", "--partitions", "3", "--replication-factor", "1",
                              "--config", "retention.ms=1"]) == nil)
        #expect(Self.refusal(["--create", "--topic", "orders", "--replica-assignment", "1:2,2:1"]) == nil)
        #expect(Self.refusal(["--alter", "--topic", "orders", "--partitions", "4", "--replica-assignment", "1,1,1,1"])
            == nil)
    }

    @Test func createWithReplicaAssignmentExcludesPartitionsAndReplicationFactor() {
        #expect(Self.refusal(["--create", "--topic", "orders", "--replica-assignment", "1:2", "--partitions", "1"])
            == Self.cannotCombine("replica-assignment", "partitions"))
        #expect(Self.refusal(["--create", "--topic", "orders", "--replica-assignment", "1:2", "--replication-factor", "2"])
            == Self.cannotCombine("replica-assignment", "replication-factor"))
    }

    static let reportFlags = [
        "under-replicated-partitions", "under-min-isr-partitions", "at-min-isr-partitions", "unavailable-partitions",
    ]

    @Test(arguments: reportFlags)
    func partitionReportFlagsWorkOnlyWithDescribe(flag: String) {
        #expect(Self.refusal(["--describe", "--\(flag)"]) == nil)
        #expect(Self.refusal(["--list", "--\(flag)"]) == Self.cannotCombine(flag, "list"))
        #expect(Self.refusal(["--delete", "--topic", "orders", "--\(flag)"]) == Self.cannotCombine(flag, "delete"))
    }

    @Test func partitionReportFlagsCombineWithEachOther() {
        #expect(Self.refusal(["--describe"] + Self.reportFlags.map { "--\($0)" }) == nil)
    }

    @Test(arguments: reportFlags)
    func partitionReportFlagsExcludeTopicsWithOverrides(flag: String) {
        #expect(Self.refusal(["--describe", "--\(flag)", "--topics-with-overrides"])
            == Self.cannotCombine(flag, "topics-with-overrides"))
    }

    @Test func topicsWithOverridesWorksOnlyWithDescribe() {
        #expect(Self.refusal(["--describe", "--topics-with-overrides"]) == nil)
        #expect(Self.refusal(["--list", "--topics-with-overrides"]) == Self.cannotCombine("topics-with-overrides", "list"))
    }

    @Test func ifExistsNeedsAlterDeleteOrDescribe() {
        #expect(Self.refusal(["--create", "--topic", "orders", "--if-exists"]) == Self.cannotCombine("if-exists", "create"))
        #expect(Self.refusal(["--list", "--if-exists"]) == Self.cannotCombine("if-exists", "list"))
        #expect(Self.refusal(["--delete", "--topic", "orders", "--if-exists"]) == nil)
        #expect(Self.refusal(["--alter", "--topic", "orders", "--partitions", "4", "--if-exists"]) == nil)
        #expect(Self.refusal(["--describe", "--topic", "orders", "--if-exists"]) == nil)
    }

    @Test func ifNotExistsNeedsCreate() {
        #expect(Self.refusal(["--create", "--topic", "orders", "--if-not-exists"]) == nil)
        for (action, rest) in [("list", []), ("describe", []), ("delete", ["--topic", "orders"])] {
            #expect(Self.refusal(["--\(action)"] + rest + ["--if-not-exists"]) == Self.cannotCombine("if-not-exists", action))
        }
    }

    @Test func excludeInternalNeedsListOrDescribe() {
        #expect(Self.refusal(["--list", "--exclude-internal"]) == nil)
        #expect(Self.refusal(["--describe", "--exclude-internal"]) == nil)
        #expect(Self.refusal(["--create", "--topic", "orders", "--exclude-internal"])
            == Self.cannotCombine("exclude-internal", "create"))
        #expect(Self.refusal(["--delete", "--topic", "orders", "--exclude-internal"])
            == Self.cannotCombine("exclude-internal", "delete"))
    }

    @Test func describeWithIfExistsNeedsATopic() {
        #expect(Self.refusal(["--describe", "--if-exists"]) == "--topic or --topic-id is required to describe a topic")
    }

    @Test(arguments: ["0", "-1"])
    func partitionsMustBePositive(count: String) {
        #expect(Self.refusal(["--create", "--topic", "orders", "--partitions=\(count)"])
            == "The partitions must be greater than 0")
        #expect(Self.refusal(["--alter", "--topic", "orders", "--partitions=\(count)"])
            == "The partitions must be greater than 0")
    }

    @Test(arguments: ["0", "32768"])
    func replicationFactorMustBeBetween1And32767(factor: String) {
        #expect(Self.refusal(["--create", "--topic", "orders", "--replication-factor", factor])
            == "The replication factor must be between 1 and 32767 inclusive")
    }

    @Test func replicationFactorBoundsAreInclusive() {
        #expect(Self.refusal(["--create", "--topic", "orders", "--replication-factor", "32767"]) == nil)
        #expect(Self.refusal(["--create", "--topic", "orders", "--replication-factor", "1"]) == nil)
    }

    @Test func timeoutMustBePositive() {
        #expect(Self.refusal(["--list", "--timeout-ms", "0"]) == "--timeout-ms must be a positive number of milliseconds")
    }

    @Test func jsonOutputIsForListAndDescribeOnly() {
        #expect(Self.refusal(["--list", "--output", "json"]) == nil)
        #expect(Self.refusal(["--describe", "--output", "json"]) == nil)
        #expect(Self.refusal(["--create", "--topic", "orders", "--output", "json"])
            == "--output json is available for --list, --describe, --verify and --diff")
    }

    @Test func anAbbreviatedFlagIsUnknown() throws {
        // jopt-simple has prefix matching off; so does kafkactl.
        let message = try #require(Self.refusal(["--list", "--bootstrap", "localhost:9092"]))
        #expect(message.contains("--bootstrap"))
    }

    @Test func aNonNumericPartitionCountIsRefused() throws {
        let message = try #require(Self.refusal(["--create", "--topic", "orders", "--partitions", "abc"]))
        #expect(message.contains("'abc'") && message.contains("--partitions"))
    }

    @Test func topicFlagsParseIntoTheCommand() throws {
        let command = try Kafkactl.parseAsRoot([
            "topics", "--bootstrap-server", "b:9092", "--create", "--topic", "orders", "--partitions", "3",
            "--replication-factor", "1", "--config", "a=1", "--config", "b=2", "--if-not-exists",
        ])
        let topics = try #require(command as? Topics)
        #expect(topics.action == .create)
        #expect(topics.topic == "orders")
        #expect(topics.partitions == 3)
        #expect(topics.replicationFactor == 1)
        #expect(topics.config == ["a=1", "b=2"])
        #expect(topics.ifNotExists)
        #expect(topics.connection.bootstrapServer == "b:9092")
    }
}

/// `topics --verify` and `--diff`'s own rules.
@Suite struct TopicsDiffValidationTests {
    @Test func diffNeedsAToTopicAndVerifyTakesNone() {
        #expect(TopicsValidationTests.refusal(["--diff", "--topic", "a"])
            == "Missing required argument \"[to-topic]\": --diff compares --topic with --to-topic")
        #expect(TopicsValidationTests.refusal(["--diff", "--topic", "a", "--to-topic", "b"]) == nil)
        #expect(TopicsValidationTests.refusal(["--verify", "--topic", "a"]) == nil)
        #expect(TopicsValidationTests.refusal(["--verify"]) == "Missing required argument \"[topic]\"")
    }

    @Test(arguments: [["--to-topic", "b"], ["--to-bootstrap-server", "h:1"], ["--to-context", "dr"],
                      ["--to-command-config", "f"], ["--partition-map", "hash"]])
    func targetFlagsNeedDiff(flag: [String]) {
        let name = String(flag[0].dropFirst(2))
        #expect(TopicsValidationTests.refusal(["--verify", "--topic", "a"] + flag)
            == "Option \"[\(name)]\" can't be used with option \"[verify]\"; it needs --diff")
        #expect(TopicsValidationTests.refusal(["--list"] + flag)
            == "Option \"[\(name)]\" can't be used with option \"[list]\"; it needs --diff")
    }

    @Test func diffTakesOneTopicByNameAndAKnownPartitionMap() throws {
        let regex = try #require(TopicsValidationTests.refusal(["--diff", "--topic", "a.*", "--to-topic", "b"]))
        #expect(regex.contains("a.*"))
        #expect(TopicsValidationTests.refusal(["--diff", "--topic", "a", "--to-topic", "b", "--partition-map", "hash"]) == nil)
        let unknown = try #require(TopicsValidationTests.refusal(["--diff", "--topic", "a", "--to-topic", "b", "--partition-map", "murmur"]))
        #expect(unknown.contains("murmur"))
        #expect(TopicsValidationTests.refusal(["--diff", "--topic", "a", "--to-topic", "b", "--output", "json"]) == nil)
    }

    @Test func theSameTopicOnTheSameClusterIsRefused() throws {
        #expect(throws: KafkactlError.self) {
            try Topics.requireDistinct(("t", "h:1,g:2"), ("t", "G:2, h:1"))
        }
        try Topics.requireDistinct(("t", "h:1"), ("u", "h:1"))
        try Topics.requireDistinct(("t", "h:1"), ("t", "h:2"))
    }
}

import AdminCore
import ArgumentParser
import Foundation
import Testing

@testable import kafkactl

/// kafka-consumer-groups.sh's combination rules (cli-parity §5.2) as `ConsumerGroups.validate()` enforces them, with
/// Kafka's exact messages; the `--by-duration` and `--to-datetime` grammars; and `--from-file` plans.
@Suite struct ConsumerGroupsParsingTests {
    /// The message a `consumer-groups` command line is refused with at parse time, or nil when it parses. The
    /// arguments go through the CLI's normalisation first (a bare `--state` gets an empty value).
    static func refusal(_ arguments: [String]) -> String? {
        do {
            _ = try Kafkactl.parseAsRoot(
                CommandRunner.normalized(["consumer-groups", "--bootstrap-server", "localhost:9092"] + arguments))
            return nil
        } catch {
            #expect(Kafkactl.exitCode(for: error) != .success, "a refusal must not be a clean exit")
            return Kafkactl.message(for: error)
        }
    }

    static func parsed(_ arguments: [String]) throws -> ConsumerGroups {
        let command = try Kafkactl.parseAsRoot(
            CommandRunner.normalized(["consumer-groups", "--bootstrap-server", "localhost:9092"] + arguments))
        return try #require(command as? ConsumerGroups)
    }

    static let oneAction =
        "Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets, --doctor, --validate-regex"

    // MARK: Actions

    @Test func noActionIsRefused() {
        #expect(Self.refusal(["--group", "g"]) == Self.oneAction)
    }

    @Test(arguments: [["--list", "--describe"], ["--describe", "--delete"], ["--reset-offsets", "--delete-offsets"]])
    func twoActionsAreRefusedWithKafkasMessage(actions: [String]) {
        #expect(Self.refusal(actions + ["--group", "g", "--topic", "t"]) == Self.oneAction)
    }

    @Test func validateRegexIsAnActionOfItsOwn() {
        #expect(Self.refusal(["--validate-regex", "a.*"]) == nil)
        #expect(Self.refusal(["--validate-regex", "a.*", "--list"]) == Self.oneAction)
    }

    // MARK: Groups

    @Test(arguments: ["describe", "delete", "reset-offsets"])
    func describeDeleteAndResetNeedAGroupOrAllGroups(action: String) throws {
        let extra = action == "reset-offsets" ? ["--topic", "t", "--to-earliest"] : []
        let message = try #require(Self.refusal(["--\(action)"] + extra))
        // Kafka prints the two options in either order.
        #expect(message == "Option [\(action)] takes one of these options: [all-groups], [group]"
            || message == "Option [\(action)] takes one of these options: [group], [all-groups]")
        #expect(Self.refusal(["--\(action)", "--group", "g"] + extra) == nil)
        #expect(Self.refusal(["--\(action)", "--all-groups"] + extra) == nil)
    }

    @Test func groupAndAllGroupsExcludeEachOther() {
        #expect(Self.refusal(["--describe", "--group", "g", "--all-groups"])
            == "Option \"[group]\" can't be used with option \"[all-groups]\"")
    }

    @Test func listTakesNoGroup() throws {
        let message = try #require(Self.refusal(["--list", "--group", "g"]))
        #expect(message.hasPrefix("Option \"[group]\" can't be used with option"))
    }

    @Test func groupIsRepeatable() throws {
        let command = try Self.parsed(["--describe", "--group", "a", "--group", "b"])
        #expect(command.group == ["a", "b"])
    }

    // MARK: Topics

    @Test(arguments: ["--describe", "--list"])
    func topicIsOnlyForResetAndDeleteOffsets(action: String) {
        let group = action == "--list" ? [] : ["--group", "g"]
        #expect(Self.refusal([action, "--topic", "t"] + group)
            == "Option \"[topic]\" can't be used with option \"[\(action.dropFirst(2))]\"")
    }

    @Test func deleteWithATopicIsRefusedWithKafkasMessage() {
        #expect(Self.refusal(["--delete", "--group", "g", "--topic", "t"])
            == "The consumer does not support topic-specific offset deletion from a consumer group.")
    }

    @Test func deleteOffsetsNeedsAGroupAndATopic() {
        let message = "Option [delete-offsets] takes the following options: [group], [topic]"
        #expect(Self.refusal(["--delete-offsets", "--group", "g"]) == message)
        #expect(Self.refusal(["--delete-offsets", "--topic", "t"]) == message)
        #expect(Self.refusal(["--delete-offsets", "--group", "g", "--topic", "t"]) == nil)
    }

    @Test func aTopicArgumentWithTwoColonsIsRefused() {
        #expect(Self.refusal(["--reset-offsets", "--group", "g", "--topic", "t:a:b", "--to-earliest"])
            == "Invalid topic arg 't:a:b', expected topic name and partitions")
    }

    @Test func aTopicArgumentWithABadPartitionIsRefused() {
        #expect(Self.refusal(["--reset-offsets", "--group", "g", "--topic", "t:x", "--to-earliest"])
            == "Invalid partition 'x' specified in topic arg 't:x''")
    }

    @Test func topicArgumentsNameATopicAndOptionallyPartitions() throws {
        let plain = try ConsumerGroups.topicArgument("orders")
        #expect(plain.0 == "orders")
        #expect(plain.1 == nil)
        let withPartitions = try ConsumerGroups.topicArgument("orders:0,2")
        #expect(withPartitions.0 == "orders")
        #expect(withPartitions.1 == [0, 2])
    }

    // MARK: Describe

    @Test func describeTakesAtMostOneOfMembersOffsetsAndState() {
        let message = "Option [describe] takes at most one of these options: [members], [offsets], [state]"
        #expect(Self.refusal(["--describe", "--group", "g", "--members", "--offsets"]) == message)
        #expect(Self.refusal(["--describe", "--group", "g", "--members", "--state"]) == message)
        #expect(Self.refusal(["--describe", "--group", "g", "--offsets", "--state"]) == message)
    }

    @Test func describeStateTakesNoValue() {
        #expect(Self.refusal(["--describe", "--group", "g", "--state", "Stable"])
            == "Option [describe] does not take a value for [state]")
        #expect(Self.refusal(["--describe", "--group", "g", "--state"]) == nil)
    }

    @Test(arguments: ["members", "offsets", "verbose"])
    func describeOnlyFlagsAreUnavailableWithOtherActions(flag: String) {
        #expect(Self.refusal(["--list", "--\(flag)"])
            == "Option(s) [\(flag)] are unavailable given other options on the command line")
    }

    @Test func stateIsOnlyForDescribeAndList() {
        #expect(Self.refusal(["--delete", "--group", "g", "--state"])
            == "Option(s) [state] are unavailable given other options on the command line")
        #expect(Self.refusal(["--list", "--state"]) == nil)
        #expect(Self.refusal(["--list", "--state", "Stable,Empty"]) == nil)
    }

    @Test func typeIsOnlyForList() {
        #expect(Self.refusal(["--describe", "--group", "g", "--type"])
            == "Option(s) [type] are unavailable given other options on the command line")
        #expect(Self.refusal(["--list", "--type", "classic"]) == nil)
    }

    @Test func anUnknownStateInTheListFilterIsRefused() throws {
        let message = try #require(Self.refusal(["--list", "--state", "Stable,Sleepy"]))
        #expect(message.hasPrefix("Invalid state list 'Stable,Sleepy'. Valid states are: "))
        #expect(message.contains("PreparingRebalance"))
    }

    @Test func anUnknownTypeIsRefused() throws {
        let message = try #require(Self.refusal(["--list", "--type", "share-ish"]))
        #expect(message.hasPrefix("Invalid types list 'share-ish'. Valid types are: "))
    }

    // MARK: Reset

    static let reset = ["--reset-offsets", "--group", "g"]

    @Test func resetTakesEitherDryRunOrExecute() {
        #expect(Self.refusal(Self.reset + ["--topic", "t", "--to-earliest", "--dry-run", "--execute"])
            == "Option [reset-offsets] only accepts one of [execute] and [dry-run]")
        #expect(Self.refusal(Self.reset + ["--topic", "t", "--to-earliest", "--dry-run"]) == nil)
        #expect(Self.refusal(Self.reset + ["--topic", "t", "--to-earliest", "--execute"]) == nil)
        #expect(Self.refusal(Self.reset + ["--topic", "t", "--to-earliest"]) == nil)
    }

    @Test func resetNeedsAScenario() throws {
        let message = try #require(Self.refusal(Self.reset + ["--topic", "t", "--execute"]))
        #expect(message.hasPrefix("Option '[reset-offsets]' requires one of the following scenarios: "))
        for scenario in ["to-offset", "to-datetime", "by-duration", "to-earliest", "to-latest", "shift-by", "from-file", "to-current"] {
            #expect(message.contains("[\(scenario)]"), "the message should list \(scenario)")
        }
    }

    @Test func twoScenariosAreRefusedNamingThemInKafkasPrecedence() {
        // cli-parity §5.2's own example; Kafka checks to-offset, to-datetime, by-duration, to-earliest, to-latest,
        // to-current, shift-by, from-file in that order and names the first one found first.
        #expect(Self.refusal(Self.reset + ["--topic", "t", "--to-latest", "--to-offset", "3"])
            == "Option \"[to-offset]\" can't be used with option \"[to-latest]\"")
        #expect(Self.refusal(Self.reset + ["--topic", "t", "--to-earliest", "--to-latest"])
            == "Option \"[to-earliest]\" can't be used with option \"[to-latest]\"")
        #expect(Self.refusal(Self.reset + ["--topic", "t", "--shift-by", "1", "--to-datetime", "2026-01-01T00:00:00.000"])
            == "Option \"[to-datetime]\" can't be used with option \"[shift-by]\"")
        #expect(Self.refusal(Self.reset + ["--topic", "t", "--from-file", "plan.csv", "--to-current"])
            == "Option \"[to-current]\" can't be used with option \"[from-file]\"")
    }

    @Test func resetNeedsAScopeUnlessAPlanFileGivesIt() {
        let message = "One of the reset scopes should be defined: --all-topics, --topic."
        #expect(Self.refusal(Self.reset + ["--to-earliest", "--execute"]) == message)
        #expect(Self.refusal(Self.reset + ["--to-earliest"]) == message)
        #expect(Self.refusal(Self.reset + ["--from-file", "plan.csv", "--execute"]) == nil)
        #expect(Self.refusal(Self.reset + ["--all-topics", "--to-earliest"]) == nil)
    }

    @Test func topicAndAllTopicsExcludeEachOther() {
        #expect(Self.refusal(Self.reset + ["--topic", "t", "--all-topics", "--to-earliest"])
            == "Option \"[topic]\" can't be used with option \"[all-topics]\"")
    }

    @Test func aMalformedDatetimeIsRefused() throws {
        let message = try #require(Self.refusal(Self.reset + ["--topic", "t", "--to-datetime", "2026-13-01T00:00:00.000"]))
        #expect(message.hasPrefix("Error parsing timestamp '2026-13-01T00:00:00.000'"))
    }

    @Test func aMalformedDurationIsRefused() throws {
        let message = try #require(Self.refusal(Self.reset + ["--topic", "t", "--by-duration", "1 hour"]))
        #expect(message.hasPrefix("Error parsing duration '1 hour'"))
    }

    @Test func shiftByTakesANegativeNumber() throws {
        #expect(try Self.parsed(Self.reset + ["--topic", "t", "--shift-by", "-5"]).shiftBy == -5)
        #expect(try Self.parsed(Self.reset + ["--topic", "t", "--shift-by", "7"]).shiftBy == 7)
    }

    @Test(arguments: [["--to-earliest"], ["--dry-run"], ["--execute"], ["--export"], ["--all-topics"]])
    func resetOnlyFlagsAreRefusedWithOtherActions(flag: [String]) throws {
        let message = try #require(Self.refusal(["--describe", "--group", "g"] + flag))
        #expect(message.contains("[\(flag[0].dropFirst(2))]"))
    }

    @Test func jsonIsNotOfferedForExportedPlans() {
        #expect(Self.refusal(Self.reset + ["--topic", "t", "--to-earliest", "--export", "--output", "json"]) != nil)
        #expect(Self.refusal(Self.reset + ["--topic", "t", "--to-earliest", "--output", "json"]) == nil)
    }

    // MARK: --by-duration (ISO-8601 PnDTnHnMnS)

    @Test func durationsAreReadAsJavasDurationParseReadsThem() {
        #expect(ConsumerGroups.duration("P1D") == 86_400_000)
        #expect(ConsumerGroups.duration("PT1H") == 3_600_000)
        #expect(ConsumerGroups.duration("PT30M") == 1_800_000)
        #expect(ConsumerGroups.duration("PT45S") == 45_000)
        #expect(ConsumerGroups.duration("PT1H30M") == 5_400_000)
        let mixed: Int64 = 2 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000 + 5_000
        #expect(ConsumerGroups.duration("P2DT3H4M5S") == mixed)
        #expect(ConsumerGroups.duration("PT0.5S") == 500)
        #expect(ConsumerGroups.duration("PT1.25S") == 1_250)
        #expect(ConsumerGroups.duration("pt10m") == 600_000, "Java reads the letters case-insensitively")
        #expect(ConsumerGroups.duration("PT0S") == 0)
    }

    @Test(arguments: ["", "P", "PT", "1H", "T1H", "P1H", "PT1D", "P1W", "P1Y", "PT1H1", "PTH", "PT1HT1M", "P 1D", "PT-"])
    func malformedDurationsAreRefused(text: String) {
        #expect(ConsumerGroups.duration(text) == nil)
    }

    // MARK: --to-datetime

    @Test func datetimesWithoutAZoneAreUTC() {
        // 2026-03-01T12:30:45.123Z
        #expect(ConsumerGroups.datetime("2026-03-01T12:30:45.123") == 1_772_368_245_123)
        #expect(ConsumerGroups.datetime("2026-03-01T12:30:45.123Z") == 1_772_368_245_123)
    }

    @Test func datetimesWithAnOffsetAreShiftedToUTC() {
        #expect(ConsumerGroups.datetime("2026-03-01T14:30:45.123+02:00") == 1_772_368_245_123)
        #expect(ConsumerGroups.datetime("2026-03-01T07:30:45.123-05:00") == 1_772_368_245_123)
    }

    @Test func relativeTimesAreAlsoAccepted() throws {
        let now = WallClock.millis()
        let twoHoursAgo = try #require(ConsumerGroups.datetime("-2h"))
        #expect(abs(twoHoursAgo - (now - 7_200_000)) < 60_000)
        let current = try #require(ConsumerGroups.datetime("now"))
        #expect(abs(current - now) < 60_000)
    }

    @Test(arguments: ["2026-13-01T00:00:00.000", "2026-03-01T25:00:00.000", "2026-03-01T12:61:00.000", "yesterday",
                      "2026/03/01T12:00:00.000", "2026-03-01T12:00:00.000Q", ""])
    func malformedDatetimesAreRefused(text: String) {
        #expect(ConsumerGroups.datetime(text) == nil)
    }

    // MARK: --from-file

    /// Writes `text` to a new temporary file and returns its path.
    static func planFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kafkactl-plan-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func threeColumnLinesBelongToTheOneGroupGiven() throws {
        let path = try Self.planFile("orders,0,5\norders,2,17\naudit,1,0\n\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let plan = try ConsumerGroups.readPlanFile(path, groups: ["billing"])
        #expect(plan == ["billing": [
            TopicPartition("orders", 0): 5, TopicPartition("orders", 2): 17, TopicPartition("audit", 1): 0,
        ]])
    }

    @Test func fourColumnLinesNameTheirGroup() throws {
        let path = try Self.planFile("g1,orders,0,5\ng2,orders,0,9\ng1,orders,1,3")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let plan = try ConsumerGroups.readPlanFile(path, groups: ["g1", "g2"])
        #expect(plan == [
            "g1": [TopicPartition("orders", 0): 5, TopicPartition("orders", 1): 3],
            "g2": [TopicPartition("orders", 0): 9],
        ])
    }

    @Test func windowsLineEndingsAreRead() throws {
        let path = try Self.planFile("orders,0,5\r\norders,1,6\r\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let plan = try ConsumerGroups.readPlanFile(path, groups: ["billing"])
        #expect(plan == ["billing": [TopicPartition("orders", 0): 5, TopicPartition("orders", 1): 6]])
    }

    @Test(arguments: [
        ("orders,0,5\norders,zero,6\n", 2),
        ("orders,0,5\norders,1\n", 2),
        ("\n\norders,0,x\n", 3),
        ("orders,0,5\norders,1,6\n,2,7\n", 3),
        ("orders,-1,5\n", 1),
        ("a,b,c,d,e\n", 1),
    ])
    func aLineThatDoesNotParseIsNamedByNumber(text: String, line: Int) throws {
        let path = try Self.planFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: KafkactlError.self) { try ConsumerGroups.readPlanFile(path, groups: ["billing"]) }
        #expect(error?.category == .usage)
        #expect(error?.message.hasPrefix("--from-file line \(line) does not parse: ") == true, "\(error?.message ?? "")")
    }

    @Test func threeColumnLinesNeedExactlyOneGroup() throws {
        let path = try Self.planFile("orders,0,5\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: KafkactlError.self) { try ConsumerGroups.readPlanFile(path, groups: ["a", "b"]) }
        #expect(error?.message == "--from-file line 1: a topic,partition,offset line needs exactly one --group")
    }

    @Test func aMissingPlanFileIsAUsageError() {
        let error = #expect(throws: KafkactlError.self) {
            try ConsumerGroups.readPlanFile("/nonexistent/kafkactl-plan.csv", groups: ["g"])
        }
        #expect(error?.category == .usage)
        #expect(error?.message.contains("/nonexistent/kafkactl-plan.csv") == true)
    }

    // MARK: Before any connection

    @Test func ruleErrorsExitWithTheUsageCodeBeforeAnyClientIsMade() async {
        let outcome = await CommandRunnerTests.run(
            ["consumer-groups", "--bootstrap-server", "localhost:9092", "--reset-offsets", "--group", "g", "--to-earliest"])
        #expect(outcome.code == 64)
        #expect(outcome.clientsRequested == 0)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == """
            Error: One of the reset scopes should be defined: --all-topics, --topic.
            See 'kafkactl consumer-groups --help' for usage.

            """)
    }
}

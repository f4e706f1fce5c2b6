import AdminCore
import ArgumentParser
import Testing

@testable import kafkactl

/// kafka-console-consumer.sh's combination rules (cli-parity §4.2) as `ConsoleConsumer.validate()` and the start of
/// `run` enforce them, with Kafka's wording; and the start positions `--offset` accepts.
@Suite struct ConsoleConsumerValidationTests {
    /// The message a `console-consumer` command line is refused with at parse time, or nil when it parses.
    static func refusal(_ arguments: [String]) -> String? {
        do {
            _ = try Kafkactl.parseAsRoot(["console-consumer", "--bootstrap-server", "localhost:9092"] + arguments)
            return nil
        } catch {
            #expect(Kafkactl.exitCode(for: error) != .success, "a refusal must not be a clean exit")
            return Kafkactl.message(for: error)
        }
    }

    static func parsed(_ arguments: [String]) throws -> ConsoleConsumer {
        let command = try Kafkactl.parseAsRoot(["console-consumer", "--bootstrap-server", "localhost:9092"] + arguments)
        return try #require(command as? ConsoleConsumer)
    }

    @Test func neitherTopicNorIncludeIsRefused() {
        #expect(Self.refusal([]) == "Exactly one of --include/--topic is required.")
    }

    @Test func bothTopicAndIncludeAreRefused() {
        #expect(Self.refusal(["--topic", "a", "--include", "a.*"]) == "Exactly one of --include/--topic is required.")
    }

    @Test func partitionNeedsTopic() {
        #expect(Self.refusal(["--include", "a.*", "--partition", "0"]) == "The topic is required when partition is specified.")
    }

    @Test func withAPartitionFromBeginningAndOffsetExcludeEachOther() {
        #expect(Self.refusal(["--topic", "a", "--partition", "0", "--from-beginning", "--offset", "5"])
            == "Options from-beginning and offset cannot be specified together.")
    }

    @Test(arguments: ["abc", "12x", "earliest-ish", "--", ""])
    func aBadOffsetIsRefusedWithKafkasMessage(value: String) throws {
        let message = try #require(Self.refusal(["--topic", "a", "--partition", "0", "--offset", value]))
        #expect(message.hasPrefix("The provided offset value '\(value)' is incorrect. Valid values are 'earliest', 'latest', "))
    }

    @Test func aNegativePartitionIsRefused() {
        #expect(Self.refusal(["--topic", "a", "--partition", "-1"]) != nil)
    }

    /// Kafka's loop reads while fewer than --max-messages were read, or forever at -1 (issue 18, item 8; kafkactl
    /// used to refuse anything below 1). --timeout-ms below 0 is no timeout.
    @Test func maxMessagesAndTimeoutAreReadAsKafkasLoopReadsThem() throws {
        let normalized = { (words: [String]) in CommandRunner.normalized(["console-consumer", "--bootstrap-server", "h:1", "--topic", "a"] + words) }
        func parse(_ words: [String]) throws -> ConsoleConsumer { try #require(try Kafkactl.parseAsRoot(normalized(words)) as? ConsoleConsumer) }
        #expect(try parse(["--max-messages", "-1"]).messageLimit == nil)
        #expect(try parse([]).messageLimit == nil)
        #expect(try parse(["--max-messages", "0"]).messageLimit == 0)
        #expect(try parse(["--max-messages", "-5"]).messageLimit == 0)
        #expect(try parse(["--max-messages", "7"]).messageLimit == 7)
        #expect(try parse(["--timeout-ms", "-1"]).idleTimeout == nil)
        #expect(try parse(["--timeout-ms", "0"]).idleTimeout == 0)
    }

    @Test func anUnknownIsolationLevelIsRefused() throws {
        let message = try #require(Self.refusal(["--topic", "a", "--isolation-level", "read_dirty"]))
        #expect(message.contains("read_committed"))
    }

    @Test func onlyTheFormattersKafkactlHasAreAccepted() throws {
        for name in ["org.apache.kafka.tools.consumer.DefaultMessageFormatter", "kafka.tools.DefaultMessageFormatter",
                     "org.apache.kafka.tools.consumer.OffsetsMessageFormatter", "OffsetsMessageFormatter",
                     "kafka.coordinator.group.GroupMetadataManager$OffsetsMessageFormatter",
                     "org.apache.kafka.tools.consumer.GroupMetadataMessageFormatter", "GroupMetadataMessageFormatter",
                     "kafka.coordinator.group.GroupMetadataManager$GroupMetadataMessageFormatter"] {
            #expect(Self.refusal(["--topic", "__consumer_offsets", "--formatter", name]) == nil, "\(name)")
        }
        let message = try #require(Self.refusal(["--topic", "a", "--formatter", "org.apache.kafka.tools.consumer.NoOpMessageFormatter"]))
        #expect(message == "unsupported --formatter 'org.apache.kafka.tools.consumer.NoOpMessageFormatter': kafkactl has Kafka's DefaultMessageFormatter, OffsetsMessageFormatter and GroupMetadataMessageFormatter (and --output json)")
    }

    @Test func anUnknownFlagIsRefused() {
        #expect(Self.refusal(["--topic", "a", "--whitelist", "a.*"]) != nil)
    }

    @Test func theUsualCombinationsParse() {
        #expect(Self.refusal(["--topic", "a"]) == nil)
        #expect(Self.refusal(["--include", "a.*", "--from-beginning"]) == nil)
        #expect(Self.refusal(["--topic", "a", "--partition", "2", "--offset", "earliest"]) == nil)
        #expect(Self.refusal(["--topic", "a", "--partition", "2", "--from-beginning"]) == nil)
        #expect(Self.refusal(["--topic", "a", "--max-messages", "10", "--timeout-ms", "1000", "--exit-at-end"]) == nil)
        #expect(Self.refusal(["--topic", "a", "--property", "print.key=true", "--consumer-property", "fetch.min.bytes=1"]) == nil)
        #expect(Self.refusal(["--topic", "a", "--isolation-level", "read_committed", "--output", "json"]) == nil)
    }

    /// Beyond Kafka's tool: `--offset` applies to every partition when no `--partition` is given.
    @Test func anOffsetWithoutAPartitionAppliesToEveryPartition() {
        #expect(Self.refusal(["--topic", "a", "--offset", "-3"]) == nil)
        #expect(Self.refusal(["--include", "a.*", "--offset", "2026-01-01T00:00:00Z"]) == nil)
    }

    @Test func aNegativeOffsetValueIsTakenAsAValueNotAFlag() throws {
        let command = try Self.parsed(["--topic", "a", "--offset", "-3"])
        #expect(command.offset == "-3")
        let equals = try Self.parsed(["--topic", "a", "--offset=-15m"])
        #expect(equals.offset == "-15m")
    }

    @Test func startPositionsAreReadAsKafkaAndKafkactlDefineThem() {
        #expect(ConsoleConsumer.startPosition("earliest") == .earliest)
        #expect(ConsoleConsumer.startPosition("latest") == .latest)
        #expect(ConsoleConsumer.startPosition("0") == .offset(0))
        #expect(ConsoleConsumer.startPosition("42") == .offset(42))
        #expect(ConsoleConsumer.startPosition("-3") == .lastRecords(3))
        #expect(ConsoleConsumer.startPosition("2026-11-23T10:15:00Z") == .timestamp(1_795_428_900_000))
        #expect(ConsoleConsumer.startPosition("abc") == nil)
        if case .timestamp(let time)? = ConsoleConsumer.startPosition("-1h") {
            #expect(abs(time - (WallClock.millis() - 3_600_000)) < 60_000)
        } else {
            Issue.record("-1h should be a time")
        }
    }

    // MARK: - Rules checked when the command starts, before any connection

    typealias Outcome = CommandRunnerTests.Outcome

    /// Runs `console-consumer` with `arguments` in a capturing context whose client factory never connects.
    static func run(_ arguments: [String], bootstrap: Bool = true) async -> Outcome {
        let prefix = ["console-consumer"] + (bootstrap ? ["--bootstrap-server", "localhost:9092"] : [])
        return await CommandRunnerTests.run(prefix + arguments)
    }

    @Test func aMalformedConsumerPropertyIsAUsageErrorBeforeConnecting() async {
        let outcome = await Self.run(["--topic", "a", "--consumer-property", "foo"])
        #expect(outcome.code == 64)
        #expect(outcome.clientsRequested == 0)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "Error: invalid --consumer-property 'foo': expected key=value\n")
    }

    @Test func aMalformedFormatterPropertyIsAUsageErrorBeforeConnecting() async {
        let outcome = await Self.run(["--topic", "a", "--property", "print.key"])
        #expect(outcome.code == 64)
        #expect(outcome.clientsRequested == 0)
        #expect(outcome.stderr.hasPrefix("Error: invalid --property 'print.key'"))
    }

    @Test func aGroupAndAPartitionExcludeEachOtherWhereverTheGroupIdComesFrom() async {
        for source in [["--group", "g"], ["--consumer-property", "group.id=g"]] {
            let outcome = await Self.run(["--topic", "a", "--partition", "0"] + source)
            #expect(outcome.code == 64)
            #expect(outcome.clientsRequested == 0)
            #expect(outcome.stderr == "Error: Options group and partition cannot be specified together.\n")
        }
    }

    @Test func groupIdsFromDifferentPlacesMustAgree() async {
        let outcome = await Self.run(["--topic", "a", "--group", "b", "--consumer-property", "group.id=a"])
        #expect(outcome.code == 64)
        #expect(outcome.clientsRequested == 0)
        #expect(outcome.stderr == "Error: The group ids provided in different places (directly using '--group', via '--consumer-property', or via '--consumer.config') do not match. Detected group ids: 'a', 'b'\n")
        let agreeing = await Self.run(["--topic", "a", "--group", "a", "--consumer-property", "group.id=a"])
        #expect(agreeing.clientsRequested == 1)
    }

    @Test func fromBeginningConflictsWithAutoOffsetResetLatest() async {
        let outcome = await Self.run(["--topic", "a", "--from-beginning", "--consumer-property", "auto.offset.reset=latest"])
        #expect(outcome.code == 64)
        #expect(outcome.stderr == "Error: Can't simultaneously specify --from-beginning and 'auto.offset.reset=latest', please remove one option\n")
        #expect(outcome.clientsRequested == 0)
    }

    @Test func fromBeginningAgreesWithAutoOffsetResetEarliest() async {
        let outcome = await Self.run(["--topic", "a", "--from-beginning", "--consumer-property", "auto.offset.reset=earliest"])
        // Accepted: the run goes on to ask for a client (which this test context refuses).
        #expect(outcome.clientsRequested == 1)
    }

    @Test func aMissingBootstrapServerIsAUsageError() async {
        let outcome = await Self.run(["--topic", "a"], bootstrap: false)
        #expect(outcome.code == 64)
        #expect(outcome.stderr.contains("--bootstrap-server"))
        #expect(outcome.clientsRequested == 0)
    }

    @Test func anUnknownDeserializerIsAUsageErrorBeforeConnecting() async {
        let outcome = await Self.run(["--topic", "a", "--value-deserializer", "com.example.AvroDeserializer"])
        #expect(outcome.code == 64)
        #expect(outcome.clientsRequested == 0)
        #expect(outcome.stderr.contains("com.example.AvroDeserializer"))
    }

    @Test func aBadConsumerPropertyValueIsAUsageError() async {
        let outcome = await Self.run(["--topic", "a", "--consumer-property", "fetch.min.bytes=lots"])
        #expect(outcome.code == 64)
        #expect(outcome.clientsRequested == 0)
        #expect(outcome.stderr.contains("fetch.min.bytes"))
    }
}

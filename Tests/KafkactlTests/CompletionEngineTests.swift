import AdminCore
import Testing
@testable import kafkactl

/// What Tab offers in `kafkactl shell`, for the line typed so far (up to the cursor).
@Suite struct CompletionEngineTests {
    static let topics = ["payments", "orders.eu", "orders", "__consumer_offsets"]
    static let groups = ["billing", "orders-app", "orders-audit"]

    /// An engine whose name cache holds `topics` and `groups`, as after a refresh from the cluster.
    static func engine(topics: [String] = topics, groups: [String] = groups) -> CompletionEngine {
        let names = NameCache()
        names.store(topics: topics, groups: groups)
        return CompletionEngine(names: names)
    }

    let engine = Self.engine()

    // MARK: The first word

    /// The subcommands `kafkactl --help` lists, but the shell itself (more are added as kafkactl grows).
    static let listedSubcommands = Kafkactl.configuration.subcommands.filter { $0.configuration.shouldDisplay }
        .map { $0._commandName }.filter { $0 != "shell" }

    @Test func anEmptyLineOffersEverySubcommandAndBuiltinSorted() {
        let offered = engine.candidates(for: "")
        #expect(offered == offered.sorted())
        #expect(Set(offered) == Set(Self.listedSubcommands + ["connect", "exit", "quit", "help"]))
        #expect(Set(["topics", "console-producer", "console-consumer", "consumer-groups", "configs", "get-offsets"])
            .isSubset(of: Set(offered)))
    }

    @Test func hiddenCommandsAndTheShellItselfAreNotOffered() {
        let offered = engine.candidates(for: "")
        #expect(!offered.contains("generate-docs"))
        #expect(!offered.contains("shell"))
        #expect(engine.candidates(for: "gen") == [])
        #expect(engine.candidates(for: "sh") == [])
    }

    @Test("a prefix of the first word", arguments: [
        ("top", ["top", "topics"]),
        ("topi", ["topics"]),
        ("console-", ["console-consumer", "console-producer"]),
        ("e", ["exit"]),
        ("   get", ["get-offsets"]),
        ("kafkactl topi", ["topics"]),  // a pasted `kafkactl` prefix is ignored, as the shell ignores it
        ("zzz", []),
    ])
    func firstWord(line: String, expected: [String]) {
        #expect(engine.candidates(for: line) == expected)
    }

    @Test func transactionsOffersItsCommandsUntilOneIsGivenThenItsFlags() {
        #expect(engine.candidates(for: "transactions ") == ["abort", "describe", "describe-producers", "find-hanging", "list"])
        #expect(engine.candidates(for: "transactions --bootstrap-server b:1 desc") == ["describe", "describe-producers"])
        #expect(engine.candidates(for: "transactions list --dur") == ["--duration-filter"])
    }

    @Test func aPrefixOffersEveryNameStartingWithIt() {
        let offered = engine.candidates(for: "co")
        #expect(offered == (Self.listedSubcommands.filter { $0.hasPrefix("co") } + ["connect"]).sorted())
        #expect(Set(["configs", "connect", "console-consumer", "console-producer", "consumer-groups"]).isSubset(of: Set(offered)))
    }

    // MARK: Flags

    @Test func theFlagsOfASubcommandComeFromItsHelp() {
        let offered = engine.candidates(for: "topics --")
        for flag in ["--bootstrap-server", "--command-config", "--create", "--list", "--describe", "--alter", "--delete",
                     "--topic", "--partitions", "--replication-factor", "--config", "--if-not-exists", "--output"] {
            #expect(offered.contains(flag), "\(flag) missing from \(offered)")
        }
        #expect(!offered.contains("--help"))
        #expect(!offered.contains("--from-beginning"))  // console-consumer's
        #expect(offered.allSatisfy { $0.hasPrefix("--") })
        #expect(offered == offered.sorted())
        #expect(Set(offered).count == offered.count)
    }

    @Test("a prefix of a flag", arguments: [
        ("topics --cre", ["--create"]),
        ("topics --rep", ["--replica-assignment", "--replication-factor"]),
        ("console-consumer --from", ["--from-beginning"]),
        ("console-consumer --max-m", ["--max-messages"]),
        ("consumer-groups --reset", ["--reset-offsets"]),
        ("get-offsets --topic-p", ["--topic-partitions"]),
        ("configs --entity-t", ["--entity-type"]),
        ("topics --create --topic orders --part", ["--partition-map", "--partition-size-limit-per-response", "--partitions"]),  // after a flag's value, flags again
        ("topics --xyz", []),
        ("bogus --", []),
    ])
    func flagPrefix(line: String, expected: [String]) {
        #expect(engine.candidates(for: line) == expected)
    }

    @Test func eachSubcommandOffersItsOwnFlags() {
        #expect(engine.candidates(for: "console-consumer --").contains("--from-beginning"))
        #expect(engine.candidates(for: "console-producer --").contains("--producer-property"))
        #expect(engine.candidates(for: "consumer-groups --").contains("--reset-offsets"))
        #expect(engine.candidates(for: "configs --").contains("--add-config"))
        #expect(engine.candidates(for: "get-offsets --").contains("--time"))
        for subcommand in ["topics", "console-producer", "console-consumer", "consumer-groups", "configs", "get-offsets"] {
            #expect(engine.candidates(for: "\(subcommand) --").contains("--bootstrap-server"), "\(subcommand)")
        }
    }

    // MARK: Values of flags

    @Test("fixed values after a flag", arguments: [
        ("topics --list --output ", ["json", "text"]),
        ("topics --list --output j", ["json"]),
        ("get-offsets --output t", ["text"]),
        ("configs --entity-type ", ["broker-loggers", "brokers", "groups", "topics"]),
        ("configs --entity-type b", ["broker-loggers", "brokers"]),
        ("configs --entity-type g", ["groups"]),
        ("console-consumer --isolation-level read_c", ["read_committed"]),
        ("topics --diff --partition-map h", ["hash"]),
        ("console-consumer --formatter org.apache.kafka.tools.consumer.O", ["org.apache.kafka.tools.consumer.OffsetsMessageFormatter"]),
        ("console-producer --compression-codec ", ["gzip", "lz4", "none", "snappy", "zstd"]),
        ("get-offsets --time l", ["latest"]),
        ("log-dirs --describe --output t", ["table", "text"]),
        ("leader-election --election-type ", ["preferred", "unclean"]),
        ("acls --list --resource-pattern-type ", ["any", "literal", "match", "prefixed"]),
        ("acls --add --operation Describe", ["Describe", "DescribeConfigs", "DescribeTokens"]),
    ])
    func fixedValues(line: String, expected: [String]) {
        #expect(engine.candidates(for: line) == expected)
    }

    @Test("property and config names after the flags that take them", arguments: [
        ("configs --topic t --alter --add-config min.insync", ["min.insync.replicas="]),
        ("configs --topic t --alter --add-config min.",
         ["min.cleanable.dirty.ratio=", "min.compaction.lag.ms=", "min.insync.replicas="]),
        ("topics --create --topic t --config retention.", ["retention.bytes=", "retention.ms="]),
        ("configs --topic t --alter --delete-config retention.", ["retention.bytes", "retention.ms"]),
        ("console-producer --property parse.", ["parse.headers=", "parse.key="]),
        ("console-consumer --property print.k", ["print.key="]),
        ("console-producer --producer-property ac", ["acks="]),
        ("console-consumer --consumer-property isolation", ["isolation.level="]),
    ])
    func propertyNames(line: String, expected: [String]) {
        #expect(engine.candidates(for: line) == expected)
    }

    @Test func theReaderAndTheFormatterHaveTheirOwnProperties() {
        #expect(engine.candidates(for: "console-producer --property ").contains("null.marker="))
        #expect(!engine.candidates(for: "console-producer --property ").contains("print.key="))
        #expect(engine.candidates(for: "console-consumer --property ").contains("print.key="))
        #expect(!engine.candidates(for: "console-consumer --property ").contains("parse.key="))
    }

    // MARK: Live names

    @Test("topic names from the cache", arguments: [
        ("topics --describe --topic ", ["__consumer_offsets", "orders", "orders.eu", "payments"]),
        ("topics --describe --topic ord", ["orders", "orders.eu"]),
        ("topics --describe --topic orders.", ["orders.eu"]),
        ("console-consumer --topic pay", ["payments"]),
        ("console-consumer --include o", ["orders", "orders.eu"]),
        ("get-offsets --topic _", ["__consumer_offsets"]),
        ("configs --topic ord", ["orders", "orders.eu"]),
        ("topics --describe --topic 'ord", ["orders", "orders.eu"]),  // inside an open quote
        ("topics --describe --topic x", []),
    ])
    func topicNames(line: String, expected: [String]) {
        #expect(engine.candidates(for: line) == expected)
    }

    @Test("group names from the cache", arguments: [
        ("consumer-groups --describe --group ", ["billing", "orders-app", "orders-audit"]),
        ("consumer-groups --describe --group orders-a", ["orders-app", "orders-audit"]),
        ("consumer-groups --delete --group b", ["billing"]),
        ("console-consumer --topic orders --group orders-ap", ["orders-app"]),
        ("configs --group bil", ["billing"]),
    ])
    func groupNames(line: String, expected: [String]) {
        #expect(engine.candidates(for: line) == expected)
    }

    @Test func namesFollowTheCache() {
        let names = NameCache()
        let engine = CompletionEngine(names: names)
        #expect(engine.candidates(for: "topics --describe --topic ") == [])
        #expect(engine.candidates(for: "consumer-groups --describe --group ") == [])
        names.store(topics: ["fresh"], groups: ["new-group"])
        #expect(engine.candidates(for: "topics --describe --topic ") == ["fresh"])
        #expect(engine.candidates(for: "consumer-groups --describe --group ") == ["new-group"])
        names.store(topics: [], groups: [])
        #expect(engine.candidates(for: "topics --describe --topic f") == [])
    }
}

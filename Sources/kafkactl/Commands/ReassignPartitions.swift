import AdminCore
import ArgumentParser

/// `kafkactl reassign-partitions`: kafka-reassign-partitions.sh. Proposes (--generate), starts (--execute), checks
/// (--verify), cancels (--cancel) and lists (--list) partition reassignments, with Apache's replication throttles.
struct ReassignPartitions: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "reassign-partitions",
        abstract: "Move partition replicas between brokers (kafka-reassign-partitions.sh).",
        discussion: """
            Exactly one action: --generate, --execute, --verify, --cancel or --list. --generate proposes new replicas for the topics of --topics-to-move-json-file on the brokers of --broker-list (rack-aware unless --disable-rack-aware) and prints it; nothing changes. --execute starts the reassignment of --reassignment-json-file, printing the current assignment to save for a rollback; --throttle limits the replication it causes (bytes/s) until --verify finds every reassignment done and clears the throttles. The reassignment file:
              {"version": 1, "partitions": [{"topic": "foo", "partition": 1, "replicas": [1,2,3]}]}
            "log_dirs", when given, names each replica's log directory ("any": wherever its broker puts it); --execute then moves the replicas to them (AlterReplicaLogDirs), waiting up to --timeout ms for a replica the reassignment adds to appear on its broker, and --replica-alter-log-dirs-throttle limits these moves until --verify finds them done.

            Examples:
              kafkactl reassign-partitions --bootstrap-server B --generate \\
                  --topics-to-move-json-file topics.json --broker-list 1,2,3
              kafkactl reassign-partitions --bootstrap-server B --execute \\
                  --reassignment-json-file plan.json --throttle 10000000
              kafkactl reassign-partitions --bootstrap-server B --verify --reassignment-json-file plan.json
              kafkactl reassign-partitions --bootstrap-server B --list
            """)

    @OptionGroup var connection: ConnectionOptions
    @Option(help: ArgumentHelp("KRaft controllers (not supported: use --bootstrap-server).", valueName: "host:port"))
    var bootstrapController: String?
    @Flag(help: "Propose a reassignment of the topics of --topics-to-move-json-file onto --broker-list (changes nothing).")
    var generate = false
    @Flag(help: "Start the reassignment of --reassignment-json-file.") var execute = false
    @Flag(help: "Report whether the reassignment of --reassignment-json-file is done; then clear the throttles.")
    var verify = false
    @Flag(help: "Cancel the reassignments and log directory moves of --reassignment-json-file that are in progress.") var cancel = false
    @Flag(help: "List every partition reassignment in progress.") var list = false
    @Option(help: ArgumentHelp("The JSON file with the partitions' new replicas.", valueName: "file"), completion: .file())
    var reassignmentJsonFile: String?
    @Option(help: ArgumentHelp("With --generate: the JSON file naming the topics to move.", valueName: "file"), completion: .file())
    var topicsToMoveJsonFile: String?
    @Option(help: ArgumentHelp("With --generate: the brokers to move the topics to, such as 0,1,2.", valueName: "ids"))
    var brokerList: String?
    @Flag(help: "With --generate: place replicas without regard to racks.") var disableRackAware = false
    @Option(parsing: .unconditional, help: ArgumentHelp("With --execute: limit replication between brokers to this many bytes/s (at least 1 KB/s is sensible).", valueName: "bytes/s"))
    var throttle: Int64?
    @Option(parsing: .unconditional, help: ArgumentHelp("With --execute: limit moves between a broker's log directories to this many bytes/s.", valueName: "bytes/s"))
    var replicaAlterLogDirsThrottle: Int64?
    @Option(parsing: .unconditional, help: ArgumentHelp("With --execute or --cancel: the maximum time in ms to wait for log directory moves to begin (default 10000).", valueName: "ms"))
    var timeout: Int64?
    @Flag(help: "With --execute: start it beside reassignments in progress (or change their throttle).") var additional = false
    @Flag(help: "With --verify or --cancel: leave the broker and topic throttles as they are.") var preserveThrottles = false
    @Flag(help: "With --execute: have the controller refuse a change of a partition's replication factor (Kafka 4.1+).")
    var disallowReplicationFactorChange = false
    @OptionGroup var output: OutputOptions

    func run(in context: CommandContext) async throws {
        if bootstrapController != nil {
            throw KafkactlError(.unsupported, "--bootstrap-controller is not supported: kafkactl talks to brokers; use --bootstrap-server")
        }
        let renderer = ReassignPartitionsRenderer(json: output.isJSON)
        // Read and check every file before connecting: a bad file is the user's to fix, whatever the cluster says.
        var file = ReassignmentFile(partitions: [:], logDirs: [:])
        if let reassignmentJsonFile {
            file = try Self.parseReassignmentFile(try Self.read(reassignmentJsonFile, flag: "--reassignment-json-file"), path: reassignmentJsonFile)
        }
        let targets = file.partitions
        var topics: [String] = []
        var brokers: [Int32] = []
        if generate {
            topics = try Self.parseTopicsFile(try Self.read(topicsToMoveJsonFile!, flag: "--topics-to-move-json-file"), path: topicsToMoveJsonFile!)
            brokers = try Self.parseBrokerList(brokerList!)
        }
        let properties = try connection.commandConfig.map { try PropertiesFile.load(path: $0, flag: "--command-config") } ?? [:]
        let configuration = try connection.clientConfiguration(extraProperties: properties)
        try await context.withClient(configuration) { client in
            let admin = AdminClient(client: client)
            if list {
                try renderer.render(try await admin.listPartitionReassignments(), on: context)
            } else if generate {
                let proposal = try await admin.proposeReassignment(
                    topics: topics, brokers: brokers, rackAware: !disableRackAware, random: SystemRandomNumberGenerator())
                try renderer.render(proposal, on: context)
            } else if execute {
                let execution = try await admin.executeReassignment(
                    targets, logDirs: file.logDirs, additional: additional, interBrokerThrottle: throttle,
                    logDirThrottle: replicaAlterLogDirsThrottle, timeoutMs: timeout ?? 10_000,
                    allowReplicationFactorChange: !disallowReplicationFactorChange)
                try renderer.render(execution, on: context)
                if !execution.failures.isEmpty {
                    throw KafkactlError(.partial, "\(execution.failures.count) partition reassignment(s) could not be started")
                }
                try Self.checkMoves(execution.logDirMoves)
            } else if verify {
                try renderer.render(try await admin.verifyReassignment(
                    targets, logDirs: file.logDirs, preserveThrottles: preserveThrottles), on: context)
            } else {
                let cancellation = try await admin.cancelReassignment(
                    targets, logDirs: file.logDirs, preserveThrottles: preserveThrottles, timeoutMs: timeout ?? 10_000)
                try renderer.render(cancellation, on: context)
                if !cancellation.failures.isEmpty {
                    throw KafkactlError(.partial, "\(cancellation.failures.count) partition reassignment(s) could not be cancelled")
                }
                try Self.checkMoves(cancellation.logDirMoves)
            }
        }
    }

    /// Exit 1 when a log directory move was refused or its replica did not appear in time (each named on stderr).
    private static func checkMoves(_ moves: LogDirMoveExecution) throws {
        if !moves.failures.isEmpty || !moves.timedOut.isEmpty {
            throw KafkactlError(.partial, "\(moves.failures.count + moves.timedOut.count) log directory move(s) could not be started")
        }
    }

    private static func read(_ path: String, flag: String) throws -> String {
        guard let text = PropertiesFile.readFile(path) else { throw KafkactlUsageError("cannot read \(flag) '\(path)'") }
        return text
    }
}

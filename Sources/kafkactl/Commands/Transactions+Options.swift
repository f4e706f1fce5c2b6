import AdminCore
import ArgumentParser

/// kafka-transactions.sh's commands and which of the tool's options each takes; its rules as one-line refusals.
extension Transactions {
    enum Command: String, CaseIterable {
        case list
        case describe
        case describeProducers = "describe-producers"
        case abort
        case findHanging = "find-hanging"
        /// Kafka 4.x's name and spelling.
        case forceTerminateTransaction
    }

    /// The options (beyond the connection's and --output) each command accepts, as its subparser defines them.
    static let allowed: [Command: Set<String>] = [
        .list: ["--duration-filter", "--transactional-id-pattern"],
        .describe: ["--transactional-id"],
        .describeProducers: ["--broker-id", "--topic", "--partition"],
        .abort: ["--topic", "--partition", "--start-offset", "--producer-id", "--producer-epoch", "--coordinator-epoch"],
        .findHanging: ["--broker-id", "--max-transaction-timeout", "--topic", "--partition"],
        .forceTerminateTransaction: ["--transactional-id"],
    ]

    /// The command, or a one-line refusal saying which ones there are.
    func parsedCommand() throws -> Command {
        let names = Command.allCases.map(\.rawValue).joined(separator: ", ")
        guard let command else { throw ValidationError("Missing command: one of \(names)") }
        guard let parsed = Command(rawValue: command) else {
            throw ValidationError("'\(command)' is not a transactions command: use one of \(names)")
        }
        return parsed
    }

    /// Each option given, by its flag.
    var given: [String: Bool] {
        ["--duration-filter": durationFilter != nil, "--transactional-id-pattern": transactionalIdPattern != nil,
         "--transactional-id": transactionalId != nil, "--broker-id": brokerId != nil, "--topic": topic != nil,
         "--partition": partition != nil, "--start-offset": startOffset != nil, "--producer-id": producerId != nil,
         "--producer-epoch": producerEpoch != nil, "--coordinator-epoch": coordinatorEpoch != nil,
         "--max-transaction-timeout": maxTransactionTimeout != nil]
    }

    func validate() throws {
        let command = try parsedCommand()
        let stray = given.filter { $0.value && !Self.allowed[command]!.contains($0.key) }.keys.sorted()
        if let first = stray.first { throw ValidationError("\(first) is not an option of '\(command.rawValue)'") }
        if let topic, topic.isEmpty { throw ValidationError("--topic needs a topic name") }
        if let partition, partition < 0 { throw ValidationError("--partition must be a partition number (0 or more), not \(partition)") }
        if let brokerId, brokerId < 0 { throw ValidationError("--broker-id must be a broker id (0 or more), not \(brokerId)") }
        switch command {
        case .list:
            break
        case .describe, .forceTerminateTransaction:
            guard let transactionalId else { throw ValidationError("Missing required option(s): --transactional-id") }
            if transactionalId.isEmpty { throw ValidationError("--transactional-id needs a transactional id") }
        case .describeProducers:
            try requireTopicAndPartition()
        case .abort:
            try requireTopicAndPartition()
            if startOffset == nil && producerId == nil {
                throw ValidationError("The transaction to abort must be identified either with --start-offset (for brokers on 3.0 or above) or with --producer-id, --producer-epoch, and --coordinator-epoch (for older brokers)")
            }
            if startOffset != nil && (producerId != nil || producerEpoch != nil || coordinatorEpoch != nil) {
                throw ValidationError("--start-offset names the transaction by itself: give it without --producer-id, --producer-epoch and --coordinator-epoch")
            }
            if let startOffset, startOffset < 0 { throw ValidationError("--start-offset must be an offset (0 or more), not \(startOffset)") }
            if producerId != nil {
                if producerEpoch == nil { throw ValidationError("Missing required argument --producer-epoch") }
                if coordinatorEpoch == nil { throw ValidationError("Missing required argument --coordinator-epoch") }
            }
        case .findHanging:
            if topic == nil && brokerId == nil {
                throw ValidationError("The `find-hanging` command requires either --topic or --broker-id to limit the scope of the search")
            }
            if partition != nil && topic == nil { throw ValidationError("The --partition argument requires --topic to be provided") }
            if let maxTransactionTimeout, maxTransactionTimeout < 0 {
                throw ValidationError("--max-transaction-timeout must be a number of minutes (0 or more), not \(maxTransactionTimeout)")
            }
        }
    }

    private func requireTopicAndPartition() throws {
        let missing = [("--topic", topic == nil), ("--partition", partition == nil)].filter(\.1).map(\.0)
        if !missing.isEmpty { throw ValidationError("Missing required option(s): \(missing.joined(separator: ", "))") }
    }
}

/// Runs `body`, giving a failure Apache's first words for what failed ("Failed to list transactions: ...").
func failing<T>(_ what: String, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as KafkactlError where error.category != .usage && error.category != .interrupted {
        var prefixed = error
        prefixed.message = "\(what): \(error.message)"
        throw prefixed
    }
}

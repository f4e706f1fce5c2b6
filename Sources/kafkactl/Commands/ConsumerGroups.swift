import AdminCore
import ArgumentParser

/// `kafkactl consumer-groups`: kafka-consumer-groups.sh's list, describe, delete, delete-offsets and reset-offsets,
/// with the same flags and tables. Differences on purpose: every failure exits non-zero (Kafka's tool exits 0), and
/// a reset of an active group is refused before anything is looked up or changed.
struct ConsumerGroups: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "consumer-groups",
        abstract: "List, describe, delete consumer groups and reset their offsets (kafka-consumer-groups.sh).",
        discussion: """
            A reset is a dry run unless --execute is given, and is refused while the group has members.

            Examples:
              kafkactl consumer-groups --bootstrap-server localhost:9092 --list --state
              kafkactl consumer-groups --bootstrap-server localhost:9092 --describe --group billing
              kafkactl consumer-groups --bootstrap-server localhost:9092 --reset-offsets --group billing --topic orders --to-earliest --execute
              kafkactl consumer-groups --bootstrap-server localhost:9092 --reset-offsets --group billing --all-topics --shift-by -100 --export > plan.csv
              kafkactl consumer-groups --bootstrap-server localhost:9092 --reset-offsets --group billing --from-file plan.csv --execute
            """)

    enum Action: String, EnumerableFlag {
        case list, describe, delete, resetOffsets, deleteOffsets

        static func help(for value: Action) -> ArgumentHelp? {
            switch value {
            case .list: return "List all consumer groups."
            case .describe: return "Describe groups: offsets and lag (default), --members or --state."
            case .delete: return "Delete groups (they must have no members)."
            case .resetOffsets: return "Plan (default) or --execute a reset of committed offsets."
            case .deleteOffsets: return "Delete a group's committed offsets for --topic."
            }
        }
    }

    @OptionGroup var connection: ConnectionOptions
    /// Every action flag given; exactly one is allowed (Kafka's own message, not ArgumentParser's, for two).
    @Flag var actions: [Action] = []
    var action: Action? { Set(actions).count == 1 ? actions[0] : nil }
    @Option(help: ArgumentHelp("Check a regular expression's syntax and exit.", valueName: "regex")) var validateRegex: String?
    @Option(help: "A consumer group (repeatable).", completion: .custom(LiveNames.groups)) var group: [String] = []
    @Flag(help: "Every consumer group.") var allGroups = false
    @Option(help: ArgumentHelp("A topic, optionally with partitions (t or t:0,1,2; repeatable).", valueName: "topic"),
            completion: .custom(LiveNames.topics))
    var topic: [String] = []
    @Flag(help: "Reset: every partition the group has committed offsets for.") var allTopics = false
    @Flag(help: "Describe: offsets and lag per partition (the default).") var offsets = false
    @Flag(help: "Describe: one row per member.") var members = false
    @Option(help: ArgumentHelp("Describe: the group's state (no value). List: add a STATE column, optionally only these states (comma separated).", valueName: "states"))
    var state: String?
    @Option(help: ArgumentHelp("List: add a TYPE column, optionally only these types (classic, consumer).", valueName: "types"))
    var type: String?
    @Flag(help: "Describe: extra columns.") var verbose = false
    @Flag(help: "Describe: also how far behind each partition is in time (the age of the next unconsumed record, and how much older it is than the newest), per partition and per topic.")
    var timeLag = false
    @Flag(help: "Reset: only show the plan (the default).") var dryRun = false
    @Flag(help: "Reset: commit the new offsets.") var execute = false
    @Flag(help: "Reset: print the plan as CSV that --from-file reads back.") var export = false
    @Flag(help: "Reset to the earliest offset.") var toEarliest = false
    @Flag(help: "Reset to the latest offset.") var toLatest = false
    @Flag(help: "Reset to the current committed offset.") var toCurrent = false
    @Option(help: "Reset to this offset (clamped to the partition's range).") var toOffset: Int64?
    @Option(parsing: .unconditional, help: ArgumentHelp("Reset by this many records (negative: back).", valueName: "n")) var shiftBy: Int64?
    @Option(help: ArgumentHelp("Reset to the first offset at or after this time: YYYY-MM-DDTHH:mm:SS.sss[Z|±hh:mm] (no zone: UTC), or kafkactl's time grammar (-2h, now).", valueName: "datetime"))
    var toDatetime: String?
    @Option(help: ArgumentHelp("Reset to the first offset at or after now minus this ISO-8601 duration (PnDTnHnMnS).", valueName: "duration"))
    var byDuration: String?
    @Option(help: ArgumentHelp("Reset to the offsets in this CSV (topic,partition,offset or group,topic,partition,offset).", valueName: "file"))
    var fromFile: String?
    @Option(help: ArgumentHelp("Timeout for each admin call.", valueName: "ms")) var timeout: Int64?
    @OptionGroup var output: OutputOptions

    private var scenarios: [(String, Bool)] {
        // Kafka's precedence: two scenarios are reported in this order.
        [("to-offset", toOffset != nil), ("to-datetime", toDatetime != nil), ("by-duration", byDuration != nil),
         ("to-earliest", toEarliest), ("to-latest", toLatest), ("to-current", toCurrent), ("shift-by", shiftBy != nil),
         ("from-file", fromFile != nil)]
    }

    func validate() throws {
        if validateRegex != nil {
            guard actions.isEmpty else { throw ValidationError("Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets, --validate-regex") }
            return
        }
        guard let action else {
            throw ValidationError("Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets, --validate-regex")
        }
        if !group.isEmpty && allGroups { throw ValidationError("Option \"[group]\" can't be used with option \"[all-groups]\"") }
        if action == .list && !group.isEmpty { throw ValidationError("Option \"[group]\" can't be used with option \"[list]\"") }
        if [.describe, .delete, .resetOffsets].contains(action) && group.isEmpty && !allGroups {
            throw ValidationError("Option [\(action.flagName)] takes one of these options: [all-groups], [group]")
        }
        if !topic.isEmpty && ![.resetOffsets, .deleteOffsets, .delete].contains(action) {
            throw ValidationError("Option \"[topic]\" can't be used with option \"[\(action.flagName)]\"")
        }
        if action == .delete && !topic.isEmpty {
            throw ValidationError("The consumer does not support topic-specific offset deletion from a consumer group.")
        }
        if action == .deleteOffsets && (group.count != 1 || topic.isEmpty) {
            throw ValidationError("Option [delete-offsets] takes the following options: [group], [topic]")
        }
        if action == .describe {
            if [offsets, members, state != nil].filter({ $0 }).count > 1 {
                throw ValidationError("Option [describe] takes at most one of these options: [members], [offsets], [state]")
            }
            if let state, !state.isEmpty { throw ValidationError("Option [describe] does not take a value for [state]") }
        } else {
            if members { throw ValidationError("Option(s) [members] are unavailable given other options on the command line") }
            if offsets { throw ValidationError("Option(s) [offsets] are unavailable given other options on the command line") }
            if verbose { throw ValidationError("Option(s) [verbose] are unavailable given other options on the command line") }
            if timeLag { throw ValidationError("Option(s) [time-lag] are unavailable given other options on the command line") }
        }
        if state != nil && ![.describe, .list].contains(action) {
            throw ValidationError("Option(s) [state] are unavailable given other options on the command line")
        }
        if type != nil && action != .list { throw ValidationError("Option(s) [type] are unavailable given other options on the command line") }
        if let state, !state.isEmpty, action == .list {
            let valid = ["Empty", "PreparingRebalance", "CompletingRebalance", "Stable", "Dead", "Assigning", "Reconciling"]
            for item in state.split(separator: ",") where !valid.contains(where: { $0.lowercased() == item.lowercased() }) {
                throw ValidationError("Invalid state list '\(state)'. Valid states are: \(valid.joined(separator: ", "))")
            }
        }
        if let type, !type.isEmpty {
            for item in type.split(separator: ",") where !["classic", "consumer"].contains(item.lowercased()) {
                throw ValidationError("Invalid types list '\(type)'. Valid types are: classic, consumer")
            }
        }
        let chosen = scenarios.filter(\.1).map(\.0)
        if action == .resetOffsets {
            if dryRun && execute { throw ValidationError("Option [reset-offsets] only accepts one of [execute] and [dry-run]") }
            if chosen.count > 1 { throw ValidationError("Option \"[\(chosen[0])]\" can't be used with option \"[\(chosen[1])]\"") }
            if chosen.isEmpty {
                throw ValidationError("Option '[reset-offsets]' requires one of the following scenarios: [to-offset], [to-datetime], [by-duration], [to-earliest], [to-latest], [shift-by], [from-file], [to-current]")
            }
            if topic.isEmpty && !allTopics && fromFile == nil {
                throw ValidationError("One of the reset scopes should be defined: --all-topics, --topic.")
            }
            if !topic.isEmpty && allTopics { throw ValidationError("Option \"[topic]\" can't be used with option \"[all-topics]\"") }
            if let toDatetime, Self.datetime(toDatetime) == nil {
                throw ValidationError("Error parsing timestamp '\(toDatetime)': use YYYY-MM-DDTHH:mm:SS.sss, optionally with Z or ±hh:mm (or -2h, now)")
            }
            if let byDuration, Self.duration(byDuration) == nil {
                throw ValidationError("Error parsing duration '\(byDuration)': use ISO-8601 PnDTnHnMnS, e.g. PT1H30M or P1D")
            }
            for spec in topic { _ = try Self.topicArgument(spec) }
        } else {
            if let first = chosen.first { throw ValidationError("Option \"[\(first)]\" can't be used with option \"[\(action.flagName)]\"") }
            if dryRun || execute || export || allTopics {
                throw ValidationError("Option(s) [\(dryRun ? "dry-run" : execute ? "execute" : export ? "export" : "all-topics")] are unavailable given other options on the command line")
            }
        }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of milliseconds") }
        if output.isJSON && (action == .delete || action == .deleteOffsets || (action == .resetOffsets && export)) {
            throw ValidationError("--output json is available for --list, --describe and --reset-offsets (without --export)")
        }
    }

    /// `t` or `t:0,1,2`.
    static func topicArgument(_ text: String) throws -> (String, [Int32]?) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty else {
            throw ValidationError("Invalid topic arg '\(text)', expected topic name and partitions")
        }
        guard parts.count == 2 else { return (String(parts[0]), nil) }
        let ids = try parts[1].split(separator: ",").map { item -> Int32 in
            guard let id = Int32(item.trimmingCharacters(in: " ")), id >= 0 else {
                throw ValidationError("Invalid partition '\(item)' specified in topic arg '\(text)''")
            }
            return id
        }
        return (String(parts[0]), ids)
    }

    /// Kafka's `--to-datetime` (no zone means UTC here, as in Kafka's tool), or the time grammar.
    static func datetime(_ text: String) -> Int64? {
        let hasZone = text.hasSuffix("Z") || text.dropFirst(10).contains("+") || text.dropFirst(10).contains("-")
        if text.count >= 19, text.dropFirst(10).first == "T", !hasZone { return TimeExpression.iso8601(text + "Z") }
        return TimeExpression.parse(text)
    }

    /// ISO-8601 durations `PnDTnHnMnS` (fractional seconds allowed) in milliseconds.
    static func duration(_ text: String) -> Int64? {
        var rest = Substring(text.uppercased())
        guard rest.first == "P" else { return nil }
        rest = rest.dropFirst()
        var total: Double = 0
        var inTime = false
        var number = ""
        var sawValue = false
        for character in rest {
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            guard let value = Double(number) else { return nil }
            number = ""
            sawValue = true
            switch (character, inTime) {
            case ("D", false): total += value * 86_400_000
            case ("H", true): total += value * 3_600_000
            case ("M", true): total += value * 60_000
            case ("S", true): total += value * 1000
            default: return nil
            }
        }
        guard number.isEmpty, sawValue else { return nil }
        return Int64(total)
    }

    func run(in context: CommandContext) async throws {
        if let validateRegex {
            do {
                _ = try Regex(validateRegex)
                try context.print("The regular expression `\(validateRegex)` is valid.")
            } catch {
                throw KafkactlError(.usage, "The regular expression `\(validateRegex)` is invalid: \(error).")
            }
            return
        }
        let configuration = try connection.clientConfiguration(timeout: timeout.map { .milliseconds($0) })
        try await context.withClient(configuration) { client in
            let admin = AdminClient(client: client)
            switch action! {
            case .list: try await list(admin, context: context)
            case .describe: try await describe(admin, context: context)
            case .delete: try await delete(admin, context: context)
            case .resetOffsets: try await reset(admin, context: context)
            case .deleteOffsets: try await deleteOffsets(admin, context: context)
            }
        }
    }

    private func targetGroups(_ admin: AdminClient) async throws -> [String] {
        if allGroups { return try await admin.listGroups().map(\.groupId) }
        return group
    }

    // MARK: --list

    private func list(_ admin: AdminClient, context: CommandContext) async throws {
        let states = (state ?? "").split(separator: ",").map(String.init)
        let types = Set((type ?? "").split(separator: ",").map { $0.lowercased() })
        let groups = try await admin.listGroups(states: states).filter { listing in
            types.isEmpty || types.contains(listing.type.isEmpty ? "classic" : listing.type.lowercased())
        }
        if output.isJSON {
            try context.print(JSON.object([("groups", .array(groups.map {
                .object([("group", .string($0.groupId)), ("type", .string($0.type.isEmpty ? "classic" : $0.type)),
                         ("state", $0.state.isEmpty ? .null : .string($0.state)), ("protocolType", .string($0.protocolType))])
            }))]).serialized())
            return
        }
        guard state != nil || type != nil else {
            for listing in groups { try context.print(listing.groupId) }
            return
        }
        let width = max(15, groups.map(\.groupId.count).max() ?? 0) + 10
        var header: [(String, Int?)] = [("GROUP", width)]
        if type != nil { header.append(("TYPE", 20)) }
        if state != nil { header.append(("STATE", 20)) }
        try context.print(TableFormatter.line(header))
        for listing in groups {
            var row: [(String, Int?)] = [(listing.groupId, width)]
            if type != nil { row.append((Self.typeName(listing.type), 20)) }
            if state != nil { row.append((listing.state.isEmpty ? "-" : listing.state, 20)) }
            try context.print(TableFormatter.line(row))
        }
    }

    /// Kafka 4.x's GroupType names. A broker before ListGroups v5 (Kafka 3.8) reports no type, which Kafka's tool
    /// shows as Unknown; such brokers only have classic groups, which is how `--type` filters them.
    static func typeName(_ type: String) -> String {
        switch type.lowercased() {
        case "classic": return "Classic"
        case "consumer": return "Consumer"
        case "share": return "Share"
        case "streams": return "Streams"
        default: return "Unknown"
        }
    }

    // MARK: --describe

    private func describe(_ admin: AdminClient, context: CommandContext) async throws {
        let groups = try await targetGroups(admin).sorted()
        let descriptions = try await admin.describeGroups(groups)
        var documents: [JSON] = []
        var failures: [KafkactlError] = []
        for name in groups {
            let description: GroupDescription
            switch descriptions[name] {
            case .success(let value)?: description = value
            case .failure(let error)?: failures.append(error); continue
            case nil: continue
            }
            let committed = try await admin.committedOffsets(group: name)
            if description.state == "Dead" && committed.isEmpty {
                failures.append(KafkactlError(.notFound, "Consumer group '\(name)' does not exist.", code: .groupIdNotFound))
                continue
            }
            if !output.isJSON {
                if description.state == "Empty" { context.printError("\nConsumer group '\(name)' has no active members.") }
                if ["PreparingRebalance", "CompletingRebalance", "Assigning", "Reconciling"].contains(description.state) {
                    context.printError("\nWarning: Consumer group '\(name)' is rebalancing.")
                }
            }
            if state != nil {
                documents.append(try describeState(description, context: context))
            } else if members {
                documents.append(try describeMembers(description, context: context))
            } else {
                documents.append(try await describeOffsets(description, committed: committed, admin: admin, context: context))
            }
        }
        if output.isJSON { try context.print(JSON.object([("groups", .array(documents))]).serialized()) }
        if let first = failures.first {
            if failures.count == 1 { throw first }
            for failure in failures { context.printError("Error: \(failure.message)") }
            throw KafkactlError(.partial, "\(failures.count) groups could not be described (see above)")
        }
    }

    private func describeOffsets(_ description: GroupDescription, committed: [TopicPartition: CommittedOffset],
                                 admin: AdminClient, context: CommandContext) async throws -> JSON {
        var rows = try await admin.groupOffsets(description, committed: committed)
        if timeLag { try await PartitionConsumer.addTimeLags(&rows, client: admin.client) }
        let rendering = GroupOffsetsOutput(rows: rows, verbose: verbose, timeLag: timeLag)
        if output.isJSON { return rendering.json(group: description.groupId, state: description.state) }
        for line in rendering.lines() { try context.print(line) }
        return .null
    }

    private func describeMembers(_ description: GroupDescription, context: CommandContext) throws -> JSON {
        let rendering = GroupDescriptionOutput(description: description, verbose: verbose)
        if output.isJSON { return rendering.membersJSON() }
        for line in rendering.membersLines() { try context.print(line) }
        return .null
    }

    private func describeState(_ description: GroupDescription, context: CommandContext) throws -> JSON {
        let rendering = GroupDescriptionOutput(description: description, verbose: verbose)
        if output.isJSON { return rendering.stateJSON() }
        for line in rendering.stateLines() { try context.print(line) }
        return .null
    }

    // MARK: --delete and --delete-offsets

    private func delete(_ admin: AdminClient, context: CommandContext) async throws {
        let groups = try await targetGroups(admin)
        // Kafka's coordinator refuses to delete a group that has members (NON_EMPTY_GROUP); not every broker does
        // (Tansu deletes it), so a group with members is refused here first, naming its state.
        let descriptions = try await admin.describeGroups(groups)
        var results: [String: Result<Void, KafkactlError>] = [:]
        for group in groups {
            if case .success(let description)? = descriptions[group], !description.isInactive {
                results[group] = .failure(KafkactlError(.conflict, "Group '\(group)' is not empty (its state is \(description.state)): stop its members first; nothing was deleted [NON_EMPTY_GROUP]", code: .nonEmptyGroup))
            }
        }
        let deletable = groups.filter { results[$0] == nil }
        if !deletable.isEmpty { results.merge(try await admin.deleteGroups(deletable)) { _, new in new } }
        let deleted = groups.filter { (try? results[$0]?.get()) != nil }
        let failed = groups.compactMap { group -> (String, KafkactlError)? in
            if case .failure(let error)? = results[group] { return (group, error) }
            return nil
        }
        if !deleted.isEmpty && failed.isEmpty {
            try context.print("Deletion of requested consumer groups (\(deleted.map { "'\($0)'" }.joined(separator: ", "))) was successful.")
            return
        }
        for (group, error) in failed { context.printError("* Group '\(group)' could not be deleted due to: \(error.message)") }
        if !deleted.isEmpty {
            try context.print("These consumer groups were deleted successfully: \(deleted.map { "'\($0)'" }.joined(separator: ", "))")
        }
        if failed.count == 1 { throw failed[0].1 }
        throw KafkactlError(.partial, "Deletion of some consumer groups failed (see above)")
    }

    private func deleteOffsets(_ admin: AdminClient, context: CommandContext) async throws {
        let name = group[0]
        let partitions = allTopics ? [] : try await admin.partitions(of: try topic.map(Self.topicArgument).map { (name: $0.0, partitions: $0.1) })
        let results = try await admin.deleteOffsets(group: name, partitions: partitions)
        try context.print("Request succeeded for deleting offsets from group \(name).")
        let topicWidth = TableFormatter.width(partitions.map(\.topic), header: "TOPIC")
        try context.print("")
        try context.print(TableFormatter.line([("TOPIC", topicWidth), ("PARTITION", 10), ("STATUS", nil)]))
        var failures = 0
        for partition in partitions.sorted() {
            let status: String
            switch results[partition] {
            case .success?: status = "Successful"
            case .failure(let error)?: status = "Error: \(error.message)"; failures += 1
            case nil: status = "Error: no answer"; failures += 1
            }
            try context.print(TableFormatter.line([(partition.topic, topicWidth), (String(partition.partition), 10), (status, nil)]))
        }
        if failures > 0 { throw KafkactlError(.partial, "\(failures) partitions kept their offsets (see the table)") }
    }

    // MARK: --reset-offsets

    private func reset(_ admin: AdminClient, context: CommandContext) async throws {
        if !dryRun && !execute && !export {
            context.printError("WARN: No action will be performed as the --execute option is missing. Add --execute to commit the new offsets, or --dry-run to say that a plan is all you want.")
        }
        let groups = try await targetGroups(admin)
        let fileTargets = try fromFile.map { try Self.readPlanFile($0, groups: groups) }
        let specs = try topic.map(Self.topicArgument)
        let descriptions = try await admin.describeGroups(groups)
        var rendering = ResetPlanOutput(groupCount: groups.count, format: output.isJSON ? .json : export ? .csv : .table, executed: execute)
        var failures: [String] = []
        for name in groups.sorted() {
            let given = fileTargets?[name] ?? [:]
            let selection: AdminClient.ResetSelection = fileTargets != nil ? .given(Array(given.keys))
                : allTopics ? .everyCommitted : .topics(specs.map { (name: $0.0, partitions: $0.1) })
            let planned = try await admin.planOffsetReset(
                group: name, description: try descriptions[name]!.get(), selection: selection, scenario: scenario(fileTargets: given))
            for entry in planned.plan.entries {
                if let warning = entry.warning { context.printError("WARN: \(warning)") }
            }
            if execute {
                // The offsets before the reset go to a file first, so the reset can be undone with --from-file.
                let backup = try saveBackup(group: name, committed: planned.committed, plan: planned.plan)
                // The undo command must work when pasted: with the flags that reached this cluster.
                let undo = ["kafkactl", "consumer-groups"] + (try connection.sameClusterArguments())
                    + ["--reset-offsets", "--group", name, "--from-file", backup, "--execute"]
                context.printError("Previous offsets of group '\(name)' saved to \(backup); undo with: \(undo.map(shellQuoted).joined(separator: " "))")
                let results = try await admin.commitOffsets(group: name, Dictionary(uniqueKeysWithValues: planned.plan.entries.map { ($0.partition, $0.newOffset) }))
                for (partition, result) in results.sorted(by: { $0.key < $1.key }) {
                    if case .failure(let error) = result { failures.append("\(partition): \(error.message)") }
                }
            }
            for line in rendering.lines(group: name, plan: planned.plan) { try context.print(line) }
        }
        for line in rendering.finish() { try context.print(line) }
        if !failures.isEmpty {
            for failure in failures { context.printError("Error: \(failure)") }
            throw KafkactlError(.partial, "\(failures.count) partitions were not reset (see above)")
        }
    }

    /// Writes the group's committed offsets of the partitions a reset will move, as `group,topic,partition,offset`
    /// lines (what --from-file reads) into $XDG_STATE_HOME/kafkactl/resets/, and returns the path.
    private func saveBackup(group: String, committed: [TopicPartition: CommittedOffset], plan: OffsetResetPlan) throws -> String {
        let moved = plan.entries.map(\.partition)
        var lines = moved.compactMap { partition in committed[partition].map { "\(group),\(partition.topic),\(partition.partition),\($0.offset)" } }
        let uncommitted = moved.filter { committed[$0] == nil }
        if !uncommitted.isEmpty {
            lines.insert("# no offset was committed before for: \(uncommitted.map(\.description).joined(separator: " "))", at: 0)
        }
        let safeName = String(group.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
        let path = StatePaths.folder("resets") + "/\(safeName)-\(TimeExpression.currentMillis()).csv"
        guard StatePaths.write(lines.joined(separator: "\n") + "\n", to: path) else {
            throw KafkactlError(.rejected, "cannot write the backup of group '\(group)' offsets to \(path); nothing was reset")
        }
        return path
    }

    private func scenario(fileTargets: [TopicPartition: Int64]) throws -> OffsetResetPlan.Scenario {
        if toEarliest { return .earliest }
        if toLatest { return .latest }
        if toCurrent { return .current }
        if let toOffset { return .offset(toOffset) }
        if let shiftBy { return .shiftBy(shiftBy) }
        if let toDatetime { return .timestamp(Self.datetime(toDatetime)!) }
        if let byDuration { return .timestamp(TimeExpression.currentMillis() - Self.duration(byDuration)!) }
        return .given(fileTargets)
    }

    /// `--from-file`: `topic,partition,offset` (one --group only) or `group,topic,partition,offset` lines.
    static func readPlanFile(_ path: String, groups: [String]) throws -> [String: [TopicPartition: Int64]] {
        guard let text = PropertiesFile.readFile(path) else {
            throw KafkactlUsageError("cannot read --from-file '\(path)'")
        }
        var result: [String: [TopicPartition: Int64]] = [:]
        // "\r\n" is one Character in Swift: split on it too, or a CRLF file reads as a single line.
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.trimmingCharacters(in: " ").trimmingCharacters(in: "\r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: " ") }
            let bad = KafkactlUsageError("--from-file line \(index + 1) does not parse: '\(line)' (expected topic,partition,offset or group,topic,partition,offset)")
            let group: String
            let rest: ArraySlice<String>
            switch fields.count {
            case 3:
                guard groups.count == 1 else {
                    throw KafkactlUsageError("--from-file line \(index + 1): a topic,partition,offset line needs exactly one --group")
                }
                group = groups[0]
                rest = fields[...]
            case 4:
                group = fields[0]
                rest = fields[1...]
            default: throw bad
            }
            let values = Array(rest)
            guard !values[0].isEmpty, let partition = Int32(values[1]), partition >= 0, let offset = Int64(values[2]) else { throw bad }
            result[group, default: [:]][TopicPartition(values[0], partition)] = offset
        }
        return result
    }
}

extension ConsumerGroups.Action {
    var flagName: String {
        switch self {
        case .list: return "list"
        case .describe: return "describe"
        case .delete: return "delete"
        case .resetOffsets: return "reset-offsets"
        case .deleteOffsets: return "delete-offsets"
        }
    }
}

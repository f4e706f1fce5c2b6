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
              kafkactl consumer-groups --bootstrap-server localhost:9092 --doctor --group billing
            """)

    enum Action: String, EnumerableFlag {
        case list, describe, delete, resetOffsets, deleteOffsets, doctor

        static func help(for value: Action) -> ArgumentHelp? {
            switch value {
            case .list: return "List all consumer groups."
            case .describe: return "Describe groups: offsets and lag (default), --members or --state."
            case .delete: return "Delete groups (they must have no members)."
            case .resetOffsets: return "Plan (default) or --execute a reset of committed offsets."
            case .deleteOffsets: return "Delete a group's committed offsets for --topic."
            case .doctor: return "Explain why --group is not moving, most likely cause first (kafkactl's own; changes nothing)."
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
    @Option(help: ArgumentHelp("Doctor: watch the group this long to see whether it moves (0: one look; default 6000, longer than the consumer's default auto.commit.interval.ms of 5 s).", valueName: "ms"))
    var sampleMs: Int64?
    @Option(help: ArgumentHelp("Timeout for each admin call.", valueName: "ms")) var timeout: Int64?
    @OptionGroup var output: OutputOptions

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
            case .doctor: try await doctor(admin, context: context)
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
        let view = GroupListOutput(groups: groups, showsType: type != nil, showsState: state != nil)
        if output.isJSON {
            try context.print(view.json().serialized())
        } else {
            for line in view.lines() { try context.print(line) }
        }
    }

    // MARK: --describe

    private func describe(_ admin: AdminClient, context: CommandContext) async throws {
        let groups = try await targetGroups(admin).sorted()
        let descriptions = try await admin.describeGroups(groups)
        let committedByGroup = try await admin.committedOffsets(groups: groups)
        var documents: [JSON] = []
        var failures: [KafkactlError] = []
        for name in groups {
            let description: GroupDescription
            switch descriptions[name] {
            case .success(let value)?: description = value
            case .failure(let error)?: failures.append(error); continue
            case nil: continue
            }
            guard let committed = try committedByGroup[name]?.get() else { continue }
            if description.state == "Dead" && committed.isEmpty {
                failures.append(KafkactlError(.notFound, "Consumer group '\(name)' does not exist.", code: .groupIdNotFound))
                continue
            }
            if !output.isJSON, let notice = GroupDescriptionOutput(description: description, verbose: verbose).stateNotice() {
                context.printError(notice)
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
        let view = GroupDeletionOutput(groups: groups, results: try await admin.deleteInactiveGroups(groups))
        if view.failed.isEmpty && !view.deleted.isEmpty {
            for line in view.lines() { try context.print(line) }
            return
        }
        for line in view.errorLines() { context.printError(line) }
        for line in view.lines() { try context.print(line) }
        if view.failed.count == 1 { throw view.failed[0].error }
        throw KafkactlError(.partial, "Deletion of some consumer groups failed (see above)")
    }

    private func deleteOffsets(_ admin: AdminClient, context: CommandContext) async throws {
        let name = group[0]
        let partitions = allTopics ? [] : try await admin.partitions(of: try topic.map(Self.topicArgument).map { (name: $0.0, partitions: $0.1) })
        let results = try await admin.deleteOffsets(group: name, partitions: partitions)
        let view = OffsetDeletionOutput(group: name, partitions: partitions, results: results)
        for line in view.lines() { try context.print(line) }
        if view.failures > 0 { throw KafkactlError(.partial, "\(view.failures) partitions kept their offsets (see the table)") }
    }

    // MARK: --doctor

    private func doctor(_ admin: AdminClient, context: CommandContext) async throws {
        // Longer than Kafka's default auto.commit.interval.ms (5 s): a group committing on that schedule shows that it
        // moves, and a shorter window would call it not-committing.
        let windowMs = sampleMs ?? 6000
        let window = Duration.milliseconds(windowMs)
        let announce = context.stderrIsTerminal && !output.isJSON
        let (name, seconds) = (group[0], GroupDoctorOutput.seconds(windowMs))
        let diagnosis = try await admin.diagnoseGroup(name, window: window) {
            if announce { context.printError("Watching group '\(name)' for \(seconds)...") }
        }
        let rendering = GroupDoctorOutput(diagnosis: diagnosis, connection: try connection.sameClusterArguments())
        if output.isJSON {
            try context.print(rendering.json().serialized())
        } else {
            for line in rendering.lines() { try context.print(line) }
        }
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
                group: name, description: try descriptions.answer(for: name, "group '\(name)'"), selection: selection, scenario: scenario(fileTargets: given))
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
        let lines = ResetBackupOutput(group: group, committed: committed, plan: plan).lines()
        let safeName = String(group.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
        let path = StatePaths.folder("resets") + "/\(safeName)-\(WallClock.millis()).csv"
        guard StatePaths.write(lines.joined(separator: "\n") + "\n", to: path) else {
            throw KafkactlError(.rejected, "cannot write the backup of group '\(group)' offsets to \(path); nothing was reset")
        }
        return path
    }
}

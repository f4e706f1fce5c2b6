import AdminCore
import ArgumentParser

/// What consumer-groups' flags mean: kafka-consumer-groups.sh's cross-flag rules, with its messages, and the
/// grammars of the values (topic arguments, datetimes, durations, --from-file plans, the reset scenario).
extension ConsumerGroups {
    private var scenarios: [(String, Bool)] {
        // Kafka's precedence: two scenarios are reported in this order.
        [("to-offset", toOffset != nil), ("to-datetime", toDatetime != nil), ("by-duration", byDuration != nil),
         ("to-earliest", toEarliest), ("to-latest", toLatest), ("to-current", toCurrent), ("shift-by", shiftBy != nil),
         ("from-file", fromFile != nil)]
    }

    func validate() throws {
        if validateRegex != nil {
            guard actions.isEmpty else { throw ValidationError("Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets, --doctor, --validate-regex") }
            return
        }
        guard let action else {
            throw ValidationError("Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets, --doctor, --validate-regex")
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
        if action == .doctor && (group.count != 1 || allGroups) {
            throw ValidationError("Option [doctor] takes exactly one [group]: kafkactl consumer-groups --doctor --group NAME")
        }
        if let sampleMs {
            guard action == .doctor else { throw ValidationError("Option(s) [sample-ms] are unavailable given other options on the command line") }
            guard (0...600_000).contains(sampleMs) else {
                throw ValidationError("--sample-ms must be a number of milliseconds from 0 to 600000, not \(sampleMs)")
            }
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
            throw ValidationError("--output json is available for --list, --describe, --doctor and --reset-offsets (without --export)")
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

    func scenario(fileTargets: [TopicPartition: Int64]) throws -> OffsetResetPlan.Scenario {
        if toEarliest { return .earliest }
        if toLatest { return .latest }
        if toCurrent { return .current }
        if let toOffset { return .offset(toOffset) }
        if let shiftBy { return .shiftBy(shiftBy) }
        if let toDatetime { return .timestamp(Self.datetime(toDatetime)!) }
        if let byDuration { return .timestamp(WallClock.millis() - Self.duration(byDuration)!) }
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
        case .doctor: return "doctor"
        }
    }
}

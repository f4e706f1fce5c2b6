import AdminCore

/// `consumer-groups --doctor`: a headline (state, members, lag, what moved in the window), then each finding most
/// likely first: its cause, the evidence in one line, what to do, and where a command would fix it, that command
/// (previewed: the doctor changes nothing). `connection` is how the user reached the cluster, repeated in each command.
struct GroupDoctorOutput {
    let diagnosis: GroupDiagnosis
    let connection: [String]

    private var last: GroupObservation { diagnosis.last }
    private var group: String { diagnosis.group }

    /// What one finding says: the evidence, the advice, and a command when one fixes it.
    struct Explanation {
        var evidence: String
        var advice: String
        var command: [String]?
    }

    func lines() -> [String] {
        var lines = [headline()]
        if diagnosis.findings.isEmpty {
            lines.append(verdictWithoutFindings())
            return lines
        }
        for (index, finding) in diagnosis.findings.enumerated() {
            let explanation = explain(finding)
            lines.append("")
            lines.append("\(index + 1). \(finding.cause): \(explanation.evidence)")
            lines.append("   \(explanation.advice)")
            if let command = explanation.command {
                lines.append("   Fix (previewed, not run): \(command.map(shellQuoted).joined(separator: " "))")
            }
        }
        return lines
    }

    func json() -> JSON {
        let findings: [JSON] = diagnosis.findings.map { finding in
            let explanation = explain(finding)
            var members: [(String, JSON)] = [
                ("cause", .string(finding.cause)),
                ("partitions", .array(finding.partitions.map(partitionJSON))),
                ("evidence", .string(explanation.evidence)),
                ("advice", .string(explanation.advice)),
                ("command", explanation.command.map { .string($0.map(shellQuoted).joined(separator: " ")) } ?? .null),
            ]
            if case .openTransaction(let holds) = finding { members.append(("transactions", .array(holds.map(holdJSON)))) }
            if case .rebalancing(let rebalances) = finding {
                members.append(("rebalances", .int(rebalances.count)))
                members.append(("departedMembers", .int(rebalances.departedMembers)))
                members.append(("groupEpochs", rebalances.epochs.map { .array([.int($0.lowerBound), .int($0.upperBound)]) } ?? .null))
            }
            return .object(members)
        }
        return .object([
            ("group", .string(group)),
            ("state", .string(last.description.state)),
            ("members", .int(last.description.members.count)),
            ("lag", .int(last.lag)),
            ("consumed", .int(diagnosis.consumed)),
            ("windowMs", .int(diagnosis.windowMs)),
            ("states", .array(diagnosis.trail.states.map(JSON.string))),
            ("healthy", .bool(diagnosis.findings.isEmpty)),
            ("findings", .array(findings)),
        ])
    }

    // MARK: Parts

    private func headline() -> String {
        let description = last.description
        let members = description.members.count
        var text = "Consumer group '\(group)': \(description.state), \(members) member\(members == 1 ? "" : "s")"
        let lagging = last.lagging.count
        text += ", \(last.lag) record\(last.lag == 1 ? "" : "s") behind on \(lagging) partition\(lagging == 1 ? "" : "s")"
        if diagnosis.windowMs > 0 {
            text += "; \(diagnosis.consumed) record\(diagnosis.consumed == 1 ? "" : "s") committed in \(Self.seconds(diagnosis.windowMs))"
        }
        return text + "."
    }

    private func verdictWithoutFindings() -> String {
        if last.lag == 0 { return "Nothing is wrong: the group has read everything committed so far." }
        if diagnosis.consumed > 0 { return "Nothing is wrong: the group is moving." }
        if diagnosis.windowMs == 0 { return "No cause found in one look: watch the group for a while (--sample-ms) to see whether it moves." }
        return "No cause found."
    }

    private func explain(_ finding: GroupFinding) -> Explanation {
        switch finding {
        case .noMembers(let lagging):
            return Explanation(
                evidence: "nobody consumes: the group has no members while \(lagSum(lagging)) records wait on \(list(lagging)).",
                advice: "Start the group's consumers (consumer-groups --describe --members shows who is in the group).")
        case .rebalancing(let rebalances):
            var evidence = rebalances.loop
                ? "the group began \(rebalances.count) rebalance\(rebalances.count == 1 ? "" : "s") in \(Self.seconds(diagnosis.windowMs))"
                : "the group was rebalancing at every look in \(Self.seconds(diagnosis.windowMs))"
            evidence += " (states \(collapsed(diagnosis.trail.states).joined(separator: " -> ")))"
            if let epochs = rebalances.epochs, epochs.upperBound > epochs.lowerBound {
                evidence += ", group epoch \(epochs.lowerBound) -> \(epochs.upperBound)"
            }
            if rebalances.departedMembers > 0 {
                evidence += ", \(rebalances.departedMembers) member\(rebalances.departedMembers == 1 ? "" : "s") came and went"
            }
            return Explanation(
                evidence: evidence + "; no partition is consumed while it rebalances.",
                advice: rebalances.loop
                    ? "A member keeps leaving and rejoining: its processing between polls likely exceeds max.poll.interval.ms, or session.timeout.ms is too short for its heartbeats."
                    : "The coordinator waits for every member to rejoin, up to the largest max.poll.interval.ms: a member busy processing holds the whole group.")
        case .noLeader(let partitions):
            let detail = partitions.map { partition -> String in
                let health = last.partitions[partition]
                let replicas = health?.replicas.map(String.init).joined(separator: ",") ?? ""
                let isr = health?.isr.map(String.init).joined(separator: ",") ?? ""
                return "\(Self.name(partition)) (replicas \(replicas.isEmpty ? "none" : replicas), in sync \(isr.isEmpty ? "none" : isr))"
            }
            var command = ["kafkactl", "leader-election"] + connection + ["--election-type", "unclean"]
            if partitions.count == 1 {
                command += ["--topic", partitions[0].topic, "--partition", String(partitions[0].partition)]
            } else {
                command += ["--all-topic-partitions"]
            }
            return Explanation(
                evidence: "\(detail.joined(separator: ", ")) \(partitions.count == 1 ? "has" : "have") no leader: nobody can read \(partitions.count == 1 ? "it" : "them").",
                advice: "Bring the replicas' brokers back; as a last resort elect a replica that is not in sync (records it lacks are lost):",
                command: command)
        case .topicDeleted(let topics, let partitions):
            let named = topics.map { "'\($0)'" }.joined(separator: ", ")
            return Explanation(
                evidence: "topic\(topics.count == 1 ? "" : "s") \(named) no longer exist\(topics.count == 1 ? "s" : ""); the group still has committed offsets for \(partitions.count) of \(topics.count == 1 ? "its" : "their") partitions.",
                advice: "If the topic is gone for good, delete the group's offsets for it:",
                command: ["kafkactl", "consumer-groups"] + connection + ["--delete-offsets", "--group", group] + topics.flatMap { ["--topic", $0] })
        case .topicRecreated(let partitions):
            let detail = partitions.map { partition -> String in
                let committed = last.committed[partition]
                return "\(Self.name(partition)) committed \(committed?.offset ?? -1) at leader epoch \(committed?.leaderEpoch ?? -1), the partition is at epoch \(last.partitions[partition]?.leaderEpoch ?? -1)"
            }
            return resetting(partitions, to: "--to-earliest", "the start of the new topic",
                             evidence: "\(detail.joined(separator: "; ")): the topic was deleted and created again, and the committed offsets belong to the old one.")
        case .offsetBeyondEnd(let partitions):
            let detail = partitions.map { "\(Self.name($0)) committed \(last.committed[$0]?.offset ?? -1), log end \(last.partitions[$0]?.highWatermark ?? -1)" }
            return resetting(partitions, to: "--to-latest", "the log end",
                             evidence: "committed offsets past the log end (\(detail.joined(separator: "; "))): the log was truncated or the topic recreated; consumers jump by auto.offset.reset, or fail without one.")
        case .offsetBelowStart(let partitions):
            let detail = partitions.map { partition -> String in
                let committed = last.committed[partition]?.offset ?? -1
                let start = last.partitions[partition]?.logStart ?? -1
                return "\(Self.name(partition)) committed \(committed), log start \(start): records \(committed)..\(start - 1) were deleted"
            }
            return resetting(partitions, to: "--to-earliest", "the first record still there",
                             evidence: "\(detail.joined(separator: "; ")) (retention or delete-records) before the group read them.")
        case .openTransaction(let holds):
            let detail = holds.map(describe).joined(separator: "; ")
            let hanging = holds.filter(\.hanging)
            if let first = hanging.first ?? holds.first(where: { $0.producer == nil }) {
                let command = ["kafkactl", "transactions"] + connection + [
                    "abort", "--topic", first.partition.topic, "--partition", String(first.partition.partition),
                    "--start-offset", String(first.lastStable)]
                let advice = hanging.isEmpty
                    ? "Without the producer the doctor cannot tell whether a coordinator will end it; if it hangs, abort the transaction that starts at the last stable offset (Kafka 3.0+):"
                    : "No coordinator will end \(hanging.count == 1 ? "it" : "them"): abort \(hanging.count == 1 ? "it" : "each") (its markers let read_committed consumers past)\(hanging.count > 1 ? ", the first:" : ":")"
                return Explanation(evidence: detail + ".", advice: advice, command: command)
            }
            return Explanation(
                evidence: detail + ".",
                advice: "Its coordinator aborts it at its timeout unless the producer ends it first; read_committed consumers wait until then.")
        case .unassignedPartitions(let partitions):
            return Explanation(
                evidence: "\(lagSum(partitions)) records wait on \(list(partitions)), which no member is assigned.",
                advice: "The members' subscriptions leave these topics out, or the assignor did: check the consumers' topics (consumer-groups --describe --members --verbose shows each member's partitions).")
        case .notCommitting(let partitions):
            return Explanation(
                evidence: "\(lagSum(partitions)) records wait on \(list(partitions)) and no committed offset there moved in \(Self.seconds(diagnosis.windowMs))"
                    + (diagnosis.windowMs < 5000 ? " (less than the consumer's default auto-commit interval, 5 s: watch longer to be sure)." : "."),
                advice: "The consumers holding them are stuck in processing, paused, or not committing (enable.auto.commit=false and no commits).")
        }
    }

    private func describe(_ hold: TransactionHold) -> String {
        var text = "\(Self.name(hold.partition)) is held at its last stable offset \(hold.lastStable) below the high watermark \(hold.highWatermark)"
        guard let producer = hold.producer else {
            return text + " by an open transaction whose producer is unknown (\(hold.producerUnknownReason ?? "not described"))"
        }
        text += " by producer \(producer.producerId), epoch \(producer.producerEpoch)"
        if let id = hold.transactionalId { text += ", transactional id '\(id)'" }
        if let age = hold.ageMs { text += ", open \(Self.seconds(age))" }
        if let transaction = hold.transaction {
            text += " (\(transaction.state) at its coordinator, timeout \(Self.seconds(Int64(transaction.timeoutMs))))"
        } else {
            text += " (no coordinator lists it)"
        }
        return text
    }

    /// A cause a reset of `partitions` fixes: the reset, previewed as a dry run.
    private func resetting(_ partitions: [TopicPartition], to scenario: String, _ place: String, evidence: String) -> Explanation {
        Explanation(evidence: evidence, advice: "Reset the group to \(place) (stop its consumers first; add --execute to apply):",
                    command: reset(partitions, to: scenario))
    }

    private func reset(_ partitions: [TopicPartition], to scenario: String) -> [String] {
        let byTopic = Dictionary(grouping: partitions, by: \.topic).sorted { $0.key < $1.key }
        return ["kafkactl", "consumer-groups"] + connection + ["--reset-offsets", "--group", group]
            + byTopic.flatMap { ["--topic", "\($0.key):\($0.value.map { String($0.partition) }.sorted { Int($0)! < Int($1)! }.joined(separator: ","))"] }
            + [scenario, "--dry-run"]
    }

    private func lagSum(_ partitions: [TopicPartition]) -> Int64 {
        partitions.reduce(0) { $0 + last.waiting(on: $1) }
    }

    /// At most five partitions by name, then how many more.
    private func list(_ partitions: [TopicPartition]) -> String {
        let shown = partitions.prefix(5).map(Self.name).joined(separator: ", ")
        return partitions.count > 5 ? "\(shown) and \(partitions.count - 5) more" : shown
    }

    private func collapsed(_ states: [String]) -> [String] {
        states.reduce(into: [String]()) { result, state in if result.last != state { result.append(state) } }
    }

    private func partitionJSON(_ partition: TopicPartition) -> JSON {
        let health = last.partitions[partition]
        let optional = { (value: Int64?) -> JSON in value.map { JSON.int($0) } ?? .null }
        return .object([
            ("topic", .string(partition.topic)), ("partition", .int(partition.partition)),
            ("committedOffset", optional(last.committed[partition]?.offset)),
            ("logStartOffset", optional(health?.logStart)), ("logEndOffset", optional(health?.highWatermark)),
            ("lastStableOffset", optional(health?.lastStable)),
            ("leader", health.map { .int($0.leader) } ?? .null),
        ])
    }

    private func holdJSON(_ hold: TransactionHold) -> JSON {
        .object([
            ("topic", .string(hold.partition.topic)), ("partition", .int(hold.partition.partition)),
            ("lastStableOffset", .int(hold.lastStable)), ("highWatermark", .int(hold.highWatermark)),
            ("producerId", hold.producer.map { .int($0.producerId) } ?? .null),
            ("producerEpoch", hold.producer.map { .int($0.producerEpoch) } ?? .null),
            ("transactionalId", .optional(hold.transactionalId)),
            ("coordinatorState", .optional(hold.transaction?.state)),
            ("ageMs", hold.ageMs.map { .int($0) } ?? .null),
            ("hanging", .bool(hold.hanging)),
            ("producerUnknownReason", .optional(hold.producerUnknownReason)),
        ])
    }

    static func name(_ partition: TopicPartition) -> String { "\(partition.topic)-\(partition.partition)" }

    /// 2.0 s, 45 s, 3m 5s, 1h 2m.
    static func seconds(_ milliseconds: Int64) -> String {
        let seconds = milliseconds / 1000
        if seconds < 10 { return "\(seconds).\((milliseconds % 1000) / 100) s" }
        if seconds < 60 { return "\(seconds) s" }
        if seconds < 3600 { return "\(seconds / 60)m \(seconds % 60)s" }
        return "\(seconds / 3600)h \((seconds % 3600) / 60)m"
    }
}

/// Settles what a copy that died wrote after its last checkpoint. Those records were acknowledged by the target but
/// the cut naming them never reached the disk; they sit in the target past the checkpoint's ends. Each must be the
/// next pending record of the source partition that feeds its target partition, byte for byte (key, value, headers,
/// timestamp); matched, that source partition moves past it. Anything else means someone else wrote to the target,
/// and the copy is refused rather than guessed at.
struct CopyReconciler: Sendable {
    let source: PartitionConsumer
    let filter: CopyFilter?
    let target: PartitionConsumer

    struct Outcome: Sendable {
        var checkpoint: CopyCheckpoint
        /// Records found in the target past the checkpoint and matched.
        var reconciled: Int
    }

    func reconcile(_ checkpoint: CopyCheckpoint) async throws -> Outcome {
        let targetTopic = checkpoint.targetTopic
        let targetPartitions = checkpoint.targetEnds.keys.sorted().map { TopicPartition(targetTopic, $0) }
        let currentEnds = try await target.logEnds(targetPartitions)
        var extras: [Int32: [Record]] = [:]
        let starts = Dictionary(uniqueKeysWithValues: targetPartitions.map { ($0, checkpoint.targetEnds[$0.partition]!) })
        let stops = currentEnds.filter { $0.value > starts[$0.key]! }
        if !stops.isEmpty {
            try await target.consume(from: starts.filter { stops[$0.key] != nil }, stopAtEnd: false, stopOffsets: stops) { chunk in
                try chunk.forEachRecord { record in
                    extras[chunk.topicPartition.partition, default: []].append(record.record)
                    return true
                }
                return .continue
            }
        }
        var result = checkpoint
        var reconciled = 0
        for (partition, written) in extras.sorted(by: { $0.key < $1.key }) where !written.isEmpty {
            let firstOffset = checkpoint.targetEnds[partition]!
            guard checkpoint.partitionMap == .same else {
                throw KafkactlError(.rejected, "target \(targetTopic)-\(partition) has \(written.count) records past the checkpoint (from offset \(firstOffset)); a copy with --partition-map hash cannot match them to source records, so it is not resumed")
            }
            guard let index = result.sources.firstIndex(where: { $0.partition == partition }) else {
                throw foreign(targetTopic, partition, offset: firstOffset, source: checkpoint.sourceTopic)
            }
            // Past the records the copy had pending, nothing can be the copy's.
            let pendingCount = Int(result.sources[index].end - result.sources[index].next)
            let comparable = min(written.count, pendingCount)
            let pendingStart = result.sources[index].next
            // With --where the written records are the pending ones it matches, so the walk skips the others and may
            // go as far as the range's end; without, the nth written record is the nth pending one.
            let wanted = filter == nil ? comparable : written.count
            let stop = filter == nil ? pendingStart + Int64(comparable) : result.sources[index].end
            var matched = 0
            var mismatch: Int64?
            var nextSource = pendingStart
            let sourcePartition = TopicPartition(checkpoint.sourceTopic, partition)
            if stop > pendingStart {
                try await source.consume(from: [sourcePartition: pendingStart], stopAtEnd: false, stopOffsets: [sourcePartition: stop]) { chunk in
                    try chunk.forEachRecord { record in
                        guard matched < wanted else { return false }
                        if let filter, !filter.matches(record, partition) {
                            nextSource = record.offset + 1
                            return true
                        }
                        if !Self.same(record, written[matched]) {
                            mismatch = firstOffset + Int64(matched)
                            return false
                        }
                        matched += 1
                        nextSource = record.offset + 1
                        return true
                    }
                    return mismatch == nil && matched < wanted ? .continue : .stop
                }
            }
            if let mismatch { throw foreign(targetTopic, partition, offset: mismatch, source: checkpoint.sourceTopic) }
            if matched == comparable && comparable < written.count && filter == nil {
                throw foreign(targetTopic, partition, offset: firstOffset + Int64(comparable), source: checkpoint.sourceTopic)
            }
            guard matched == written.count else {
                if filter != nil { throw foreign(targetTopic, partition, offset: firstOffset + Int64(matched), source: checkpoint.sourceTopic) }
                throw KafkactlError(.rejected, "source \(checkpoint.sourceTopic)-\(partition) ended before the \(written.count) records found in target \(targetTopic)-\(partition) past the checkpoint were matched; not resumed")
            }
            result.sources[index].next = nextSource
            result.targetEnds[partition] = firstOffset + Int64(matched)
            reconciled += matched
        }
        return Outcome(checkpoint: result, reconciled: reconciled)
    }

    private func foreign(_ target: String, _ partition: Int32, offset: Int64, source: String) -> KafkactlError {
        KafkactlError(.rejected, "target \(target)-\(partition) offset \(offset) is not a pending record of source \(source)-\(partition): someone else wrote to the target; not resumed")
    }

    /// The same record as the copy writes it: key, value, headers and timestamp (a LogAppendTime source record is
    /// written with that time as its CreateTime).
    static func same(_ view: RecordView, _ written: Record) -> Bool {
        let record = view.record
        return record.timestamp == written.timestamp && record.key == written.key && record.value == written.value
            && record.headers == written.headers
    }
}

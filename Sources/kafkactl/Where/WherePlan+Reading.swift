import AdminCore

/// A direct (group-less) read narrowed by a `WherePlan`: fewer partitions, later starts, earlier stops.
struct NarrowedRead {
    var positions: [TopicPartition: Int64]
    var stops: [TopicPartition: Int64]
    /// Partitions read, of how many the flags named.
    var partitionsRead: Int
    var partitionsNamed: Int
}

extension WherePlan {
    /// Applies the plan to what the flags asked for.
    ///
    /// - Parameters:
    ///   - assignment: the partitions the flags name (all of --topic's, or one with --partition).
    ///   - start: where the flags start; `startGiven` says whether the user chose it (--offset, --from-beginning).
    ///     A lower bound in the expression starts there when no start was chosen (reading from the end could never
    ///     find an older match) and otherwise the later of the two.
    ///   - stops: the flags' stops (--until); an upper bound in the expression stops earlier.
    func narrow(
        _ assignment: [TopicPartition], start: PartitionConsumer.StartPosition, startGiven: Bool,
        stops: [TopicPartition: Int64], partitioner: KeyPartitioner?,
        consumer: PartitionConsumer, admin: AdminClient
    ) async throws -> NarrowedRead {
        var chosen: [TopicPartition] = []
        for (topic, partitions) in Dictionary(grouping: assignment, by: \.topic) {
            let count = try await admin.partitionsToConsume(topic: topic).count
            let wanted = self.partitions(of: count, partitioner: partitioner)
            chosen += partitions.filter { wanted?.contains($0.partition) ?? true }
        }
        chosen.sort()
        let flagged = try await consumer.resolve(Dictionary(uniqueKeysWithValues: chosen.map { ($0, start) }))
        var positions = flagged
        if firstOffset != nil || firstTime != nil {
            // The later of the bounds, and never before the log's start (an offset bound below it would be out of range).
            var bounds = try await consumer.resolve(Dictionary(uniqueKeysWithValues: chosen.map { ($0, .earliest) }))
            if let firstOffset { bounds = bounds.mapValues { max($0, firstOffset) } }
            if let firstTime {
                let byTime = try await consumer.resolve(Dictionary(uniqueKeysWithValues: chosen.map { ($0, .timestamp(firstTime)) }))
                for (partition, offset) in byTime { bounds[partition] = max(bounds[partition]!, offset) }
            }
            for partition in chosen { positions[partition] = startGiven ? max(flagged[partition]!, bounds[partition]!) : bounds[partition]! }
        }
        var narrowedStops = stops.filter { chosen.contains($0.key) }
        if let endOffset {
            for partition in chosen { narrowedStops[partition] = min(narrowedStops[partition] ?? endOffset, endOffset) }
        }
        if let endTime {
            for (partition, offset) in try await admin.stopOffsets(.timestamp(endTime), for: chosen) {
                narrowedStops[partition] = min(narrowedStops[partition] ?? offset, offset)
            }
        }
        return NarrowedRead(positions: positions, stops: narrowedStops, partitionsRead: chosen.count, partitionsNamed: assignment.count)
    }
}

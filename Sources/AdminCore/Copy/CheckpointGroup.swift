/// A copy's checkpoint kept as a consumer group's committed offsets on the source cluster (`copy --checkpoint-group`):
/// each source partition's offset is the next record to copy, so `consumer-groups --describe` shows the copy's
/// position and lag like any consumer's, and the rest of the cut (target ends, plan, the `--where` expression) rides in
/// the offsets' metadata strings: `CopyCheckpoint.encoded()`'s text, with its checksum, split across the partitions.
///
/// A save is one OffsetCommit, which Kafka appends to `__consumer_offsets` as one batch, so it lands whole or not at
/// all; were parts of two saves ever mixed, the checksum refuses the reassembled text.
public struct CheckpointGroup: CheckpointStore {
    public let admin: AdminClient
    public let group: String
    public let sourceTopic: String

    /// Kafka's default offset.metadata.max.bytes is 4096; a chunk and its `i/n ` prefix stay well under.
    static let chunkLimit = 3_800
    static let prefix = "kafkactl-copy "

    public init(client: KafkaClient, group: String, sourceTopic: String) {
        self.admin = AdminClient(client: client)
        self.group = group
        self.sourceTopic = sourceTopic
    }

    public var name: String { "checkpoint in group '\(group)'" }
    public var location: String { "group \(group)" }

    /// Any committed offset of the source topic: the group is in use, by a copy or by a consumer.
    public func exists() async throws -> Bool {
        try await !admin.committedOffsets(group: group).filter { $0.key.topic == sourceTopic }.isEmpty
    }

    public func load() async throws -> CopyCheckpoint? {
        let committed = try await admin.committedOffsets(group: group).filter { $0.key.topic == sourceTopic }
        var chunks: [Int: (count: Int, text: Substring)] = [:]
        for (_, offset) in committed {
            guard let metadata = offset.metadata, metadata.hasPrefix(Self.prefix) else { continue }
            let rest = metadata.dropFirst(Self.prefix.count)
            guard let space = rest.firstIndex(of: " "), let slash = rest[..<space].firstIndex(of: "/"),
                  let index = Int(rest[..<slash]), let count = Int(rest[rest.index(after: slash)..<space]) else {
                throw corrupt("a malformed chunk header")
            }
            chunks[index] = (count, rest[rest.index(after: space)...])
        }
        guard !chunks.isEmpty else {
            if committed.isEmpty { return nil }
            throw KafkactlError(.rejected, "group '\(group)' has committed offsets for '\(sourceTopic)' that are not a kafkactl copy's checkpoint; nothing was copied. Name another --checkpoint-group")
        }
        let count = chunks.values.first!.count
        guard chunks.count == count, (0..<count).allSatisfy({ chunks[$0]?.count == count }) else {
            throw corrupt("\(chunks.count) of its chunks found")
        }
        do {
            return try CopyCheckpoint.decode((0..<count).map { String(chunks[$0]!.text) }.joined())
        } catch {
            throw corrupt("\(error)")
        }
    }

    public func save(_ checkpoint: CopyCheckpoint) async throws {
        // Cut into whole characters (a --where expression may hold multi-byte ones), one piece per partition.
        let text = Array(checkpoint.encoded())
        let partitions = checkpoint.sources.map { TopicPartition(sourceTopic, $0.partition) }
        let size = max(1, (text.count + partitions.count - 1) / partitions.count)
        let pieces = stride(from: 0, to: text.count, by: size).map { String(text[$0..<min($0 + size, text.count)]) }
        guard pieces.allSatisfy({ $0.utf8.count <= Self.chunkLimit }) else {
            throw KafkactlError(.rejected, "the checkpoint (\(text.count) characters) does not fit in group '\(group)''s offset metadata over \(partitions.count) partitions; use --checkpoint FILE")
        }
        var offsets: [TopicPartition: Int64] = [:]
        var metadata: [TopicPartition: String] = [:]
        for (index, source) in checkpoint.sources.enumerated() {
            let partition = TopicPartition(sourceTopic, source.partition)
            offsets[partition] = source.next
            if index < pieces.count { metadata[partition] = "\(Self.prefix)\(index)/\(pieces.count) \(pieces[index])" }
        }
        let results = try await admin.commitOffsets(group: group, offsets, metadata: metadata)
        if let failure = results.values.compactMap({ result -> KafkactlError? in
            if case .failure(let error) = result { return error }
            return nil
        }).first {
            let inUse = failure.code.map { [.unknownMemberId, .illegalGeneration, .rebalanceInProgress].contains($0) } ?? false
            throw KafkactlError(.rejected, inUse
                ? "cannot save the checkpoint in group '\(group)': the group has members; a --checkpoint-group must be used by this copy alone"
                : "cannot save the checkpoint in group '\(group)': \(failure.message)", code: failure.code)
        }
    }

    private func corrupt(_ why: String) -> KafkactlError {
        KafkactlError(.rejected, "the checkpoint in group '\(group)''s committed offsets is corrupt (\(why)); nothing was copied. Delete the group to copy from the start")
    }
}

import AdminCore
import Synchronization
import NIOCore

/// `topics --diff`'s output. Partition by partition: one row per partition with both sides' counts, offsets and
/// digests, then each differing partition's first different record on both sides as console-consumer's JSON
/// envelope, then a verdict. By key (`--partition-map hash`): both sides' totals and the first differing key. With
/// `--output json`, one document holding the same.
struct TopicComparisonRenderer {
    static let headers = ["PARTITION", "SOURCE-RECORDS", "TARGET-RECORDS", "SOURCE-OFFSETS", "TARGET-OFFSETS", "SOURCE-DIGEST", "TARGET-DIGEST", "RESULT"]

    func lines(_ comparison: TopicComparison) -> [String] {
        let rows = comparison.partitions.map { result in
            [String(result.partition), records(result.source), records(result.target), offsets(result.source), offsets(result.target),
             result.source.map { TopicCensusRenderer.hex($0.digest.value) } ?? "-",
             result.target.map { TopicCensusRenderer.hex($0.digest.value) } ?? "-",
             result.isEqual ? "same" : "differs"]
        }
        var lines = TopicCensusRenderer.table(headers: Self.headers, rows: rows)
        let (source, target) = (comparison.source.topic, comparison.target.topic)
        for result in comparison.partitions where !result.isEqual {
            if result.source == nil || result.target == nil {
                lines.append("Partition \(result.partition) exists only in '\(result.source == nil ? target : source)'")
                continue
            }
            guard let difference = result.firstDifference else { continue }
            lines.append("Partition \(result.partition) differs first at record \(difference.position) (\(at(difference.source, source)), \(at(difference.target, target))):")
            lines.append("  source: \(shown(difference.source, topic: source, partition: result.partition))")
            lines.append("  target: \(shown(difference.target, topic: target, partition: result.partition))")
        }
        if comparison.isEqual {
            lines.append("Topics '\(source)' and '\(target)' hold the same records (\(comparison.source.records) in \(comparison.partitions.count) partitions).")
        }
        return lines
    }

    /// The one line on stderr when the topics differ.
    func verdict(_ comparison: TopicComparison) -> String {
        let differing = comparison.partitions.filter { !$0.isEqual }.map { String($0.partition) }
        return "topics '\(comparison.source.topic)' and '\(comparison.target.topic)' differ in \(differing.count) of \(comparison.partitions.count) partitions: \(differing.joined(separator: ", "))"
    }

    func json(_ comparison: TopicComparison) -> JSON {
        .object([
            ("source", .object([("topic", .string(comparison.source.topic)), ("records", .int(comparison.source.records))])),
            ("target", .object([("topic", .string(comparison.target.topic)), ("records", .int(comparison.target.records))])),
            ("partitionMap", .string("same")),
            ("equal", .bool(comparison.isEqual)),
            ("partitions", .array(comparison.partitions.map { result in
                .object([
                    ("partition", .int(result.partition)),
                    ("equal", .bool(result.isEqual)),
                    ("source", result.source.map(TopicCensusRenderer.json) ?? .null),
                    ("target", result.target.map(TopicCensusRenderer.json) ?? .null),
                    ("firstDifference", result.firstDifference.map { difference in
                        .object([
                            ("position", .int(difference.position)),
                            ("source", difference.source.map { RecordJSON.json($0, topic: comparison.source.topic, partition: result.partition) } ?? .null),
                            ("target", difference.target.map { RecordJSON.json($0, topic: comparison.target.topic, partition: result.partition) } ?? .null),
                        ])
                    } ?? .null),
                ])
            })),
        ])
    }

    // MARK: By key

    func lines(_ comparison: KeyOrderComparison) -> [String] {
        var lines = TopicCensusRenderer.table(headers: ["SIDE", "TOPIC", "RECORDS", "KEYS"], rows: [
            ["source", comparison.sourceTopic, String(comparison.sourceRecords), String(comparison.sourceKeys)],
            ["target", comparison.targetTopic, String(comparison.targetRecords), String(comparison.targetKeys)],
        ])
        if let difference = comparison.firstDifference {
            lines.append("Key \(keyText(difference.key)) differs (\(comparison.differingKeys) keys differ): \(sequenceText(difference.source, comparison.sourceTopic)); \(sequenceText(difference.target, comparison.targetTopic))")
        } else if comparison.isEqual {
            lines.append("Topics '\(comparison.sourceTopic)' and '\(comparison.targetTopic)' hold the same records in the same order per key (\(comparison.sourceRecords) records, \(comparison.sourceKeys) keys).")
        }
        return lines
    }

    func verdict(_ comparison: KeyOrderComparison) -> String {
        guard let difference = comparison.firstDifference else {
            return "topics '\(comparison.sourceTopic)' and '\(comparison.targetTopic)' differ: \(comparison.sourceRecords) records against \(comparison.targetRecords)"
        }
        return "topics '\(comparison.sourceTopic)' and '\(comparison.targetTopic)' differ in \(comparison.differingKeys) keys, first key \(keyText(difference.key))"
    }

    func json(_ comparison: KeyOrderComparison) -> JSON {
        func side(_ sequence: KeyOrderCensus.KeySequence?) -> JSON {
            guard let sequence else { return .null }
            return .object([("records", .int(sequence.records)), ("digest", .string(TopicCensusRenderer.hex(sequence.digest))),
                            ("firstPartition", .int(sequence.firstPartition)), ("firstOffset", .int(sequence.firstOffset))])
        }
        return .object([
            ("source", .object([("topic", .string(comparison.sourceTopic)), ("records", .int(comparison.sourceRecords)), ("keys", .int(comparison.sourceKeys))])),
            ("target", .object([("topic", .string(comparison.targetTopic)), ("records", .int(comparison.targetRecords)), ("keys", .int(comparison.targetKeys))])),
            ("partitionMap", .string("hash")),
            ("equal", .bool(comparison.isEqual)),
            ("differingKeys", .int(comparison.differingKeys)),
            ("firstDifference", comparison.firstDifference.map { difference in
                .object([("key", RecordJSON.bytes(difference.key)), ("source", side(difference.source)), ("target", side(difference.target))])
            } ?? .null),
        ])
    }

    // MARK: Pieces

    private func records(_ census: PartitionCensus?) -> String { census.map { String($0.records) } ?? "-" }

    private func offsets(_ census: PartitionCensus?) -> String {
        guard let census, let first = census.firstOffset, let last = census.lastOffset else { return "-" }
        return "\(first)-\(last)"
    }

    private func at(_ record: Record?, _ topic: String) -> String {
        record.map { "offset \($0.offset) in '\(topic)'" } ?? "'\(topic)' has no record there"
    }

    private func shown(_ record: Record?, topic: String, partition: Int32) -> String {
        record.map { RecordJSON.json($0, topic: topic, partition: partition).serialized() } ?? "(none: the partition ends before it)"
    }

    private func keyText(_ key: ByteBuffer?) -> String { RecordJSON.bytes(key).serialized() }

    private func sequenceText(_ sequence: KeyOrderCensus.KeySequence?, _ topic: String) -> String {
        guard let sequence else { return "none in '\(topic)'" }
        return "\(sequence.records) records in '\(topic)' from partition \(sequence.firstPartition) offset \(sequence.firstOffset)"
    }
}

/// The progress line of a census or comparison, fed from the reading tasks.
final class CensusProgressLine: Sendable {
    private let line: Mutex<Progress>

    init(enabled: Bool, sink: any OutputSink) {
        line = Mutex(Progress(enabled: enabled, sink: sink))
    }

    var report: CensusProgress {
        { [self] records, bytes in line.withLock { $0.update(records: records, bytes: bytes, verb: "Read") } }
    }

    func finish() {
        line.withLock { $0.finish() }
    }
}

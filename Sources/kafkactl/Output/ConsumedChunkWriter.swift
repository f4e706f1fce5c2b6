import AdminCore
import Synchronization

/// console-consumer's output: each fetched chunk's records through the formatter (or as JSON lines), written in a
/// few large pieces and flushed per chunk, counting records toward `--max-messages`.
struct ConsumedChunkWriter: Sendable {
    let formatter: MessageFormatter
    let json: Bool
    /// `--skip-message-on-error`: a record the formatter cannot render is reported on stderr and skipped.
    let skipErrors: Bool
    let maxMessages: Int?
    /// `--where`: only matching records are printed and counted; the others are counted as scanned.
    var filter: RecordFilter? = nil

    /// Formats a chunk and writes it; `printed` is the running total across chunks.
    func write(_ chunk: ConsumedRecords, printed: SharedCounter, context: CommandContext) throws -> ChunkProgress {
        // Formatted records go out in pieces of about 256 KiB: large enough for few write(2) calls, small enough
        // that a chunk of many megabytes is never held twice (fetched and formatted) in memory.
        let piece = 256 * 1024
        var buffer: [UInt8] = []
        buffer.reserveCapacity(piece + 4096)
        var count = Int(printed.value)
        var result = ChunkProgress(reachedLimit: false, nextUnprinted: nil)
        let partition = chunk.topicPartition.partition
        var scanned = 0, matched = 0
        defer { filter?.stats.add(scanned: scanned, matched: matched, bytes: chunk.byteCount) }
        try chunk.forEachRecord { record in
            if let maxMessages, count >= maxMessages {
                result.reachedLimit = true
                return false
            }
            if let filter {
                scanned += 1
                guard filter.predicate.matches(record, partition: partition) else { return true }
                matched += 1
            }
            if json {
                var line = RecordJSON.json(record.record, topic: chunk.topicPartition.topic, partition: partition).serialized()
                line.append("\n")
                buffer.append(contentsOf: line.utf8)
            } else {
                do {
                    try formatter.format(record, partition: partition, into: &buffer)
                } catch let error as RecordFormatter.FormatError {
                    let message = "\(chunk.topicPartition) offset \(record.offset): \(error.message)"
                    guard skipErrors else {
                        try buffer.withUnsafeBytes { try context.stdout.write(bytes: $0) }
                        printed.set(Int64(count))
                        throw KafkactlError(.rejected, message + " (--skip-message-on-error skips such records)")
                    }
                    context.printError("Error processing message, skipping this message: \(message)")
                    return true
                }
            }
            // A record the formatter printed nothing for (the offsets formatter given a group-metadata record)
            // still counts, toward --max-messages and the total, as in Kafka's loop.
            result.nextUnprinted = record.offset + 1
            count += 1
            if buffer.count >= piece {
                try buffer.withUnsafeBytes { try context.stdout.write(bytes: $0) }
                buffer.removeAll(keepingCapacity: true)
            }
            return true
        }
        try buffer.withUnsafeBytes { try context.stdout.write(bytes: $0) }
        // Flush every chunk, to a pipe too (`| grep`, `| head`): a tailing consumer must show records as they
        // arrive, as Kafka's tool does. A chunk is a whole fetch of one partition, so this stays one write(2) per
        // fetch, not per record.
        try context.stdout.flush()
        printed.set(Int64(count))
        if let maxMessages, count >= maxMessages { result.reachedLimit = true }
        return result
    }
}

/// An integer several tasks read and one writes (records printed, the time of the last record).
final class SharedCounter: Sendable {
    private let storage: Atomic<Int64>
    init(_ initial: Int64) { storage = Atomic(initial) }
    var value: Int64 { storage.load(ordering: .relaxed) }
    func set(_ newValue: Int64) { storage.store(newValue, ordering: .relaxed) }
}

/// `--where`'s test and what it counted: records scanned and matched, bytes fetched (for `--stats`).
struct RecordFilter: Sendable {
    let predicate: RecordPredicate
    let stats = WhereStats()
}

final class WhereStats: Sendable {
    private let scanned = Atomic<Int>(0)
    private let matched = Atomic<Int>(0)
    private let bytes = Atomic<Int>(0)

    func add(scanned: Int, matched: Int, bytes: Int) {
        self.scanned.wrappingAdd(scanned, ordering: .relaxed)
        self.matched.wrappingAdd(matched, ordering: .relaxed)
        self.bytes.wrappingAdd(bytes, ordering: .relaxed)
    }

    var totals: (scanned: Int, matched: Int, bytes: Int) {
        (scanned.load(ordering: .relaxed), matched.load(ordering: .relaxed), bytes.load(ordering: .relaxed))
    }
}

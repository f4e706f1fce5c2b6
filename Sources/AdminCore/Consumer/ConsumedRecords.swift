import NIOCore

/// What one fetch returned for one partition, decoded only when read: the fetch loop hands over the bytes as they
/// came (it needs just the batch headers to know where to continue), and the reader decodes batch by batch, so
/// memory holds fetched bytes rather than a million decoded records.
///
/// Reading hands over the records at or after the position the fetch asked for and before the stop offset, in
/// offset order, without control batches and (under read_committed) without aborted transactions.
public struct ConsumedRecords: Sendable {
    public var topicPartition: TopicPartition
    /// The partition's high watermark when the records were fetched.
    public var highWatermark: Int64
    /// The position after these records: where consumption of the partition continues.
    public var nextOffset: Int64

    private let blob: ByteBuffer
    /// The position the fetch asked for: a batch may begin before it, and those records are not handed over.
    private let position: Int64
    private let stopOffset: Int64?
    private let aborted: [FetchResponse.AbortedTransaction]
    private let filterAborted: Bool
    private let verifyChecksums: Bool

    /// Package-visible for the fuzzing harness (Tests/Fuzzing), which drives the reader as the consumer does.
    package init(topicPartition: TopicPartition, blob: ByteBuffer, position: Int64, stopOffset: Int64?, highWatermark: Int64,
         nextOffset: Int64, aborted: [FetchResponse.AbortedTransaction]?, filterAborted: Bool, verifyChecksums: Bool) {
        self.topicPartition = topicPartition
        self.blob = blob
        self.position = position
        self.stopOffset = stopOffset
        self.highWatermark = highWatermark
        self.nextOffset = nextOffset
        self.aborted = (aborted ?? []).sorted { $0.firstOffset < $1.firstOffset }
        self.filterAborted = filterAborted
        self.verifyChecksums = verifyChecksums
    }

    /// A view's bytes (a key, a value, a header value) as a buffer that outlives the view: a slice of the fetched
    /// bytes when they lie in them (an uncompressed batch: no copy, the slice keeps the fetched buffer alive), else
    /// a copy (a decompressed batch or a legacy message set, whose bytes are elsewhere).
    public func owned(_ bytes: UnsafeRawBufferPointer) -> ByteBuffer {
        blob.withUnsafeReadableBytes { all in
            if let base = all.baseAddress, let start = bytes.baseAddress, start >= base, start + bytes.count <= base + all.count,
               let slice = blob.getSlice(at: blob.readerIndex + (start - base), length: bytes.count) {
                return slice
            }
            return ByteBuffer(bytes: bytes)
        }
    }

    /// The bytes fetched (for bounding how much the consumer holds at once).
    public var byteCount: Int { blob.readableBytes }

    /// Hands each record to `visit` in order until it returns false. A view is valid only during its call.
    /// A corrupt batch is an error naming the partition and the batch's offset.
    public func forEachRecord(_ visit: (RecordView) throws -> Bool) throws {
        var reader = RecordBatchReader(blob, verifyChecksums: verifyChecksums)
        var abortedQueue = aborted[...]
        var abortedProducers: Set<Int64> = []
        do {
            while let entry = try reader.nextEntry() {
                switch entry {
                case .legacy(let batch):
                    for record in batch.records where wanted(record.offset) {
                        if try !RecordView.withView(of: record, visit) { return }
                    }
                case .v2(let batch):
                    if filterAborted {
                        while let first = abortedQueue.first, first.firstOffset <= batch.baseOffset {
                            abortedProducers.insert(first.producerId)
                            abortedQueue = abortedQueue.dropFirst()
                        }
                    }
                    if batch.isControl {
                        if filterAborted && Self.isAbortMarker(batch) { abortedProducers.remove(batch.producerId) }
                        continue
                    }
                    if filterAborted && batch.isTransactional && abortedProducers.contains(batch.producerId) { continue }
                    if batch.lastOffset < position { continue }
                    if let stopOffset, batch.baseOffset >= stopOffset { return }
                    let complete = batch.baseOffset >= position && stopOffset.map { batch.lastOffset < $0 } ?? true
                    let keepGoing = try batch.forEachRecord { record in
                        guard complete || wanted(record.offset) else {
                            // Past the stop offset nothing more is wanted; before the position, keep skipping.
                            return record.offset < position
                        }
                        return try visit(record)
                    }
                    if !keepGoing { return }
                }
            }
        } catch let error as CorruptBatchError {
            throw KafkactlError(.internal, "\(topicPartition): \(error) (fetched from offset \(position))")
        }
    }

    /// Every record, as owned values (for callers that keep them; printing uses `forEachRecord`).
    public func records() throws -> [Record] {
        var records: [Record] = []
        try forEachRecord { records.append($0.record); return true }
        return records
    }

    private func wanted(_ offset: Int64) -> Bool {
        offset >= position && stopOffset.map { offset < $0 } ?? true
    }

    /// A control batch whose marker key says ABORT (type 0) rather than COMMIT (type 1).
    private static func isAbortMarker(_ batch: BatchV2) -> Bool {
        var isAbort = false
        _ = try? batch.forEachRecord { marker in
            if let key = marker.key, key.count >= 4 { isAbort = key[2] == 0 && key[3] == 0 }
            return false
        }
        return isAbort
    }
}

/// What the caller of `PartitionConsumer.consume` wants next.
public enum ConsumeDecision: Sendable {
    case `continue`
    case stop
}

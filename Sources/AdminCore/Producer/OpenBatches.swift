/// The batch being filled for each partition, in an array indexed by partition number: the producer touches it
/// once per record, and a dictionary lookup plus a move of the batch out and back in per record was a measurable
/// part of the producer's CPU. Slots hold plain (non-optional) batches so that reading and appending work in place.
struct OpenBatches {
    private var slots: [Producer.OpenBatch] = []
    private var isOpen: [Bool] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// The partitions that have an open batch, in partition order.
    var partitions: [Int32] {
        isOpen.indices.compactMap { isOpen[$0] ? Int32($0) : nil }
    }

    /// The uncompressed size of `partition`'s open batch, nil when it has none.
    func uncompressedSize(of partition: Int32) -> Int? {
        let index = Int(partition)
        return index < isOpen.count && isOpen[index] ? slots[index].builder.uncompressedSize : nil
    }

    func createdAt(_ partition: Int32) -> ContinuousClock.Instant? {
        let index = Int(partition)
        return index < isOpen.count && isOpen[index] ? slots[index].createdAt : nil
    }

    /// Appends a record to `partition`'s batch, opening one with `open()` if it has none; in place, no copy.
    mutating func append(
        to partition: Int32, open: () -> Producer.OpenBatch, _ body: (inout Producer.OpenBatch) -> Void
    ) {
        let index = Int(partition)
        while slots.count <= index {
            slots.append(Producer.OpenBatch.closed)
            isOpen.append(false)
        }
        if !isOpen[index] {
            slots[index] = open()
            isOpen[index] = true
            count += 1
        }
        body(&slots[index])
    }

    mutating func remove(_ partition: Int32) -> Producer.OpenBatch? {
        let index = Int(partition)
        guard index < isOpen.count, isOpen[index] else { return nil }
        isOpen[index] = false
        count -= 1
        // Swapped out rather than copied, so the batch's buffers stay uniquely referenced.
        var batch = Producer.OpenBatch.closed
        swap(&batch, &slots[index])
        return batch
    }
}

extension Producer.OpenBatch {
    /// The placeholder in a slot without an open batch.
    static var closed: Self { .init(builder: RecordBatchBuilder(capacity: 0), sources: [], createdAt: .now) }
}

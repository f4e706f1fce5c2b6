/// A transactional producer's partitions in the current transaction. Kafka refuses a transactional Produce to a
/// partition the transaction coordinator was not told of first (AddPartitionsToTxn), so a sealed batch for a new
/// partition is held here until the coordinator has added it; batches are released in seal order, which keeps each
/// partition's sequence numbers in order.
struct TransactionPartitions {
    /// The partitions the coordinator has added to the current transaction.
    private(set) var added: Set<Int32> = []
    /// Whether an AddPartitionsToTxn is in flight (one at a time: the partitions held meanwhile go in the next).
    private(set) var adding = false
    private var held: [SealedBatch] = []

    /// Whether `batch` may go to its leader now; if not, it is held until its partition is added.
    mutating func admit(_ batch: SealedBatch) -> Bool {
        if added.contains(batch.partition) { return true }
        held.append(batch)
        return false
    }

    /// The held batches' partitions, for the next AddPartitionsToTxn; nil while one is in flight or none is needed.
    mutating func partitionsToAdd() -> [Int32]? {
        guard !adding else { return nil }
        let wanted = Set(held.map(\.partition)).subtracting(added)
        guard !wanted.isEmpty else { return nil }
        adding = true
        return wanted.sorted()
    }

    /// The coordinator answered: `partitions` are in the transaction, the others of the request are not. Returns the
    /// held batches that may now be sent, in seal order, and those that must fail.
    mutating func answered(added partitions: Set<Int32>, refused: Set<Int32>) -> (send: [SealedBatch], fail: [SealedBatch]) {
        adding = false
        added.formUnion(partitions)
        var send: [SealedBatch] = []
        var fail: [SealedBatch] = []
        var keep: [SealedBatch] = []
        for batch in held {
            if added.contains(batch.partition) {
                send.append(batch)
            } else if refused.contains(batch.partition) {
                fail.append(batch)
            } else {
                keep.append(batch)
            }
        }
        held = keep
        return (send, fail)
    }

    /// The transaction was committed or aborted: the next one starts with no partition.
    mutating func ended() {
        added.removeAll()
    }

    /// No batch is waiting for its partition to be added.
    var isSettled: Bool { held.isEmpty && !adding }
}

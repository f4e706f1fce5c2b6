/// The idempotent producer's identity and each partition's next sequence number: the broker drops a batch whose
/// sequence it has already written, which makes retries after a lost answer safe.
struct IdempotentSequences {
    private(set) var producerId: Int64 = -1
    private(set) var producerEpoch: Int16 = -1
    private var nextSequence: [Int32: Int32] = [:]

    /// A new identity from InitProducerId: sequences start again at 0.
    mutating func restart(producerId: Int64, epoch: Int16) {
        self.producerId = producerId
        producerEpoch = epoch
        nextSequence.removeAll()
    }

    /// The producer fields of `partition`'s next batch of `count` records; advances the sequence past them
    /// (wrapping at Int32.max, as Kafka's sequences do).
    mutating func stamp(_ partition: Int32, count: Int32) -> RecordBatchBuilder.ProducerState {
        let sequence = nextSequence[partition, default: 0]
        let next = Int64(sequence) + Int64(count)
        nextSequence[partition] = Int32(next > Int64(Int32.max) ? next - Int64(Int32.max) - 1 : next)
        return .init(producerId: producerId, producerEpoch: producerEpoch, baseSequence: sequence)
    }
}

import NIOCore

/// The requests written on one connection and not yet answered, oldest first. Brokers answer in the order
/// requests were sent, so each response must belong to the oldest entry; anything else means the stream is
/// broken. Pure bookkeeping: the channel handler owns it and does all I/O.
struct PendingRequests<Promise> {
    struct Entry {
        var correlationId: Int32
        /// nil once the caller gave up (cancelled or timed out): the late answer is read and dropped.
        var promise: Promise?
    }

    private(set) var entries = CircularBuffer<Entry>()

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    mutating func append(correlationId: Int32, promise: Promise) {
        entries.append(Entry(correlationId: correlationId, promise: promise))
    }

    enum Match {
        /// The answer to a live request.
        case deliver(Promise)
        /// The answer to a request the caller abandoned.
        case drop
        /// Not the answer the broker owed next: the connection must be closed.
        case outOfOrder(expected: Int32?)
    }

    mutating func match(correlationId: Int32) -> Match {
        guard let oldest = entries.first, oldest.correlationId == correlationId else {
            return .outOfOrder(expected: entries.first?.correlationId)
        }
        entries.removeFirst()
        return oldest.promise.map(Match.deliver) ?? .drop
    }

    /// Forgets the caller of one request (its answer will be dropped) and returns its promise to fail.
    mutating func abandon(correlationId: Int32) -> Promise? {
        guard let index = entries.firstIndex(where: { $0.correlationId == correlationId }) else { return nil }
        let promise = entries[index].promise
        entries[index].promise = nil
        return promise
    }

    /// Removes every entry, returning the promises still waiting.
    mutating func removeAll() -> [Promise] {
        let promises = entries.compactMap(\.promise)
        entries.removeAll()
        return promises
    }
}

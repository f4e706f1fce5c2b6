/// A queue between one producing task and one consuming task that holds at most `capacity` elements and (but
/// for a single element) at most `maximumWeight` in total weight, e.g. bytes: the producer waits when it is full,
/// so a fast fetch loop cannot outrun a slow terminal and fill memory.
actor BoundedChannel<Element: Sendable> {
    private let capacity: Int
    private let maximumWeight: Int
    private var weights: [Int] = []
    private var heldWeight = 0
    /// Received slots are set to nil at once: an element may hold a whole fetch response.
    private var buffer: [Element?] = []
    private var head = 0
    private var senders: [CheckedContinuation<Void, Never>] = []
    private var receiver: CheckedContinuation<Void, Never>?
    private var finished = false
    private var failure: Error?

    init(capacity: Int, maximumWeight: Int = .max) {
        self.capacity = max(capacity, 1)
        self.maximumWeight = maximumWeight
    }

    private var count: Int { buffer.count - head }

    /// Elements sent and not yet received.
    var pendingCount: Int { count }

    private func isFull(adding weight: Int) -> Bool {
        count >= capacity || (count > 0 && heldWeight + weight > maximumWeight)
    }

    func send(_ element: Element, weight: Int = 0) async {
        while isFull(adding: weight) && !finished {
            await withCheckedContinuation { senders.append($0) }
        }
        guard !finished else { return }
        buffer.append(element)
        weights.append(weight)
        heldWeight += weight
        receiver?.resume()
        receiver = nil
    }

    /// The next element; nil once finished and drained. Rethrows the error the producer finished with.
    func receive() async throws -> Element? {
        while count == 0 {
            if let failure { throw failure }
            if finished { return nil }
            await withCheckedContinuation { receiver = $0 }
        }
        let element = buffer[head]!
        buffer[head] = nil
        heldWeight -= weights[head]
        head += 1
        if head > 64 && head * 2 > buffer.count {
            buffer.removeFirst(head)
            weights.removeFirst(head)
            head = 0
        }
        if let sender = senders.first {
            senders.removeFirst()
            sender.resume()
        }
        return element
    }

    func finish(throwing error: Error? = nil) {
        finished = true
        failure = failure ?? error
        receiver?.resume()
        receiver = nil
        for sender in senders { sender.resume() }
        senders.removeAll()
    }
}

/// A queue between one producing task and one consuming task that holds at most `capacity` elements: the
/// producer waits when it is full, so a fast fetch loop cannot outrun a slow terminal and fill memory.
actor BoundedChannel<Element: Sendable> {
    private let capacity: Int
    private var buffer: [Element] = []
    private var head = 0
    private var senders: [CheckedContinuation<Void, Never>] = []
    private var receiver: CheckedContinuation<Void, Never>?
    private var finished = false
    private var failure: Error?

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    private var count: Int { buffer.count - head }

    func send(_ element: Element) async {
        while count >= capacity && !finished {
            await withCheckedContinuation { senders.append($0) }
        }
        guard !finished else { return }
        buffer.append(element)
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
        let element = buffer[head]
        head += 1
        if head > 64 && head * 2 > buffer.count {
            buffer.removeFirst(head)
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

/// `buffer.memory`: the bytes of records accepted but not yet acknowledged, and the senders waiting for room.
struct MemoryBudget {
    let limit: Int
    private(set) var pending = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = limit
    }

    var isFull: Bool { pending >= limit }

    mutating func reserve(_ bytes: Int) {
        pending += bytes
    }

    /// Parks a sender until `release` makes room.
    mutating func wait(_ waiter: CheckedContinuation<Void, Never>) {
        waiters.append(waiter)
    }

    /// Gives `bytes` back; once below the limit, every parked sender goes on.
    mutating func release(_ bytes: Int) {
        pending -= bytes
        guard pending < limit else { return }
        let resumed = waiters
        waiters.removeAll()
        for waiter in resumed { waiter.resume() }
    }
}

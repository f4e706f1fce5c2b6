import Testing

@testable import AdminCore

/// The per-connection queue that pairs responses with requests (protocol.md section 1.4: brokers answer in order).
@Suite("Pending requests")
struct PendingRequestsTests {
    /// `Match` as a value tests can compare.
    enum Outcome: Equatable {
        case deliver(String)
        case drop
        case outOfOrder(expected: Int32?)

        init(_ match: PendingRequests<String>.Match) {
            switch match {
            case .deliver(let promise): self = .deliver(promise)
            case .drop: self = .drop
            case .outOfOrder(let expected): self = .outOfOrder(expected: expected)
            }
        }
    }

    static func pending(_ entries: [(Int32, String)]) -> PendingRequests<String> {
        var pending = PendingRequests<String>()
        for (id, promise) in entries { pending.append(correlationId: id, promise: promise) }
        return pending
    }

    @Test("responses are matched to requests first in, first out")
    func fifo() {
        var pending = Self.pending([(7, "a"), (8, "b"), (9, "c")])
        #expect(pending.count == 3)
        #expect(Outcome(pending.match(correlationId: 7)) == .deliver("a"))
        #expect(Outcome(pending.match(correlationId: 8)) == .deliver("b"))
        #expect(pending.count == 1)
        pending.append(correlationId: 10, promise: "d")
        #expect(Outcome(pending.match(correlationId: 9)) == .deliver("c"))
        #expect(Outcome(pending.match(correlationId: 10)) == .deliver("d"))
        #expect(pending.isEmpty)
    }

    @Test("correlation ids that wrap around are still matched in order")
    func wrapAround() {
        var pending = Self.pending([(Int32.max, "a"), (0, "b")])
        #expect(Outcome(pending.match(correlationId: .max)) == .deliver("a"))
        #expect(Outcome(pending.match(correlationId: 0)) == .deliver("b"))
    }

    @Test("an answer to anything but the oldest request is out of order and names the expected id")
    func outOfOrder() {
        var pending = Self.pending([(1, "a"), (2, "b")])
        #expect(Outcome(pending.match(correlationId: 2)) == .outOfOrder(expected: 1))
        #expect(Outcome(pending.match(correlationId: 99)) == .outOfOrder(expected: 1))
        // Nothing was consumed: the caller closes the connection and fails both.
        #expect(pending.count == 2)
        #expect(pending.removeAll() == ["a", "b"])
    }

    @Test("an answer when nothing is pending is out of order with no expected id")
    func unexpectedAnswer() {
        var pending = PendingRequests<String>()
        #expect(Outcome(pending.match(correlationId: 1)) == .outOfOrder(expected: nil))
    }

    @Test("an abandoned request keeps its place, and its late answer is dropped")
    func abandonThenDrop() {
        var pending = Self.pending([(1, "a"), (2, "b")])
        #expect(pending.abandon(correlationId: 1) == "a")
        #expect(pending.count == 2)
        // The broker still owes the answer to 1 first; a premature answer to 2 is still a broken stream.
        #expect(Outcome(pending.match(correlationId: 2)) == .outOfOrder(expected: 1))
        #expect(Outcome(pending.match(correlationId: 1)) == .drop)
        #expect(Outcome(pending.match(correlationId: 2)) == .deliver("b"))
        #expect(pending.isEmpty)
    }

    @Test("abandoning twice, or an unknown id, returns no promise")
    func abandonTwice() {
        var pending = Self.pending([(1, "a")])
        #expect(pending.abandon(correlationId: 1) == "a")
        #expect(pending.abandon(correlationId: 1) == nil)
        #expect(pending.abandon(correlationId: 42) == nil)
        #expect(pending.count == 1)
    }

    @Test("removeAll returns only the promises still waiting, oldest first, and empties the queue")
    func removeAllReturnsLivePromises() {
        var pending = Self.pending([(1, "a"), (2, "b"), (3, "c"), (4, "d")])
        _ = pending.abandon(correlationId: 2)
        _ = pending.abandon(correlationId: 4)
        #expect(pending.removeAll() == ["a", "c"])
        #expect(pending.isEmpty)
        #expect(pending.count == 0)
        #expect(pending.removeAll().isEmpty)
    }

    @Test("the queue works with any promise type")
    func intPromises() {
        var pending = PendingRequests<Int>()
        pending.append(correlationId: 5, promise: 50)
        guard case .deliver(let promise) = pending.match(correlationId: 5) else {
            Issue.record("expected a delivery")
            return
        }
        #expect(promise == 50)
    }
}

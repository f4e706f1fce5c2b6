import AdminCore
import NIOCore
import NIOPosix

/// One client connection to a virtual node, with its own connection to the real broker (so correlation ids need
/// no mapping). Answers go back in request order, as a broker's do (kafkactl checks that), whether they came from
/// the broker, from the proxy itself, or late because of an injected delay. Lives on one event loop.
final class ProxyConnectionHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let node: Int32
    private let router: ProxyRouter
    private let upstreamAddress: SocketAddress
    private var context: ChannelHandlerContext?
    private var upstream: Channel?
    /// Frames read before the upstream connection was open.
    private var waitingForUpstream: [ByteBuffer] = []

    /// Forwarded requests whose answers the broker still owes, oldest first.
    private var forwarded = CircularBuffer<Forwarded>()
    private var nextSlot = 0
    private var nextToWrite = 0
    /// Answers ready but not yet written because an earlier one is still missing.
    private var ready: [Int: Outcome] = [:]
    /// The API of each request not answered yet, by slot: those left when the connection closes were cut off.
    private var unanswered: [Int: ApiKey] = [:]

    private struct Forwarded {
        var slot: Int
        var transform: ResponseTransform?
        var delay: Duration?
        var closeInstead: Bool
    }

    private enum Outcome {
        case frame(ByteBuffer)
        case close
    }

    init(node: Int32, router: ProxyRouter, upstream: SocketAddress) {
        self.node = node
        self.router = router
        self.upstreamAddress = upstream
    }

    func channelActive(context: ChannelHandlerContext) {
        self.context = context
        ClientBootstrap(group: context.eventLoop)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(KafkaFrameDecoder(maximumFrameSize: 512 << 20)))
                    try channel.pipeline.syncOperations.addHandler(UpstreamHandler(owner: self))
                }
            }
            .connect(to: upstreamAddress)
            .whenComplete { result in
                switch result {
                case .success(let channel):
                    guard self.context != nil else {
                        channel.close(promise: nil)
                        return
                    }
                    self.upstream = channel
                    for frame in self.waitingForUpstream { self.writeUpstream(frame) }
                    self.waitingForUpstream.removeAll()
                case .failure:
                    self.context?.close(promise: nil)
                }
            }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.context = nil
        router.countCutOff(unanswered.values)
        unanswered.removeAll()
        upstream?.close(promise: nil)
        upstream = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        let api = frame.getInteger(at: frame.readerIndex, as: Int16.self).map(ApiKey.init(rawValue:))
        let plan = router.plan(frame, node: node)
        func takeSlot() -> Int {
            defer { nextSlot += 1 }
            if let api { unanswered[nextSlot] = api }
            return nextSlot
        }
        switch plan.action {
        case .close:
            context.close(promise: nil)
        case .answer(let frame):
            let slot = takeSlot()
            complete(slot, plan.closeInsteadOfAnswering ? .close : .frame(frame), after: plan.delay)
        case .forward(let frame, let expectsResponse, let transform):
            if expectsResponse {
                forwarded.append(Forwarded(slot: takeSlot(), transform: transform, delay: plan.delay,
                                           closeInstead: plan.closeInsteadOfAnswering))
            }
            if upstream != nil { writeUpstream(frame) } else { waitingForUpstream.append(frame) }
        }
    }

    private func writeUpstream(_ frame: ByteBuffer) {
        guard let upstream else { return }
        var out = upstream.allocator.buffer(capacity: frame.readableBytes + 4)
        out.writeInteger(Int32(frame.readableBytes))
        out.writeImmutableBuffer(frame)
        upstream.writeAndFlush(out, promise: nil)
    }

    /// An answer from the real broker: it belongs to the oldest forwarded request.
    fileprivate func upstreamAnswered(_ frame: ByteBuffer) {
        guard let request = forwarded.popFirst() else {
            context?.close(promise: nil)
            return
        }
        if request.closeInstead {
            complete(request.slot, .close, after: nil)
            return
        }
        do {
            let answer = try request.transform.map { try $0(frame) } ?? frame
            complete(request.slot, .frame(answer), after: request.delay)
        } catch {
            complete(request.slot, .close, after: nil)
        }
    }

    fileprivate func upstreamClosed() {
        context?.close(promise: nil)
    }

    /// Fills `slot` (after `delay`) and writes every answer that is now next in line.
    private func complete(_ slot: Int, _ outcome: Outcome, after delay: Duration?) {
        guard let context else { return }
        if let delay {
            context.eventLoop.scheduleTask(in: .nanoseconds(Int64(delay.components.seconds) * 1_000_000_000
                                                            + delay.components.attoseconds / 1_000_000_000)) {
                self.complete(slot, outcome, after: nil)
            }
            return
        }
        ready[slot] = outcome
        while let next = ready.removeValue(forKey: nextToWrite) {
            nextToWrite += 1
            switch next {
            case .frame(let frame):
                unanswered[nextToWrite - 1] = nil
                var out = context.channel.allocator.buffer(capacity: frame.readableBytes + 4)
                out.writeInteger(Int32(frame.readableBytes))
                out.writeImmutableBuffer(frame)
                context.write(wrapOutboundOut(out), promise: nil)
            case .close:
                // The request stays unanswered (a lost answer): channelInactive counts it as cut off.
                context.flush()
                context.close(promise: nil)
                return
            }
        }
        context.flush()
    }
}

/// Hands the real broker's answers to the client connection's handler (on the same event loop).
private final class UpstreamHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    private let owner: ProxyConnectionHandler

    init(owner: ProxyConnectionHandler) {
        self.owner = owner
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        owner.upstreamAnswered(unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        owner.upstreamClosed()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}

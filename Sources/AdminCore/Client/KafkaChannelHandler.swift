import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One request on its way to the broker: the whole frame (correlation id already in place) and, unless it is
/// a Produce with acks=0 that gets no answer, the promise for the response body.
struct OutboundRequest {
    var frame: ByteBuffer
    var correlationId: Int32
    var promise: EventLoopPromise<ByteBuffer>?
}

/// Why a connection stopped serving a request.
enum ConnectionFailure: Error, Sendable {
    /// The connection closed (or failed) before the answer arrived; `reset`: the peer reset it (ECONNRESET), which
    /// is what a TLS listener does to a plaintext request.
    case closed(String?, reset: Bool = false)
    /// The broker sent something that is not the next answer, or an impossible frame.
    case protocolViolation(String)
    /// The caller stopped waiting.
    case abandoned
}

/// Matches responses to requests on one connection. Lives on the channel's event loop; everything else talks
/// to it through `execute` on that loop.
final class KafkaChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = OutboundRequest
    typealias OutboundOut = ByteBuffer

    private var pending = PendingRequests<EventLoopPromise<ByteBuffer>>()
    private var context: ChannelHandlerContext?
    private var closedReason: String?
    private var closedByReset = false

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        if let closedReason {
            request.promise?.fail(ConnectionFailure.closed(closedReason, reset: closedByReset))
            promise?.fail(ConnectionFailure.closed(closedReason, reset: closedByReset))
            return
        }
        if let responsePromise = request.promise {
            pending.append(correlationId: request.correlationId, promise: responsePromise)
        }
        context.write(wrapOutboundOut(request.frame), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var frame = unwrapInboundIn(data)
        guard let correlationId = frame.readInteger(as: Int32.self) else {
            fail(context: context, reason: "a response frame too short to hold a correlation id")
            return
        }
        switch pending.match(correlationId: correlationId) {
        case .deliver(let promise): promise.succeed(frame)
        case .drop: break
        case .outOfOrder(let expected):
            fail(context: context, reason: "an answer with correlation id \(correlationId) while \(expected.map(String.init) ?? "none") was due")
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if let sizeError = error as? FrameSizeError {
            fail(context: context, reason: "a frame of \(sizeError.size) bytes (the limit is \(sizeError.limit)); is this a Kafka listener, and does it need TLS?")
        } else if let ioError = error as? IOError {
            // The connection broke (reset by a broker that went away, a broken pipe, a keep-alive timeout): what was
            // in flight is lost as with a close, and retried like it, not a broker breaking the protocol.
            if closedReason == nil { closedByReset = ioError.errnoCode == ECONNRESET }
            fail(context: context, reason: String(cString: strerror(ioError.errnoCode)).lowercased(), protocolError: false)
        } else {
            fail(context: context, reason: "\(error)")
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        let reason = closedReason ?? "the broker closed the connection"
        closedReason = reason
        for promise in pending.removeAll() { promise.fail(ConnectionFailure.closed(reason, reset: closedByReset)) }
        context.fireChannelInactive()
    }

    /// The caller gave up on a request: fail its promise now and drop the answer when it comes.
    func abandon(correlationId: Int32, error: Error) {
        pending.abandon(correlationId: correlationId)?.fail(error)
    }

    /// A request timed out: like Kafka's clients, close the connection, since the broker may be stuck.
    func timeOut(correlationId: Int32, error: Error) {
        guard let promise = pending.abandon(correlationId: correlationId) else { return }
        promise.fail(error)
        if let context { fail(context: context, reason: "a request timed out", protocolError: false) }
    }

    private func fail(context: ChannelHandlerContext, reason: String, protocolError: Bool = true) {
        if closedReason == nil { closedReason = reason }
        let failure: ConnectionFailure = protocolError ? .protocolViolation(reason) : .closed(reason, reset: closedByReset)
        for promise in pending.removeAll() { promise.fail(failure) }
        context.close(promise: nil)
    }
}

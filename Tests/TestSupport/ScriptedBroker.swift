import AdminCore
import NIOCore
import NIOPosix
import Synchronization

/// A loopback server that speaks just enough Kafka to answer from a script: it reads request frames and, for
/// each, does what the test says (answer, answer with garbage, stall, close mid-frame). It covers what a real
/// broker will not do on demand. ApiVersions is answered from `apiVersions` unless the script handles it.
public final class ScriptedBroker: Sendable {
    /// What to do with one request.
    public enum Reply: Sendable {
        /// Answer with this body (the header is added, with the version the request's API uses).
        case body(ByteBuffer, flexibleHeader: Bool)
        /// Write these bytes as they are (no size prefix or header is added).
        case raw([UInt8])
        /// Write these bytes, then close the connection.
        case rawThenClose([UInt8])
        /// Never answer.
        case silence
        /// Close the connection at once.
        case close
        /// Reset the connection (a TCP RST, as when a broker's process dies with unread bytes).
        case reset
    }

    public typealias Script = @Sendable (RequestHeader, ByteBuffer) -> Reply

    public let port: Int
    public var address: String { "127.0.0.1:\(port)" }
    private let group: MultiThreadedEventLoopGroup
    private let channel: Channel
    private let received = RequestLog()

    /// The headers of every request received so far, in order.
    public var requests: [RequestHeader] { received.entries.withLock { $0 } }

    /// Starts listening on a free loopback port.
    /// - Parameter apiVersions: the ranges advertised to ApiVersions (v0-v3 answered in kind).
    public init(apiVersions: [Int16: ClosedRange<Int16>] = ScriptedBroker.defaultVersions, script: @escaping Script) throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let received = self.received
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(KafkaFrameDecoder(maximumFrameSize: 64 << 20)))
                    try channel.pipeline.syncOperations.addHandler(
                        ScriptHandler(apiVersions: apiVersions, script: script, received: received))
                }
            }
        self.group = group
        self.channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        self.port = channel.localAddress!.port!
    }

    public func stop() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    public static let defaultVersions: [Int16: ClosedRange<Int16>] = [
        18: 0...3, 3: 0...12, 19: 0...7, 20: 0...6, 37: 0...3, 32: 0...4, 60: 0...1,
    ]

    /// A response body encoded the way `R`'s response is at `version`.
    public static func reply<R: KafkaRequest>(
        _ response: R.Response, to type: R.Type, version: Int16
    ) -> Reply {
        var buffer = ByteBuffer()
        try! response.encode(into: &buffer, version: version)
        return .body(buffer, flexibleHeader: R.responseHeaderVersion(version) >= 1)
    }

    /// The Metadata answer of a one-node cluster: node 1 at 127.0.0.1:`port`, controller and leader of every
    /// partition of `topics` (name: partition count), listed by name.
    public static func oneNodeMetadataReply(port: Int, topics: [String: Int] = [:], version: Int16) -> Reply {
        let response = MetadataResponse(
            brokers: [.init(nodeId: 1, host: "127.0.0.1", port: Int32(port))], clusterId: "scripted", controllerId: 1,
            topics: topics.keys.sorted().map { name in
                .init(name: name, partitions: (0..<topics[name]!).map {
                    .init(partitionIndex: Int32($0), leaderId: 1, leaderEpoch: 0, replicaNodes: [1], isrNodes: [1])
                })
            })
        return reply(response, to: MetadataRequest.self, version: version)
    }

    /// The ApiVersions answer for `ranges` at `version`.
    public static func apiVersionsReply(_ ranges: [Int16: ClosedRange<Int16>], version: Int16) -> Reply {
        let response = ApiVersionsResponse(
            errorCode: 0,
            apiKeys: ranges.sorted { $0.key < $1.key }.map {
                .init(apiKey: $0.key, minVersion: $0.value.lowerBound, maxVersion: $0.value.upperBound)
            })
        return reply(response, to: ApiVersionsRequest.self, version: version)
    }
}

private final class ScriptHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let apiVersions: [Int16: ClosedRange<Int16>]
    let script: ScriptedBroker.Script
    let received: RequestLog

    init(apiVersions: [Int16: ClosedRange<Int16>], script: @escaping ScriptedBroker.Script, received: RequestLog) {
        self.apiVersions = apiVersions
        self.script = script
        self.received = received
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var frame = unwrapInboundIn(data)
        guard let header = try? RequestHeader(from: &frame, headerVersion: Self.requestHeaderVersion) else {
            context.close(promise: nil)
            return
        }
        received.entries.withLock { $0.append(header) }
        var reply = script(header, frame)
        if case .silence = reply, header.apiKey == .apiVersions {
            reply = ScriptedBroker.apiVersionsReply(apiVersions, version: min(header.apiVersion, 3))
        }
        switch reply {
        case .body(let body, let flexibleHeader):
            var out = context.channel.allocator.buffer(capacity: body.readableBytes + 16)
            out.writeInteger(Int32(0))
            ResponseHeader(correlationId: header.correlationId).encode(into: &out, headerVersion: flexibleHeader ? 1 : 0)
            out.writeImmutableBuffer(body)
            out.setInteger(Int32(out.readableBytes - 4), at: 0)
            context.writeAndFlush(wrapOutboundOut(out), promise: nil)
        case .raw(let bytes):
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: bytes)), promise: nil)
        case .rawThenClose(let bytes):
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: bytes))).whenComplete { _ in context.close(promise: nil) }
        case .silence:
            break
        case .close:
            context.close(promise: nil)
        case .reset:
            // A zero linger time makes close() send RST instead of FIN.
            guard let socket = context.channel as? SocketOptionProvider else { context.close(promise: nil); return }
            socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in context.close(promise: nil) }
        }
    }

    /// Header v2 for the flexible versions of the APIs kafkactl sends; v1 otherwise.
    static func requestHeaderVersion(_ key: ApiKey, _ version: Int16) -> Int16 {
        let firstFlexible: [Int16: Int16] = [
            0: 9, 1: 12, 2: 6, 3: 9, 8: 8, 9: 6, 10: 3, 11: 6, 12: 4, 13: 4, 14: 4, 15: 5, 16: 3, 18: 3, 19: 5,
            20: 4, 21: 2, 22: 2, 29: 2, 30: 2, 31: 2, 32: 4, 33: 2, 34: 2, 35: 2, 36: 2, 37: 2, 42: 2, 44: 1, 48: 1, 49: 1, 50: 0, 51: 0, 60: 0, 68: 0, 69: 0,
            43: 2, 45: 0, 46: 0, 55: 0, 57: 0, 75: 0, 27: 1, 61: 0, 65: 0, 66: 0, 24: 3, 26: 3,
        ]
        guard let first = firstFlexible[key.rawValue] else { return 1 }
        return version >= first ? 2 : 1
    }
}

/// The requests a scripted broker has seen, shared between its connections.
final class RequestLog: Sendable {
    let entries = Mutex<[RequestHeader]>([])
}

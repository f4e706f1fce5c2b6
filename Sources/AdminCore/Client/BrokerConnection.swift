import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// One TCP connection to one broker, with the API versions that broker offered on it. Immutable and shareable:
/// the mutable state (pending requests) lives in the channel handler, on the channel's event loop, and
/// requests from many tasks are pipelined on the same connection.
public final class BrokerConnection: Sendable {
    public let address: BrokerAddress
    public let versions: ApiVersionTable
    let channel: Channel
    private let handler: NIOLoopBound<KafkaChannelHandler>
    private let nextCorrelationId: Atomic<Int32>
    private let clientId: String
    private let requestTimeout: Duration

    private init(
        address: BrokerAddress, versions: ApiVersionTable, channel: Channel,
        handler: NIOLoopBound<KafkaChannelHandler>, nextCorrelationId: Int32, clientId: String, requestTimeout: Duration
    ) {
        self.address = address
        self.versions = versions
        self.channel = channel
        self.handler = handler
        self.nextCorrelationId = Atomic(nextCorrelationId)
        self.clientId = clientId
        self.requestTimeout = requestTimeout
    }

    public var isActive: Bool { channel.isActive }

    /// Opens a connection (TLS first when `security.protocol` asks for it), negotiates API versions on it and,
    /// on a SASL listener, authenticates. Fails with `.unreachable` when the broker cannot be reached, `.rejected`
    /// when TLS or SASL fails (the line says which), and `.internal` when it does not answer like a Kafka broker.
    ///
    /// - Parameter tlsContext: the client's shared TLS context; built from the configuration when nil.
    public static func connect(
        to address: BrokerAddress, configuration: ClientConfiguration, eventLoopGroup: EventLoopGroup,
        tlsContext: NIOSSLContext? = nil
    ) async throws -> BrokerConnection {
        let security = configuration.security
        let tls: NIOSSLContext?
        if let settings = security.tls {
            tls = try tlsContext ?? settings.makeContext()
        } else {
            tls = nil
        }
        // SNI and host name verification use the name; an IP literal is checked against the certificate's IP names.
        let serverHostname = SocketAddress.isIPLiteral(address.host) ? nil : address.host
        let maximumFrameSize = configuration.maximumResponseSize
        // What each channel's initializer made, found again by channel: a host name may be tried on several
        // addresses (several channels), and a channel's pipeline may already be torn down when we look.
        let registry = ChannelPartsRegistry()
        let bootstrap = ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(.nanoseconds(configuration.connectTimeout.nanoseconds))
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    var handshake: EventLoopPromise<Void>?
                    let tlsFailure = TLSFailureBox()
                    if let tls {
                        let promise = channel.eventLoop.makePromise(of: Void.self)
                        handshake = promise
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: tls, serverHostname: serverHostname))
                        try channel.pipeline.syncOperations.addHandler(TLSHandshakeHandler(handshake: promise, failures: tlsFailure))
                    }
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(KafkaFrameDecoder(maximumFrameSize: maximumFrameSize)))
                    let kafka = KafkaChannelHandler()
                    try channel.pipeline.syncOperations.addHandler(kafka)
                    registry.register(channel, ChannelParts(
                        kafka: NIOLoopBound(kafka, eventLoop: channel.eventLoop), handshake: handshake, tlsFailure: tlsFailure))
                }
            }
        let channel: Channel
        do {
            if let ip = try? SocketAddress(ipAddress: address.host, port: address.port) {
                // An IP literal needs no resolver, which keeps a CLI run's start-up short.
                channel = try await bootstrap.connect(to: ip).get()
            } else {
                channel = try await bootstrap.connect(host: address.host, port: address.port).get()
            }
        } catch {
            let (failure, text) = describeConnectError(error)
            throw KafkactlError(.unreachable, "cannot connect to \(address): \(text)", connectFailure: failure, transport: .notConnected)
        }
        guard let parts = registry.parts(of: channel) else {
            channel.close(promise: nil)
            throw KafkactlError(.internal, "kafkactl lost track of its connection to \(address)")
        }
        if let tls, let settings = security.tls, let handshake = parts.handshake {
            do {
                let timer = channel.eventLoop.scheduleTask(in: .nanoseconds(configuration.connectTimeout.nanoseconds)) {
                    handshake.fail(TLSFailure.timedOut)
                }
                defer { timer.cancel() }
                try await handshake.futureResult.get()
            } catch {
                channel.close(promise: nil)
                throw await tlsError(
                    parts.tlsFailure.value ?? error, address: address, settings: settings, context: tls,
                    serverHostname: serverHostname, eventLoopGroup: eventLoopGroup, timeout: configuration.connectTimeout)
            }
        }
        let handler = parts.kafka
        let probe = BrokerConnection(
            address: address, versions: ApiVersionTable(ranges: [:]), channel: channel, handler: handler,
            nextCorrelationId: 1, clientId: configuration.clientId, requestTimeout: configuration.requestTimeout)
        do {
            let versions = try await probe.negotiateVersions()
            let connection = BrokerConnection(
                address: address, versions: versions, channel: channel, handler: handler,
                nextCorrelationId: probe.nextCorrelationId.load(ordering: .relaxed), clientId: configuration.clientId,
                requestTimeout: configuration.requestTimeout)
            if let sasl = security.sasl { try await connection.authenticate(sasl) }
            return connection
        } catch {
            channel.close(promise: nil)
            // A broker may refuse our client certificate only once it reads it, after our side of a TLS 1.3
            // handshake finished: the failure then surfaces here, and TLS says more than "connection lost".
            if let tls, let settings = security.tls, let failure = parts.tlsFailure.value {
                throw await tlsError(
                    failure, address: address, settings: settings, context: tls, serverHostname: serverHostname,
                    eventLoopGroup: eventLoopGroup, timeout: configuration.connectTimeout)
            }
            // A TLS listener drops or resets a plaintext ApiVersions (or answers with an alert, whose bytes the frame
            // decoder refuses as an impossible size and already asks about TLS).
            if tls == nil, let error = error as? KafkactlError, case .connectionLost(.apiVersions, let reset) = error.transport {
                if !reset {
                    throw KafkactlError(.unreachable, "\(error.message); does the listener need TLS (security.protocol=SSL or SASL_SSL)?",
                                        transport: error.transport)
                } else {
                    throw KafkactlError(
                        .rejected,
                        "the broker at \(address) reset the connection during ApiVersions; does the listener need TLS (security.protocol=SSL or SASL_SSL)?")
                }
            }
            throw error
        }
    }

    /// ApiVersions v3 first; a broker that does not know v3 answers UNSUPPORTED_VERSION in the v0 layout,
    /// naming its own range (Kafka 2.4+) or nothing (2.1-2.3), and we ask again at a version it knows.
    private func negotiateVersions() async throws -> ApiVersionTable {
        let request = ApiVersionsRequest(clientSoftwareName: "kafkactl", clientSoftwareVersion: KafkactlVersion.current)
        var version = ApiVersionsRequest.versions.upperBound
        negotiation: for _ in 0..<2 {
            // Before v3 the software name and version are left out (ignorable fields).
            let body = try await roundTrip(request, version: version)
            let step: ApiVersionsAnswer
            do {
                step = try ApiVersionsAnswer(body, requestedVersion: version)
            } catch let error as WireError {
                throw malformed(.apiVersions, version: version, error)
            }
            switch step {
            case .retry(let lower): version = lower
            case .refused(let code): throw KafkactlError.broker(code, "ApiVersions on \(address)")
            case .table(let table): return table
            case .noCommonVersion: break negotiation
            }
        }
        throw KafkactlError(.unsupported, "the broker at \(address) accepts no ApiVersions version kafkactl knows")
    }

    /// Sends `request` at the highest version both sides support.
    ///
    /// - Parameter feature: what the user asked for, used when the broker lacks the API
    ///   ("the broker does not support adding partitions (CreatePartitions)").
    public func send<R: KafkaRequest>(_ request: R, feature: String? = nil, timeout: Duration? = nil) async throws -> R.Response {
        try await send(request, version: try version(for: R.self, feature: feature), timeout: timeout)
    }

    /// The version `R` will be sent at on this connection.
    public func version<R: KafkaRequest>(for type: R.Type, feature: String? = nil) throws -> Int16 {
        guard let version = versions.version(for: R.self) else {
            let what = feature.map { "\($0) (\(R.apiKey.name))" } ?? R.apiKey.name
            let offered = versions.ranges[R.apiKey.rawValue].map { "it offers v\($0.lowerBound)-\($0.upperBound), kafkactl speaks v\(R.versions.lowerBound)-\(R.versions.upperBound)" }
                ?? "it does not offer \(R.apiKey.name)"
            throw KafkactlError(.unsupported, "the broker at \(address) does not support \(what): \(offered)")
        }
        return version
    }

    /// - Parameter timeout: overrides `request.timeout.ms` for requests the broker may hold on purpose
    ///   (JoinGroup waits for the whole group to rejoin).
    public func send<R: KafkaRequest>(_ request: R, version: Int16, timeout: Duration? = nil) async throws -> R.Response {
        var body = try await roundTrip(request, version: version, timeout: timeout ?? requestTimeout)
        return try decodeResponse(R.self, body: &body, version: version)
    }

    private func decodeResponse<R: KafkaRequest>(_ type: R.Type, body: inout ByteBuffer, version: Int16) throws -> R.Response {
        if R.responseHeaderVersion(version) >= 1 {
            do {
                _ = try ResponseHeader.skipTaggedFieldsAfterCorrelationId(&body)
            } catch {
                throw malformed(R.apiKey, version: version, error)
            }
        }
        return try decode(R.Response.self, from: &body, version: version, apiKey: R.apiKey)
    }

    /// Sends a request that gets no answer (Produce with acks=0); returns once it is written.
    public func sendWithoutResponse<R: KafkaRequest>(_ request: R, version: Int16) async throws {
        let correlationId = takeCorrelationId()
        let frame = try encode(request, version: version, correlationId: correlationId)
        do {
            try await channel.writeAndFlush(OutboundRequest(frame: frame, correlationId: correlationId, promise: nil))
        } catch {
            throw transportError(error, apiKey: R.apiKey)
        }
    }

    /// A request that cannot be written at the negotiated version is kafkactl's mistake, never the user's.
    private func encode<R: KafkaRequest>(_ request: R, version: Int16, correlationId: Int32) throws -> ByteBuffer {
        do {
            return try request.encodeFrame(version: version, correlationId: correlationId, clientId: clientId,
                                           allocator: channel.allocator)
        } catch {
            throw KafkactlError(.internal, "kafkactl cannot encode \(R.apiKey.name) v\(version) for \(address): \(error)")
        }
    }

    private func takeCorrelationId() -> Int32 {
        // Wraps at 2^31 as the protocol asks; ids only need to be unique among the requests in flight.
        let id = nextCorrelationId.add(1, ordering: .relaxed).oldValue
        return id & Int32.max
    }

    /// Writes one request and waits for its response body (after the correlation id).
    private func roundTrip<R: KafkaRequest>(_ request: R, version: Int16, timeout requestTimeout: Duration? = nil) async throws -> ByteBuffer {
        try await answer(to: try write(request, version: version, timeout: requestTimeout))
    }

    /// A request written to the connection whose answer is still to come.
    struct Outstanding: Sendable {
        var correlationId: Int32
        var apiKey: ApiKey
        var requestTimeout: Duration
        var promise: EventLoopPromise<ByteBuffer>
        var timeout: Scheduled<Void>
    }

    /// Writes one request now: requests written by one task reach the broker in the order of these calls.
    private func write<R: KafkaRequest>(_ request: R, version: Int16, timeout requestTimeout: Duration?) throws -> Outstanding {
        let requestTimeout = requestTimeout ?? self.requestTimeout
        let correlationId = takeCorrelationId()
        let frame = try encode(request, version: version, correlationId: correlationId)
        let promise = channel.eventLoop.makePromise(of: ByteBuffer.self)
        let handler = self.handler
        let timeout = channel.eventLoop.scheduleTask(in: .nanoseconds(requestTimeout.nanoseconds)) {
            handler.value.timeOut(correlationId: correlationId, error: ConnectionFailure.abandoned)
        }
        // A write that never reaches the handler (the channel closed first) must still end the wait.
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenFailure { error in
            promise.fail(ConnectionFailure.closed("\(error)", reset: (error as? IOError)?.errnoCode == ECONNRESET))
        }
        channel.writeAndFlush(OutboundRequest(frame: frame, correlationId: correlationId, promise: promise), promise: written)
        return Outstanding(correlationId: correlationId, apiKey: R.apiKey, requestTimeout: requestTimeout, promise: promise,
                           timeout: timeout)
    }

    /// Waits for the response body of a written request (after the correlation id).
    private func answer(to outstanding: Outstanding) async throws -> ByteBuffer {
        let handler = self.handler
        let correlationId = outstanding.correlationId
        do {
            let body = try await withTaskCancellationHandler {
                try await outstanding.promise.futureResult.get()
            } onCancel: { [channel] in
                channel.eventLoop.execute {
                    handler.value.abandon(correlationId: correlationId, error: CancellationError())
                }
            }
            outstanding.timeout.cancel()
            return body
        } catch ConnectionFailure.abandoned {
            throw KafkactlError(.timeout, "\(outstanding.apiKey.name) to \(address) got no answer within \(outstanding.requestTimeout.millisecondsText) (request.timeout.ms)")
        } catch {
            outstanding.timeout.cancel()
            throw transportError(error, apiKey: outstanding.apiKey)
        }
    }

    /// A request that is on its way to the broker; `response()` waits for its answer.
    public struct PendingResponse<R: KafkaRequest>: Sendable {
        fileprivate let connection: BrokerConnection
        fileprivate let outstanding: Outstanding
        fileprivate let version: Int16

        public func response() async throws -> R.Response {
            var body = try await connection.answer(to: outstanding)
            return try connection.decodeResponse(R.self, body: &body, version: version)
        }
    }

    /// Writes `request` now and returns without waiting for its answer, so that a caller writing several
    /// requests from one task (the producer's batches of a partition) puts them on the wire in its own order.
    public func write<R: KafkaRequest>(_ request: R, version: Int16) throws -> PendingResponse<R> {
        PendingResponse(connection: self, outstanding: try write(request, version: version, timeout: nil), version: version)
    }

    private func transportError(_ error: Error, apiKey: ApiKey) -> Error {
        switch error {
        case is CancellationError, is KafkactlError: return error
        case ConnectionFailure.closed(let reason, let reset):
            return KafkactlError(.unreachable, "lost the connection to \(address) during \(apiKey.name): \(reason ?? "closed")",
                                 transport: .connectionLost(during: apiKey, reset: reset))
        case ConnectionFailure.protocolViolation(let reason):
            return KafkactlError(.internal, "the broker at \(address) broke the protocol during \(apiKey.name): it sent \(reason)")
        default:
            let reset = (error as? IOError).map { $0.errnoCode == ECONNRESET } ?? false
            return KafkactlError(.unreachable, "lost the connection to \(address) during \(apiKey.name): \(error)",
                                 transport: .connectionLost(during: apiKey, reset: reset))
        }
    }

    private func decode<M: KafkaMessage>(
        _ type: M.Type, from body: inout ByteBuffer, version: Int16, apiKey: ApiKey = .apiVersions
    ) throws -> M {
        do {
            return try M(from: &body, version: version)
        } catch {
            throw malformed(apiKey, version: version, error)
        }
    }

    private func malformed(_ apiKey: ApiKey, version: Int16, _ error: Error) -> KafkactlError {
        KafkactlError(.internal, "the broker at \(address) sent a malformed \(apiKey.name) v\(version) response (\(error))")
    }

    public func close() async {
        try? await channel.close()
    }
}

/// What one answer to ApiVersions means for the negotiation: the broker's table, a refusal, or a lower version to
/// ask again at. A broker that does not know the version asked answers UNSUPPORTED_VERSION in the v0 layout.
package enum ApiVersionsAnswer: Equatable, Sendable {
    case table(ApiVersionTable)
    case refused(ErrorCode)
    /// Ask again at this version: below the one asked, and one kafkactl speaks.
    case retry(Int16)
    /// The broker knows no version kafkactl speaks.
    case noCommonVersion

    package init(_ answer: ByteBuffer, requestedVersion: Int16) throws {
        var body = answer
        let errorCode = ErrorCode(rawValue: body.getInteger(at: body.readerIndex, as: Int16.self) ?? 0)
        if errorCode == .unsupportedVersion {
            let fallback = try ApiVersionsResponse(from: &body, version: 0)
            let theirs = fallback.apiKeys.first { $0.apiKey == ApiKey.apiVersions.rawValue }
            let version = min(requestedVersion - 1, theirs?.maxVersion ?? 0)
            // A broker naming a maximum below any version there is (or below ours) leaves nothing to ask at.
            guard version >= ApiVersionsRequest.versions.lowerBound else { self = .noCommonVersion; return }
            self = .retry(version)
            return
        }
        let response = try ApiVersionsResponse(from: &body, version: requestedVersion)
        guard response.errorCode == ErrorCode.none.rawValue else { self = .refused(ErrorCode(rawValue: response.errorCode)); return }
        self = .table(ApiVersionTable(response))
    }
}

extension ResponseHeader {
    /// Skips the tagged-field section of a v1 response header whose correlation id was already read.
    static func skipTaggedFieldsAfterCorrelationId(_ buffer: inout ByteBuffer) throws -> [TaggedField] {
        let count = try buffer.readTaggedFieldCount(field: "ResponseHeader")
        var fields: [TaggedField] = []
        for _ in 0..<count { fields.append(try buffer.readTaggedField(field: "ResponseHeader")) }
        return fields
    }
}

/// What a failed connect means, typed, and how to say it.
private func describeConnectError(_ error: Error) -> (KafkactlError.ConnectFailure, String) {
    if let connection = error as? NIOConnectionError {
        // One error per address the host name resolved to: refused only when every one refused.
        let causes = connection.connectionErrors.map { describeConnectError($0.error) }
        if !causes.isEmpty, causes.allSatisfy({ $0.0 == .refused }) { return (.refused, "connection refused") }
        if let timedOut = causes.first(where: { $0.0 == .timedOut }) { return timedOut }
        if let first = causes.first { return first }
        if connection.dnsAAAAError != nil || connection.dnsAError != nil { return (.other, "could not resolve the host") }
        return (.other, "could not resolve or reach the host")
    }
    if let io = error as? IOError {
        if io.errnoCode == ECONNREFUSED { return (.refused, "connection refused") }
        if io.errnoCode == ETIMEDOUT { return (.timedOut, "timed out") }
        return (.other, io.description)
    }
    if error is ChannelError, case .connectTimeout = error as! ChannelError { return (.timedOut, "timed out") }
    let text = "\(error)"
    if text.contains("refused") || text.contains("ECONNREFUSED") { return (.refused, "connection refused") }
    if text.contains("timeout") || text.contains("Timeout") { return (.timedOut, "timed out") }
    return (.other, text)
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    var milliseconds: Int64 { nanoseconds / 1_000_000 }

    var millisecondsText: String { "\(milliseconds) ms" }
}

/// The version kafkactl reports to brokers (ApiVersions) and users (`--version`).
public enum KafkactlVersion {
    public static let current = "0.1.0"
}

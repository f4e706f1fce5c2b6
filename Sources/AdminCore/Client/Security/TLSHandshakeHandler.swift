import NIOCore
import NIOTLS
import Synchronization

/// Sits right after the TLS handler and reports how the handshake ended: its promise succeeds on
/// `handshakeCompleted` and fails with the first TLS error or when the connection closes first. It records that
/// first error in a box, since a broker can refuse a client certificate after the client's side of a TLS 1.3
/// handshake is already complete, and the failure then shows on the first request.
final class TLSHandshakeHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    let handshake: EventLoopPromise<Void>
    private let failures: TLSFailureBox

    init(handshake: EventLoopPromise<Void>, failures: TLSFailureBox) {
        self.handshake = handshake
        self.failures = failures
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted? = event as? TLSUserEvent { handshake.succeed(()) }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        failures.record(error)
        handshake.fail(error)
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        handshake.fail(TLSFailure.closedDuringHandshake)
        context.fireChannelInactive()
    }

    /// A connect that fails never makes the channel active: the promise must still be completed.
    func handlerRemoved(context: ChannelHandlerContext) {
        handshake.fail(TLSFailure.closedDuringHandshake)
    }
}

/// The first TLS error a connection saw, readable from any thread (after the pipeline is gone, too).
final class TLSFailureBox: Sendable {
    private let first = Mutex<TLSFailure?>(nil)

    func record(_ error: Error) {
        guard let failure = TLSFailure.classify(error) else { return }
        first.withLock { if $0 == nil { $0 = failure } }
    }

    var value: TLSFailure? { first.withLock { $0 } }
}

/// What a connection's channel initializer made, for the code that awaits the connect.
struct ChannelParts: Sendable {
    var kafka: NIOLoopBound<KafkaChannelHandler>
    var handshake: EventLoopPromise<Void>?
    var tlsFailure: TLSFailureBox
}

/// Channel parts by channel, for one connect (which may try several addresses, each a channel).
final class ChannelPartsRegistry: Sendable {
    private let parts = Mutex<[ObjectIdentifier: ChannelParts]>([:])

    func register(_ channel: Channel, _ entry: ChannelParts) {
        parts.withLock { $0[ObjectIdentifier(channel)] = entry }
    }

    func parts(of channel: Channel) -> ChannelParts? {
        parts.withLock { $0[ObjectIdentifier(channel)] }
    }
}

/// What went wrong in a TLS handshake, read from NIOSSL's and BoringSSL's errors.
enum TLSFailure: Error, Sendable, Equatable {
    /// The broker's certificate chain did not verify (unknown CA, expired, not yet valid...).
    case certificateNotTrusted
    /// The certificate is valid but does not name the host we connected to.
    case hostnameMismatch
    /// The peer does not speak TLS (a plaintext listener answering, or not answering).
    case notTLS(String)
    /// The connection closed before the handshake finished.
    case closedDuringHandshake
    /// No handshake answer in time.
    case timedOut
    /// The broker wanted a client certificate and got none.
    case clientCertificateRequired
    /// The broker refused the client certificate it got.
    case clientCertificateRejected(String)
    /// Anything else, as BoringSSL said it.
    case other(String)

    /// Sorts an error seen on a TLS connection; nil when it is not a TLS error at all.
    static func classify(_ error: Error) -> TLSFailure? {
        if let failure = error as? TLSFailure { return failure }
        let text = String(describing: error)
        let typeName = String(reflecting: type(of: error))
        guard typeName.contains("NIOSSL") || text.contains("SSL") else { return nil }
        if text.contains("failedToValidateHostname") || text.contains("Failed to validate hostname") { return .hostnameMismatch }
        if text.contains("CERTIFICATE_VERIFY_FAILED") { return .certificateNotTrusted }
        if text.contains("CERTIFICATE_REQUIRED") { return .clientCertificateRequired }
        for alert in ["ALERT_UNKNOWN_CA", "ALERT_BAD_CERTIFICATE", "ALERT_CERTIFICATE_UNKNOWN", "ALERT_CERTIFICATE_EXPIRED",
                      "ALERT_UNSUPPORTED_CERTIFICATE", "ALERT_CERTIFICATE_REVOKED", "ALERT_ACCESS_DENIED"] where text.contains(alert) {
            return .clientCertificateRejected(alert.replacingPrefix("ALERT_", with: "").lowercased().replacing("_", with: " "))
        }
        if text.contains("HANDSHAKE_FAILURE") { return .clientCertificateRejected("handshake failure") }
        for marker in ["WRONG_VERSION_NUMBER", "HTTP_REQUEST", "PACKET_LENGTH_TOO_LONG", "RECORD_TOO_LARGE",
                       "UNEXPECTED_RECORD", "WRONG_SSL_VERSION", "UNKNOWN_PROTOCOL", "BAD_PACKET"] where text.contains(marker) {
            return .notTLS(marker)
        }
        if text.contains("eofDuringHandshake") || text.contains("EOF during handshake") || text.contains("uncleanShutdown") {
            return .closedDuringHandshake
        }
        return .other(text)
    }
}

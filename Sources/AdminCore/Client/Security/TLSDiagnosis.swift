import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a broker's certificate says about itself, read when verification failed, to say why.
struct CertificateFacts: Sendable {
    var subject: String
    var issuer: String
    var notBefore: Int
    var notAfter: Int
    /// `DNS:name` and `IP:address` entries of the subject alternative names.
    var names: [String]

    init(_ certificate: NIOSSLCertificate) {
        subject = Self.render(certificate.subjectName)
        issuer = Self.render(certificate.issuerName)
        notBefore = Int(certificate.notValidBefore)
        notAfter = Int(certificate.notValidAfter)
        names = certificate._subjectAlternativeNames().compactMap { name in
            let bytes = name.contents.withUnsafeBufferPointer { Array($0) }
            switch name.nameType {
            case .dnsName: return "DNS:" + String(decoding: bytes, as: UTF8.self)
            case .ipAddress where bytes.count == 4: return "IP:" + bytes.map(String.init).joined(separator: ".")
            case .ipAddress where bytes.count == 16:
                return "IP:" + stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }.joined(separator: ":")
            default: return nil
            }
        }
    }

    static func render(_ names: [SSLCertificateName]) -> String {
        names.map { name in
            let key: String
            switch name.type {
            case .commonName: key = "CN"
            case .organization: key = "O"
            case .organizationalUnit: key = "OU"
            case .country: key = "C"
            case .state: key = "ST"
            case .city: key = "L"
            default: key = "?"
            }
            return "\(key)=\(name.value)"
        }.joined(separator: ",")
    }

    var isSelfSigned: Bool { subject == issuer }
}

enum TLSDiagnosis {
    /// Connects once more and captures the certificate chain the broker presents, then abandons the handshake.
    /// Only used after a verification failure, to turn BoringSSL's CERTIFICATE_VERIFY_FAILED into the reason.
    static func presentedChain(
        at address: BrokerAddress, context: NIOSSLContext, serverHostname: String?, eventLoopGroup: EventLoopGroup,
        timeout: Duration
    ) async -> [CertificateFacts]? {
        let eventLoop = eventLoopGroup.next()
        let captured = eventLoop.makePromise(of: [CertificateFacts].self)
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(.nanoseconds(timeout.nanoseconds))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = try NIOSSLClientHandler(
                        context: context, serverHostname: serverHostname,
                        customVerificationCallback: { certificates, verification in
                            captured.succeed(certificates.map(CertificateFacts.init))
                            verification.succeed(.failed)
                        })
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
        let timer = eventLoop.scheduleTask(in: .nanoseconds(timeout.nanoseconds)) { captured.fail(TLSFailure.timedOut) }
        do {
            let channel: Channel
            if let ip = try? SocketAddress(ipAddress: address.host, port: address.port) {
                channel = try await bootstrap.connect(to: ip).get()
            } else {
                channel = try await bootstrap.connect(host: address.host, port: address.port).get()
            }
            channel.closeFuture.whenComplete { _ in captured.fail(TLSFailure.closedDuringHandshake) }
            let chain = try? await captured.futureResult.get()
            timer.cancel()
            try? await channel.close()
            return chain
        } catch {
            timer.cancel()
            captured.fail(error)
            return nil
        }
    }

    /// `2020-01-02 03:04:05 UTC`.
    static func utcText(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) UTC"
    }

    static func now() -> Int { Int(time(nil)) }
}

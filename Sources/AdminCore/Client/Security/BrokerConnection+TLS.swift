import NIOCore
import NIOSSL

extension BrokerConnection {
    /// Turns a failed TLS handshake into one line that says which problem it was: an untrusted CA, an expired
    /// certificate, a host name the certificate does not name, a listener that does not speak TLS, or a client
    /// certificate the broker wants or refuses. For verification failures it reads the broker's certificate on
    /// a second, abandoned handshake, since BoringSSL only says CERTIFICATE_VERIFY_FAILED.
    static func tlsError(
        _ error: Error, address: BrokerAddress, settings: TLSSettings, context: NIOSSLContext, serverHostname: String?,
        eventLoopGroup: EventLoopGroup, timeout: Duration
    ) async -> KafkactlError {
        let failure = TLSFailure.classify(error) ?? .other(String(describing: error))
        let prefix = "TLS handshake with \(address) failed"
        switch failure {
        case .certificateNotTrusted, .hostnameMismatch:
            let chain = await TLSDiagnosis.presentedChain(
                at: address, context: context, serverHostname: serverHostname, eventLoopGroup: eventLoopGroup,
                timeout: timeout)
            return verificationError(failure, chain: chain, address: address, settings: settings, prefix: prefix)
        case .notTLS(let what):
            return KafkactlError(
                .rejected,
                "\(prefix): the listener does not speak TLS (\(what)); is it a plaintext listener? Then use security.protocol=PLAINTEXT (or SASL_PLAINTEXT)")
        case .timedOut:
            return KafkactlError(
                .rejected,
                "\(prefix): no TLS answer within \(timeout.millisecondsText) (socket.connection.setup.timeout.ms); is it a plaintext listener? Then use security.protocol=PLAINTEXT (or SASL_PLAINTEXT)")
        case .closedDuringHandshake:
            return KafkactlError(
                .rejected,
                "\(prefix): the broker closed the connection during the handshake; is it a plaintext listener (security.protocol=PLAINTEXT or SASL_PLAINTEXT), or does it require a client certificate (ssl.certificate.location and ssl.key.location)?")
        case .clientCertificateRequired:
            return KafkactlError(
                .rejected,
                settings.clientIdentity == nil
                    ? "\(prefix): the broker requires a client certificate: set ssl.certificate.location and ssl.key.location"
                    : "\(prefix): the broker did not accept the client certificate (certificate required)")
        case .clientCertificateRejected(let alert):
            return KafkactlError(
                .rejected,
                settings.clientIdentity == nil
                    ? "\(prefix): the broker refused the handshake (\(alert)); it may require a client certificate: set ssl.certificate.location and ssl.key.location"
                    : "\(prefix): the broker refused the client certificate in ssl.certificate.location (\(alert)); is it signed by a CA the broker trusts?")
        case .other(let text):
            return KafkactlError(.rejected, "\(prefix): \(text)")
        }
    }

    private static func verificationError(
        _ failure: TLSFailure, chain: [CertificateFacts]?, address: BrokerAddress, settings: TLSSettings, prefix: String
    ) -> KafkactlError {
        let trusted: String
        switch settings.trustRoots {
        case .system: trusted = "the system's trusted CAs (set ssl.ca.location to the cluster's CA certificate, PEM)"
        case .pemFile(let path): trusted = "the CAs in ssl.ca.location '\(path)'"
        case .pem: trusted = "the CAs in ssl.truststore.certificates"
        }
        guard let leaf = chain?.first else {
            if failure == .hostnameMismatch {
                return KafkactlError(
                    .rejected,
                    "\(prefix): the broker's certificate does not name host '\(address.host)'; connect by a name it lists, or set ssl.endpoint.identification.algorithm= (empty) to skip host name verification")
            }
            return KafkactlError(.rejected, "\(prefix): the broker's certificate is not trusted by \(trusted)")
        }
        let now = TLSDiagnosis.now()
        let subject = leaf.subject.isEmpty ? "" : " (\(leaf.subject))"
        if let expired = chain?.first(where: { $0.notAfter < now }) {
            let which = expired.subject == leaf.subject ? "the broker's certificate\(subject)" : "a certificate in its chain (\(expired.subject))"
            return KafkactlError(
                .rejected,
                "\(prefix): \(which) expired on \(TLSDiagnosis.utcText(expired.notAfter)); the broker needs a renewed certificate")
        }
        if let early = chain?.first(where: { $0.notBefore > now }) {
            return KafkactlError(
                .rejected,
                "\(prefix): the certificate \(early.subject) is not valid before \(TLSDiagnosis.utcText(early.notBefore)); check the clocks")
        }
        if failure == .hostnameMismatch {
            let names = leaf.names.isEmpty ? "no subject alternative names" : leaf.names.joined(separator: ", ")
            return KafkactlError(
                .rejected,
                "\(prefix): host name mismatch: the broker's certificate\(subject) is for \(names), not '\(address.host)'; connect by a name it lists, or set ssl.endpoint.identification.algorithm= (empty) to skip host name verification")
        }
        let issuer = leaf.isSelfSigned ? "it is self-signed" : "it was issued by \(leaf.issuer)"
        return KafkactlError(
            .rejected,
            "\(prefix): unknown CA: the broker's certificate\(subject) is not signed by \(trusted); \(issuer)")
    }
}

extension SocketAddress {
    /// True for `127.0.0.1`, `::1` and other numeric addresses, which TLS must not send as SNI.
    static func isIPLiteral(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }
}

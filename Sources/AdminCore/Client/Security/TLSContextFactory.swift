import NIOSSL

extension TLSSettings {
    /// The NIOSSL context for these settings: loads the CAs, the client certificate and its key. Built once per
    /// client and shared by its connections. Errors are usage errors naming the property (never a secret).
    public func makeContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification = !verifyCertificates ? .none : verifyHostname ? .fullVerification : .noHostnameVerification
        switch trustRoots {
        case .system:
            configuration.trustRoots = .default
        case .pemFile(let path):
            configuration.trustRoots = .certificates(try Self.certificates(file: path, property: "ssl.ca.location"))
        case .pem(let text):
            configuration.trustRoots = .certificates(try Self.certificates(pem: text, property: "ssl.truststore.certificates"))
        }
        switch clientIdentity {
        case nil:
            break
        case .pemFiles(let certificatePath, let keyPath):
            configuration.certificateChain = try Self.certificates(file: certificatePath, property: "ssl.certificate.location")
                .map { .certificate($0) }
            configuration.privateKey = .privateKey(try privateKey(file: keyPath))
        case .pem(let chain, let key):
            configuration.certificateChain = try Self.certificates(pem: chain, property: "ssl.keystore.certificate.chain")
                .map { .certificate($0) }
            configuration.privateKey = .privateKey(try privateKey(pem: key))
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw KafkactlError(.usage, "cannot set up TLS: \(error)")
        }
    }

    private static func certificates(file path: String, property: String) throws -> [NIOSSLCertificate] {
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw KafkactlError(.usage, "cannot read the certificates in \(property) '\(path)': it holds no valid PEM certificate")
        }
        guard !certificates.isEmpty else {
            throw KafkactlError(.usage, "\(property) '\(path)' holds no certificate (-----BEGIN CERTIFICATE-----)")
        }
        return certificates
    }

    private static func certificates(pem: String, property: String) throws -> [NIOSSLCertificate] {
        guard let certificates = try? NIOSSLCertificate.fromPEMBytes(Array(pem.utf8)), !certificates.isEmpty else {
            throw KafkactlError(.usage, "\(property) holds no valid PEM certificate")
        }
        return certificates
    }

    /// Always with a passphrase callback (empty without ssl.key.password), so BoringSSL never asks a terminal.
    private func privateKey(file path: String) throws -> NIOSSLPrivateKey {
        let passphrase = Array((keyPassword?.revealed ?? "").utf8)
        do {
            return try NIOSSLPrivateKey(file: path, format: .pem) { setter in setter(passphrase) }
        } catch {
            throw KafkactlError(.usage, keyPassword == nil
                ? "cannot read the private key in ssl.key.location '\(path)': it is not a PEM private key, or it is encrypted and ssl.key.password is not set"
                : "cannot read the private key in ssl.key.location '\(path)': it is not a PEM private key, or ssl.key.password does not decrypt it")
        }
    }

    private func privateKey(pem: Secret) throws -> NIOSSLPrivateKey {
        let passphrase = Array((keyPassword?.revealed ?? "").utf8)
        do {
            return try NIOSSLPrivateKey(bytes: Array(pem.revealed.utf8), format: .pem) { setter in setter(passphrase) }
        } catch {
            throw KafkactlError(.usage, "cannot read the private key in ssl.keystore.key: it is not a PEM private key, or ssl.key.password does not decrypt it")
        }
    }
}

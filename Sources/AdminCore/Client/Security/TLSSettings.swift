#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// TLS for `security.protocol` SSL and SASL_SSL, under Kafka's and librdkafka's property names. Certificates and
/// keys are PEM: a Java keystore is refused with the command that converts it.
public struct TLSSettings: Sendable, Hashable {
    /// Where the CAs that may sign a broker's certificate come from.
    public enum TrustRoots: Sendable, Hashable {
        /// The system's CA store.
        case system
        /// A PEM file (`ssl.ca.location`, or `ssl.truststore.location` holding PEM).
        case pemFile(String)
        /// PEM text (`ssl.truststore.certificates`).
        case pem(String)
    }

    /// The client's own certificate and key, for brokers that require them (mTLS).
    public enum ClientIdentity: Sendable, Hashable {
        /// `ssl.certificate.location` and `ssl.key.location` (the same file for a PEM `ssl.keystore.location`).
        case pemFiles(certificate: String, key: String)
        /// `ssl.keystore.certificate.chain` and `ssl.keystore.key`.
        case pem(certificate: String, key: Secret)
    }

    public var trustRoots: TrustRoots = .system
    public var clientIdentity: ClientIdentity?
    /// `ssl.key.password`: decrypts an encrypted private key.
    public var keyPassword: Secret?
    /// `enable.ssl.certificate.verification` (librdkafka): false accepts any certificate from anyone.
    public var verifyCertificates = true
    /// `ssl.endpoint.identification.algorithm`: `https` (the default) checks that the certificate names the host
    /// connected to; empty (or `none`) does not.
    public var verifyHostname = true

    public init(trustRoots: TrustRoots = .system, clientIdentity: ClientIdentity? = nil, keyPassword: Secret? = nil,
                verifyCertificates: Bool = true, verifyHostname: Bool = true) {
        self.trustRoots = trustRoots
        self.clientIdentity = clientIdentity
        self.keyPassword = keyPassword
        self.verifyCertificates = verifyCertificates
        self.verifyHostname = verifyHostname
    }

    /// Reads the properties and checks that every file named is readable PEM.
    public init(properties: [String: String]) throws {
        if let text = properties["enable.ssl.certificate.verification"] {
            guard let flag = Bool(text.trimmingCharacters(in: " ").lowercased()) else {
                throw KafkactlError(.usage, "invalid value '\(text)' for enable.ssl.certificate.verification: expected true or false")
            }
            verifyCertificates = flag
        }
        if let algorithm = properties["ssl.endpoint.identification.algorithm"] {
            switch algorithm.trimmingCharacters(in: " ").lowercased() {
            case "https": verifyHostname = true
            case "", "none": verifyHostname = false
            default:
                throw KafkactlError(
                    .usage,
                    "invalid value '\(algorithm)' for ssl.endpoint.identification.algorithm: expected https, or empty to skip host name verification")
            }
        }
        trustRoots = try Self.trustRoots(properties)
        clientIdentity = try Self.clientIdentity(properties)
        keyPassword = properties["ssl.key.password"].map(Secret.init)
    }

    private static func trustRoots(_ properties: [String: String]) throws -> TrustRoots {
        if let path = properties["ssl.ca.location"], !path.isEmpty, path != "probe" {
            try requirePEM(path, property: "ssl.ca.location", store: .trust)
            return .pemFile(path)
        }
        if let pem = properties["ssl.truststore.certificates"], !pem.isEmpty {
            return .pem(pem)
        }
        if let path = properties["ssl.truststore.location"], !path.isEmpty {
            try requirePEM(path, property: "ssl.truststore.location", store: .trust, declaredType: properties["ssl.truststore.type"])
            return .pemFile(path)
        }
        return .system
    }

    private static func clientIdentity(_ properties: [String: String]) throws -> ClientIdentity? {
        let certificate = properties["ssl.certificate.location"].flatMap { $0.isEmpty ? nil : $0 }
        let key = properties["ssl.key.location"].flatMap { $0.isEmpty ? nil : $0 }
        switch (certificate, key) {
        case (let certificate?, let key?):
            try requirePEM(certificate, property: "ssl.certificate.location", store: .key)
            try requirePEM(key, property: "ssl.key.location", store: .key)
            return .pemFiles(certificate: certificate, key: key)
        case (_?, nil):
            throw KafkactlError(.usage, "ssl.certificate.location is set but ssl.key.location is not: a client certificate needs its private key")
        case (nil, _?):
            throw KafkactlError(.usage, "ssl.key.location is set but ssl.certificate.location is not: a private key needs its certificate")
        case (nil, nil):
            break
        }
        if let chain = properties["ssl.keystore.certificate.chain"], !chain.isEmpty {
            guard let key = properties["ssl.keystore.key"], !key.isEmpty else {
                throw KafkactlError(.usage, "ssl.keystore.certificate.chain is set but ssl.keystore.key is not: a client certificate needs its private key")
            }
            return .pem(certificate: chain, key: Secret(key))
        }
        if let path = properties["ssl.keystore.location"], !path.isEmpty {
            // A PEM keystore holds the private key and the certificate chain in one file.
            try requirePEM(path, property: "ssl.keystore.location", store: .key, declaredType: properties["ssl.keystore.type"])
            return .pemFiles(certificate: path, key: path)
        }
        return nil
    }

    enum StoreRole { case trust, key }

    /// Throws a one-line usage error unless `path` is a readable PEM file; a Java keystore gets the command that
    /// converts it.
    static func requirePEM(_ path: String, property: String, store: StoreRole, declaredType: String? = nil) throws {
        guard let bytes = readSmallFile(path) else {
            throw KafkactlError(.usage, "cannot read \(property) '\(path)': \(String(cString: strerror(errno)))")
        }
        let isPEM = bytes.count >= 10 && String(decoding: bytes.prefix(1 << 20), as: UTF8.self).contains("-----BEGIN ")
        if isPEM { return }
        let declared = declaredType?.trimmingCharacters(in: " ").uppercased()
        if bytes.isEmpty {
            throw KafkactlError(.usage, "\(property) '\(path)' is empty: expected PEM (-----BEGIN CERTIFICATE-----)")
        }
        let java = bytes.starts(with: [0xFE, 0xED, 0xFE, 0xED]) ? "JKS" : bytes.starts(with: [0xCE, 0xCE, 0xCE, 0xCE]) ? "JCEKS" : nil
        let der = bytes.first == 0x30
        let pkcs12 = der && (declared == "PKCS12" || property.contains("store"))
        let how: String
        switch (store, java, pkcs12, der) {
        case (.trust, _?, _, _):
            how = "keytool -exportcert -rfc -keystore \(path) -alias <alias> -file ca.pem` (`keytool -list -keystore \(path)` shows the aliases) and set ssl.ca.location=ca.pem"
        case (.trust, nil, true, _):
            how = "openssl pkcs12 -in \(path) -nokeys -out ca.pem` and set ssl.ca.location=ca.pem"
        case (.trust, nil, false, true):
            how = "openssl x509 -inform der -in \(path) -out ca.pem` and set ssl.ca.location=ca.pem"
        case (.key, _?, _, _):
            how = "keytool -importkeystore -srckeystore \(path) -destkeystore client.p12 -deststoretype PKCS12`, then `openssl pkcs12 -in client.p12 -nodes -out client.pem`, and set ssl.certificate.location and ssl.key.location to client.pem"
        case (.key, nil, true, _):
            how = "openssl pkcs12 -in \(path) -nodes -out client.pem` and set ssl.certificate.location and ssl.key.location to client.pem"
        case (.key, nil, false, true):
            how = property.contains("key.") ? "openssl pkey -inform der -in \(path) -out client-key.pem` and set ssl.key.location=client-key.pem"
                : "openssl x509 -inform der -in \(path) -out client.pem` and set ssl.certificate.location=client.pem"
        default:
            throw KafkactlError(.usage, "\(property) '\(path)' is not PEM: expected -----BEGIN CERTIFICATE----- (or PRIVATE KEY) blocks")
        }
        let kind = java.map { "a \($0) keystore" } ?? (pkcs12 ? "a PKCS12 store" : "DER, not PEM")
        throw KafkactlError(.usage, "\(property) '\(path)' is \(kind), which kafkactl cannot read: convert it to PEM with `\(how)")
    }
}

/// The bytes of a file of at most 16 MiB (certificates and keys are small); nil with errno set when unreadable.
func readSmallFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while bytes.count < 16 << 20 {
        let count = fread(&chunk, 1, chunk.count, file)
        if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
        if count < chunk.count {
            if ferror(file) != 0 { return nil }
            break
        }
    }
    return bytes
}

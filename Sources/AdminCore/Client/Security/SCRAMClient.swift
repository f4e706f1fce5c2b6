import Crypto
import _CryptoExtras

/// The client side of SCRAM-SHA-256 / SCRAM-SHA-512 (RFC 5802, RFC 7677) as Kafka uses it: no channel binding,
/// no SASLprep (the password's UTF-8 bytes as they are), at least 4096 iterations. A value type that walks
/// client-first → server-first → client-final → server-final; the caller moves the messages.
public struct SCRAMClient: Sendable {
    public enum Hash: Sendable {
        case sha256, sha512
    }

    /// Why an exchange cannot go on. Messages never contain the password.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    public let hash: Hash
    private let username: String
    private let password: Secret
    private let clientNonce: String
    private let tokenAuthentication: Bool
    private var authMessage: [UInt8]?
    private var serverSignature: [UInt8]?

    /// - Parameter clientNonce: random printable characters without `,`; tests pass RFC 7677's.
    public init(hash: Hash, username: String, password: Secret, clientNonce: String? = nil, tokenAuthentication: Bool = false) {
        self.hash = hash
        self.username = username
        self.password = password
        self.clientNonce = clientNonce ?? Self.randomNonce()
        self.tokenAuthentication = tokenAuthentication
    }

    /// `n,,n=<user>,r=<nonce>` (with `,tokenauth=true` for delegation tokens).
    public var clientFirstMessage: [UInt8] { Array(("n,," + clientFirstBare).utf8) }

    private var clientFirstBare: String {
        "n=\(Self.escape(username)),r=\(clientNonce)" + (tokenAuthentication ? ",tokenauth=true" : "")
    }

    /// Checks the server-first message and answers with the client-final message carrying the proof.
    public mutating func clientFinalMessage(serverFirst: [UInt8]) throws -> [UInt8] {
        let text = String(decoding: serverFirst, as: UTF8.self)
        let first = try ServerFirstMessage(text, clientNonce: clientNonce)
        let nonce = first.nonce
        let saltedPassword = try Self.saltedPassword(password, salt: first.salt, iterations: first.iterations, hash: hash)
        let clientKey = hmac(key: saltedPassword, Array("Client Key".utf8))
        let storedKey = digest(clientKey)
        let withoutProof = "c=biws,r=\(nonce)"
        let authMessage = Array("\(clientFirstBare),\(text),\(withoutProof)".utf8)
        let clientSignature = hmac(key: storedKey, authMessage)
        let proof = zip(clientKey, clientSignature).map { $0 ^ $1 }
        let serverKey = hmac(key: saltedPassword, Array("Server Key".utf8))
        self.authMessage = authMessage
        self.serverSignature = hmac(key: serverKey, authMessage)
        return Array("\(withoutProof),p=\(Base64.encode(proof))".utf8)
    }

    /// Checks the server's signature: a server that does not know the password cannot produce it.
    public func verify(serverFinal: [UInt8]) throws {
        let attributes = Self.attributes(String(decoding: serverFinal, as: UTF8.self))
        if let error = attributes["e"] { throw Failure(description: "the server refused: \(error)") }
        guard let expected = serverSignature else { throw Failure(description: "server-final before server-first") }
        guard let signature = attributes["v"].flatMap({ Base64.decode($0) }) else {
            throw Failure(description: "malformed server-final message (expected v=)")
        }
        guard signature == expected else {
            throw Failure(description: "the server's signature does not match: it does not know this user's credentials")
        }
    }

    /// RFC 5802's Hi(password, salt, i): PBKDF2 with HMAC-H, one hash-sized block. The server stores keys
    /// derived from it, and AlterUserScramCredentials takes it in place of the password.
    public static func saltedPassword(_ password: Secret, salt: [UInt8], iterations: Int, hash: Hash) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.revealed.utf8), salt: salt,
            using: hash == .sha256 ? .sha256 : .sha512,
            outputByteCount: hash == .sha256 ? 32 : 64, unsafeUncheckedRounds: iterations)
        return key.withUnsafeBytes { Array($0) }
    }

    private func hmac(key: [UInt8], _ message: [UInt8]) -> [UInt8] {
        let key = SymmetricKey(data: key)
        switch hash {
        case .sha256: return Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        case .sha512: return Array(HMAC<SHA512>.authenticationCode(for: message, using: key))
        }
    }

    private func digest(_ bytes: [UInt8]) -> [UInt8] {
        switch hash {
        case .sha256: return Array(SHA256.hash(data: bytes))
        case .sha512: return Array(SHA512.hash(data: bytes))
        }
    }

    /// `a=1,b=2` → ["a": "1", "b": "2"]; values may contain `=` (base64 padding).
    static func attributes(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for part in text.split(separator: ",") {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let key = String(part[..<equals])
            if result[key] == nil { result[key] = String(part[part.index(after: equals)...]) }
        }
        return result
    }

    /// RFC 5802 saslname: `=` as `=3D`, `,` as `=2C`.
    static func escape(_ name: String) -> String {
        var result = ""
        for character in name {
            switch character {
            case "=": result += "=3D"
            case ",": result += "=2C"
            default: result.append(character)
            }
        }
        return result
    }

    /// 24 random bytes as base64: printable and free of `,`.
    static func randomNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64.encode((0..<24).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}

/// The server-first message (`r=<nonce>,s=<salt>,i=<iterations>`), checked before any work is done for it.
package struct ServerFirstMessage: Sendable, Equatable {
    /// Kafka's bounds (ScramMechanism): a broker stores no credential outside them, so a server asking for more
    /// iterations is not a Kafka broker, and obeying it would spin PBKDF2 for as long as it likes.
    package static let iterationRange = 4096...16384

    package var nonce: String
    package var salt: [UInt8]
    package var iterations: Int

    package init(_ text: String, clientNonce: String) throws {
        let attributes = SCRAMClient.attributes(text)
        if let error = attributes["e"] { throw SCRAMClient.Failure(description: "the server refused: \(error)") }
        guard let nonce = attributes["r"], let saltText = attributes["s"], let iterationsText = attributes["i"] else {
            throw SCRAMClient.Failure(description: "malformed server-first message (expected r=, s= and i=)")
        }
        guard nonce.hasPrefix(clientNonce), nonce.count > clientNonce.count else {
            throw SCRAMClient.Failure(description: "the server's nonce does not extend ours")
        }
        guard let salt = Base64.decode(saltText), !salt.isEmpty else {
            throw SCRAMClient.Failure(description: "the server's salt is not base64")
        }
        guard let iterations = Int(iterationsText), iterations >= Self.iterationRange.lowerBound else {
            throw SCRAMClient.Failure(description: "the server asks for \(iterationsText) iterations; Kafka requires at least 4096")
        }
        guard iterations <= Self.iterationRange.upperBound else {
            throw SCRAMClient.Failure(description: "the server asks for \(iterations) iterations; Kafka allows at most 16384")
        }
        self.nonce = nonce
        self.salt = salt
        self.iterations = iterations
    }
}

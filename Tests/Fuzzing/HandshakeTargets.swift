import AdminCore
import NIOCore

/// What a broker sends before any request of the user's: the ApiVersions answer (with the UNSUPPORTED_VERSION
/// fallback), the v1 response header every flexible answer starts with, and the SCRAM server messages.
enum HandshakeTargets {
    static func all(fixtures: SeedCorpus) -> [FuzzTarget] {
        [ApiVersionsAnswerTarget(fixtures: fixtures), ResponseHeaderTarget(fixtures: fixtures), ServerFirstTarget(), ServerFinalTarget()]
    }
}

/// The answer to ApiVersions at each version kafkactl asks at; a retry must go down, to a version kafkactl speaks.
struct ApiVersionsAnswerTarget: FuzzTarget {
    let seeds: [[UInt8]]
    var family: FuzzFamily { .handshake }
    var name: String { "ApiVersionsAnswer" }

    init(fixtures: SeedCorpus) {
        // Each seed is the version asked at (one byte), then the answer.
        var seeds = fixtures.responses(api: "ApiVersions").compactMap { frame in
            ResponseTarget<ApiVersionsRequest>.body(of: frame).map { [UInt8(frame.version)] + $0.readableBytesView }
        }
        // UNSUPPORTED_VERSION (35) in the v0 layout: with the broker's own ApiVersions range (Kafka 2.4+) and without.
        seeds.append([3, 0x00, 0x23] + bigEndian(Int32(1)) + bigEndian(Int16(18)) + bigEndian(Int16(0)) + bigEndian(Int16(2)))
        seeds.append([3, 0x00, 0x23] + bigEndian(Int32(0)))
        self.seeds = seeds
    }

    func run(_ input: [UInt8]) throws {
        // The requested version rides on the first byte, so a saved input replays alone.
        let requested = Int16(input.first ?? 0) % (ApiVersionsRequest.versions.upperBound + 1)
        let answer = try expectTypedFailure { try ApiVersionsAnswer(ByteBuffer(bytes: input.dropFirst()), requestedVersion: requested) }
        if case .retry(let version) = answer, !(ApiVersionsRequest.versions.contains(version) && version < requested) {
            throw PropertyViolation("retries ApiVersions at v\(version) after v\(requested)")
        }
    }
}

/// Response header v1: correlation id and a tagged-field section.
struct ResponseHeaderTarget: FuzzTarget {
    let seeds: [[UInt8]]
    var family: FuzzFamily { .handshake }
    var name: String { "ResponseHeader v1" }

    init(fixtures: SeedCorpus) {
        seeds = fixtures.frames.filter(\.isResponse).map { Array($0.bytes.dropFirst(4).prefix(64)) }
            + [bigEndian(Int32(7)) + [0x02, 0x00, 0x02, 0xab, 0xcd, 0x05, 0x00]]
    }

    func run(_ input: [UInt8]) throws {
        var buffer = ByteBuffer(bytes: input)
        _ = try expectTypedFailure { try ResponseHeader(from: &buffer, headerVersion: 1) }
    }
}

/// SCRAM server-first (`r=,s=,i=`), checked against the client nonce of RFC 7677's example.
struct ServerFirstTarget: FuzzTarget {
    static let clientNonce = "rOprNGfwEbeRWgbNEkqO"
    let seeds: [[UInt8]] = [
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=8192,ext=1",
        "e=unknown-user",
    ].map { Array($0.utf8) }
    var family: FuzzFamily { .handshake }
    var name: String { "SCRAM server-first" }

    func run(_ input: [UInt8]) throws {
        let text = String(decoding: input, as: UTF8.self)
        guard let first = try expectTypedFailure({ try ServerFirstMessage(text, clientNonce: Self.clientNonce) }) else { return }
        // Accepting is a promise of bounded work: PBKDF2 runs `iterations` rounds next.
        guard ServerFirstMessage.iterationRange.contains(first.iterations), !first.salt.isEmpty else {
            throw PropertyViolation("accepted \(first.iterations) iterations")
        }
    }
}

/// SCRAM server-final (`v=<signature>` or `e=<error>`) after a genuine server-first.
struct ServerFinalTarget: FuzzTarget {
    let seeds: [[UInt8]] = ["v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", "e=invalid-proof", "v="].map { Array($0.utf8) }
    var family: FuzzFamily { .handshake }
    var name: String { "SCRAM server-final" }
    private let client: SCRAMClient

    init() {
        var client = SCRAMClient(hash: .sha256, username: "user", password: Secret("pencil"), clientNonce: ServerFirstTarget.clientNonce)
        _ = try? client.clientFinalMessage(serverFirst: ServerFirstTarget().seeds[0])
        self.client = client
    }

    func run(_ input: [UInt8]) throws {
        _ = try expectTypedFailure { try client.verify(serverFinal: input) }
    }
}

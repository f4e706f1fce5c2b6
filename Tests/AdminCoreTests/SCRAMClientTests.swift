@testable import AdminCore
import NIOCore
import Testing

/// SCRAM arithmetic against RFC 7677's published exchange and protocol.md §9.3's SHA-512 line, and the checks a
/// client owes the server's messages.
@Suite struct SCRAMClientTests {
    static let serverFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
    static let nonce = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"

    func client(_ hash: SCRAMClient.Hash, user: String = "user", password: String = "pencil") -> SCRAMClient {
        SCRAMClient(hash: hash, username: user, password: Secret(password), clientNonce: "rOprNGfwEbeRWgbNEkqO")
    }

    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("RFC 7677: SCRAM-SHA-256 client-first, client-final proof and server signature")
    func rfc7677() throws {
        var scram = client(.sha256)
        #expect(text(scram.clientFirstMessage) == "n,,n=user,r=rOprNGfwEbeRWgbNEkqO")
        let final = try scram.clientFinalMessage(serverFirst: Array(Self.serverFirst.utf8))
        #expect(text(final) == "c=biws,r=\(Self.nonce),p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
        try scram.verify(serverFinal: Array("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=".utf8))
    }

    @Test("protocol.md §9.3: SCRAM-SHA-512 from the same inputs")
    func sha512Vector() throws {
        var scram = client(.sha512)
        let final = try scram.clientFinalMessage(serverFirst: Array(Self.serverFirst.utf8))
        #expect(text(final) == "c=biws,r=\(Self.nonce),p=gMGXRcevScNtxZ6/8lQYpGtnsNAc3mGcmNomv+xnoOMw+3R2xNJdMNnzMlTN8PPC6wdp6dybEmDYXYTxwnYPJQ==")
        try scram.verify(serverFinal: Array("v=ZQnYEgWQMFmmsM8aQMF0nDDCy/AgCzkwk8CmMZYcMg0vSVlKDanekLtifDSeVGT4+5ZxXnJq199RVG2rR7N7Zw==".utf8))
    }

    @Test func aWrongServerSignatureIsRefused() throws {
        var scram = client(.sha256)
        _ = try scram.clientFinalMessage(serverFirst: Array(Self.serverFirst.utf8))
        #expect(throws: SCRAMClient.Failure.self) {
            try scram.verify(serverFinal: Array("v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=".utf8))
        }
    }

    @Test func aServerErrorIsReported() throws {
        var scram = client(.sha256)
        _ = try scram.clientFinalMessage(serverFirst: Array(Self.serverFirst.utf8))
        #expect(throws: SCRAMClient.Failure(description: "the server refused: invalid-proof")) {
            try scram.verify(serverFinal: Array("e=invalid-proof".utf8))
        }
    }

    @Test("a nonce that does not extend ours, too few iterations or a bad salt end the exchange", arguments: [
        "r=someoneelse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "r=rOprNGfwEbeRWgbNEkqO,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4095",
        "r=rOprNGfwEbeRWgbNEkqOxyz,s=!!!,i=4096",
        "r=rOprNGfwEbeRWgbNEkqOxyz,i=4096",
    ])
    func badServerFirst(message: String) {
        var scram = client(.sha512)
        #expect(throws: SCRAMClient.Failure.self) { try scram.clientFinalMessage(serverFirst: Array(message.utf8)) }
    }

    @Test func userNamesAreEscapedAsSaslnames() {
        let scram = SCRAMClient(hash: .sha256, username: "a=b,c", password: Secret("x"), clientNonce: "n")
        #expect(text(scram.clientFirstMessage) == "n,,n=a=3Db=2Cc,r=n")
    }

    @Test func delegationTokensSayTokenauth() {
        let scram = SCRAMClient(hash: .sha256, username: "id", password: Secret("hmac"), clientNonce: "n", tokenAuthentication: true)
        #expect(text(scram.clientFirstMessage) == "n,,n=id,r=n,tokenauth=true")
    }

    @Test func generatedNoncesAreFreshAndPrintableWithoutCommas() {
        let nonces = (0..<20).map { _ in SCRAMClient.randomNonce() }
        #expect(Set(nonces).count == 20)
        #expect(nonces.allSatisfy { $0.count >= 24 && !$0.contains(",") && $0.allSatisfy { $0.isASCII && !$0.isWhitespace } })
    }

    @Test("protocol.md §9.2: a PLAIN token as SaslAuthenticate v2 and v0 frames")
    func plainGoldenFrames() throws {
        let token: [UInt8] = [0] + Array("alice".utf8) + [0] + Array("secret".utf8)
        #expect(token == [0x00, 0x61, 0x6c, 0x69, 0x63, 0x65, 0x00, 0x73, 0x65, 0x63, 0x72, 0x65, 0x74])
        let request = SaslAuthenticateRequest(authBytes: ByteBuffer(bytes: token))
        func hex(_ version: Int16) throws -> String {
            var frame = try request.encodeFrame(version: version, correlationId: 5, clientId: "kafkactl", allocator: ByteBufferAllocator())
            return (frame.readBytes(length: frame.readableBytes) ?? []).map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined(separator: " ")
        }
        #expect(try hex(2) == "00 00 00 22 00 24 00 02 00 00 00 05 00 08 6b 61 66 6b 61 63 74 6c 00 0e 00 61 6c 69 63 65 00 73 65 63 72 65 74 00")
        #expect(try hex(0) == "00 00 00 23 00 24 00 00 00 00 00 05 00 08 6b 61 66 6b 61 63 74 6c 00 00 00 0d 00 61 6c 69 63 65 00 73 65 63 72 65 74")
    }

    @Test func saslHandshakeRoundTrips() throws {
        var buffer = ByteBuffer()
        try SaslHandshakeResponse(errorCode: 33, mechanisms: ["PLAIN", "SCRAM-SHA-512"]).encode(into: &buffer, version: 1)
        #expect(Array(buffer.readableBytesView) == [0, 33, 0, 0, 0, 2, 0, 5] + Array("PLAIN".utf8) + [0, 13] + Array("SCRAM-SHA-512".utf8))
        let decoded = try SaslHandshakeResponse(from: &buffer, version: 1)
        #expect(decoded.mechanisms == ["PLAIN", "SCRAM-SHA-512"])
    }
}

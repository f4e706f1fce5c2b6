@testable import AdminCore
import NIOCore
import Synchronization
import TestSupport
import Testing

/// The client side of the SASL flow against a scripted broker: the order of requests, and each way a broker can
/// refuse, as one line.
@Suite struct SASLScriptedTests {
    static let saslVersions: [Int16: ClosedRange<Int16>] = [18: 0...3, 3: 0...12, 17: 0...1, 36: 0...2]

    func connect(_ broker: ScriptedBroker, _ sasl: SASLSettings) async throws -> ClusterMetadata {
        var configuration = ClientConfiguration(bootstrapServers: [BrokerAddress(broker.address)!])
        configuration.connectTimeout = .seconds(2)
        configuration.requestTimeout = .seconds(5)
        configuration.security = SecurityConfiguration(securityProtocol: .saslPlaintext, sasl: sasl)
        defer { broker.stop() }
        return try await KafkaClient.withClient(configuration) { try await $0.metadata(topics: []) }
    }

    static func handshake(_ header: RequestHeader, code: Int16 = 0, mechanisms: [String] = ["PLAIN", "SCRAM-SHA-512"]) -> ScriptedBroker.Reply {
        ScriptedBroker.reply(SaslHandshakeResponse(errorCode: code, mechanisms: mechanisms), to: SaslHandshakeRequest.self, version: header.apiVersion)
    }

    static func authenticate(_ header: RequestHeader, code: Int16 = 0, message: String? = nil, bytes: [UInt8] = []) -> ScriptedBroker.Reply {
        ScriptedBroker.reply(
            SaslAuthenticateResponse(errorCode: code, errorMessage: message, authBytes: ByteBuffer(bytes: bytes)),
            to: SaslAuthenticateRequest.self, version: header.apiVersion)
    }

    static func metadata(_ header: RequestHeader) -> ScriptedBroker.Reply {
        ScriptedBroker.reply(MetadataResponse(brokers: [], clusterId: "sasl", controllerId: -1), to: MetadataRequest.self, version: header.apiVersion)
    }

    func failure(_ broker: ScriptedBroker, _ sasl: SASLSettings) async -> KafkactlError? {
        do {
            _ = try await connect(broker, sasl)
            return nil
        } catch {
            return error as? KafkactlError
        }
    }

    static let alice = SASLSettings(mechanism: .plain, username: "alice", password: Secret("secret"))

    @Test func plainAuthenticatesRightAfterApiVersions() async throws {
        let tokens = TokenLog()
        let broker = try ScriptedBroker(apiVersions: Self.saslVersions) { header, body in
            var body = body
            switch header.apiKey {
            case .saslHandshake:
                tokens.append(Array(try! SaslHandshakeRequest(from: &body, version: header.apiVersion).mechanism.utf8))
                return Self.handshake(header)
            case .saslAuthenticate:
                var bytes = try! SaslAuthenticateRequest(from: &body, version: header.apiVersion).authBytes
                tokens.append(bytes.readBytes(length: bytes.readableBytes)!)
                return Self.authenticate(header)
            case .metadata: return Self.metadata(header)
            default: return .silence
            }
        }
        let metadata = try await connect(broker, Self.alice)
        #expect(metadata.clusterId == "sasl")
        #expect(broker.requests.map(\.apiKey) == [.apiVersions, .saslHandshake, .saslAuthenticate, .metadata])
        #expect(broker.requests.map(\.apiVersion) == [3, 1, 2, 12])
        #expect(tokens.all == [Array("PLAIN".utf8), [0] + Array("alice".utf8) + [0] + Array("secret".utf8)])
    }

    @Test func scramChecksTheServerSignature() async throws {
        let broker = try ScriptedBroker(apiVersions: Self.saslVersions) { header, body in
            var body = body
            switch header.apiKey {
            case .saslHandshake: return Self.handshake(header)
            case .saslAuthenticate:
                var bytes = try! SaslAuthenticateRequest(from: &body, version: header.apiVersion).authBytes
                let text = String(decoding: bytes.readBytes(length: bytes.readableBytes)!, as: UTF8.self)
                if text.hasPrefix("n,,") {
                    let nonce = SCRAMClient.attributes(String(text.dropFirst(3)))["r"]!
                    return Self.authenticate(header, bytes: Array("r=\(nonce)server,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096".utf8))
                }
                return Self.authenticate(header, bytes: Array("v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=".utf8))
            case .metadata: return Self.metadata(header)
            default: return .silence
            }
        }
        let error = await failure(broker, SASLSettings(mechanism: .scramSHA512, username: "alice", password: Secret("secret")))
        #expect(error?.category == .rejected)
        #expect(error?.message == "SASL SCRAM-SHA-512 authentication as 'alice' to \(broker.address) failed: the server's signature does not match: it does not know this user's credentials")
        #expect(!broker.requests.map(\.apiKey).contains(.metadata))
    }

    @Test func aRefusalCarriesTheBrokersMessageWithoutThePassword() async throws {
        let broker = try ScriptedBroker(apiVersions: Self.saslVersions) { header, _ in
            switch header.apiKey {
            case .saslHandshake: return Self.handshake(header)
            case .saslAuthenticate: return Self.authenticate(header, code: 58, message: "Invalid password 'secret' for alice")
            default: return .silence
            }
        }
        let error = await failure(broker, Self.alice)
        #expect(error?.message == "SASL PLAIN authentication as 'alice' to \(broker.address) failed: Invalid password '********' for alice [SASL_AUTHENTICATION_FAILED]")
        #expect(error?.code == .saslAuthenticationFailed)
        #expect(error?.exitCode == 1)
    }

    @Test func anUnknownMechanismListsTheBrokersMechanisms() async throws {
        let broker = try ScriptedBroker(apiVersions: Self.saslVersions) { header, _ in
            header.apiKey == .saslHandshake ? Self.handshake(header, code: 33, mechanisms: ["SCRAM-SHA-256", "SCRAM-SHA-512"]) : .silence
        }
        let error = await failure(broker, Self.alice)
        #expect(error?.message == "the broker at \(broker.address) does not enable SASL mechanism PLAIN (it offers: SCRAM-SHA-256, SCRAM-SHA-512): set sasl.mechanism to one of those [UNSUPPORTED_SASL_MECHANISM]")
        #expect(error?.exitCode == 1)
    }

    @Test func aListenerWithoutSASLSaysSo() async throws {
        // Kafka answers SaslHandshake on a listener without SASL with ILLEGAL_SASL_STATE.
        let broker = try ScriptedBroker(apiVersions: Self.saslVersions) { header, _ in
            header.apiKey == .saslHandshake ? Self.handshake(header, code: 34, mechanisms: []) : .silence
        }
        let error = await failure(broker, Self.alice)
        #expect(error?.message == "the broker at \(broker.address) does not use SASL on this listener (SaslHandshake answered ILLEGAL_SASL_STATE): check security.protocol (PLAINTEXT or SSL for a listener without SASL)")
    }

    @Test func aBrokerWithoutSaslHandshakeSaysSo() async throws {
        let broker = try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12]) { _, _ in .silence }
        let error = await failure(broker, Self.alice)
        #expect(error?.message == "the broker at \(broker.address) does not offer SASL (no SaslHandshake in its ApiVersions): check security.protocol (PLAINTEXT or SSL for a listener without SASL)")
        #expect(broker.requests.map(\.apiKey) == [.apiVersions])
    }
}

final class TokenLog: Sendable {
    private let tokens = Mutex<[[UInt8]]>([])
    func append(_ token: [UInt8]) { tokens.withLock { $0.append(token) } }
    var all: [[UInt8]] { tokens.withLock { $0 } }
}

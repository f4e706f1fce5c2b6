// Generated from Schemas/SaslHandshake.schema by generate-messages. Do not edit.
// SaslHandshake: picks the SASL mechanism, right after ApiVersions on a SASL listener. Never flexible. v0 means
// the tokens that follow travel as bare length-prefixed blobs; v1 (Kafka 1.0+) that they travel in SaslAuthenticate,
// which is the only flow kafkactl speaks.

import NIOCore

/// SaslHandshake request (API key 17), versions 1-1.
public struct SaslHandshakeRequest: BrokerLocalRequest {
    public typealias Response = SaslHandshakeResponse
    public static let apiKey = ApiKey(rawValue: 17)
    public static let versions: ClosedRange<Int16> = 1...1
    public static let firstFlexibleVersion: Int16? = nil

    /// Mechanism: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, ...
    public var mechanism: String

    public init(
        mechanism: String = ""
    ) {
        self.mechanism = mechanism
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = false
        buffer.writeKafkaString(self.mechanism, compact: flexible)
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = false
        self.mechanism = try buffer.readKafkaString(compact: flexible, field: "SaslHandshakeRequest.Mechanism")
    }
}

/// SaslHandshake response (API key 17), versions 1-1.
public struct SaslHandshakeResponse: KafkaResponse {
    /// ErrorCode: 33 (UNSUPPORTED_SASL_MECHANISM); 34 (ILLEGAL_SASL_STATE) from a listener without SASL
    public var errorCode: Int16
    /// Mechanisms: the mechanisms this listener enables
    public var mechanisms: [String]

    public init(
        errorCode: Int16 = 0,
        mechanisms: [String] = []
    ) {
        self.errorCode = errorCode
        self.mechanisms = mechanisms
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = false
        buffer.writeInteger(self.errorCode)
        buffer.writeKafkaArrayLength(self.mechanisms.count, compact: flexible)
        for element in self.mechanisms {
            buffer.writeKafkaString(element, compact: flexible)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = false
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "SaslHandshakeResponse.ErrorCode")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 2, field: "SaslHandshakeResponse.Mechanisms") {
            var items: [String] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try buffer.readKafkaString(compact: flexible, field: "SaslHandshakeResponse.Mechanisms"))
            }
            self.mechanisms = items
        } else {
            throw WireError.invalid("SaslHandshakeResponse.Mechanisms", "null where an array is required")
        }
    }
}

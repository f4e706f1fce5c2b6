// Generated from Schemas/SaslAuthenticate.schema by generate-messages. Do not edit.
// SaslAuthenticate: one SASL message each way, on the same connection after SaslHandshake v1 (Kafka 1.0+: v0,
// 2.2+: v1, 2.5+: v2). After a non-zero ErrorCode the broker closes the connection.

import NIOCore

/// SaslAuthenticate request (API key 36), versions 0-2.
public struct SaslAuthenticateRequest: BrokerLocalRequest {
    public typealias Response = SaslAuthenticateResponse
    public static let apiKey = ApiKey(rawValue: 36)
    public static let versions: ClosedRange<Int16> = 0...2
    public static let firstFlexibleVersion: Int16? = 2

    /// AuthBytes: the client's next SASL message
    public var authBytes: ByteBuffer
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        authBytes: ByteBuffer = ByteBuffer(),
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.authBytes = authBytes
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeKafkaBytes(self.authBytes, compact: flexible)
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        self.authBytes = try buffer.readKafkaBytes(compact: flexible, field: "SaslAuthenticateRequest.AuthBytes")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "SaslAuthenticateRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "SaslAuthenticateRequest"))
            }
        }
    }
}

/// SaslAuthenticate response (API key 36), versions 0-2.
public struct SaslAuthenticateResponse: KafkaResponse {
    /// ErrorCode: 58 (SASL_AUTHENTICATION_FAILED) or 34 (ILLEGAL_SASL_STATE)
    public var errorCode: Int16
    /// ErrorMessage (nullable)
    public var errorMessage: String?
    /// AuthBytes: the server's SASL message, may be empty
    public var authBytes: ByteBuffer
    /// SessionLifetimeMs (versions v1+): 0: no limit; otherwise re-authenticate before it runs out (KIP-368)
    public var sessionLifetimeMs: Int64
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        errorCode: Int16 = 0,
        errorMessage: String? = nil,
        authBytes: ByteBuffer = ByteBuffer(),
        sessionLifetimeMs: Int64 = 0,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.authBytes = authBytes
        self.sessionLifetimeMs = sessionLifetimeMs
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeInteger(self.errorCode)
        buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
        buffer.writeKafkaBytes(self.authBytes, compact: flexible)
        if version >= 1 {
            buffer.writeInteger(self.sessionLifetimeMs)
        } else if self.sessionLifetimeMs != 0 {
            throw WireError(.unsupportedInVersion(version), field: "SaslAuthenticateResponse.SessionLifetimeMs")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "SaslAuthenticateResponse.ErrorCode")
        self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "SaslAuthenticateResponse.ErrorMessage")
        self.authBytes = try buffer.readKafkaBytes(compact: flexible, field: "SaslAuthenticateResponse.AuthBytes")
        if version >= 1 {
            self.sessionLifetimeMs = try buffer.readKafkaInteger(as: Int64.self, field: "SaslAuthenticateResponse.SessionLifetimeMs")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "SaslAuthenticateResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "SaslAuthenticateResponse"))
            }
        }
    }
}

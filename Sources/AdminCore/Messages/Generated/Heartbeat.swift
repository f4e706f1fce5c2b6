// Generated from Schemas/Heartbeat.schema by generate-messages. Do not edit.
// Heartbeat: keeps a member in its group; the answer says when to rejoin.

import NIOCore

/// Heartbeat request (API key 12), versions 2-4.
public struct HeartbeatRequest: GroupCoordinatorRequest {
    public typealias Response = HeartbeatResponse
    public static let apiKey = ApiKey(rawValue: 12)
    public static let versions: ClosedRange<Int16> = 2...4
    public static let firstFlexibleVersion: Int16? = 4

    /// GroupId
    public var groupId: String
    /// GenerationId
    public var generationId: Int32
    /// MemberId
    public var memberId: String
    /// GroupInstanceId (versions v3+, nullable)
    public var groupInstanceId: String?
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        groupId: String = "",
        generationId: Int32 = 0,
        memberId: String = "",
        groupInstanceId: String? = nil,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.groupId = groupId
        self.generationId = generationId
        self.memberId = memberId
        self.groupInstanceId = groupInstanceId
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 4
        buffer.writeKafkaString(self.groupId, compact: flexible)
        buffer.writeInteger(self.generationId)
        buffer.writeKafkaString(self.memberId, compact: flexible)
        if version >= 3 {
            buffer.writeKafkaNullableString(self.groupInstanceId, compact: flexible)
        } else if self.groupInstanceId != nil {
            throw WireError(.unsupportedInVersion(version), field: "HeartbeatRequest.GroupInstanceId")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 4
        self.groupId = try buffer.readKafkaString(compact: flexible, field: "HeartbeatRequest.GroupId")
        self.generationId = try buffer.readKafkaInteger(as: Int32.self, field: "HeartbeatRequest.GenerationId")
        self.memberId = try buffer.readKafkaString(compact: flexible, field: "HeartbeatRequest.MemberId")
        if version >= 3 {
            self.groupInstanceId = try buffer.readKafkaNullableString(compact: flexible, field: "HeartbeatRequest.GroupInstanceId")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "HeartbeatRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "HeartbeatRequest"))
            }
        }
    }
}

/// Heartbeat response (API key 12), versions 2-4.
public struct HeartbeatResponse: KafkaResponse {
    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// ErrorCode
    public var errorCode: Int16
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 4
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeInteger(self.errorCode)
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 4
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "HeartbeatResponse.ThrottleTimeMs")
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "HeartbeatResponse.ErrorCode")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "HeartbeatResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "HeartbeatResponse"))
            }
        }
    }
}

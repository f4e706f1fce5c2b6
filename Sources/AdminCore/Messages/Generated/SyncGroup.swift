// Generated from Schemas/SyncGroup.schema by generate-messages. Do not edit.
// SyncGroup: the leader hands out assignments; every member receives its own.

import NIOCore

/// SyncGroup request (API key 14), versions 2-5.
public struct SyncGroupRequest: GroupCoordinatorRequest {
    public typealias Response = SyncGroupResponse
    public static let apiKey = ApiKey(rawValue: 14)
    public static let versions: ClosedRange<Int16> = 2...5
    public static let firstFlexibleVersion: Int16? = 4

    public struct SyncGroupRequestAssignment: Hashable, Sendable {
        /// MemberId
        public var memberId: String
        /// Assignment: ConsumerProtocolAssignment
        public var assignment: ByteBuffer
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            memberId: String = "",
            assignment: ByteBuffer = ByteBuffer(),
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.memberId = memberId
            self.assignment = assignment
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 4
            buffer.writeKafkaString(self.memberId, compact: flexible)
            buffer.writeKafkaBytes(self.assignment, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 4
            self.memberId = try buffer.readKafkaString(compact: flexible, field: "SyncGroupRequestAssignment.MemberId")
            self.assignment = try buffer.readKafkaBytes(compact: flexible, field: "SyncGroupRequestAssignment.Assignment")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "SyncGroupRequestAssignment")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "SyncGroupRequestAssignment"))
                }
            }
        }
    }

    /// GroupId
    public var groupId: String
    /// GenerationId
    public var generationId: Int32
    /// MemberId
    public var memberId: String
    /// GroupInstanceId (versions v3+, nullable)
    public var groupInstanceId: String?
    /// ProtocolType (versions v5+, nullable)
    public var protocolType: String?
    /// ProtocolName (versions v5+, nullable)
    public var protocolName: String?
    /// Assignments: the leader's; empty from followers
    public var assignments: [SyncGroupRequestAssignment]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        groupId: String = "",
        generationId: Int32 = 0,
        memberId: String = "",
        groupInstanceId: String? = nil,
        protocolType: String? = nil,
        protocolName: String? = nil,
        assignments: [SyncGroupRequestAssignment] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.groupId = groupId
        self.generationId = generationId
        self.memberId = memberId
        self.groupInstanceId = groupInstanceId
        self.protocolType = protocolType
        self.protocolName = protocolName
        self.assignments = assignments
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
            throw WireError(.unsupportedInVersion(version), field: "SyncGroupRequest.GroupInstanceId")
        }
        if version >= 5 {
            buffer.writeKafkaNullableString(self.protocolType, compact: flexible)
        }
        if version >= 5 {
            buffer.writeKafkaNullableString(self.protocolName, compact: flexible)
        }
        buffer.writeKafkaArrayLength(self.assignments.count, compact: flexible)
        for element in self.assignments {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 4
        self.groupId = try buffer.readKafkaString(compact: flexible, field: "SyncGroupRequest.GroupId")
        self.generationId = try buffer.readKafkaInteger(as: Int32.self, field: "SyncGroupRequest.GenerationId")
        self.memberId = try buffer.readKafkaString(compact: flexible, field: "SyncGroupRequest.MemberId")
        if version >= 3 {
            self.groupInstanceId = try buffer.readKafkaNullableString(compact: flexible, field: "SyncGroupRequest.GroupInstanceId")
        }
        if version >= 5 {
            self.protocolType = try buffer.readKafkaNullableString(compact: flexible, field: "SyncGroupRequest.ProtocolType")
        }
        if version >= 5 {
            self.protocolName = try buffer.readKafkaNullableString(compact: flexible, field: "SyncGroupRequest.ProtocolName")
        }
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "SyncGroupRequest.Assignments") {
            var items: [SyncGroupRequestAssignment] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try SyncGroupRequestAssignment(from: &buffer, version: version))
            }
            self.assignments = items
        } else {
            throw WireError.invalid("SyncGroupRequest.Assignments", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "SyncGroupRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "SyncGroupRequest"))
            }
        }
    }
}

/// SyncGroup response (API key 14), versions 2-5.
public struct SyncGroupResponse: KafkaResponse {
    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// ErrorCode
    public var errorCode: Int16
    /// ProtocolType (versions v5+, nullable)
    public var protocolType: String?
    /// ProtocolName (versions v5+, nullable)
    public var protocolName: String?
    /// Assignment
    public var assignment: ByteBuffer
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        protocolType: String? = nil,
        protocolName: String? = nil,
        assignment: ByteBuffer = ByteBuffer(),
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.protocolType = protocolType
        self.protocolName = protocolName
        self.assignment = assignment
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 4
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeInteger(self.errorCode)
        if version >= 5 {
            buffer.writeKafkaNullableString(self.protocolType, compact: flexible)
        } else if self.protocolType != nil {
            throw WireError(.unsupportedInVersion(version), field: "SyncGroupResponse.ProtocolType")
        }
        if version >= 5 {
            buffer.writeKafkaNullableString(self.protocolName, compact: flexible)
        } else if self.protocolName != nil {
            throw WireError(.unsupportedInVersion(version), field: "SyncGroupResponse.ProtocolName")
        }
        buffer.writeKafkaBytes(self.assignment, compact: flexible)
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 4
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "SyncGroupResponse.ThrottleTimeMs")
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "SyncGroupResponse.ErrorCode")
        if version >= 5 {
            self.protocolType = try buffer.readKafkaNullableString(compact: flexible, field: "SyncGroupResponse.ProtocolType")
        }
        if version >= 5 {
            self.protocolName = try buffer.readKafkaNullableString(compact: flexible, field: "SyncGroupResponse.ProtocolName")
        }
        self.assignment = try buffer.readKafkaBytes(compact: flexible, field: "SyncGroupResponse.Assignment")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "SyncGroupResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "SyncGroupResponse"))
            }
        }
    }
}

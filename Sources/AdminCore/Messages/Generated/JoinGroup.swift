// Generated from Schemas/JoinGroup.schema by generate-messages. Do not edit.
// JoinGroup: join (or rejoin) a classic consumer group at its coordinator. v3 is the highest Kafka 2.1 knows;
// v4+ answers a first join with MEMBER_ID_REQUIRED (KIP-394).

import NIOCore

/// JoinGroup request (API key 11), versions 3-9.
public struct JoinGroupRequest: GroupCoordinatorRequest {
    public typealias Response = JoinGroupResponse
    public static let apiKey = ApiKey(rawValue: 11)
    public static let versions: ClosedRange<Int16> = 3...9
    public static let firstFlexibleVersion: Int16? = 6

    public struct JoinGroupRequestProtocol: Hashable, Sendable {
        /// Name
        public var name: String
        /// Metadata: ConsumerProtocolSubscription
        public var metadata: ByteBuffer
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            metadata: ByteBuffer = ByteBuffer(),
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.metadata = metadata
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 6
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaBytes(self.metadata, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 6
            self.name = try buffer.readKafkaString(compact: flexible, field: "JoinGroupRequestProtocol.Name")
            self.metadata = try buffer.readKafkaBytes(compact: flexible, field: "JoinGroupRequestProtocol.Metadata")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "JoinGroupRequestProtocol")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "JoinGroupRequestProtocol"))
                }
            }
        }
    }

    /// GroupId
    public var groupId: String
    /// SessionTimeoutMs
    public var sessionTimeoutMs: Int32
    /// RebalanceTimeoutMs
    public var rebalanceTimeoutMs: Int32
    /// MemberId: "" on the first join
    public var memberId: String
    /// GroupInstanceId (versions v5+, nullable): static membership (group.instance.id)
    public var groupInstanceId: String?
    /// ProtocolType: "consumer"
    public var protocolType: String
    /// Protocols: assignors, most preferred first
    public var protocols: [JoinGroupRequestProtocol]
    /// Reason (versions v8+, nullable)
    public var reason: String?
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        groupId: String = "",
        sessionTimeoutMs: Int32 = 0,
        rebalanceTimeoutMs: Int32 = -1,
        memberId: String = "",
        groupInstanceId: String? = nil,
        protocolType: String = "",
        protocols: [JoinGroupRequestProtocol] = [],
        reason: String? = nil,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.groupId = groupId
        self.sessionTimeoutMs = sessionTimeoutMs
        self.rebalanceTimeoutMs = rebalanceTimeoutMs
        self.memberId = memberId
        self.groupInstanceId = groupInstanceId
        self.protocolType = protocolType
        self.protocols = protocols
        self.reason = reason
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 6
        buffer.writeKafkaString(self.groupId, compact: flexible)
        buffer.writeInteger(self.sessionTimeoutMs)
        buffer.writeInteger(self.rebalanceTimeoutMs)
        buffer.writeKafkaString(self.memberId, compact: flexible)
        if version >= 5 {
            buffer.writeKafkaNullableString(self.groupInstanceId, compact: flexible)
        } else if self.groupInstanceId != nil {
            throw WireError(.unsupportedInVersion(version), field: "JoinGroupRequest.GroupInstanceId")
        }
        buffer.writeKafkaString(self.protocolType, compact: flexible)
        buffer.writeKafkaArrayLength(self.protocols.count, compact: flexible)
        for element in self.protocols {
            try element.encode(into: &buffer, version: version)
        }
        if version >= 8 {
            buffer.writeKafkaNullableString(self.reason, compact: flexible)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 6
        self.groupId = try buffer.readKafkaString(compact: flexible, field: "JoinGroupRequest.GroupId")
        self.sessionTimeoutMs = try buffer.readKafkaInteger(as: Int32.self, field: "JoinGroupRequest.SessionTimeoutMs")
        self.rebalanceTimeoutMs = try buffer.readKafkaInteger(as: Int32.self, field: "JoinGroupRequest.RebalanceTimeoutMs")
        self.memberId = try buffer.readKafkaString(compact: flexible, field: "JoinGroupRequest.MemberId")
        if version >= 5 {
            self.groupInstanceId = try buffer.readKafkaNullableString(compact: flexible, field: "JoinGroupRequest.GroupInstanceId")
        }
        self.protocolType = try buffer.readKafkaString(compact: flexible, field: "JoinGroupRequest.ProtocolType")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "JoinGroupRequest.Protocols") {
            var items: [JoinGroupRequestProtocol] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try JoinGroupRequestProtocol(from: &buffer, version: version))
            }
            self.protocols = items
        } else {
            throw WireError.invalid("JoinGroupRequest.Protocols", "null where an array is required")
        }
        if version >= 8 {
            self.reason = try buffer.readKafkaNullableString(compact: flexible, field: "JoinGroupRequest.Reason")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "JoinGroupRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "JoinGroupRequest"))
            }
        }
    }
}

/// JoinGroup response (API key 11), versions 3-9.
public struct JoinGroupResponse: KafkaResponse {
    public struct JoinGroupResponseMember: Hashable, Sendable {
        /// MemberId
        public var memberId: String
        /// GroupInstanceId (versions v5+, nullable)
        public var groupInstanceId: String?
        /// Metadata
        public var metadata: ByteBuffer
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            memberId: String = "",
            groupInstanceId: String? = nil,
            metadata: ByteBuffer = ByteBuffer(),
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.memberId = memberId
            self.groupInstanceId = groupInstanceId
            self.metadata = metadata
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 6
            buffer.writeKafkaString(self.memberId, compact: flexible)
            if version >= 5 {
                buffer.writeKafkaNullableString(self.groupInstanceId, compact: flexible)
            } else if self.groupInstanceId != nil {
                throw WireError(.unsupportedInVersion(version), field: "JoinGroupResponseMember.GroupInstanceId")
            }
            buffer.writeKafkaBytes(self.metadata, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 6
            self.memberId = try buffer.readKafkaString(compact: flexible, field: "JoinGroupResponseMember.MemberId")
            if version >= 5 {
                self.groupInstanceId = try buffer.readKafkaNullableString(compact: flexible, field: "JoinGroupResponseMember.GroupInstanceId")
            }
            self.metadata = try buffer.readKafkaBytes(compact: flexible, field: "JoinGroupResponseMember.Metadata")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "JoinGroupResponseMember")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "JoinGroupResponseMember"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// ErrorCode
    public var errorCode: Int16
    /// GenerationId
    public var generationId: Int32
    /// ProtocolType (versions v7+, nullable)
    public var protocolType: String?
    /// ProtocolName (nullable v7+)
    public var protocolName: String?
    /// Leader
    public var leader: String
    /// SkipAssignment (versions v9+)
    public var skipAssignment: Bool
    /// MemberId
    public var memberId: String
    /// Members: only in the leader's answer
    public var members: [JoinGroupResponseMember]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        generationId: Int32 = -1,
        protocolType: String? = nil,
        protocolName: String? = nil,
        leader: String = "",
        skipAssignment: Bool = false,
        memberId: String = "",
        members: [JoinGroupResponseMember] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.generationId = generationId
        self.protocolType = protocolType
        self.protocolName = protocolName
        self.leader = leader
        self.skipAssignment = skipAssignment
        self.memberId = memberId
        self.members = members
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 6
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeInteger(self.errorCode)
        buffer.writeInteger(self.generationId)
        if version >= 7 {
            buffer.writeKafkaNullableString(self.protocolType, compact: flexible)
        } else if self.protocolType != nil {
            throw WireError(.unsupportedInVersion(version), field: "JoinGroupResponse.ProtocolType")
        }
        if self.protocolName == nil && !(version >= 7) { throw WireError.invalid("JoinGroupResponse.ProtocolName", "null is not allowed in this version") }
        buffer.writeKafkaNullableString(self.protocolName, compact: flexible)
        buffer.writeKafkaString(self.leader, compact: flexible)
        if version >= 9 {
            buffer.writeKafkaBool(self.skipAssignment)
        } else if self.skipAssignment != false {
            throw WireError(.unsupportedInVersion(version), field: "JoinGroupResponse.SkipAssignment")
        }
        buffer.writeKafkaString(self.memberId, compact: flexible)
        buffer.writeKafkaArrayLength(self.members.count, compact: flexible)
        for element in self.members {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 6
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "JoinGroupResponse.ThrottleTimeMs")
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "JoinGroupResponse.ErrorCode")
        self.generationId = try buffer.readKafkaInteger(as: Int32.self, field: "JoinGroupResponse.GenerationId")
        if version >= 7 {
            self.protocolType = try buffer.readKafkaNullableString(compact: flexible, field: "JoinGroupResponse.ProtocolType")
        }
        self.protocolName = try buffer.readKafkaNullableString(compact: flexible, field: "JoinGroupResponse.ProtocolName")
        if self.protocolName == nil && !(version >= 7) { throw WireError.invalid("JoinGroupResponse.ProtocolName", "null is not allowed in this version") }
        self.leader = try buffer.readKafkaString(compact: flexible, field: "JoinGroupResponse.Leader")
        if version >= 9 {
            self.skipAssignment = try buffer.readKafkaBool(field: "JoinGroupResponse.SkipAssignment")
        }
        self.memberId = try buffer.readKafkaString(compact: flexible, field: "JoinGroupResponse.MemberId")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "JoinGroupResponse.Members") {
            var items: [JoinGroupResponseMember] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try JoinGroupResponseMember(from: &buffer, version: version))
            }
            self.members = items
        } else {
            throw WireError.invalid("JoinGroupResponse.Members", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "JoinGroupResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "JoinGroupResponse"))
            }
        }
    }
}

// Generated from Schemas/LeaveGroup.schema by generate-messages. Do not edit.
// LeaveGroup: leave at once instead of holding the next rebalance until the session times out.

import NIOCore

/// LeaveGroup request (API key 13), versions 2-5.
public struct LeaveGroupRequest: GroupCoordinatorRequest {
    public typealias Response = LeaveGroupResponse
    public static let apiKey = ApiKey(rawValue: 13)
    public static let versions: ClosedRange<Int16> = 2...5
    public static let firstFlexibleVersion: Int16? = 4

    public struct MemberIdentity: Hashable, Sendable {
        /// MemberId
        public var memberId: String
        /// GroupInstanceId (nullable)
        public var groupInstanceId: String?
        /// Reason (versions v5+, nullable)
        public var reason: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            memberId: String = "",
            groupInstanceId: String? = nil,
            reason: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.memberId = memberId
            self.groupInstanceId = groupInstanceId
            self.reason = reason
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 4
            buffer.writeKafkaString(self.memberId, compact: flexible)
            buffer.writeKafkaNullableString(self.groupInstanceId, compact: flexible)
            if version >= 5 {
                buffer.writeKafkaNullableString(self.reason, compact: flexible)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 4
            self.memberId = try buffer.readKafkaString(compact: flexible, field: "MemberIdentity.MemberId")
            self.groupInstanceId = try buffer.readKafkaNullableString(compact: flexible, field: "MemberIdentity.GroupInstanceId")
            if version >= 5 {
                self.reason = try buffer.readKafkaNullableString(compact: flexible, field: "MemberIdentity.Reason")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "MemberIdentity")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "MemberIdentity"))
                }
            }
        }
    }

    /// GroupId
    public var groupId: String
    /// MemberId (versions v2)
    public var memberId: String
    /// Members (versions v3+)
    public var members: [MemberIdentity]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        groupId: String = "",
        memberId: String = "",
        members: [MemberIdentity] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.groupId = groupId
        self.memberId = memberId
        self.members = members
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 4
        buffer.writeKafkaString(self.groupId, compact: flexible)
        if version <= 2 {
            buffer.writeKafkaString(self.memberId, compact: flexible)
        } else if self.memberId != "" {
            throw WireError(.unsupportedInVersion(version), field: "LeaveGroupRequest.MemberId")
        }
        if version >= 3 {
            buffer.writeKafkaArrayLength(self.members.count, compact: flexible)
            for element in self.members {
                try element.encode(into: &buffer, version: version)
            }
        } else if self.members != [] {
            throw WireError(.unsupportedInVersion(version), field: "LeaveGroupRequest.Members")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 4
        self.groupId = try buffer.readKafkaString(compact: flexible, field: "LeaveGroupRequest.GroupId")
        if version <= 2 {
            self.memberId = try buffer.readKafkaString(compact: flexible, field: "LeaveGroupRequest.MemberId")
        }
        if version >= 3 {
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 4, field: "LeaveGroupRequest.Members") {
                var items: [MemberIdentity] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try MemberIdentity(from: &buffer, version: version))
                }
                self.members = items
            } else {
                throw WireError.invalid("LeaveGroupRequest.Members", "null where an array is required")
            }
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "LeaveGroupRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "LeaveGroupRequest"))
            }
        }
    }
}

/// LeaveGroup response (API key 13), versions 2-5.
public struct LeaveGroupResponse: KafkaResponse {
    public struct MemberResponse: Hashable, Sendable {
        /// MemberId
        public var memberId: String
        /// GroupInstanceId (nullable)
        public var groupInstanceId: String?
        /// ErrorCode
        public var errorCode: Int16
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            memberId: String = "",
            groupInstanceId: String? = nil,
            errorCode: Int16 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.memberId = memberId
            self.groupInstanceId = groupInstanceId
            self.errorCode = errorCode
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 4
            buffer.writeKafkaString(self.memberId, compact: flexible)
            buffer.writeKafkaNullableString(self.groupInstanceId, compact: flexible)
            buffer.writeInteger(self.errorCode)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 4
            self.memberId = try buffer.readKafkaString(compact: flexible, field: "MemberResponse.MemberId")
            self.groupInstanceId = try buffer.readKafkaNullableString(compact: flexible, field: "MemberResponse.GroupInstanceId")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "MemberResponse.ErrorCode")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "MemberResponse")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "MemberResponse"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// ErrorCode
    public var errorCode: Int16
    /// Members (versions v3+)
    public var members: [MemberResponse]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        members: [MemberResponse] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.members = members
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 4
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeInteger(self.errorCode)
        if version >= 3 {
            buffer.writeKafkaArrayLength(self.members.count, compact: flexible)
            for element in self.members {
                try element.encode(into: &buffer, version: version)
            }
        } else if self.members != [] {
            throw WireError(.unsupportedInVersion(version), field: "LeaveGroupResponse.Members")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 4
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "LeaveGroupResponse.ThrottleTimeMs")
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "LeaveGroupResponse.ErrorCode")
        if version >= 3 {
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 5 : 6, field: "LeaveGroupResponse.Members") {
                var items: [MemberResponse] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try MemberResponse(from: &buffer, version: version))
                }
                self.members = items
            } else {
                throw WireError.invalid("LeaveGroupResponse.Members", "null where an array is required")
            }
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "LeaveGroupResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "LeaveGroupResponse"))
            }
        }
    }
}

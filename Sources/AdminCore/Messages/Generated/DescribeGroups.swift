// Generated from Schemas/DescribeGroups.schema by generate-messages. Do not edit.
// DescribeGroups: state, protocol and members of groups, at their coordinator.

import NIOCore

/// DescribeGroups request (API key 15), versions 2-6.
public struct DescribeGroupsRequest: GroupCoordinatorRequest {
    public typealias Response = DescribeGroupsResponse
    public static let apiKey = ApiKey(rawValue: 15)
    public static let versions: ClosedRange<Int16> = 2...6
    public static let firstFlexibleVersion: Int16? = 5

    /// Groups
    public var groups: [String]
    /// IncludeAuthorizedOperations (versions v3+)
    public var includeAuthorizedOperations: Bool
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        groups: [String] = [],
        includeAuthorizedOperations: Bool = false,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.groups = groups
        self.includeAuthorizedOperations = includeAuthorizedOperations
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 5
        buffer.writeKafkaArrayLength(self.groups.count, compact: flexible)
        for element in self.groups {
            buffer.writeKafkaString(element, compact: flexible)
        }
        if version >= 3 {
            buffer.writeKafkaBool(self.includeAuthorizedOperations)
        } else if self.includeAuthorizedOperations != false {
            throw WireError(.unsupportedInVersion(version), field: "DescribeGroupsRequest.IncludeAuthorizedOperations")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 5
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 1 : 2, field: "DescribeGroupsRequest.Groups") {
            var items: [String] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try buffer.readKafkaString(compact: flexible, field: "DescribeGroupsRequest.Groups"))
            }
            self.groups = items
        } else {
            throw WireError.invalid("DescribeGroupsRequest.Groups", "null where an array is required")
        }
        if version >= 3 {
            self.includeAuthorizedOperations = try buffer.readKafkaBool(field: "DescribeGroupsRequest.IncludeAuthorizedOperations")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeGroupsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeGroupsRequest"))
            }
        }
    }
}

/// DescribeGroups response (API key 15), versions 2-6.
public struct DescribeGroupsResponse: KafkaResponse {
    public struct DescribedGroup: Hashable, Sendable {
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (versions v6+, nullable)
        public var errorMessage: String?
        /// GroupId
        public var groupId: String
        /// GroupState
        public var groupState: String
        /// ProtocolType
        public var protocolType: String
        /// ProtocolData: the assignor, when Stable
        public var protocolData: String
        /// Members
        public var members: [DescribedGroupMember]
        /// AuthorizedOperations (versions v3+)
        public var authorizedOperations: Int32
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            groupId: String = "",
            groupState: String = "",
            protocolType: String = "",
            protocolData: String = "",
            members: [DescribedGroupMember] = [],
            authorizedOperations: Int32 = -2147483648,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.groupId = groupId
            self.groupState = groupState
            self.protocolType = protocolType
            self.protocolData = protocolData
            self.members = members
            self.authorizedOperations = authorizedOperations
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 5
            buffer.writeInteger(self.errorCode)
            if version >= 6 {
                buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            } else if self.errorMessage != nil {
                throw WireError(.unsupportedInVersion(version), field: "DescribedGroup.ErrorMessage")
            }
            buffer.writeKafkaString(self.groupId, compact: flexible)
            buffer.writeKafkaString(self.groupState, compact: flexible)
            buffer.writeKafkaString(self.protocolType, compact: flexible)
            buffer.writeKafkaString(self.protocolData, compact: flexible)
            buffer.writeKafkaArrayLength(self.members.count, compact: flexible)
            for element in self.members {
                try element.encode(into: &buffer, version: version)
            }
            if version >= 3 {
                buffer.writeInteger(self.authorizedOperations)
            } else if self.authorizedOperations != -2147483648 {
                throw WireError(.unsupportedInVersion(version), field: "DescribedGroup.AuthorizedOperations")
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 5
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DescribedGroup.ErrorCode")
            if version >= 6 {
                self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "DescribedGroup.ErrorMessage")
            }
            self.groupId = try buffer.readKafkaString(compact: flexible, field: "DescribedGroup.GroupId")
            self.groupState = try buffer.readKafkaString(compact: flexible, field: "DescribedGroup.GroupState")
            self.protocolType = try buffer.readKafkaString(compact: flexible, field: "DescribedGroup.ProtocolType")
            self.protocolData = try buffer.readKafkaString(compact: flexible, field: "DescribedGroup.ProtocolData")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 6 : 14, field: "DescribedGroup.Members") {
                var items: [DescribedGroupMember] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try DescribedGroupMember(from: &buffer, version: version))
                }
                self.members = items
            } else {
                throw WireError.invalid("DescribedGroup.Members", "null where an array is required")
            }
            if version >= 3 {
                self.authorizedOperations = try buffer.readKafkaInteger(as: Int32.self, field: "DescribedGroup.AuthorizedOperations")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DescribedGroup")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribedGroup"))
                }
            }
        }
    }

    public struct DescribedGroupMember: Hashable, Sendable {
        /// MemberId
        public var memberId: String
        /// GroupInstanceId (versions v4+, nullable)
        public var groupInstanceId: String?
        /// ClientId
        public var clientId: String
        /// ClientHost
        public var clientHost: String
        /// MemberMetadata
        public var memberMetadata: ByteBuffer
        /// MemberAssignment
        public var memberAssignment: ByteBuffer
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            memberId: String = "",
            groupInstanceId: String? = nil,
            clientId: String = "",
            clientHost: String = "",
            memberMetadata: ByteBuffer = ByteBuffer(),
            memberAssignment: ByteBuffer = ByteBuffer(),
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.memberId = memberId
            self.groupInstanceId = groupInstanceId
            self.clientId = clientId
            self.clientHost = clientHost
            self.memberMetadata = memberMetadata
            self.memberAssignment = memberAssignment
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 5
            buffer.writeKafkaString(self.memberId, compact: flexible)
            if version >= 4 {
                buffer.writeKafkaNullableString(self.groupInstanceId, compact: flexible)
            } else if self.groupInstanceId != nil {
                throw WireError(.unsupportedInVersion(version), field: "DescribedGroupMember.GroupInstanceId")
            }
            buffer.writeKafkaString(self.clientId, compact: flexible)
            buffer.writeKafkaString(self.clientHost, compact: flexible)
            buffer.writeKafkaBytes(self.memberMetadata, compact: flexible)
            buffer.writeKafkaBytes(self.memberAssignment, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 5
            self.memberId = try buffer.readKafkaString(compact: flexible, field: "DescribedGroupMember.MemberId")
            if version >= 4 {
                self.groupInstanceId = try buffer.readKafkaNullableString(compact: flexible, field: "DescribedGroupMember.GroupInstanceId")
            }
            self.clientId = try buffer.readKafkaString(compact: flexible, field: "DescribedGroupMember.ClientId")
            self.clientHost = try buffer.readKafkaString(compact: flexible, field: "DescribedGroupMember.ClientHost")
            self.memberMetadata = try buffer.readKafkaBytes(compact: flexible, field: "DescribedGroupMember.MemberMetadata")
            self.memberAssignment = try buffer.readKafkaBytes(compact: flexible, field: "DescribedGroupMember.MemberAssignment")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DescribedGroupMember")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribedGroupMember"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Groups
    public var groups: [DescribedGroup]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        groups: [DescribedGroup] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.groups = groups
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 5
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeKafkaArrayLength(self.groups.count, compact: flexible)
        for element in self.groups {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 5
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeGroupsResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 8 : 14, field: "DescribeGroupsResponse.Groups") {
            var items: [DescribedGroup] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try DescribedGroup(from: &buffer, version: version))
            }
            self.groups = items
        } else {
            throw WireError.invalid("DescribeGroupsResponse.Groups", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeGroupsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeGroupsResponse"))
            }
        }
    }
}

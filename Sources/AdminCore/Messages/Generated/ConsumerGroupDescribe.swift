// Generated from Schemas/ConsumerGroupDescribe.schema by generate-messages. Do not edit.
// ConsumerGroupDescribe: members and assignments of consumer-protocol groups (KIP-848, Kafka 4.0 GA), at their
// coordinator. A classic group answers GROUP_ID_NOT_FOUND here; DescribeGroups describes those.

import NIOCore

/// ConsumerGroupDescribe request (API key 69), versions 0-1.
public struct ConsumerGroupDescribeRequest: GroupCoordinatorRequest {
    public typealias Response = ConsumerGroupDescribeResponse
    public static let apiKey = ApiKey(rawValue: 69)
    public static let versions: ClosedRange<Int16> = 0...1
    public static let firstFlexibleVersion: Int16? = 0

    /// GroupIds
    public var groupIds: [String]
    /// IncludeAuthorizedOperations
    public var includeAuthorizedOperations: Bool
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        groupIds: [String] = [],
        includeAuthorizedOperations: Bool = false,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.groupIds = groupIds
        self.includeAuthorizedOperations = includeAuthorizedOperations
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeKafkaArrayLength(self.groupIds.count, compact: flexible)
        for element in self.groupIds {
            buffer.writeKafkaString(element, compact: flexible)
        }
        buffer.writeKafkaBool(self.includeAuthorizedOperations)
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        if let count = try buffer.readKafkaArrayLength(compact: flexible, field: "ConsumerGroupDescribeRequest.GroupIds") {
            var items: [String] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try buffer.readKafkaString(compact: flexible, field: "ConsumerGroupDescribeRequest.GroupIds"))
            }
            self.groupIds = items
        } else {
            throw WireError.invalid("ConsumerGroupDescribeRequest.GroupIds", "null where an array is required")
        }
        self.includeAuthorizedOperations = try buffer.readKafkaBool(field: "ConsumerGroupDescribeRequest.IncludeAuthorizedOperations")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ConsumerGroupDescribeRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ConsumerGroupDescribeRequest"))
            }
        }
    }
}

/// ConsumerGroupDescribe response (API key 69), versions 0-1.
public struct ConsumerGroupDescribeResponse: KafkaResponse {
    public struct DescribedGroup: Hashable, Sendable {
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (nullable)
        public var errorMessage: String?
        /// GroupId
        public var groupId: String
        /// GroupState
        public var groupState: String
        /// GroupEpoch
        public var groupEpoch: Int32
        /// AssignmentEpoch
        public var assignmentEpoch: Int32
        /// AssignorName
        public var assignorName: String
        /// Members
        public var members: [Member]
        /// AuthorizedOperations
        public var authorizedOperations: Int32
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            groupId: String = "",
            groupState: String = "",
            groupEpoch: Int32 = 0,
            assignmentEpoch: Int32 = 0,
            assignorName: String = "",
            members: [Member] = [],
            authorizedOperations: Int32 = -2147483648,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.groupId = groupId
            self.groupState = groupState
            self.groupEpoch = groupEpoch
            self.assignmentEpoch = assignmentEpoch
            self.assignorName = assignorName
            self.members = members
            self.authorizedOperations = authorizedOperations
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            buffer.writeKafkaString(self.groupId, compact: flexible)
            buffer.writeKafkaString(self.groupState, compact: flexible)
            buffer.writeInteger(self.groupEpoch)
            buffer.writeInteger(self.assignmentEpoch)
            buffer.writeKafkaString(self.assignorName, compact: flexible)
            buffer.writeKafkaArrayLength(self.members.count, compact: flexible)
            for element in self.members {
                try element.encode(into: &buffer, version: version)
            }
            buffer.writeInteger(self.authorizedOperations)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DescribedGroup.ErrorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "DescribedGroup.ErrorMessage")
            self.groupId = try buffer.readKafkaString(compact: flexible, field: "DescribedGroup.GroupId")
            self.groupState = try buffer.readKafkaString(compact: flexible, field: "DescribedGroup.GroupState")
            self.groupEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "DescribedGroup.GroupEpoch")
            self.assignmentEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "DescribedGroup.AssignmentEpoch")
            self.assignorName = try buffer.readKafkaString(compact: flexible, field: "DescribedGroup.AssignorName")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 16, field: "DescribedGroup.Members") {
                var items: [Member] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try Member(from: &buffer, version: version))
                }
                self.members = items
            } else {
                throw WireError.invalid("DescribedGroup.Members", "null where an array is required")
            }
            self.authorizedOperations = try buffer.readKafkaInteger(as: Int32.self, field: "DescribedGroup.AuthorizedOperations")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DescribedGroup")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribedGroup"))
                }
            }
        }
    }

    public struct Member: Hashable, Sendable {
        /// MemberId
        public var memberId: String
        /// InstanceId (nullable)
        public var instanceId: String?
        /// RackId (nullable)
        public var rackId: String?
        /// MemberEpoch
        public var memberEpoch: Int32
        /// ClientId
        public var clientId: String
        /// ClientHost
        public var clientHost: String
        /// SubscribedTopicNames
        public var subscribedTopicNames: [String]
        /// SubscribedTopicRegex (nullable)
        public var subscribedTopicRegex: String?
        /// Assignment: what the member owns now
        public var assignment: Assignment
        /// TargetAssignment: what the coordinator is moving it to
        public var targetAssignment: Assignment
        /// MemberType (versions v1+): -1 unknown, 0 classic member, 1 consumer member
        public var memberType: Int8
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            memberId: String = "",
            instanceId: String? = nil,
            rackId: String? = nil,
            memberEpoch: Int32 = 0,
            clientId: String = "",
            clientHost: String = "",
            subscribedTopicNames: [String] = [],
            subscribedTopicRegex: String? = nil,
            assignment: Assignment = Assignment(),
            targetAssignment: Assignment = Assignment(),
            memberType: Int8 = -1,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.memberId = memberId
            self.instanceId = instanceId
            self.rackId = rackId
            self.memberEpoch = memberEpoch
            self.clientId = clientId
            self.clientHost = clientHost
            self.subscribedTopicNames = subscribedTopicNames
            self.subscribedTopicRegex = subscribedTopicRegex
            self.assignment = assignment
            self.targetAssignment = targetAssignment
            self.memberType = memberType
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaString(self.memberId, compact: flexible)
            buffer.writeKafkaNullableString(self.instanceId, compact: flexible)
            buffer.writeKafkaNullableString(self.rackId, compact: flexible)
            buffer.writeInteger(self.memberEpoch)
            buffer.writeKafkaString(self.clientId, compact: flexible)
            buffer.writeKafkaString(self.clientHost, compact: flexible)
            buffer.writeKafkaArrayLength(self.subscribedTopicNames.count, compact: flexible)
            for element in self.subscribedTopicNames {
                buffer.writeKafkaString(element, compact: flexible)
            }
            buffer.writeKafkaNullableString(self.subscribedTopicRegex, compact: flexible)
            try self.assignment.encode(into: &buffer, version: version)
            try self.targetAssignment.encode(into: &buffer, version: version)
            if version >= 1 {
                buffer.writeInteger(self.memberType)
            } else if self.memberType != -1 {
                throw WireError(.unsupportedInVersion(version), field: "Member.MemberType")
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.memberId = try buffer.readKafkaString(compact: flexible, field: "Member.MemberId")
            self.instanceId = try buffer.readKafkaNullableString(compact: flexible, field: "Member.InstanceId")
            self.rackId = try buffer.readKafkaNullableString(compact: flexible, field: "Member.RackId")
            self.memberEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "Member.MemberEpoch")
            self.clientId = try buffer.readKafkaString(compact: flexible, field: "Member.ClientId")
            self.clientHost = try buffer.readKafkaString(compact: flexible, field: "Member.ClientHost")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, field: "Member.SubscribedTopicNames") {
                var items: [String] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaString(compact: flexible, field: "Member.SubscribedTopicNames"))
                }
                self.subscribedTopicNames = items
            } else {
                throw WireError.invalid("Member.SubscribedTopicNames", "null where an array is required")
            }
            self.subscribedTopicRegex = try buffer.readKafkaNullableString(compact: flexible, field: "Member.SubscribedTopicRegex")
            self.assignment = try Assignment(from: &buffer, version: version)
            self.targetAssignment = try Assignment(from: &buffer, version: version)
            if version >= 1 {
                self.memberType = try buffer.readKafkaInteger(as: Int8.self, field: "Member.MemberType")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "Member")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "Member"))
                }
            }
        }
    }

    public struct Assignment: Hashable, Sendable {
        /// TopicPartitions
        public var topicPartitions: [TopicPartitions]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            topicPartitions: [TopicPartitions] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.topicPartitions = topicPartitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaArrayLength(self.topicPartitions.count, compact: flexible)
            for element in self.topicPartitions {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 19, field: "Assignment.TopicPartitions") {
                var items: [TopicPartitions] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try TopicPartitions(from: &buffer, version: version))
                }
                self.topicPartitions = items
            } else {
                throw WireError.invalid("Assignment.TopicPartitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "Assignment")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "Assignment"))
                }
            }
        }
    }

    public struct TopicPartitions: Hashable, Sendable {
        /// TopicId
        public var topicId: KafkaUUID
        /// TopicName
        public var topicName: String
        /// Partitions
        public var partitions: [Int32]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            topicId: KafkaUUID = .zero,
            topicName: String = "",
            partitions: [Int32] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.topicId = topicId
            self.topicName = topicName
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaUUID(self.topicId)
            buffer.writeKafkaString(self.topicName, compact: flexible)
            buffer.writeKafkaArrayLength(self.partitions.count, compact: flexible)
            for element in self.partitions {
                buffer.writeInteger(element)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.topicId = try buffer.readKafkaUUID(field: "TopicPartitions.TopicId")
            self.topicName = try buffer.readKafkaString(compact: flexible, field: "TopicPartitions.TopicName")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "TopicPartitions.Partitions") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "TopicPartitions.Partitions"))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("TopicPartitions.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "TopicPartitions")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "TopicPartitions"))
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
        let flexible = true
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
        let flexible = true
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "ConsumerGroupDescribeResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 20, field: "ConsumerGroupDescribeResponse.Groups") {
            var items: [DescribedGroup] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try DescribedGroup(from: &buffer, version: version))
            }
            self.groups = items
        } else {
            throw WireError.invalid("ConsumerGroupDescribeResponse.Groups", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ConsumerGroupDescribeResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ConsumerGroupDescribeResponse"))
            }
        }
    }
}

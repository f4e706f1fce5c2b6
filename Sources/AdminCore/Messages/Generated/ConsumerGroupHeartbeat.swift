// Generated from Schemas/ConsumerGroupHeartbeat.schema by generate-messages. Do not edit.
// ConsumerGroupHeartbeat: join, stay in and leave a consumer-protocol group (KIP-848), at its coordinator. The
// coordinator assigns; the member only reports what it owns. Epoch 0 joins, -1 leaves. From v1 the member makes its
// own id (a UUID); at v0 the coordinator may hand one out.

import NIOCore

/// ConsumerGroupHeartbeat request (API key 68), versions 0-1.
public struct ConsumerGroupHeartbeatRequest: GroupCoordinatorRequest {
    public typealias Response = ConsumerGroupHeartbeatResponse
    public static let apiKey = ApiKey(rawValue: 68)
    public static let versions: ClosedRange<Int16> = 0...1
    public static let firstFlexibleVersion: Int16? = 0

    public struct TopicPartitions: Hashable, Sendable {
        /// TopicId
        public var topicId: KafkaUUID
        /// Partitions
        public var partitions: [Int32]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            topicId: KafkaUUID = .zero,
            partitions: [Int32] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.topicId = topicId
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaUUID(self.topicId)
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

    /// GroupId
    public var groupId: String
    /// MemberId
    public var memberId: String
    /// MemberEpoch
    public var memberEpoch: Int32
    /// InstanceId (nullable)
    public var instanceId: String?
    /// RackId (nullable)
    public var rackId: String?
    /// RebalanceTimeoutMs: -1: unchanged since the last heartbeat
    public var rebalanceTimeoutMs: Int32
    /// SubscribedTopicNames (nullable): null: unchanged since the last heartbeat
    public var subscribedTopicNames: [String]?
    /// SubscribedTopicRegex (versions v1+, nullable): regex subscriptions: null when not used
    public var subscribedTopicRegex: String?
    /// ServerAssignor (nullable): group.remote.assignor
    public var serverAssignor: String?
    /// TopicPartitions (nullable): what the member owns; null: unchanged
    public var topicPartitions: [TopicPartitions]?
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        groupId: String = "",
        memberId: String = "",
        memberEpoch: Int32 = 0,
        instanceId: String? = nil,
        rackId: String? = nil,
        rebalanceTimeoutMs: Int32 = -1,
        subscribedTopicNames: [String]? = nil,
        subscribedTopicRegex: String? = nil,
        serverAssignor: String? = nil,
        topicPartitions: [TopicPartitions]? = nil,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.groupId = groupId
        self.memberId = memberId
        self.memberEpoch = memberEpoch
        self.instanceId = instanceId
        self.rackId = rackId
        self.rebalanceTimeoutMs = rebalanceTimeoutMs
        self.subscribedTopicNames = subscribedTopicNames
        self.subscribedTopicRegex = subscribedTopicRegex
        self.serverAssignor = serverAssignor
        self.topicPartitions = topicPartitions
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeKafkaString(self.groupId, compact: flexible)
        buffer.writeKafkaString(self.memberId, compact: flexible)
        buffer.writeInteger(self.memberEpoch)
        buffer.writeKafkaNullableString(self.instanceId, compact: flexible)
        buffer.writeKafkaNullableString(self.rackId, compact: flexible)
        buffer.writeInteger(self.rebalanceTimeoutMs)
        if let items = self.subscribedTopicNames {
            buffer.writeKafkaArrayLength(items.count, compact: flexible)
            for element in items {
                buffer.writeKafkaString(element, compact: flexible)
            }
        } else {
            buffer.writeKafkaArrayLength(nil, compact: flexible)
        }
        if version >= 1 {
            buffer.writeKafkaNullableString(self.subscribedTopicRegex, compact: flexible)
        } else if self.subscribedTopicRegex != nil {
            throw WireError(.unsupportedInVersion(version), field: "ConsumerGroupHeartbeatRequest.SubscribedTopicRegex")
        }
        buffer.writeKafkaNullableString(self.serverAssignor, compact: flexible)
        if let items = self.topicPartitions {
            buffer.writeKafkaArrayLength(items.count, compact: flexible)
            for element in items {
                try element.encode(into: &buffer, version: version)
            }
        } else {
            buffer.writeKafkaArrayLength(nil, compact: flexible)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        self.groupId = try buffer.readKafkaString(compact: flexible, field: "ConsumerGroupHeartbeatRequest.GroupId")
        self.memberId = try buffer.readKafkaString(compact: flexible, field: "ConsumerGroupHeartbeatRequest.MemberId")
        self.memberEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "ConsumerGroupHeartbeatRequest.MemberEpoch")
        self.instanceId = try buffer.readKafkaNullableString(compact: flexible, field: "ConsumerGroupHeartbeatRequest.InstanceId")
        self.rackId = try buffer.readKafkaNullableString(compact: flexible, field: "ConsumerGroupHeartbeatRequest.RackId")
        self.rebalanceTimeoutMs = try buffer.readKafkaInteger(as: Int32.self, field: "ConsumerGroupHeartbeatRequest.RebalanceTimeoutMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, field: "ConsumerGroupHeartbeatRequest.SubscribedTopicNames") {
            var items: [String] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try buffer.readKafkaString(compact: flexible, field: "ConsumerGroupHeartbeatRequest.SubscribedTopicNames"))
            }
            self.subscribedTopicNames = items
        } else {
            self.subscribedTopicNames = nil
        }
        if version >= 1 {
            self.subscribedTopicRegex = try buffer.readKafkaNullableString(compact: flexible, field: "ConsumerGroupHeartbeatRequest.SubscribedTopicRegex")
        }
        self.serverAssignor = try buffer.readKafkaNullableString(compact: flexible, field: "ConsumerGroupHeartbeatRequest.ServerAssignor")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 18, field: "ConsumerGroupHeartbeatRequest.TopicPartitions") {
            var items: [TopicPartitions] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try TopicPartitions(from: &buffer, version: version))
            }
            self.topicPartitions = items
        } else {
            self.topicPartitions = nil
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ConsumerGroupHeartbeatRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ConsumerGroupHeartbeatRequest"))
            }
        }
    }
}

/// ConsumerGroupHeartbeat response (API key 68), versions 0-1.
public struct ConsumerGroupHeartbeatResponse: KafkaResponse {
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
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 18, field: "Assignment.TopicPartitions") {
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
        /// Partitions
        public var partitions: [Int32]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            topicId: KafkaUUID = .zero,
            partitions: [Int32] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.topicId = topicId
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaUUID(self.topicId)
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
    /// ErrorCode
    public var errorCode: Int16
    /// ErrorMessage (nullable)
    public var errorMessage: String?
    /// MemberId (nullable)
    public var memberId: String?
    /// MemberEpoch
    public var memberEpoch: Int32
    /// HeartbeatIntervalMs
    public var heartbeatIntervalMs: Int32
    /// Assignment (nullable): null: unchanged
    public var assignment: Assignment?
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        errorMessage: String? = nil,
        memberId: String? = nil,
        memberEpoch: Int32 = 0,
        heartbeatIntervalMs: Int32 = 0,
        assignment: Assignment? = nil,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.memberId = memberId
        self.memberEpoch = memberEpoch
        self.heartbeatIntervalMs = heartbeatIntervalMs
        self.assignment = assignment
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeInteger(self.errorCode)
        buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
        buffer.writeKafkaNullableString(self.memberId, compact: flexible)
        buffer.writeInteger(self.memberEpoch)
        buffer.writeInteger(self.heartbeatIntervalMs)
        if let item = self.assignment {
            buffer.writeInteger(Int8(1))
            try item.encode(into: &buffer, version: version)
        } else {
            buffer.writeInteger(Int8(-1))
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "ConsumerGroupHeartbeatResponse.ThrottleTimeMs")
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "ConsumerGroupHeartbeatResponse.ErrorCode")
        self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "ConsumerGroupHeartbeatResponse.ErrorMessage")
        self.memberId = try buffer.readKafkaNullableString(compact: flexible, field: "ConsumerGroupHeartbeatResponse.MemberId")
        self.memberEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "ConsumerGroupHeartbeatResponse.MemberEpoch")
        self.heartbeatIntervalMs = try buffer.readKafkaInteger(as: Int32.self, field: "ConsumerGroupHeartbeatResponse.HeartbeatIntervalMs")
        self.assignment = try buffer.readKafkaInteger(as: Int8.self, field: "ConsumerGroupHeartbeatResponse.Assignment") < 0 ? nil : Assignment(from: &buffer, version: version)
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ConsumerGroupHeartbeatResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ConsumerGroupHeartbeatResponse"))
            }
        }
    }
}

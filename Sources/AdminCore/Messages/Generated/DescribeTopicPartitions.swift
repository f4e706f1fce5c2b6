// Generated from Schemas/DescribeTopicPartitions.schema by generate-messages. Do not edit.
// DescribeTopicPartitions: topics and their partitions a page at a time (KIP-966, Kafka 3.8+), for clusters with
// more partitions than one Metadata answer should carry. Any broker answers.

import NIOCore

/// DescribeTopicPartitions request (API key 75), versions 0-0.
public struct DescribeTopicPartitionsRequest: AnyBrokerRequest {
    public typealias Response = DescribeTopicPartitionsResponse
    public static let apiKey = ApiKey(rawValue: 75)
    public static let versions: ClosedRange<Int16> = 0...0
    public static let firstFlexibleVersion: Int16? = 0

    public struct TopicRequest: Hashable, Sendable {
        /// Name
        public var name: String
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaString(self.name, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.name = try buffer.readKafkaString(compact: flexible, field: "TopicRequest.Name")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "TopicRequest")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "TopicRequest"))
                }
            }
        }
    }

    public struct Cursor: Hashable, Sendable {
        /// TopicName
        public var topicName: String
        /// PartitionIndex
        public var partitionIndex: Int32
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            topicName: String = "",
            partitionIndex: Int32 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.topicName = topicName
            self.partitionIndex = partitionIndex
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaString(self.topicName, compact: flexible)
            buffer.writeInteger(self.partitionIndex)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.topicName = try buffer.readKafkaString(compact: flexible, field: "Cursor.TopicName")
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "Cursor.PartitionIndex")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "Cursor")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "Cursor"))
                }
            }
        }
    }

    /// Topics
    public var topics: [TopicRequest]
    /// ResponsePartitionLimit: partitions in one answer at most
    public var responsePartitionLimit: Int32
    /// Cursor (nullable): where to start: null for the first page, the previous answer's NextCursor after
    public var cursor: Cursor?
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        topics: [TopicRequest] = [],
        responsePartitionLimit: Int32 = 2000,
        cursor: Cursor? = nil,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.topics = topics
        self.responsePartitionLimit = responsePartitionLimit
        self.cursor = cursor
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
        for element in self.topics {
            try element.encode(into: &buffer, version: version)
        }
        buffer.writeInteger(self.responsePartitionLimit)
        if let item = self.cursor {
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
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 2, field: "DescribeTopicPartitionsRequest.Topics") {
            var items: [TopicRequest] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try TopicRequest(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("DescribeTopicPartitionsRequest.Topics", "null where an array is required")
        }
        self.responsePartitionLimit = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeTopicPartitionsRequest.ResponsePartitionLimit")
        self.cursor = try buffer.readKafkaInteger(as: Int8.self, field: "DescribeTopicPartitionsRequest.Cursor") < 0 ? nil : Cursor(from: &buffer, version: version)
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeTopicPartitionsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeTopicPartitionsRequest"))
            }
        }
    }
}

/// DescribeTopicPartitions response (API key 75), versions 0-0.
public struct DescribeTopicPartitionsResponse: KafkaResponse {
    public struct DescribeTopicPartitionsResponseTopic: Hashable, Sendable {
        /// ErrorCode
        public var errorCode: Int16
        /// Name (nullable)
        public var name: String?
        /// TopicId
        public var topicId: KafkaUUID
        /// IsInternal
        public var isInternal: Bool
        /// Partitions
        public var partitions: [DescribeTopicPartitionsResponsePartition]
        /// TopicAuthorizedOperations
        public var topicAuthorizedOperations: Int32
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            errorCode: Int16 = 0,
            name: String? = nil,
            topicId: KafkaUUID = .zero,
            isInternal: Bool = false,
            partitions: [DescribeTopicPartitionsResponsePartition] = [],
            topicAuthorizedOperations: Int32 = -2147483648,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.errorCode = errorCode
            self.name = name
            self.topicId = topicId
            self.isInternal = isInternal
            self.partitions = partitions
            self.topicAuthorizedOperations = topicAuthorizedOperations
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaNullableString(self.name, compact: flexible)
            buffer.writeKafkaUUID(self.topicId)
            buffer.writeKafkaBool(self.isInternal)
            buffer.writeKafkaArrayLength(self.partitions.count, compact: flexible)
            for element in self.partitions {
                try element.encode(into: &buffer, version: version)
            }
            buffer.writeInteger(self.topicAuthorizedOperations)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DescribeTopicPartitionsResponseTopic.ErrorCode")
            self.name = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeTopicPartitionsResponseTopic.Name")
            self.topicId = try buffer.readKafkaUUID(field: "DescribeTopicPartitionsResponseTopic.TopicId")
            self.isInternal = try buffer.readKafkaBool(field: "DescribeTopicPartitionsResponseTopic.IsInternal")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 20, field: "DescribeTopicPartitionsResponseTopic.Partitions") {
                var items: [DescribeTopicPartitionsResponsePartition] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try DescribeTopicPartitionsResponsePartition(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("DescribeTopicPartitionsResponseTopic.Partitions", "null where an array is required")
            }
            self.topicAuthorizedOperations = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeTopicPartitionsResponseTopic.TopicAuthorizedOperations")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeTopicPartitionsResponseTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeTopicPartitionsResponseTopic"))
                }
            }
        }
    }

    public struct DescribeTopicPartitionsResponsePartition: Hashable, Sendable {
        /// ErrorCode
        public var errorCode: Int16
        /// PartitionIndex
        public var partitionIndex: Int32
        /// LeaderId
        public var leaderId: Int32
        /// LeaderEpoch
        public var leaderEpoch: Int32
        /// ReplicaNodes
        public var replicaNodes: [Int32]
        /// IsrNodes
        public var isrNodes: [Int32]
        /// EligibleLeaderReplicas (nullable)
        public var eligibleLeaderReplicas: [Int32]?
        /// LastKnownElr (nullable)
        public var lastKnownElr: [Int32]?
        /// OfflineReplicas
        public var offlineReplicas: [Int32]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            errorCode: Int16 = 0,
            partitionIndex: Int32 = 0,
            leaderId: Int32 = 0,
            leaderEpoch: Int32 = -1,
            replicaNodes: [Int32] = [],
            isrNodes: [Int32] = [],
            eligibleLeaderReplicas: [Int32]? = nil,
            lastKnownElr: [Int32]? = nil,
            offlineReplicas: [Int32] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.errorCode = errorCode
            self.partitionIndex = partitionIndex
            self.leaderId = leaderId
            self.leaderEpoch = leaderEpoch
            self.replicaNodes = replicaNodes
            self.isrNodes = isrNodes
            self.eligibleLeaderReplicas = eligibleLeaderReplicas
            self.lastKnownElr = lastKnownElr
            self.offlineReplicas = offlineReplicas
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeInteger(self.errorCode)
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.leaderId)
            buffer.writeInteger(self.leaderEpoch)
            buffer.writeKafkaArrayLength(self.replicaNodes.count, compact: flexible)
            for element in self.replicaNodes {
                buffer.writeInteger(element)
            }
            buffer.writeKafkaArrayLength(self.isrNodes.count, compact: flexible)
            for element in self.isrNodes {
                buffer.writeInteger(element)
            }
            if let items = self.eligibleLeaderReplicas {
                buffer.writeKafkaArrayLength(items.count, compact: flexible)
                for element in items {
                    buffer.writeInteger(element)
                }
            } else {
                buffer.writeKafkaArrayLength(nil, compact: flexible)
            }
            if let items = self.lastKnownElr {
                buffer.writeKafkaArrayLength(items.count, compact: flexible)
                for element in items {
                    buffer.writeInteger(element)
                }
            } else {
                buffer.writeKafkaArrayLength(nil, compact: flexible)
            }
            buffer.writeKafkaArrayLength(self.offlineReplicas.count, compact: flexible)
            for element in self.offlineReplicas {
                buffer.writeInteger(element)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DescribeTopicPartitionsResponsePartition.ErrorCode")
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeTopicPartitionsResponsePartition.PartitionIndex")
            self.leaderId = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeTopicPartitionsResponsePartition.LeaderId")
            self.leaderEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeTopicPartitionsResponsePartition.LeaderEpoch")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "DescribeTopicPartitionsResponsePartition.ReplicaNodes") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "DescribeTopicPartitionsResponsePartition.ReplicaNodes"))
                }
                self.replicaNodes = items
            } else {
                throw WireError.invalid("DescribeTopicPartitionsResponsePartition.ReplicaNodes", "null where an array is required")
            }
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "DescribeTopicPartitionsResponsePartition.IsrNodes") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "DescribeTopicPartitionsResponsePartition.IsrNodes"))
                }
                self.isrNodes = items
            } else {
                throw WireError.invalid("DescribeTopicPartitionsResponsePartition.IsrNodes", "null where an array is required")
            }
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "DescribeTopicPartitionsResponsePartition.EligibleLeaderReplicas") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "DescribeTopicPartitionsResponsePartition.EligibleLeaderReplicas"))
                }
                self.eligibleLeaderReplicas = items
            } else {
                self.eligibleLeaderReplicas = nil
            }
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "DescribeTopicPartitionsResponsePartition.LastKnownElr") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "DescribeTopicPartitionsResponsePartition.LastKnownElr"))
                }
                self.lastKnownElr = items
            } else {
                self.lastKnownElr = nil
            }
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "DescribeTopicPartitionsResponsePartition.OfflineReplicas") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "DescribeTopicPartitionsResponsePartition.OfflineReplicas"))
                }
                self.offlineReplicas = items
            } else {
                throw WireError.invalid("DescribeTopicPartitionsResponsePartition.OfflineReplicas", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeTopicPartitionsResponsePartition")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeTopicPartitionsResponsePartition"))
                }
            }
        }
    }

    public struct Cursor: Hashable, Sendable {
        /// TopicName
        public var topicName: String
        /// PartitionIndex
        public var partitionIndex: Int32
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            topicName: String = "",
            partitionIndex: Int32 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.topicName = topicName
            self.partitionIndex = partitionIndex
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaString(self.topicName, compact: flexible)
            buffer.writeInteger(self.partitionIndex)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.topicName = try buffer.readKafkaString(compact: flexible, field: "Cursor.TopicName")
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "Cursor.PartitionIndex")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "Cursor")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "Cursor"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Topics
    public var topics: [DescribeTopicPartitionsResponseTopic]
    /// NextCursor (nullable): null when this was the last page
    public var nextCursor: Cursor?
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        topics: [DescribeTopicPartitionsResponseTopic] = [],
        nextCursor: Cursor? = nil,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
        self.nextCursor = nextCursor
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
        for element in self.topics {
            try element.encode(into: &buffer, version: version)
        }
        if let item = self.nextCursor {
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
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeTopicPartitionsResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 26, field: "DescribeTopicPartitionsResponse.Topics") {
            var items: [DescribeTopicPartitionsResponseTopic] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try DescribeTopicPartitionsResponseTopic(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("DescribeTopicPartitionsResponse.Topics", "null where an array is required")
        }
        self.nextCursor = try buffer.readKafkaInteger(as: Int8.self, field: "DescribeTopicPartitionsResponse.NextCursor") < 0 ? nil : Cursor(from: &buffer, version: version)
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeTopicPartitionsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeTopicPartitionsResponse"))
            }
        }
    }
}

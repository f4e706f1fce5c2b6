// Generated from Schemas/Metadata.schema by generate-messages. Do not edit.
// Metadata: brokers, controller, topics and partition leaders. Any broker answers.
// v7 is the highest Kafka 2.1 knows and every release since accepts it; v12 is the last before v13 only added
// a top-level error code.

import NIOCore

/// Metadata request (API key 3), versions 7-12.
public struct MetadataRequest: AnyBrokerRequest {
    public typealias Response = MetadataResponse
    public static let apiKey = ApiKey(rawValue: 3)
    public static let versions: ClosedRange<Int16> = 7...12
    public static let firstFlexibleVersion: Int16? = 9

    public struct MetadataRequestTopic: Hashable, Sendable {
        /// TopicId (versions v10+): zero when asking by name
        public var topicId: KafkaUUID
        /// Name (nullable v10+)
        public var name: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            topicId: KafkaUUID = .zero,
            name: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.topicId = topicId
            self.name = name
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 9
            if version >= 10 {
                buffer.writeKafkaUUID(self.topicId)
            } else if self.topicId != .zero {
                throw WireError(.unsupportedInVersion(version), field: "MetadataRequestTopic.TopicId")
            }
            if self.name == nil && !(version >= 10) { throw WireError.invalid("MetadataRequestTopic.Name", "null is not allowed in this version") }
            buffer.writeKafkaNullableString(self.name, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 9
            if version >= 10 {
                self.topicId = try buffer.readKafkaUUID(field: "MetadataRequestTopic.TopicId")
            }
            self.name = try buffer.readKafkaNullableString(compact: flexible, field: "MetadataRequestTopic.Name")
            if self.name == nil && !(version >= 10) { throw WireError.invalid("MetadataRequestTopic.Name", "null is not allowed in this version") }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "MetadataRequestTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "MetadataRequestTopic"))
                }
            }
        }
    }

    /// Topics (nullable): null = all topics; empty = none (only brokers and cluster id)
    public var topics: [MetadataRequestTopic]?
    /// AllowAutoTopicCreation: an admin tool sends false
    public var allowAutoTopicCreation: Bool
    /// IncludeClusterAuthorizedOperations (versions v8-10)
    public var includeClusterAuthorizedOperations: Bool
    /// IncludeTopicAuthorizedOperations (versions v8+)
    public var includeTopicAuthorizedOperations: Bool
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        topics: [MetadataRequestTopic]? = nil,
        allowAutoTopicCreation: Bool = true,
        includeClusterAuthorizedOperations: Bool = false,
        includeTopicAuthorizedOperations: Bool = false,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.topics = topics
        self.allowAutoTopicCreation = allowAutoTopicCreation
        self.includeClusterAuthorizedOperations = includeClusterAuthorizedOperations
        self.includeTopicAuthorizedOperations = includeTopicAuthorizedOperations
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 9
        if let items = self.topics {
            buffer.writeKafkaArrayLength(items.count, compact: flexible)
            for element in items {
                try element.encode(into: &buffer, version: version)
            }
        } else {
            buffer.writeKafkaArrayLength(nil, compact: flexible)
        }
        buffer.writeKafkaBool(self.allowAutoTopicCreation)
        if version >= 8 && version <= 10 {
            buffer.writeKafkaBool(self.includeClusterAuthorizedOperations)
        } else if self.includeClusterAuthorizedOperations != false {
            throw WireError(.unsupportedInVersion(version), field: "MetadataRequest.IncludeClusterAuthorizedOperations")
        }
        if version >= 8 {
            buffer.writeKafkaBool(self.includeTopicAuthorizedOperations)
        } else if self.includeTopicAuthorizedOperations != false {
            throw WireError(.unsupportedInVersion(version), field: "MetadataRequest.IncludeTopicAuthorizedOperations")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 9
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 2, field: "MetadataRequest.Topics") {
            var items: [MetadataRequestTopic] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try MetadataRequestTopic(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            self.topics = nil
        }
        self.allowAutoTopicCreation = try buffer.readKafkaBool(field: "MetadataRequest.AllowAutoTopicCreation")
        if version >= 8 && version <= 10 {
            self.includeClusterAuthorizedOperations = try buffer.readKafkaBool(field: "MetadataRequest.IncludeClusterAuthorizedOperations")
        }
        if version >= 8 {
            self.includeTopicAuthorizedOperations = try buffer.readKafkaBool(field: "MetadataRequest.IncludeTopicAuthorizedOperations")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "MetadataRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "MetadataRequest"))
            }
        }
    }
}

/// Metadata response (API key 3), versions 7-12.
public struct MetadataResponse: KafkaResponse {
    public struct MetadataResponseBroker: Hashable, Sendable {
        /// NodeId
        public var nodeId: Int32
        /// Host
        public var host: String
        /// Port
        public var port: Int32
        /// Rack (nullable)
        public var rack: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            nodeId: Int32 = 0,
            host: String = "",
            port: Int32 = 0,
            rack: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.nodeId = nodeId
            self.host = host
            self.port = port
            self.rack = rack
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 9
            buffer.writeInteger(self.nodeId)
            buffer.writeKafkaString(self.host, compact: flexible)
            buffer.writeInteger(self.port)
            buffer.writeKafkaNullableString(self.rack, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 9
            self.nodeId = try buffer.readKafkaInteger(as: Int32.self, field: "MetadataResponseBroker.NodeId")
            self.host = try buffer.readKafkaString(compact: flexible, field: "MetadataResponseBroker.Host")
            self.port = try buffer.readKafkaInteger(as: Int32.self, field: "MetadataResponseBroker.Port")
            self.rack = try buffer.readKafkaNullableString(compact: flexible, field: "MetadataResponseBroker.Rack")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "MetadataResponseBroker")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "MetadataResponseBroker"))
                }
            }
        }
    }

    public struct MetadataResponseTopic: Hashable, Sendable {
        /// ErrorCode
        public var errorCode: Int16
        /// Name (nullable v12+): null only for topics requested by id
        public var name: String?
        /// TopicId (versions v10+)
        public var topicId: KafkaUUID
        /// IsInternal
        public var isInternal: Bool
        /// Partitions
        public var partitions: [MetadataResponsePartition]
        /// TopicAuthorizedOperations (versions v8+)
        public var topicAuthorizedOperations: Int32
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            errorCode: Int16 = 0,
            name: String? = nil,
            topicId: KafkaUUID = .zero,
            isInternal: Bool = false,
            partitions: [MetadataResponsePartition] = [],
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
            let flexible = version >= 9
            buffer.writeInteger(self.errorCode)
            if self.name == nil && !(version >= 12) { throw WireError.invalid("MetadataResponseTopic.Name", "null is not allowed in this version") }
            buffer.writeKafkaNullableString(self.name, compact: flexible)
            if version >= 10 {
                buffer.writeKafkaUUID(self.topicId)
            } else if self.topicId != .zero {
                throw WireError(.unsupportedInVersion(version), field: "MetadataResponseTopic.TopicId")
            }
            buffer.writeKafkaBool(self.isInternal)
            buffer.writeKafkaArrayLength(self.partitions.count, compact: flexible)
            for element in self.partitions {
                try element.encode(into: &buffer, version: version)
            }
            if version >= 8 {
                buffer.writeInteger(self.topicAuthorizedOperations)
            } else if self.topicAuthorizedOperations != -2147483648 {
                throw WireError(.unsupportedInVersion(version), field: "MetadataResponseTopic.TopicAuthorizedOperations")
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 9
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "MetadataResponseTopic.ErrorCode")
            self.name = try buffer.readKafkaNullableString(compact: flexible, field: "MetadataResponseTopic.Name")
            if self.name == nil && !(version >= 12) { throw WireError.invalid("MetadataResponseTopic.Name", "null is not allowed in this version") }
            if version >= 10 {
                self.topicId = try buffer.readKafkaUUID(field: "MetadataResponseTopic.TopicId")
            }
            self.isInternal = try buffer.readKafkaBool(field: "MetadataResponseTopic.IsInternal")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 18 : 26, field: "MetadataResponseTopic.Partitions") {
                var items: [MetadataResponsePartition] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try MetadataResponsePartition(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("MetadataResponseTopic.Partitions", "null where an array is required")
            }
            if version >= 8 {
                self.topicAuthorizedOperations = try buffer.readKafkaInteger(as: Int32.self, field: "MetadataResponseTopic.TopicAuthorizedOperations")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "MetadataResponseTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "MetadataResponseTopic"))
                }
            }
        }
    }

    public struct MetadataResponsePartition: Hashable, Sendable {
        /// ErrorCode
        public var errorCode: Int16
        /// PartitionIndex
        public var partitionIndex: Int32
        /// LeaderId: -1 when there is no leader
        public var leaderId: Int32
        /// LeaderEpoch
        public var leaderEpoch: Int32
        /// ReplicaNodes
        public var replicaNodes: [Int32]
        /// IsrNodes
        public var isrNodes: [Int32]
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
            offlineReplicas: [Int32] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.errorCode = errorCode
            self.partitionIndex = partitionIndex
            self.leaderId = leaderId
            self.leaderEpoch = leaderEpoch
            self.replicaNodes = replicaNodes
            self.isrNodes = isrNodes
            self.offlineReplicas = offlineReplicas
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 9
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
            let flexible = version >= 9
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "MetadataResponsePartition.ErrorCode")
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "MetadataResponsePartition.PartitionIndex")
            self.leaderId = try buffer.readKafkaInteger(as: Int32.self, field: "MetadataResponsePartition.LeaderId")
            self.leaderEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "MetadataResponsePartition.LeaderEpoch")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "MetadataResponsePartition.ReplicaNodes") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "MetadataResponsePartition.ReplicaNodes"))
                }
                self.replicaNodes = items
            } else {
                throw WireError.invalid("MetadataResponsePartition.ReplicaNodes", "null where an array is required")
            }
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "MetadataResponsePartition.IsrNodes") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "MetadataResponsePartition.IsrNodes"))
                }
                self.isrNodes = items
            } else {
                throw WireError.invalid("MetadataResponsePartition.IsrNodes", "null where an array is required")
            }
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "MetadataResponsePartition.OfflineReplicas") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "MetadataResponsePartition.OfflineReplicas"))
                }
                self.offlineReplicas = items
            } else {
                throw WireError.invalid("MetadataResponsePartition.OfflineReplicas", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "MetadataResponsePartition")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "MetadataResponsePartition"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Brokers
    public var brokers: [MetadataResponseBroker]
    /// ClusterId (nullable)
    public var clusterId: String?
    /// ControllerId: on KRaft clusters a random live broker; -1 if unknown
    public var controllerId: Int32
    /// Topics
    public var topics: [MetadataResponseTopic]
    /// ClusterAuthorizedOperations (versions v8-10)
    public var clusterAuthorizedOperations: Int32
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        brokers: [MetadataResponseBroker] = [],
        clusterId: String? = nil,
        controllerId: Int32 = -1,
        topics: [MetadataResponseTopic] = [],
        clusterAuthorizedOperations: Int32 = -2147483648,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.brokers = brokers
        self.clusterId = clusterId
        self.controllerId = controllerId
        self.topics = topics
        self.clusterAuthorizedOperations = clusterAuthorizedOperations
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 9
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeKafkaArrayLength(self.brokers.count, compact: flexible)
        for element in self.brokers {
            try element.encode(into: &buffer, version: version)
        }
        buffer.writeKafkaNullableString(self.clusterId, compact: flexible)
        buffer.writeInteger(self.controllerId)
        buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
        for element in self.topics {
            try element.encode(into: &buffer, version: version)
        }
        if version >= 8 && version <= 10 {
            buffer.writeInteger(self.clusterAuthorizedOperations)
        } else if self.clusterAuthorizedOperations != -2147483648 {
            throw WireError(.unsupportedInVersion(version), field: "MetadataResponse.ClusterAuthorizedOperations")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 9
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "MetadataResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 11 : 12, field: "MetadataResponse.Brokers") {
            var items: [MetadataResponseBroker] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try MetadataResponseBroker(from: &buffer, version: version))
            }
            self.brokers = items
        } else {
            throw WireError.invalid("MetadataResponse.Brokers", "null where an array is required")
        }
        self.clusterId = try buffer.readKafkaNullableString(compact: flexible, field: "MetadataResponse.ClusterId")
        self.controllerId = try buffer.readKafkaInteger(as: Int32.self, field: "MetadataResponse.ControllerId")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 6 : 9, field: "MetadataResponse.Topics") {
            var items: [MetadataResponseTopic] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try MetadataResponseTopic(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("MetadataResponse.Topics", "null where an array is required")
        }
        if version >= 8 && version <= 10 {
            self.clusterAuthorizedOperations = try buffer.readKafkaInteger(as: Int32.self, field: "MetadataResponse.ClusterAuthorizedOperations")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "MetadataResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "MetadataResponse"))
            }
        }
    }
}

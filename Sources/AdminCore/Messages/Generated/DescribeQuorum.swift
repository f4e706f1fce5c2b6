// Generated from Schemas/DescribeQuorum.schema by generate-messages. Do not edit.
// DescribeQuorum: the KRaft metadata quorum (__cluster_metadata-0): leader, epoch, high watermark, voters and
// observers. KRaft clusters only, Kafka 3.3+ (v0-1; v2 from 3.9). Kafka's admin client sends it to any broker,
// which forwards it to the active controller.

import NIOCore

/// DescribeQuorum request (API key 55), versions 0-2.
public struct DescribeQuorumRequest: AnyBrokerRequest {
    public typealias Response = DescribeQuorumResponse
    public static let apiKey = ApiKey(rawValue: 55)
    public static let versions: ClosedRange<Int16> = 0...2
    public static let firstFlexibleVersion: Int16? = 0

    public struct TopicData: Hashable, Sendable {
        /// TopicName
        public var topicName: String
        /// Partitions
        public var partitions: [PartitionData]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            topicName: String = "",
            partitions: [PartitionData] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.topicName = topicName
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaString(self.topicName, compact: flexible)
            buffer.writeKafkaArrayLength(self.partitions.count, compact: flexible)
            for element in self.partitions {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.topicName = try buffer.readKafkaString(compact: flexible, field: "TopicData.TopicName")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 5, field: "TopicData.Partitions") {
                var items: [PartitionData] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try PartitionData(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("TopicData.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "TopicData")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "TopicData"))
                }
            }
        }
    }

    public struct PartitionData: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeInteger(self.partitionIndex)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "PartitionData.PartitionIndex")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "PartitionData")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "PartitionData"))
                }
            }
        }
    }

    /// Topics
    public var topics: [TopicData]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        topics: [TopicData] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.topics = topics
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
        for element in self.topics {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 3, field: "DescribeQuorumRequest.Topics") {
            var items: [TopicData] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try TopicData(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("DescribeQuorumRequest.Topics", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeQuorumRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeQuorumRequest"))
            }
        }
    }
}

/// DescribeQuorum response (API key 55), versions 0-2.
public struct DescribeQuorumResponse: KafkaResponse {
    public struct TopicData: Hashable, Sendable {
        /// TopicName
        public var topicName: String
        /// Partitions
        public var partitions: [PartitionData]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            topicName: String = "",
            partitions: [PartitionData] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.topicName = topicName
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaString(self.topicName, compact: flexible)
            buffer.writeKafkaArrayLength(self.partitions.count, compact: flexible)
            for element in self.partitions {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.topicName = try buffer.readKafkaString(compact: flexible, field: "TopicData.TopicName")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 25, field: "TopicData.Partitions") {
                var items: [PartitionData] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try PartitionData(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("TopicData.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "TopicData")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "TopicData"))
                }
            }
        }
    }

    public struct PartitionData: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (versions v2+, nullable)
        public var errorMessage: String?
        /// LeaderId
        public var leaderId: Int32
        /// LeaderEpoch
        public var leaderEpoch: Int32
        /// HighWatermark
        public var highWatermark: Int64
        /// CurrentVoters
        public var currentVoters: [ReplicaState]
        /// Observers
        public var observers: [ReplicaState]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            leaderId: Int32 = 0,
            leaderEpoch: Int32 = 0,
            highWatermark: Int64 = 0,
            currentVoters: [ReplicaState] = [],
            observers: [ReplicaState] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.leaderId = leaderId
            self.leaderEpoch = leaderEpoch
            self.highWatermark = highWatermark
            self.currentVoters = currentVoters
            self.observers = observers
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.errorCode)
            if version >= 2 {
                buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            }
            buffer.writeInteger(self.leaderId)
            buffer.writeInteger(self.leaderEpoch)
            buffer.writeInteger(self.highWatermark)
            buffer.writeKafkaArrayLength(self.currentVoters.count, compact: flexible)
            for element in self.currentVoters {
                try element.encode(into: &buffer, version: version)
            }
            buffer.writeKafkaArrayLength(self.observers.count, compact: flexible)
            for element in self.observers {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "PartitionData.PartitionIndex")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "PartitionData.ErrorCode")
            if version >= 2 {
                self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "PartitionData.ErrorMessage")
            }
            self.leaderId = try buffer.readKafkaInteger(as: Int32.self, field: "PartitionData.LeaderId")
            self.leaderEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "PartitionData.LeaderEpoch")
            self.highWatermark = try buffer.readKafkaInteger(as: Int64.self, field: "PartitionData.HighWatermark")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 13, field: "PartitionData.CurrentVoters") {
                var items: [ReplicaState] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try ReplicaState(from: &buffer, version: version))
                }
                self.currentVoters = items
            } else {
                throw WireError.invalid("PartitionData.CurrentVoters", "null where an array is required")
            }
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 13, field: "PartitionData.Observers") {
                var items: [ReplicaState] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try ReplicaState(from: &buffer, version: version))
                }
                self.observers = items
            } else {
                throw WireError.invalid("PartitionData.Observers", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "PartitionData")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "PartitionData"))
                }
            }
        }
    }

    public struct ReplicaState: Hashable, Sendable {
        /// ReplicaId
        public var replicaId: Int32
        /// ReplicaDirectoryId (versions v2+)
        public var replicaDirectoryId: KafkaUUID
        /// LogEndOffset
        public var logEndOffset: Int64
        /// LastFetchTimestamp (versions v1+)
        public var lastFetchTimestamp: Int64
        /// LastCaughtUpTimestamp (versions v1+)
        public var lastCaughtUpTimestamp: Int64
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            replicaId: Int32 = 0,
            replicaDirectoryId: KafkaUUID = .zero,
            logEndOffset: Int64 = 0,
            lastFetchTimestamp: Int64 = -1,
            lastCaughtUpTimestamp: Int64 = -1,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.replicaId = replicaId
            self.replicaDirectoryId = replicaDirectoryId
            self.logEndOffset = logEndOffset
            self.lastFetchTimestamp = lastFetchTimestamp
            self.lastCaughtUpTimestamp = lastCaughtUpTimestamp
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeInteger(self.replicaId)
            if version >= 2 {
                buffer.writeKafkaUUID(self.replicaDirectoryId)
            } else if self.replicaDirectoryId != .zero {
                throw WireError(.unsupportedInVersion(version), field: "ReplicaState.ReplicaDirectoryId")
            }
            buffer.writeInteger(self.logEndOffset)
            if version >= 1 {
                buffer.writeInteger(self.lastFetchTimestamp)
            }
            if version >= 1 {
                buffer.writeInteger(self.lastCaughtUpTimestamp)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.replicaId = try buffer.readKafkaInteger(as: Int32.self, field: "ReplicaState.ReplicaId")
            if version >= 2 {
                self.replicaDirectoryId = try buffer.readKafkaUUID(field: "ReplicaState.ReplicaDirectoryId")
            }
            self.logEndOffset = try buffer.readKafkaInteger(as: Int64.self, field: "ReplicaState.LogEndOffset")
            if version >= 1 {
                self.lastFetchTimestamp = try buffer.readKafkaInteger(as: Int64.self, field: "ReplicaState.LastFetchTimestamp")
            }
            if version >= 1 {
                self.lastCaughtUpTimestamp = try buffer.readKafkaInteger(as: Int64.self, field: "ReplicaState.LastCaughtUpTimestamp")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ReplicaState")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ReplicaState"))
                }
            }
        }
    }

    public struct Node: Hashable, Sendable {
        /// NodeId
        public var nodeId: Int32
        /// Listeners
        public var listeners: [Listener]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            nodeId: Int32 = 0,
            listeners: [Listener] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.nodeId = nodeId
            self.listeners = listeners
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeInteger(self.nodeId)
            buffer.writeKafkaArrayLength(self.listeners.count, compact: flexible)
            for element in self.listeners {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.nodeId = try buffer.readKafkaInteger(as: Int32.self, field: "Node.NodeId")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 5, field: "Node.Listeners") {
                var items: [Listener] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try Listener(from: &buffer, version: version))
                }
                self.listeners = items
            } else {
                throw WireError.invalid("Node.Listeners", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "Node")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "Node"))
                }
            }
        }
    }

    public struct Listener: Hashable, Sendable {
        /// Name
        public var name: String
        /// Host
        public var host: String
        /// Port
        public var port: UInt16
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            host: String = "",
            port: UInt16 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.host = host
            self.port = port
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaString(self.host, compact: flexible)
            buffer.writeInteger(self.port)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.name = try buffer.readKafkaString(compact: flexible, field: "Listener.Name")
            self.host = try buffer.readKafkaString(compact: flexible, field: "Listener.Host")
            self.port = try buffer.readKafkaInteger(as: UInt16.self, field: "Listener.Port")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "Listener")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "Listener"))
                }
            }
        }
    }

    /// ErrorCode
    public var errorCode: Int16
    /// ErrorMessage (versions v2+, nullable)
    public var errorMessage: String?
    /// Topics
    public var topics: [TopicData]
    /// Nodes (versions v2+)
    public var nodes: [Node]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        errorCode: Int16 = 0,
        errorMessage: String? = nil,
        topics: [TopicData] = [],
        nodes: [Node] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.topics = topics
        self.nodes = nodes
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeInteger(self.errorCode)
        if version >= 2 {
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
        }
        buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
        for element in self.topics {
            try element.encode(into: &buffer, version: version)
        }
        if version >= 2 {
            buffer.writeKafkaArrayLength(self.nodes.count, compact: flexible)
            for element in self.nodes {
                try element.encode(into: &buffer, version: version)
            }
        } else if self.nodes != [] {
            throw WireError(.unsupportedInVersion(version), field: "DescribeQuorumResponse.Nodes")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DescribeQuorumResponse.ErrorCode")
        if version >= 2 {
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeQuorumResponse.ErrorMessage")
        }
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 3, field: "DescribeQuorumResponse.Topics") {
            var items: [TopicData] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try TopicData(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("DescribeQuorumResponse.Topics", "null where an array is required")
        }
        if version >= 2 {
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 6, field: "DescribeQuorumResponse.Nodes") {
                var items: [Node] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try Node(from: &buffer, version: version))
                }
                self.nodes = items
            } else {
                throw WireError.invalid("DescribeQuorumResponse.Nodes", "null where an array is required")
            }
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeQuorumResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeQuorumResponse"))
            }
        }
    }
}

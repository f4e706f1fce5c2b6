// Generated from Schemas/ListOffsets.schema by generate-messages. Do not edit.
// ListOffsets: earliest, latest or by-time offsets from each partition's leader. v4 is the highest Kafka 2.1
// knows; v7+ understands timestamp -3 (max timestamp), v8+ -4, v9+ -5.

import NIOCore

/// ListOffsets request (API key 2), versions 4-10.
public struct ListOffsetsRequest: PartitionLeaderRequest {
    public typealias Response = ListOffsetsResponse
    public static let apiKey = ApiKey(rawValue: 2)
    public static let versions: ClosedRange<Int16> = 4...10
    public static let firstFlexibleVersion: Int16? = 6

    public struct ListOffsetsTopic: Hashable, Sendable {
        /// Name
        public var name: String
        /// Partitions
        public var partitions: [ListOffsetsPartition]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitions: [ListOffsetsPartition] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 6
            buffer.writeKafkaString(self.name, compact: flexible)
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
            let flexible = version >= 6
            self.name = try buffer.readKafkaString(compact: flexible, field: "ListOffsetsTopic.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 17 : 16, field: "ListOffsetsTopic.Partitions") {
                var items: [ListOffsetsPartition] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try ListOffsetsPartition(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("ListOffsetsTopic.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ListOffsetsTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ListOffsetsTopic"))
                }
            }
        }
    }

    public struct ListOffsetsPartition: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// CurrentLeaderEpoch
        public var currentLeaderEpoch: Int32
        /// Timestamp: ms since the epoch, or -1 latest, -2 earliest, -3 max timestamp
        public var timestamp: Int64
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            currentLeaderEpoch: Int32 = -1,
            timestamp: Int64 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.currentLeaderEpoch = currentLeaderEpoch
            self.timestamp = timestamp
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 6
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.currentLeaderEpoch)
            buffer.writeInteger(self.timestamp)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 6
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "ListOffsetsPartition.PartitionIndex")
            self.currentLeaderEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "ListOffsetsPartition.CurrentLeaderEpoch")
            self.timestamp = try buffer.readKafkaInteger(as: Int64.self, field: "ListOffsetsPartition.Timestamp")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ListOffsetsPartition")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ListOffsetsPartition"))
                }
            }
        }
    }

    /// ReplicaId
    public var replicaId: Int32
    /// IsolationLevel
    public var isolationLevel: Int8
    /// Topics
    public var topics: [ListOffsetsTopic]
    /// TimeoutMs (versions v10+)
    public var timeoutMs: Int32
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        replicaId: Int32 = -1,
        isolationLevel: Int8 = 0,
        topics: [ListOffsetsTopic] = [],
        timeoutMs: Int32 = 0,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.replicaId = replicaId
        self.isolationLevel = isolationLevel
        self.topics = topics
        self.timeoutMs = timeoutMs
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 6
        buffer.writeInteger(self.replicaId)
        buffer.writeInteger(self.isolationLevel)
        buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
        for element in self.topics {
            try element.encode(into: &buffer, version: version)
        }
        if version >= 10 {
            buffer.writeInteger(self.timeoutMs)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 6
        self.replicaId = try buffer.readKafkaInteger(as: Int32.self, field: "ListOffsetsRequest.ReplicaId")
        self.isolationLevel = try buffer.readKafkaInteger(as: Int8.self, field: "ListOffsetsRequest.IsolationLevel")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "ListOffsetsRequest.Topics") {
            var items: [ListOffsetsTopic] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try ListOffsetsTopic(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("ListOffsetsRequest.Topics", "null where an array is required")
        }
        if version >= 10 {
            self.timeoutMs = try buffer.readKafkaInteger(as: Int32.self, field: "ListOffsetsRequest.TimeoutMs")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ListOffsetsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ListOffsetsRequest"))
            }
        }
    }
}

/// ListOffsets response (API key 2), versions 4-10.
public struct ListOffsetsResponse: KafkaResponse {
    public struct ListOffsetsTopicResponse: Hashable, Sendable {
        /// Name
        public var name: String
        /// Partitions
        public var partitions: [ListOffsetsPartitionResponse]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitions: [ListOffsetsPartitionResponse] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 6
            buffer.writeKafkaString(self.name, compact: flexible)
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
            let flexible = version >= 6
            self.name = try buffer.readKafkaString(compact: flexible, field: "ListOffsetsTopicResponse.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 27 : 26, field: "ListOffsetsTopicResponse.Partitions") {
                var items: [ListOffsetsPartitionResponse] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try ListOffsetsPartitionResponse(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("ListOffsetsTopicResponse.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ListOffsetsTopicResponse")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ListOffsetsTopicResponse"))
                }
            }
        }
    }

    public struct ListOffsetsPartitionResponse: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// ErrorCode
        public var errorCode: Int16
        /// Timestamp
        public var timestamp: Int64
        /// Offset: -1 when no record has a timestamp at or after the one asked for
        public var offset: Int64
        /// LeaderEpoch
        public var leaderEpoch: Int32
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            errorCode: Int16 = 0,
            timestamp: Int64 = -1,
            offset: Int64 = -1,
            leaderEpoch: Int32 = -1,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.errorCode = errorCode
            self.timestamp = timestamp
            self.offset = offset
            self.leaderEpoch = leaderEpoch
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 6
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.errorCode)
            buffer.writeInteger(self.timestamp)
            buffer.writeInteger(self.offset)
            buffer.writeInteger(self.leaderEpoch)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 6
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "ListOffsetsPartitionResponse.PartitionIndex")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "ListOffsetsPartitionResponse.ErrorCode")
            self.timestamp = try buffer.readKafkaInteger(as: Int64.self, field: "ListOffsetsPartitionResponse.Timestamp")
            self.offset = try buffer.readKafkaInteger(as: Int64.self, field: "ListOffsetsPartitionResponse.Offset")
            self.leaderEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "ListOffsetsPartitionResponse.LeaderEpoch")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ListOffsetsPartitionResponse")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ListOffsetsPartitionResponse"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Topics
    public var topics: [ListOffsetsTopicResponse]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        topics: [ListOffsetsTopicResponse] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 6
        buffer.writeInteger(self.throttleTimeMs)
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
        let flexible = version >= 6
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "ListOffsetsResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "ListOffsetsResponse.Topics") {
            var items: [ListOffsetsTopicResponse] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try ListOffsetsTopicResponse(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("ListOffsetsResponse.Topics", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ListOffsetsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ListOffsetsResponse"))
            }
        }
    }
}

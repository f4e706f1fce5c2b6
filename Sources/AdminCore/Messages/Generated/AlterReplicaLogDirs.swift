// Generated from Schemas/AlterReplicaLogDirs.schema by generate-messages. Do not edit.
// AlterReplicaLogDirs: moves replicas a broker holds to another of its log directories (or says where a replica it
// is about to receive shall live); sent to that broker. v1 is Kafka 2.1's highest and 4.x's lowest; v2 is flexible.

import NIOCore

/// AlterReplicaLogDirs request (API key 34), versions 1-2.
public struct AlterReplicaLogDirsRequest: BrokerLocalRequest {
    public typealias Response = AlterReplicaLogDirsResponse
    public static let apiKey = ApiKey(rawValue: 34)
    public static let versions: ClosedRange<Int16> = 1...2
    public static let firstFlexibleVersion: Int16? = 2

    public struct AlterReplicaLogDir: Hashable, Sendable {
        /// Path
        public var path: String
        /// Topics
        public var topics: [AlterReplicaLogDirTopic]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            path: String = "",
            topics: [AlterReplicaLogDirTopic] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.path = path
            self.topics = topics
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeKafkaString(self.path, compact: flexible)
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
            let flexible = version >= 2
            self.path = try buffer.readKafkaString(compact: flexible, field: "AlterReplicaLogDir.Path")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "AlterReplicaLogDir.Topics") {
                var items: [AlterReplicaLogDirTopic] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try AlterReplicaLogDirTopic(from: &buffer, version: version))
                }
                self.topics = items
            } else {
                throw WireError.invalid("AlterReplicaLogDir.Topics", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "AlterReplicaLogDir")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterReplicaLogDir"))
                }
            }
        }
    }

    public struct AlterReplicaLogDirTopic: Hashable, Sendable {
        /// Name
        public var name: String
        /// Partitions
        public var partitions: [Int32]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitions: [Int32] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeKafkaString(self.name, compact: flexible)
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
            let flexible = version >= 2
            self.name = try buffer.readKafkaString(compact: flexible, field: "AlterReplicaLogDirTopic.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "AlterReplicaLogDirTopic.Partitions") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "AlterReplicaLogDirTopic.Partitions"))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("AlterReplicaLogDirTopic.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "AlterReplicaLogDirTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterReplicaLogDirTopic"))
                }
            }
        }
    }

    /// Dirs
    public var dirs: [AlterReplicaLogDir]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        dirs: [AlterReplicaLogDir] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.dirs = dirs
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeKafkaArrayLength(self.dirs.count, compact: flexible)
        for element in self.dirs {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "AlterReplicaLogDirsRequest.Dirs") {
            var items: [AlterReplicaLogDir] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try AlterReplicaLogDir(from: &buffer, version: version))
            }
            self.dirs = items
        } else {
            throw WireError.invalid("AlterReplicaLogDirsRequest.Dirs", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "AlterReplicaLogDirsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterReplicaLogDirsRequest"))
            }
        }
    }
}

/// AlterReplicaLogDirs response (API key 34), versions 1-2.
public struct AlterReplicaLogDirsResponse: KafkaResponse {
    public struct AlterReplicaLogDirTopicResult: Hashable, Sendable {
        /// TopicName
        public var topicName: String
        /// Partitions
        public var partitions: [AlterReplicaLogDirPartitionResult]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            topicName: String = "",
            partitions: [AlterReplicaLogDirPartitionResult] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.topicName = topicName
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
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
            let flexible = version >= 2
            self.topicName = try buffer.readKafkaString(compact: flexible, field: "AlterReplicaLogDirTopicResult.TopicName")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 7 : 6, field: "AlterReplicaLogDirTopicResult.Partitions") {
                var items: [AlterReplicaLogDirPartitionResult] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try AlterReplicaLogDirPartitionResult(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("AlterReplicaLogDirTopicResult.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "AlterReplicaLogDirTopicResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterReplicaLogDirTopicResult"))
                }
            }
        }
    }

    public struct AlterReplicaLogDirPartitionResult: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// ErrorCode
        public var errorCode: Int16
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            errorCode: Int16 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.errorCode = errorCode
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.errorCode)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "AlterReplicaLogDirPartitionResult.PartitionIndex")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "AlterReplicaLogDirPartitionResult.ErrorCode")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "AlterReplicaLogDirPartitionResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterReplicaLogDirPartitionResult"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Results
    public var results: [AlterReplicaLogDirTopicResult]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        results: [AlterReplicaLogDirTopicResult] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.results = results
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeKafkaArrayLength(self.results.count, compact: flexible)
        for element in self.results {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "AlterReplicaLogDirsResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "AlterReplicaLogDirsResponse.Results") {
            var items: [AlterReplicaLogDirTopicResult] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try AlterReplicaLogDirTopicResult(from: &buffer, version: version))
            }
            self.results = items
        } else {
            throw WireError.invalid("AlterReplicaLogDirsResponse.Results", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "AlterReplicaLogDirsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterReplicaLogDirsResponse"))
            }
        }
    }
}

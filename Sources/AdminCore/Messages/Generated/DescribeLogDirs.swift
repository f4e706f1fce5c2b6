// Generated from Schemas/DescribeLogDirs.schema by generate-messages. Do not edit.
// DescribeLogDirs: a broker's log directories and the size of each partition replica in them; sent to each broker
// asked about. v1 is the lowest Kafka 4.x answers and the highest Kafka 2.1 does; v2 is flexible.

import NIOCore

/// DescribeLogDirs request (API key 35), versions 1-5.
public struct DescribeLogDirsRequest: BrokerLocalRequest {
    public typealias Response = DescribeLogDirsResponse
    public static let apiKey = ApiKey(rawValue: 35)
    public static let versions: ClosedRange<Int16> = 1...5
    public static let firstFlexibleVersion: Int16? = 2

    public struct DescribableLogDirTopic: Hashable, Sendable {
        /// Topic
        public var topic: String
        /// Partitions
        public var partitions: [Int32]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            topic: String = "",
            partitions: [Int32] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.topic = topic
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeKafkaString(self.topic, compact: flexible)
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
            self.topic = try buffer.readKafkaString(compact: flexible, field: "DescribableLogDirTopic.Topic")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "DescribableLogDirTopic.Partitions") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "DescribableLogDirTopic.Partitions"))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("DescribableLogDirTopic.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DescribableLogDirTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribableLogDirTopic"))
                }
            }
        }
    }

    /// Topics (nullable): null = every partition the broker holds
    public var topics: [DescribableLogDirTopic]?
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        topics: [DescribableLogDirTopic]? = nil,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.topics = topics
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        if let items = self.topics {
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
        let flexible = version >= 2
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "DescribeLogDirsRequest.Topics") {
            var items: [DescribableLogDirTopic] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try DescribableLogDirTopic(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            self.topics = nil
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeLogDirsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeLogDirsRequest"))
            }
        }
    }
}

/// DescribeLogDirs response (API key 35), versions 1-5.
public struct DescribeLogDirsResponse: KafkaResponse {
    public struct DescribeLogDirsResult: Hashable, Sendable {
        /// ErrorCode
        public var errorCode: Int16
        /// LogDir
        public var logDir: String
        /// Topics
        public var topics: [DescribeLogDirsTopic]
        /// TotalBytes (versions v4+)
        public var totalBytes: Int64
        /// UsableBytes (versions v4+)
        public var usableBytes: Int64
        /// IsCordoned (versions v5+)
        public var isCordoned: Bool
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            errorCode: Int16 = 0,
            logDir: String = "",
            topics: [DescribeLogDirsTopic] = [],
            totalBytes: Int64 = -1,
            usableBytes: Int64 = -1,
            isCordoned: Bool = false,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.errorCode = errorCode
            self.logDir = logDir
            self.topics = topics
            self.totalBytes = totalBytes
            self.usableBytes = usableBytes
            self.isCordoned = isCordoned
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaString(self.logDir, compact: flexible)
            buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
            for element in self.topics {
                try element.encode(into: &buffer, version: version)
            }
            if version >= 4 {
                buffer.writeInteger(self.totalBytes)
            }
            if version >= 4 {
                buffer.writeInteger(self.usableBytes)
            }
            if version >= 5 {
                buffer.writeKafkaBool(self.isCordoned)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DescribeLogDirsResult.ErrorCode")
            self.logDir = try buffer.readKafkaString(compact: flexible, field: "DescribeLogDirsResult.LogDir")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "DescribeLogDirsResult.Topics") {
                var items: [DescribeLogDirsTopic] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try DescribeLogDirsTopic(from: &buffer, version: version))
                }
                self.topics = items
            } else {
                throw WireError.invalid("DescribeLogDirsResult.Topics", "null where an array is required")
            }
            if version >= 4 {
                self.totalBytes = try buffer.readKafkaInteger(as: Int64.self, field: "DescribeLogDirsResult.TotalBytes")
            }
            if version >= 4 {
                self.usableBytes = try buffer.readKafkaInteger(as: Int64.self, field: "DescribeLogDirsResult.UsableBytes")
            }
            if version >= 5 {
                self.isCordoned = try buffer.readKafkaBool(field: "DescribeLogDirsResult.IsCordoned")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeLogDirsResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeLogDirsResult"))
                }
            }
        }
    }

    public struct DescribeLogDirsTopic: Hashable, Sendable {
        /// Name
        public var name: String
        /// Partitions
        public var partitions: [DescribeLogDirsPartition]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitions: [DescribeLogDirsPartition] = [],
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
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.name = try buffer.readKafkaString(compact: flexible, field: "DescribeLogDirsTopic.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 22 : 21, field: "DescribeLogDirsTopic.Partitions") {
                var items: [DescribeLogDirsPartition] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try DescribeLogDirsPartition(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("DescribeLogDirsTopic.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeLogDirsTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeLogDirsTopic"))
                }
            }
        }
    }

    public struct DescribeLogDirsPartition: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// PartitionSize
        public var partitionSize: Int64
        /// OffsetLag
        public var offsetLag: Int64
        /// IsFutureKey
        public var isFutureKey: Bool
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            partitionSize: Int64 = 0,
            offsetLag: Int64 = 0,
            isFutureKey: Bool = false,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.partitionSize = partitionSize
            self.offsetLag = offsetLag
            self.isFutureKey = isFutureKey
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.partitionSize)
            buffer.writeInteger(self.offsetLag)
            buffer.writeKafkaBool(self.isFutureKey)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeLogDirsPartition.PartitionIndex")
            self.partitionSize = try buffer.readKafkaInteger(as: Int64.self, field: "DescribeLogDirsPartition.PartitionSize")
            self.offsetLag = try buffer.readKafkaInteger(as: Int64.self, field: "DescribeLogDirsPartition.OffsetLag")
            self.isFutureKey = try buffer.readKafkaBool(field: "DescribeLogDirsPartition.IsFutureKey")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeLogDirsPartition")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeLogDirsPartition"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// ErrorCode (versions v3+)
    public var errorCode: Int16
    /// Results
    public var results: [DescribeLogDirsResult]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        results: [DescribeLogDirsResult] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.results = results
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeInteger(self.throttleTimeMs)
        if version >= 3 {
            buffer.writeInteger(self.errorCode)
        } else if self.errorCode != 0 {
            throw WireError(.unsupportedInVersion(version), field: "DescribeLogDirsResponse.ErrorCode")
        }
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
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeLogDirsResponse.ThrottleTimeMs")
        if version >= 3 {
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DescribeLogDirsResponse.ErrorCode")
        }
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 5 : 8, field: "DescribeLogDirsResponse.Results") {
            var items: [DescribeLogDirsResult] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try DescribeLogDirsResult(from: &buffer, version: version))
            }
            self.results = items
        } else {
            throw WireError.invalid("DescribeLogDirsResponse.Results", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeLogDirsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeLogDirsResponse"))
            }
        }
    }
}

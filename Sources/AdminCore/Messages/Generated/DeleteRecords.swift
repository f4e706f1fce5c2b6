// Generated from Schemas/DeleteRecords.schema by generate-messages. Do not edit.
// DeleteRecords: move each partition's log start offset forward (delete the records before it), at its leader.
// Offset -1 means the high watermark (delete everything). v0 is the highest Kafka 2.1 knows; v2 is flexible.

import NIOCore

/// DeleteRecords request (API key 21), versions 0-2.
public struct DeleteRecordsRequest: PartitionLeaderRequest {
    public typealias Response = DeleteRecordsResponse
    public static let apiKey = ApiKey(rawValue: 21)
    public static let versions: ClosedRange<Int16> = 0...2
    public static let firstFlexibleVersion: Int16? = 2

    public struct DeleteRecordsTopic: Hashable, Sendable {
        /// Name
        public var name: String
        /// Partitions
        public var partitions: [DeleteRecordsPartition]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitions: [DeleteRecordsPartition] = [],
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
            self.name = try buffer.readKafkaString(compact: flexible, field: "DeleteRecordsTopic.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 13 : 12, field: "DeleteRecordsTopic.Partitions") {
                var items: [DeleteRecordsPartition] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try DeleteRecordsPartition(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("DeleteRecordsTopic.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DeleteRecordsTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeleteRecordsTopic"))
                }
            }
        }
    }

    public struct DeleteRecordsPartition: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// Offset: delete the records before this offset; -1: the high watermark
        public var offset: Int64
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            offset: Int64 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.offset = offset
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.offset)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "DeleteRecordsPartition.PartitionIndex")
            self.offset = try buffer.readKafkaInteger(as: Int64.self, field: "DeleteRecordsPartition.Offset")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DeleteRecordsPartition")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeleteRecordsPartition"))
                }
            }
        }
    }

    /// Topics
    public var topics: [DeleteRecordsTopic]
    /// TimeoutMs
    public var timeoutMs: Int32
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        topics: [DeleteRecordsTopic] = [],
        timeoutMs: Int32 = 0,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.topics = topics
        self.timeoutMs = timeoutMs
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
        for element in self.topics {
            try element.encode(into: &buffer, version: version)
        }
        buffer.writeInteger(self.timeoutMs)
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "DeleteRecordsRequest.Topics") {
            var items: [DeleteRecordsTopic] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try DeleteRecordsTopic(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("DeleteRecordsRequest.Topics", "null where an array is required")
        }
        self.timeoutMs = try buffer.readKafkaInteger(as: Int32.self, field: "DeleteRecordsRequest.TimeoutMs")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DeleteRecordsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeleteRecordsRequest"))
            }
        }
    }
}

/// DeleteRecords response (API key 21), versions 0-2.
public struct DeleteRecordsResponse: KafkaResponse {
    public struct DeleteRecordsTopicResult: Hashable, Sendable {
        /// Name
        public var name: String
        /// Partitions
        public var partitions: [DeleteRecordsPartitionResult]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitions: [DeleteRecordsPartitionResult] = [],
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
            self.name = try buffer.readKafkaString(compact: flexible, field: "DeleteRecordsTopicResult.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 15 : 14, field: "DeleteRecordsTopicResult.Partitions") {
                var items: [DeleteRecordsPartitionResult] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try DeleteRecordsPartitionResult(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("DeleteRecordsTopicResult.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DeleteRecordsTopicResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeleteRecordsTopicResult"))
                }
            }
        }
    }

    public struct DeleteRecordsPartitionResult: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// LowWatermark
        public var lowWatermark: Int64
        /// ErrorCode
        public var errorCode: Int16
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            lowWatermark: Int64 = 0,
            errorCode: Int16 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.lowWatermark = lowWatermark
            self.errorCode = errorCode
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.lowWatermark)
            buffer.writeInteger(self.errorCode)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "DeleteRecordsPartitionResult.PartitionIndex")
            self.lowWatermark = try buffer.readKafkaInteger(as: Int64.self, field: "DeleteRecordsPartitionResult.LowWatermark")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DeleteRecordsPartitionResult.ErrorCode")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DeleteRecordsPartitionResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeleteRecordsPartitionResult"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Topics
    public var topics: [DeleteRecordsTopicResult]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        topics: [DeleteRecordsTopicResult] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
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
        let flexible = version >= 2
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "DeleteRecordsResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "DeleteRecordsResponse.Topics") {
            var items: [DeleteRecordsTopicResult] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try DeleteRecordsTopicResult(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("DeleteRecordsResponse.Topics", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DeleteRecordsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeleteRecordsResponse"))
            }
        }
    }
}

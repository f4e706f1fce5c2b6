// Generated from Schemas/DescribeProducers.schema by generate-messages. Do not edit.
// DescribeProducers: the producers a partition replica keeps state for (epoch, last sequence and time, the start
// offset of an open transaction); asked of the partition's leader, or of a named replica. Kafka 2.8+ (v0, flexible).

import NIOCore

/// DescribeProducers request (API key 61), versions 0-0.
public struct DescribeProducersRequest: PartitionLeaderRequest {
    public typealias Response = DescribeProducersResponse
    public static let apiKey = ApiKey(rawValue: 61)
    public static let versions: ClosedRange<Int16> = 0...0
    public static let firstFlexibleVersion: Int16? = 0

    public struct TopicRequest: Hashable, Sendable {
        /// Name
        public var name: String
        /// PartitionIndexes
        public var partitionIndexes: [Int32]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitionIndexes: [Int32] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.partitionIndexes = partitionIndexes
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaArrayLength(self.partitionIndexes.count, compact: flexible)
            for element in self.partitionIndexes {
                buffer.writeInteger(element)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.name = try buffer.readKafkaString(compact: flexible, field: "TopicRequest.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "TopicRequest.PartitionIndexes") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "TopicRequest.PartitionIndexes"))
                }
                self.partitionIndexes = items
            } else {
                throw WireError.invalid("TopicRequest.PartitionIndexes", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "TopicRequest")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "TopicRequest"))
                }
            }
        }
    }

    /// Topics
    public var topics: [TopicRequest]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        topics: [TopicRequest] = [],
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
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 3, field: "DescribeProducersRequest.Topics") {
            var items: [TopicRequest] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try TopicRequest(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("DescribeProducersRequest.Topics", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeProducersRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeProducersRequest"))
            }
        }
    }
}

/// DescribeProducers response (API key 61), versions 0-0.
public struct DescribeProducersResponse: KafkaResponse {
    public struct TopicResponse: Hashable, Sendable {
        /// Name
        public var name: String
        /// Partitions
        public var partitions: [PartitionResponse]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitions: [PartitionResponse] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
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
            let flexible = true
            self.name = try buffer.readKafkaString(compact: flexible, field: "TopicResponse.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 9, field: "TopicResponse.Partitions") {
                var items: [PartitionResponse] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try PartitionResponse(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("TopicResponse.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "TopicResponse")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "TopicResponse"))
                }
            }
        }
    }

    public struct PartitionResponse: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (nullable)
        public var errorMessage: String?
        /// ActiveProducers
        public var activeProducers: [ProducerState]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            activeProducers: [ProducerState] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.activeProducers = activeProducers
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            buffer.writeKafkaArrayLength(self.activeProducers.count, compact: flexible)
            for element in self.activeProducers {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "PartitionResponse.PartitionIndex")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "PartitionResponse.ErrorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "PartitionResponse.ErrorMessage")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 37, field: "PartitionResponse.ActiveProducers") {
                var items: [ProducerState] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try ProducerState(from: &buffer, version: version))
                }
                self.activeProducers = items
            } else {
                throw WireError.invalid("PartitionResponse.ActiveProducers", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "PartitionResponse")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "PartitionResponse"))
                }
            }
        }
    }

    public struct ProducerState: Hashable, Sendable {
        /// ProducerId
        public var producerId: Int64
        /// ProducerEpoch
        public var producerEpoch: Int32
        /// LastSequence
        public var lastSequence: Int32
        /// LastTimestamp
        public var lastTimestamp: Int64
        /// CoordinatorEpoch
        public var coordinatorEpoch: Int32
        /// CurrentTxnStartOffset: -1: no open transaction
        public var currentTxnStartOffset: Int64
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            producerId: Int64 = 0,
            producerEpoch: Int32 = 0,
            lastSequence: Int32 = -1,
            lastTimestamp: Int64 = -1,
            coordinatorEpoch: Int32 = 0,
            currentTxnStartOffset: Int64 = -1,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.producerId = producerId
            self.producerEpoch = producerEpoch
            self.lastSequence = lastSequence
            self.lastTimestamp = lastTimestamp
            self.coordinatorEpoch = coordinatorEpoch
            self.currentTxnStartOffset = currentTxnStartOffset
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeInteger(self.producerId)
            buffer.writeInteger(self.producerEpoch)
            buffer.writeInteger(self.lastSequence)
            buffer.writeInteger(self.lastTimestamp)
            buffer.writeInteger(self.coordinatorEpoch)
            buffer.writeInteger(self.currentTxnStartOffset)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.producerId = try buffer.readKafkaInteger(as: Int64.self, field: "ProducerState.ProducerId")
            self.producerEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "ProducerState.ProducerEpoch")
            self.lastSequence = try buffer.readKafkaInteger(as: Int32.self, field: "ProducerState.LastSequence")
            self.lastTimestamp = try buffer.readKafkaInteger(as: Int64.self, field: "ProducerState.LastTimestamp")
            self.coordinatorEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "ProducerState.CoordinatorEpoch")
            self.currentTxnStartOffset = try buffer.readKafkaInteger(as: Int64.self, field: "ProducerState.CurrentTxnStartOffset")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ProducerState")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ProducerState"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Topics
    public var topics: [TopicResponse]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        topics: [TopicResponse] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
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
        let flexible = true
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeProducersResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 3, field: "DescribeProducersResponse.Topics") {
            var items: [TopicResponse] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try TopicResponse(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("DescribeProducersResponse.Topics", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeProducersResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeProducersResponse"))
            }
        }
    }
}

// Generated from Schemas/WriteTxnMarkers.schema by generate-messages. Do not edit.
// WriteTxnMarkers: writes a transaction's commit or abort marker into partitions, at their leader; what the
// transaction coordinator sends, and what an administrator's abort of a hanging transaction sends. Kafka 2.8 offers
// v0-1, 4.x v1-2; v1 is flexible.

import NIOCore

/// WriteTxnMarkers request (API key 27), versions 1-2.
public struct WriteTxnMarkersRequest: PartitionLeaderRequest {
    public typealias Response = WriteTxnMarkersResponse
    public static let apiKey = ApiKey(rawValue: 27)
    public static let versions: ClosedRange<Int16> = 1...2
    public static let firstFlexibleVersion: Int16? = 1

    public struct WritableTxnMarker: Hashable, Sendable {
        /// ProducerId
        public var producerId: Int64
        /// ProducerEpoch
        public var producerEpoch: Int16
        /// TransactionResult: false ABORT, true COMMIT
        public var transactionResult: Bool
        /// Topics
        public var topics: [WritableTxnMarkerTopic]
        /// CoordinatorEpoch
        public var coordinatorEpoch: Int32
        /// TransactionVersion (versions v2+)
        public var transactionVersion: Int8
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            producerId: Int64 = 0,
            producerEpoch: Int16 = 0,
            transactionResult: Bool = false,
            topics: [WritableTxnMarkerTopic] = [],
            coordinatorEpoch: Int32 = 0,
            transactionVersion: Int8 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.producerId = producerId
            self.producerEpoch = producerEpoch
            self.transactionResult = transactionResult
            self.topics = topics
            self.coordinatorEpoch = coordinatorEpoch
            self.transactionVersion = transactionVersion
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeInteger(self.producerId)
            buffer.writeInteger(self.producerEpoch)
            buffer.writeKafkaBool(self.transactionResult)
            buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
            for element in self.topics {
                try element.encode(into: &buffer, version: version)
            }
            buffer.writeInteger(self.coordinatorEpoch)
            if version >= 2 {
                buffer.writeInteger(self.transactionVersion)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.producerId = try buffer.readKafkaInteger(as: Int64.self, field: "WritableTxnMarker.ProducerId")
            self.producerEpoch = try buffer.readKafkaInteger(as: Int16.self, field: "WritableTxnMarker.ProducerEpoch")
            self.transactionResult = try buffer.readKafkaBool(field: "WritableTxnMarker.TransactionResult")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 3, field: "WritableTxnMarker.Topics") {
                var items: [WritableTxnMarkerTopic] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try WritableTxnMarkerTopic(from: &buffer, version: version))
                }
                self.topics = items
            } else {
                throw WireError.invalid("WritableTxnMarker.Topics", "null where an array is required")
            }
            self.coordinatorEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "WritableTxnMarker.CoordinatorEpoch")
            if version >= 2 {
                self.transactionVersion = try buffer.readKafkaInteger(as: Int8.self, field: "WritableTxnMarker.TransactionVersion")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "WritableTxnMarker")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "WritableTxnMarker"))
                }
            }
        }
    }

    public struct WritableTxnMarkerTopic: Hashable, Sendable {
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
            self.name = try buffer.readKafkaString(compact: flexible, field: "WritableTxnMarkerTopic.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "WritableTxnMarkerTopic.PartitionIndexes") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "WritableTxnMarkerTopic.PartitionIndexes"))
                }
                self.partitionIndexes = items
            } else {
                throw WireError.invalid("WritableTxnMarkerTopic.PartitionIndexes", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "WritableTxnMarkerTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "WritableTxnMarkerTopic"))
                }
            }
        }
    }

    /// Markers
    public var markers: [WritableTxnMarker]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        markers: [WritableTxnMarker] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.markers = markers
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeKafkaArrayLength(self.markers.count, compact: flexible)
        for element in self.markers {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 17, field: "WriteTxnMarkersRequest.Markers") {
            var items: [WritableTxnMarker] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try WritableTxnMarker(from: &buffer, version: version))
            }
            self.markers = items
        } else {
            throw WireError.invalid("WriteTxnMarkersRequest.Markers", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "WriteTxnMarkersRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "WriteTxnMarkersRequest"))
            }
        }
    }
}

/// WriteTxnMarkers response (API key 27), versions 1-2.
public struct WriteTxnMarkersResponse: KafkaResponse {
    public struct WritableTxnMarkerResult: Hashable, Sendable {
        /// ProducerId
        public var producerId: Int64
        /// Topics
        public var topics: [WritableTxnMarkerTopicResult]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            producerId: Int64 = 0,
            topics: [WritableTxnMarkerTopicResult] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.producerId = producerId
            self.topics = topics
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeInteger(self.producerId)
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
            self.producerId = try buffer.readKafkaInteger(as: Int64.self, field: "WritableTxnMarkerResult.ProducerId")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 3, field: "WritableTxnMarkerResult.Topics") {
                var items: [WritableTxnMarkerTopicResult] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try WritableTxnMarkerTopicResult(from: &buffer, version: version))
                }
                self.topics = items
            } else {
                throw WireError.invalid("WritableTxnMarkerResult.Topics", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "WritableTxnMarkerResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "WritableTxnMarkerResult"))
                }
            }
        }
    }

    public struct WritableTxnMarkerTopicResult: Hashable, Sendable {
        /// Name
        public var name: String
        /// Partitions
        public var partitions: [WritableTxnMarkerPartitionResult]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitions: [WritableTxnMarkerPartitionResult] = [],
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
            self.name = try buffer.readKafkaString(compact: flexible, field: "WritableTxnMarkerTopicResult.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 7, field: "WritableTxnMarkerTopicResult.Partitions") {
                var items: [WritableTxnMarkerPartitionResult] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try WritableTxnMarkerPartitionResult(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("WritableTxnMarkerTopicResult.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "WritableTxnMarkerTopicResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "WritableTxnMarkerTopicResult"))
                }
            }
        }
    }

    public struct WritableTxnMarkerPartitionResult: Hashable, Sendable {
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
            let flexible = true
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.errorCode)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "WritableTxnMarkerPartitionResult.PartitionIndex")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "WritableTxnMarkerPartitionResult.ErrorCode")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "WritableTxnMarkerPartitionResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "WritableTxnMarkerPartitionResult"))
                }
            }
        }
    }

    /// Markers
    public var markers: [WritableTxnMarkerResult]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        markers: [WritableTxnMarkerResult] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.markers = markers
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeKafkaArrayLength(self.markers.count, compact: flexible)
        for element in self.markers {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 10, field: "WriteTxnMarkersResponse.Markers") {
            var items: [WritableTxnMarkerResult] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try WritableTxnMarkerResult(from: &buffer, version: version))
            }
            self.markers = items
        } else {
            throw WireError.invalid("WriteTxnMarkersResponse.Markers", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "WriteTxnMarkersResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "WriteTxnMarkersResponse"))
            }
        }
    }
}

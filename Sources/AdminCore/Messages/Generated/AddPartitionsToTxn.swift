// Generated from Schemas/AddPartitionsToTxn.schema by generate-messages. Do not edit.
// AddPartitionsToTxn: a transactional producer names each partition it is about to write in the current transaction
// to its transaction coordinator, before the first Produce there. Versions 0-3 are the client's (Kafka 2.1 offers 0-1;
// v2 only adds PRODUCER_FENCED), hence Kafka's "V3AndBelow" names; v4+ are broker-to-broker, with another layout,
// and kafkactl does not speak them.

import NIOCore

/// AddPartitionsToTxn request (API key 24), versions 0-3.
public struct AddPartitionsToTxnRequest: TransactionCoordinatorRequest {
    public typealias Response = AddPartitionsToTxnResponse
    public static let apiKey = ApiKey(rawValue: 24)
    public static let versions: ClosedRange<Int16> = 0...3
    public static let firstFlexibleVersion: Int16? = 3

    public struct AddPartitionsToTxnTopic: Hashable, Sendable {
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
            let flexible = version >= 3
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
            let flexible = version >= 3
            self.name = try buffer.readKafkaString(compact: flexible, field: "AddPartitionsToTxnTopic.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "AddPartitionsToTxnTopic.Partitions") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "AddPartitionsToTxnTopic.Partitions"))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("AddPartitionsToTxnTopic.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "AddPartitionsToTxnTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AddPartitionsToTxnTopic"))
                }
            }
        }
    }

    /// V3AndBelowTransactionalId
    public var v3AndBelowTransactionalId: String
    /// V3AndBelowProducerId
    public var v3AndBelowProducerId: Int64
    /// V3AndBelowProducerEpoch
    public var v3AndBelowProducerEpoch: Int16
    /// V3AndBelowTopics
    public var v3AndBelowTopics: [AddPartitionsToTxnTopic]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        v3AndBelowTransactionalId: String = "",
        v3AndBelowProducerId: Int64 = 0,
        v3AndBelowProducerEpoch: Int16 = 0,
        v3AndBelowTopics: [AddPartitionsToTxnTopic] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.v3AndBelowTransactionalId = v3AndBelowTransactionalId
        self.v3AndBelowProducerId = v3AndBelowProducerId
        self.v3AndBelowProducerEpoch = v3AndBelowProducerEpoch
        self.v3AndBelowTopics = v3AndBelowTopics
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 3
        buffer.writeKafkaString(self.v3AndBelowTransactionalId, compact: flexible)
        buffer.writeInteger(self.v3AndBelowProducerId)
        buffer.writeInteger(self.v3AndBelowProducerEpoch)
        buffer.writeKafkaArrayLength(self.v3AndBelowTopics.count, compact: flexible)
        for element in self.v3AndBelowTopics {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 3
        self.v3AndBelowTransactionalId = try buffer.readKafkaString(compact: flexible, field: "AddPartitionsToTxnRequest.V3AndBelowTransactionalId")
        self.v3AndBelowProducerId = try buffer.readKafkaInteger(as: Int64.self, field: "AddPartitionsToTxnRequest.V3AndBelowProducerId")
        self.v3AndBelowProducerEpoch = try buffer.readKafkaInteger(as: Int16.self, field: "AddPartitionsToTxnRequest.V3AndBelowProducerEpoch")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "AddPartitionsToTxnRequest.V3AndBelowTopics") {
            var items: [AddPartitionsToTxnTopic] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try AddPartitionsToTxnTopic(from: &buffer, version: version))
            }
            self.v3AndBelowTopics = items
        } else {
            throw WireError.invalid("AddPartitionsToTxnRequest.V3AndBelowTopics", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "AddPartitionsToTxnRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AddPartitionsToTxnRequest"))
            }
        }
    }
}

/// AddPartitionsToTxn response (API key 24), versions 0-3.
public struct AddPartitionsToTxnResponse: KafkaResponse {
    public struct AddPartitionsToTxnTopicResult: Hashable, Sendable {
        /// Name
        public var name: String
        /// ResultsByPartition
        public var resultsByPartition: [AddPartitionsToTxnPartitionResult]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            resultsByPartition: [AddPartitionsToTxnPartitionResult] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.resultsByPartition = resultsByPartition
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 3
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaArrayLength(self.resultsByPartition.count, compact: flexible)
            for element in self.resultsByPartition {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 3
            self.name = try buffer.readKafkaString(compact: flexible, field: "AddPartitionsToTxnTopicResult.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 7 : 6, field: "AddPartitionsToTxnTopicResult.ResultsByPartition") {
                var items: [AddPartitionsToTxnPartitionResult] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try AddPartitionsToTxnPartitionResult(from: &buffer, version: version))
                }
                self.resultsByPartition = items
            } else {
                throw WireError.invalid("AddPartitionsToTxnTopicResult.ResultsByPartition", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "AddPartitionsToTxnTopicResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AddPartitionsToTxnTopicResult"))
                }
            }
        }
    }

    public struct AddPartitionsToTxnPartitionResult: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// PartitionErrorCode
        public var partitionErrorCode: Int16
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            partitionErrorCode: Int16 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.partitionErrorCode = partitionErrorCode
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 3
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.partitionErrorCode)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 3
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "AddPartitionsToTxnPartitionResult.PartitionIndex")
            self.partitionErrorCode = try buffer.readKafkaInteger(as: Int16.self, field: "AddPartitionsToTxnPartitionResult.PartitionErrorCode")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "AddPartitionsToTxnPartitionResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AddPartitionsToTxnPartitionResult"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// ResultsByTopicV3AndBelow
    public var resultsByTopicV3AndBelow: [AddPartitionsToTxnTopicResult]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        resultsByTopicV3AndBelow: [AddPartitionsToTxnTopicResult] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.resultsByTopicV3AndBelow = resultsByTopicV3AndBelow
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 3
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeKafkaArrayLength(self.resultsByTopicV3AndBelow.count, compact: flexible)
        for element in self.resultsByTopicV3AndBelow {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 3
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "AddPartitionsToTxnResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "AddPartitionsToTxnResponse.ResultsByTopicV3AndBelow") {
            var items: [AddPartitionsToTxnTopicResult] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try AddPartitionsToTxnTopicResult(from: &buffer, version: version))
            }
            self.resultsByTopicV3AndBelow = items
        } else {
            throw WireError.invalid("AddPartitionsToTxnResponse.ResultsByTopicV3AndBelow", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "AddPartitionsToTxnResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AddPartitionsToTxnResponse"))
            }
        }
    }
}

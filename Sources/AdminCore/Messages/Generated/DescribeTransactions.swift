// Generated from Schemas/DescribeTransactions.schema by generate-messages. Do not edit.
// DescribeTransactions: a transactional id's state at its transaction coordinator (FindCoordinator key type 1).
// Kafka 3.0+ (v0, flexible).

import NIOCore

/// DescribeTransactions request (API key 65), versions 0-0.
public struct DescribeTransactionsRequest: TransactionCoordinatorRequest {
    public typealias Response = DescribeTransactionsResponse
    public static let apiKey = ApiKey(rawValue: 65)
    public static let versions: ClosedRange<Int16> = 0...0
    public static let firstFlexibleVersion: Int16? = 0

    /// TransactionalIds
    public var transactionalIds: [String]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        transactionalIds: [String] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.transactionalIds = transactionalIds
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeKafkaArrayLength(self.transactionalIds.count, compact: flexible)
        for element in self.transactionalIds {
            buffer.writeKafkaString(element, compact: flexible)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        if let count = try buffer.readKafkaArrayLength(compact: flexible, field: "DescribeTransactionsRequest.TransactionalIds") {
            var items: [String] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try buffer.readKafkaString(compact: flexible, field: "DescribeTransactionsRequest.TransactionalIds"))
            }
            self.transactionalIds = items
        } else {
            throw WireError.invalid("DescribeTransactionsRequest.TransactionalIds", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeTransactionsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeTransactionsRequest"))
            }
        }
    }
}

/// DescribeTransactions response (API key 65), versions 0-0.
public struct DescribeTransactionsResponse: KafkaResponse {
    public struct TransactionState: Hashable, Sendable {
        /// ErrorCode
        public var errorCode: Int16
        /// TransactionalId
        public var transactionalId: String
        /// TransactionState
        public var transactionState: String
        /// TransactionTimeoutMs
        public var transactionTimeoutMs: Int32
        /// TransactionStartTimeMs: -1 when no transaction is open
        public var transactionStartTimeMs: Int64
        /// ProducerId
        public var producerId: Int64
        /// ProducerEpoch
        public var producerEpoch: Int16
        /// Topics: the partitions in the transaction (still without markers once it is preparing to end)
        public var topics: [TopicData]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            errorCode: Int16 = 0,
            transactionalId: String = "",
            transactionState: String = "",
            transactionTimeoutMs: Int32 = 0,
            transactionStartTimeMs: Int64 = 0,
            producerId: Int64 = 0,
            producerEpoch: Int16 = 0,
            topics: [TopicData] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.errorCode = errorCode
            self.transactionalId = transactionalId
            self.transactionState = transactionState
            self.transactionTimeoutMs = transactionTimeoutMs
            self.transactionStartTimeMs = transactionStartTimeMs
            self.producerId = producerId
            self.producerEpoch = producerEpoch
            self.topics = topics
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaString(self.transactionalId, compact: flexible)
            buffer.writeKafkaString(self.transactionState, compact: flexible)
            buffer.writeInteger(self.transactionTimeoutMs)
            buffer.writeInteger(self.transactionStartTimeMs)
            buffer.writeInteger(self.producerId)
            buffer.writeInteger(self.producerEpoch)
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
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "TransactionState.ErrorCode")
            self.transactionalId = try buffer.readKafkaString(compact: flexible, field: "TransactionState.TransactionalId")
            self.transactionState = try buffer.readKafkaString(compact: flexible, field: "TransactionState.TransactionState")
            self.transactionTimeoutMs = try buffer.readKafkaInteger(as: Int32.self, field: "TransactionState.TransactionTimeoutMs")
            self.transactionStartTimeMs = try buffer.readKafkaInteger(as: Int64.self, field: "TransactionState.TransactionStartTimeMs")
            self.producerId = try buffer.readKafkaInteger(as: Int64.self, field: "TransactionState.ProducerId")
            self.producerEpoch = try buffer.readKafkaInteger(as: Int16.self, field: "TransactionState.ProducerEpoch")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 3, field: "TransactionState.Topics") {
                var items: [TopicData] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try TopicData(from: &buffer, version: version))
                }
                self.topics = items
            } else {
                throw WireError.invalid("TransactionState.Topics", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "TransactionState")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "TransactionState"))
                }
            }
        }
    }

    public struct TopicData: Hashable, Sendable {
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
            let flexible = true
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
            let flexible = true
            self.topic = try buffer.readKafkaString(compact: flexible, field: "TopicData.Topic")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "TopicData.Partitions") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "TopicData.Partitions"))
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

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// TransactionStates
    public var transactionStates: [TransactionState]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        transactionStates: [TransactionState] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.transactionStates = transactionStates
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeKafkaArrayLength(self.transactionStates.count, compact: flexible)
        for element in self.transactionStates {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeTransactionsResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 28, field: "DescribeTransactionsResponse.TransactionStates") {
            var items: [TransactionState] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try TransactionState(from: &buffer, version: version))
            }
            self.transactionStates = items
        } else {
            throw WireError.invalid("DescribeTransactionsResponse.TransactionStates", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeTransactionsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeTransactionsResponse"))
            }
        }
    }
}

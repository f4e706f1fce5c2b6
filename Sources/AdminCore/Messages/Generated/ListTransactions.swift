// Generated from Schemas/ListTransactions.schema by generate-messages. Do not edit.
// ListTransactions: the transactions a broker coordinates, so ask every broker and merge. Kafka 3.0+ (v0); v1 adds
// the duration filter (Kafka 3.8), v2 the transactional id pattern (Kafka 4.1).

import NIOCore

/// ListTransactions request (API key 66), versions 0-2.
public struct ListTransactionsRequest: BrokerLocalRequest {
    public typealias Response = ListTransactionsResponse
    public static let apiKey = ApiKey(rawValue: 66)
    public static let versions: ClosedRange<Int16> = 0...2
    public static let firstFlexibleVersion: Int16? = 0

    /// StateFilters: empty: every state
    public var stateFilters: [String]
    /// ProducerIdFilters: empty: every producer
    public var producerIdFilters: [Int64]
    /// DurationFilter (versions v1+): < 0: any duration
    public var durationFilter: Int64
    /// TransactionalIdPattern (versions v2+, nullable): null or empty: every id
    public var transactionalIdPattern: String?
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        stateFilters: [String] = [],
        producerIdFilters: [Int64] = [],
        durationFilter: Int64 = -1,
        transactionalIdPattern: String? = nil,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.stateFilters = stateFilters
        self.producerIdFilters = producerIdFilters
        self.durationFilter = durationFilter
        self.transactionalIdPattern = transactionalIdPattern
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeKafkaArrayLength(self.stateFilters.count, compact: flexible)
        for element in self.stateFilters {
            buffer.writeKafkaString(element, compact: flexible)
        }
        buffer.writeKafkaArrayLength(self.producerIdFilters.count, compact: flexible)
        for element in self.producerIdFilters {
            buffer.writeInteger(element)
        }
        if version >= 1 {
            buffer.writeInteger(self.durationFilter)
        } else if self.durationFilter != -1 {
            throw WireError(.unsupportedInVersion(version), field: "ListTransactionsRequest.DurationFilter")
        }
        if version >= 2 {
            buffer.writeKafkaNullableString(self.transactionalIdPattern, compact: flexible)
        } else if self.transactionalIdPattern != nil {
            throw WireError(.unsupportedInVersion(version), field: "ListTransactionsRequest.TransactionalIdPattern")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        if let count = try buffer.readKafkaArrayLength(compact: flexible, field: "ListTransactionsRequest.StateFilters") {
            var items: [String] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try buffer.readKafkaString(compact: flexible, field: "ListTransactionsRequest.StateFilters"))
            }
            self.stateFilters = items
        } else {
            throw WireError.invalid("ListTransactionsRequest.StateFilters", "null where an array is required")
        }
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 8, field: "ListTransactionsRequest.ProducerIdFilters") {
            var items: [Int64] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try buffer.readKafkaInteger(as: Int64.self, field: "ListTransactionsRequest.ProducerIdFilters"))
            }
            self.producerIdFilters = items
        } else {
            throw WireError.invalid("ListTransactionsRequest.ProducerIdFilters", "null where an array is required")
        }
        if version >= 1 {
            self.durationFilter = try buffer.readKafkaInteger(as: Int64.self, field: "ListTransactionsRequest.DurationFilter")
        }
        if version >= 2 {
            self.transactionalIdPattern = try buffer.readKafkaNullableString(compact: flexible, field: "ListTransactionsRequest.TransactionalIdPattern")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ListTransactionsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ListTransactionsRequest"))
            }
        }
    }
}

/// ListTransactions response (API key 66), versions 0-2.
public struct ListTransactionsResponse: KafkaResponse {
    public struct TransactionState: Hashable, Sendable {
        /// TransactionalId
        public var transactionalId: String
        /// ProducerId
        public var producerId: Int64
        /// TransactionState
        public var transactionState: String
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            transactionalId: String = "",
            producerId: Int64 = 0,
            transactionState: String = "",
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.transactionalId = transactionalId
            self.producerId = producerId
            self.transactionState = transactionState
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaString(self.transactionalId, compact: flexible)
            buffer.writeInteger(self.producerId)
            buffer.writeKafkaString(self.transactionState, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.transactionalId = try buffer.readKafkaString(compact: flexible, field: "TransactionState.TransactionalId")
            self.producerId = try buffer.readKafkaInteger(as: Int64.self, field: "TransactionState.ProducerId")
            self.transactionState = try buffer.readKafkaString(compact: flexible, field: "TransactionState.TransactionState")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "TransactionState")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "TransactionState"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// ErrorCode
    public var errorCode: Int16
    /// UnknownStateFilters
    public var unknownStateFilters: [String]
    /// TransactionStates
    public var transactionStates: [TransactionState]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        unknownStateFilters: [String] = [],
        transactionStates: [TransactionState] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.unknownStateFilters = unknownStateFilters
        self.transactionStates = transactionStates
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeInteger(self.errorCode)
        buffer.writeKafkaArrayLength(self.unknownStateFilters.count, compact: flexible)
        for element in self.unknownStateFilters {
            buffer.writeKafkaString(element, compact: flexible)
        }
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
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "ListTransactionsResponse.ThrottleTimeMs")
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "ListTransactionsResponse.ErrorCode")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, field: "ListTransactionsResponse.UnknownStateFilters") {
            var items: [String] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try buffer.readKafkaString(compact: flexible, field: "ListTransactionsResponse.UnknownStateFilters"))
            }
            self.unknownStateFilters = items
        } else {
            throw WireError.invalid("ListTransactionsResponse.UnknownStateFilters", "null where an array is required")
        }
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 11, field: "ListTransactionsResponse.TransactionStates") {
            var items: [TransactionState] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try TransactionState(from: &buffer, version: version))
            }
            self.transactionStates = items
        } else {
            throw WireError.invalid("ListTransactionsResponse.TransactionStates", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ListTransactionsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ListTransactionsResponse"))
            }
        }
    }
}

// Generated from Schemas/EndTxn.schema by generate-messages. Do not edit.
// EndTxn: a transactional producer commits or aborts its transaction at its transaction coordinator, which writes the
// markers. Kafka 2.1 offers v0-1; v2 adds PRODUCER_FENCED, v3 is flexible, v4 adds TRANSACTION_ABORTABLE. v5
// (transaction.version 2, KIP-890 part 2: a new epoch per transaction) is left out, and with it Produce v12.

import NIOCore

/// EndTxn request (API key 26), versions 0-4.
public struct EndTxnRequest: TransactionCoordinatorRequest {
    public typealias Response = EndTxnResponse
    public static let apiKey = ApiKey(rawValue: 26)
    public static let versions: ClosedRange<Int16> = 0...4
    public static let firstFlexibleVersion: Int16? = 3

    /// TransactionalId
    public var transactionalId: String
    /// ProducerId
    public var producerId: Int64
    /// ProducerEpoch
    public var producerEpoch: Int16
    /// Committed: true to commit, false to abort
    public var committed: Bool
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        transactionalId: String = "",
        producerId: Int64 = 0,
        producerEpoch: Int16 = 0,
        committed: Bool = false,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.transactionalId = transactionalId
        self.producerId = producerId
        self.producerEpoch = producerEpoch
        self.committed = committed
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 3
        buffer.writeKafkaString(self.transactionalId, compact: flexible)
        buffer.writeInteger(self.producerId)
        buffer.writeInteger(self.producerEpoch)
        buffer.writeKafkaBool(self.committed)
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 3
        self.transactionalId = try buffer.readKafkaString(compact: flexible, field: "EndTxnRequest.TransactionalId")
        self.producerId = try buffer.readKafkaInteger(as: Int64.self, field: "EndTxnRequest.ProducerId")
        self.producerEpoch = try buffer.readKafkaInteger(as: Int16.self, field: "EndTxnRequest.ProducerEpoch")
        self.committed = try buffer.readKafkaBool(field: "EndTxnRequest.Committed")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "EndTxnRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "EndTxnRequest"))
            }
        }
    }
}

/// EndTxn response (API key 26), versions 0-4.
public struct EndTxnResponse: KafkaResponse {
    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// ErrorCode
    public var errorCode: Int16
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 3
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeInteger(self.errorCode)
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 3
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "EndTxnResponse.ThrottleTimeMs")
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "EndTxnResponse.ErrorCode")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "EndTxnResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "EndTxnResponse"))
            }
        }
    }
}

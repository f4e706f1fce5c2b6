// Generated from Schemas/InitProducerId.schema by generate-messages. Do not edit.
// InitProducerId: a producer id and epoch for idempotent (or transactional) producing. With a transactional id it goes
// to that id's transaction coordinator; without one, to any broker (see RouteKeys.swift).

import NIOCore

/// InitProducerId request (API key 22), versions 1-5.
public struct InitProducerIdRequest: TransactionCoordinatorRequest {
    public typealias Response = InitProducerIdResponse
    public static let apiKey = ApiKey(rawValue: 22)
    public static let versions: ClosedRange<Int16> = 1...5
    public static let firstFlexibleVersion: Int16? = 2

    /// TransactionalId (nullable): null for idempotence only
    public var transactionalId: String?
    /// TransactionTimeoutMs: Java sends 2147483647 without a transactional id
    public var transactionTimeoutMs: Int32
    /// ProducerId (versions v3+)
    public var producerId: Int64
    /// ProducerEpoch (versions v3+)
    public var producerEpoch: Int16
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        transactionalId: String? = nil,
        transactionTimeoutMs: Int32 = 0,
        producerId: Int64 = -1,
        producerEpoch: Int16 = -1,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.transactionalId = transactionalId
        self.transactionTimeoutMs = transactionTimeoutMs
        self.producerId = producerId
        self.producerEpoch = producerEpoch
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeKafkaNullableString(self.transactionalId, compact: flexible)
        buffer.writeInteger(self.transactionTimeoutMs)
        if version >= 3 {
            buffer.writeInteger(self.producerId)
        } else if self.producerId != -1 {
            throw WireError(.unsupportedInVersion(version), field: "InitProducerIdRequest.ProducerId")
        }
        if version >= 3 {
            buffer.writeInteger(self.producerEpoch)
        } else if self.producerEpoch != -1 {
            throw WireError(.unsupportedInVersion(version), field: "InitProducerIdRequest.ProducerEpoch")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        self.transactionalId = try buffer.readKafkaNullableString(compact: flexible, field: "InitProducerIdRequest.TransactionalId")
        self.transactionTimeoutMs = try buffer.readKafkaInteger(as: Int32.self, field: "InitProducerIdRequest.TransactionTimeoutMs")
        if version >= 3 {
            self.producerId = try buffer.readKafkaInteger(as: Int64.self, field: "InitProducerIdRequest.ProducerId")
        }
        if version >= 3 {
            self.producerEpoch = try buffer.readKafkaInteger(as: Int16.self, field: "InitProducerIdRequest.ProducerEpoch")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "InitProducerIdRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "InitProducerIdRequest"))
            }
        }
    }
}

/// InitProducerId response (API key 22), versions 1-5.
public struct InitProducerIdResponse: KafkaResponse {
    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// ErrorCode
    public var errorCode: Int16
    /// ProducerId
    public var producerId: Int64
    /// ProducerEpoch
    public var producerEpoch: Int16
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        producerId: Int64 = -1,
        producerEpoch: Int16 = -1,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.producerId = producerId
        self.producerEpoch = producerEpoch
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeInteger(self.errorCode)
        buffer.writeInteger(self.producerId)
        buffer.writeInteger(self.producerEpoch)
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "InitProducerIdResponse.ThrottleTimeMs")
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "InitProducerIdResponse.ErrorCode")
        self.producerId = try buffer.readKafkaInteger(as: Int64.self, field: "InitProducerIdResponse.ProducerId")
        self.producerEpoch = try buffer.readKafkaInteger(as: Int16.self, field: "InitProducerIdResponse.ProducerEpoch")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "InitProducerIdResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "InitProducerIdResponse"))
            }
        }
    }
}

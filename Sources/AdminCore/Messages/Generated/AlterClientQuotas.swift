// Generated from Schemas/AlterClientQuotas.schema by generate-messages. Do not edit.
// AlterClientQuotas: sets or removes quotas of one entity (a user, a client id, both, or an IP) (Kafka 2.6+).
// Any broker answers; it forwards to the controller.

import NIOCore

/// AlterClientQuotas request (API key 49), versions 0-1.
public struct AlterClientQuotasRequest: AnyBrokerRequest {
    public typealias Response = AlterClientQuotasResponse
    public static let apiKey = ApiKey(rawValue: 49)
    public static let versions: ClosedRange<Int16> = 0...1
    public static let firstFlexibleVersion: Int16? = 1

    public struct EntryData: Hashable, Sendable {
        /// Entity
        public var entity: [EntityData]
        /// Ops
        public var ops: [OpData]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            entity: [EntityData] = [],
            ops: [OpData] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.entity = entity
            self.ops = ops
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 1
            buffer.writeKafkaArrayLength(self.entity.count, compact: flexible)
            for element in self.entity {
                try element.encode(into: &buffer, version: version)
            }
            buffer.writeKafkaArrayLength(self.ops.count, compact: flexible)
            for element in self.ops {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 1
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 4, field: "EntryData.Entity") {
                var items: [EntityData] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try EntityData(from: &buffer, version: version))
                }
                self.entity = items
            } else {
                throw WireError.invalid("EntryData.Entity", "null where an array is required")
            }
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 11, field: "EntryData.Ops") {
                var items: [OpData] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try OpData(from: &buffer, version: version))
                }
                self.ops = items
            } else {
                throw WireError.invalid("EntryData.Ops", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "EntryData")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "EntryData"))
                }
            }
        }
    }

    public struct EntityData: Hashable, Sendable {
        /// EntityType: "user", "client-id" or "ip"
        public var entityType: String
        /// EntityName (nullable): null = the default entity of the type
        public var entityName: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            entityType: String = "",
            entityName: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.entityType = entityType
            self.entityName = entityName
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 1
            buffer.writeKafkaString(self.entityType, compact: flexible)
            buffer.writeKafkaNullableString(self.entityName, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 1
            self.entityType = try buffer.readKafkaString(compact: flexible, field: "EntityData.EntityType")
            self.entityName = try buffer.readKafkaNullableString(compact: flexible, field: "EntityData.EntityName")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "EntityData")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "EntityData"))
                }
            }
        }
    }

    public struct OpData: Hashable, Sendable {
        /// Key
        public var key: String
        /// Value: ignored when Remove is true
        public var value: Double
        /// Remove
        public var remove: Bool
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            key: String = "",
            value: Double = 0,
            remove: Bool = false,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.key = key
            self.value = value
            self.remove = remove
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 1
            buffer.writeKafkaString(self.key, compact: flexible)
            buffer.writeKafkaFloat64(self.value)
            buffer.writeKafkaBool(self.remove)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 1
            self.key = try buffer.readKafkaString(compact: flexible, field: "OpData.Key")
            self.value = try buffer.readKafkaFloat64(field: "OpData.Value")
            self.remove = try buffer.readKafkaBool(field: "OpData.Remove")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "OpData")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OpData"))
                }
            }
        }
    }

    /// Entries
    public var entries: [EntryData]
    /// ValidateOnly
    public var validateOnly: Bool
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        entries: [EntryData] = [],
        validateOnly: Bool = false,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.entries = entries
        self.validateOnly = validateOnly
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 1
        buffer.writeKafkaArrayLength(self.entries.count, compact: flexible)
        for element in self.entries {
            try element.encode(into: &buffer, version: version)
        }
        buffer.writeKafkaBool(self.validateOnly)
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 1
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 8, field: "AlterClientQuotasRequest.Entries") {
            var items: [EntryData] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try EntryData(from: &buffer, version: version))
            }
            self.entries = items
        } else {
            throw WireError.invalid("AlterClientQuotasRequest.Entries", "null where an array is required")
        }
        self.validateOnly = try buffer.readKafkaBool(field: "AlterClientQuotasRequest.ValidateOnly")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "AlterClientQuotasRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterClientQuotasRequest"))
            }
        }
    }
}

/// AlterClientQuotas response (API key 49), versions 0-1.
public struct AlterClientQuotasResponse: KafkaResponse {
    public struct EntryData: Hashable, Sendable {
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (nullable)
        public var errorMessage: String?
        /// Entity
        public var entity: [EntityData]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            entity: [EntityData] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.entity = entity
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 1
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            buffer.writeKafkaArrayLength(self.entity.count, compact: flexible)
            for element in self.entity {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 1
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "EntryData.ErrorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "EntryData.ErrorMessage")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 4, field: "EntryData.Entity") {
                var items: [EntityData] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try EntityData(from: &buffer, version: version))
                }
                self.entity = items
            } else {
                throw WireError.invalid("EntryData.Entity", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "EntryData")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "EntryData"))
                }
            }
        }
    }

    public struct EntityData: Hashable, Sendable {
        /// EntityType
        public var entityType: String
        /// EntityName (nullable)
        public var entityName: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            entityType: String = "",
            entityName: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.entityType = entityType
            self.entityName = entityName
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 1
            buffer.writeKafkaString(self.entityType, compact: flexible)
            buffer.writeKafkaNullableString(self.entityName, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 1
            self.entityType = try buffer.readKafkaString(compact: flexible, field: "EntityData.EntityType")
            self.entityName = try buffer.readKafkaNullableString(compact: flexible, field: "EntityData.EntityName")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "EntityData")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "EntityData"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Entries
    public var entries: [EntryData]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        entries: [EntryData] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.entries = entries
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 1
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeKafkaArrayLength(self.entries.count, compact: flexible)
        for element in self.entries {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 1
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "AlterClientQuotasResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 5 : 8, field: "AlterClientQuotasResponse.Entries") {
            var items: [EntryData] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try EntryData(from: &buffer, version: version))
            }
            self.entries = items
        } else {
            throw WireError.invalid("AlterClientQuotasResponse.Entries", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "AlterClientQuotasResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterClientQuotasResponse"))
            }
        }
    }
}

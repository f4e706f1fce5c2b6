// Generated from Schemas/DescribeClientQuotas.schema by generate-messages. Do not edit.
// DescribeClientQuotas: the quotas (byte rates, request percentage, connection rates) set for users, client ids
// and IPs, filtered by entity (Kafka 2.6+). Any broker answers.

import NIOCore

/// DescribeClientQuotas request (API key 48), versions 0-1.
public struct DescribeClientQuotasRequest: AnyBrokerRequest {
    public typealias Response = DescribeClientQuotasResponse
    public static let apiKey = ApiKey(rawValue: 48)
    public static let versions: ClosedRange<Int16> = 0...1
    public static let firstFlexibleVersion: Int16? = 1

    public struct ComponentData: Hashable, Sendable {
        /// EntityType: "user", "client-id" or "ip"
        public var entityType: String
        /// MatchType: 0 exact name, 1 the default entity, 2 any entity of the type
        public var matchType: Int8
        /// Match (nullable): the name with MatchType 0, null otherwise
        public var match: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            entityType: String = "",
            matchType: Int8 = 0,
            match: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.entityType = entityType
            self.matchType = matchType
            self.match = match
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 1
            buffer.writeKafkaString(self.entityType, compact: flexible)
            buffer.writeInteger(self.matchType)
            buffer.writeKafkaNullableString(self.match, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 1
            self.entityType = try buffer.readKafkaString(compact: flexible, field: "ComponentData.EntityType")
            self.matchType = try buffer.readKafkaInteger(as: Int8.self, field: "ComponentData.MatchType")
            self.match = try buffer.readKafkaNullableString(compact: flexible, field: "ComponentData.Match")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ComponentData")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ComponentData"))
                }
            }
        }
    }

    /// Components
    public var components: [ComponentData]
    /// Strict: true: only entities made of exactly these types (a user alone, not a user with a client id)
    public var strict: Bool
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        components: [ComponentData] = [],
        strict: Bool = false,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.components = components
        self.strict = strict
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 1
        buffer.writeKafkaArrayLength(self.components.count, compact: flexible)
        for element in self.components {
            try element.encode(into: &buffer, version: version)
        }
        buffer.writeKafkaBool(self.strict)
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 1
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 4 : 5, field: "DescribeClientQuotasRequest.Components") {
            var items: [ComponentData] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try ComponentData(from: &buffer, version: version))
            }
            self.components = items
        } else {
            throw WireError.invalid("DescribeClientQuotasRequest.Components", "null where an array is required")
        }
        self.strict = try buffer.readKafkaBool(field: "DescribeClientQuotasRequest.Strict")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeClientQuotasRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeClientQuotasRequest"))
            }
        }
    }
}

/// DescribeClientQuotas response (API key 48), versions 0-1.
public struct DescribeClientQuotasResponse: KafkaResponse {
    public struct EntryData: Hashable, Sendable {
        /// Entity
        public var entity: [EntityData]
        /// Values
        public var values: [ValueData]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            entity: [EntityData] = [],
            values: [ValueData] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.entity = entity
            self.values = values
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 1
            buffer.writeKafkaArrayLength(self.entity.count, compact: flexible)
            for element in self.entity {
                try element.encode(into: &buffer, version: version)
            }
            buffer.writeKafkaArrayLength(self.values.count, compact: flexible)
            for element in self.values {
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
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 10, field: "EntryData.Values") {
                var items: [ValueData] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try ValueData(from: &buffer, version: version))
                }
                self.values = items
            } else {
                throw WireError.invalid("EntryData.Values", "null where an array is required")
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

    public struct ValueData: Hashable, Sendable {
        /// Key
        public var key: String
        /// Value
        public var value: Double
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            key: String = "",
            value: Double = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.key = key
            self.value = value
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 1
            buffer.writeKafkaString(self.key, compact: flexible)
            buffer.writeKafkaFloat64(self.value)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 1
            self.key = try buffer.readKafkaString(compact: flexible, field: "ValueData.Key")
            self.value = try buffer.readKafkaFloat64(field: "ValueData.Value")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ValueData")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ValueData"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// ErrorCode
    public var errorCode: Int16
    /// ErrorMessage (nullable)
    public var errorMessage: String?
    /// Entries (nullable): null when ErrorCode is set
    public var entries: [EntryData]?
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        errorMessage: String? = nil,
        entries: [EntryData]? = nil,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.entries = entries
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 1
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeInteger(self.errorCode)
        buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
        if let items = self.entries {
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
        let flexible = version >= 1
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeClientQuotasResponse.ThrottleTimeMs")
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DescribeClientQuotasResponse.ErrorCode")
        self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeClientQuotasResponse.ErrorMessage")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 8, field: "DescribeClientQuotasResponse.Entries") {
            var items: [EntryData] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try EntryData(from: &buffer, version: version))
            }
            self.entries = items
        } else {
            self.entries = nil
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeClientQuotasResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeClientQuotasResponse"))
            }
        }
    }
}

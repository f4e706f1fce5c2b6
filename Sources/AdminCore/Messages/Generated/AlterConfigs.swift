// Generated from Schemas/AlterConfigs.schema by generate-messages. Do not edit.
// AlterConfigs: replaces the whole set of dynamic configs of a resource; only a fallback for brokers without
// IncrementalAlterConfigs (Kafka 2.1-2.2), used as read, merge, write.

import NIOCore

/// AlterConfigs request (API key 33), versions 1-2.
public struct AlterConfigsRequest: ConfigResourceRequest {
    public typealias Response = AlterConfigsResponse
    public static let apiKey = ApiKey(rawValue: 33)
    public static let versions: ClosedRange<Int16> = 1...2
    public static let firstFlexibleVersion: Int16? = 2

    public struct AlterConfigsResource: Hashable, Sendable {
        /// ResourceType
        public var resourceType: Int8
        /// ResourceName
        public var resourceName: String
        /// Configs: the complete desired set: a key left out is removed
        public var configs: [AlterableConfig]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            resourceType: Int8 = 0,
            resourceName: String = "",
            configs: [AlterableConfig] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.resourceType = resourceType
            self.resourceName = resourceName
            self.configs = configs
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeInteger(self.resourceType)
            buffer.writeKafkaString(self.resourceName, compact: flexible)
            buffer.writeKafkaArrayLength(self.configs.count, compact: flexible)
            for element in self.configs {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.resourceType = try buffer.readKafkaInteger(as: Int8.self, field: "AlterConfigsResource.ResourceType")
            self.resourceName = try buffer.readKafkaString(compact: flexible, field: "AlterConfigsResource.ResourceName")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 4, field: "AlterConfigsResource.Configs") {
                var items: [AlterableConfig] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try AlterableConfig(from: &buffer, version: version))
                }
                self.configs = items
            } else {
                throw WireError.invalid("AlterConfigsResource.Configs", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "AlterConfigsResource")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterConfigsResource"))
                }
            }
        }
    }

    public struct AlterableConfig: Hashable, Sendable {
        /// Name
        public var name: String
        /// Value (nullable)
        public var value: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            value: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.value = value
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaNullableString(self.value, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.name = try buffer.readKafkaString(compact: flexible, field: "AlterableConfig.Name")
            self.value = try buffer.readKafkaNullableString(compact: flexible, field: "AlterableConfig.Value")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "AlterableConfig")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterableConfig"))
                }
            }
        }
    }

    /// Resources
    public var resources: [AlterConfigsResource]
    /// ValidateOnly
    public var validateOnly: Bool
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        resources: [AlterConfigsResource] = [],
        validateOnly: Bool = false,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.resources = resources
        self.validateOnly = validateOnly
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeKafkaArrayLength(self.resources.count, compact: flexible)
        for element in self.resources {
            try element.encode(into: &buffer, version: version)
        }
        buffer.writeKafkaBool(self.validateOnly)
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 4 : 7, field: "AlterConfigsRequest.Resources") {
            var items: [AlterConfigsResource] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try AlterConfigsResource(from: &buffer, version: version))
            }
            self.resources = items
        } else {
            throw WireError.invalid("AlterConfigsRequest.Resources", "null where an array is required")
        }
        self.validateOnly = try buffer.readKafkaBool(field: "AlterConfigsRequest.ValidateOnly")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "AlterConfigsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterConfigsRequest"))
            }
        }
    }
}

/// AlterConfigs response (API key 33), versions 1-2.
public struct AlterConfigsResponse: KafkaResponse {
    public struct AlterConfigsResourceResponse: Hashable, Sendable {
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (nullable)
        public var errorMessage: String?
        /// ResourceType
        public var resourceType: Int8
        /// ResourceName
        public var resourceName: String
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            resourceType: Int8 = 0,
            resourceName: String = "",
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.resourceType = resourceType
            self.resourceName = resourceName
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            buffer.writeInteger(self.resourceType)
            buffer.writeKafkaString(self.resourceName, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "AlterConfigsResourceResponse.ErrorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "AlterConfigsResourceResponse.ErrorMessage")
            self.resourceType = try buffer.readKafkaInteger(as: Int8.self, field: "AlterConfigsResourceResponse.ResourceType")
            self.resourceName = try buffer.readKafkaString(compact: flexible, field: "AlterConfigsResourceResponse.ResourceName")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "AlterConfigsResourceResponse")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterConfigsResourceResponse"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Responses
    public var responses: [AlterConfigsResourceResponse]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        responses: [AlterConfigsResourceResponse] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.responses = responses
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeKafkaArrayLength(self.responses.count, compact: flexible)
        for element in self.responses {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "AlterConfigsResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 6 : 7, field: "AlterConfigsResponse.Responses") {
            var items: [AlterConfigsResourceResponse] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try AlterConfigsResourceResponse(from: &buffer, version: version))
            }
            self.responses = items
        } else {
            throw WireError.invalid("AlterConfigsResponse.Responses", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "AlterConfigsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterConfigsResponse"))
            }
        }
    }
}

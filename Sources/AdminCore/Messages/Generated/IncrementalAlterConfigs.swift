// Generated from Schemas/IncrementalAlterConfigs.schema by generate-messages. Do not edit.
// IncrementalAlterConfigs: set, delete, append to or subtract from configs, key by key (Kafka 2.3+).
// Broker resources go to that broker; topics to any broker.

import NIOCore

/// IncrementalAlterConfigs request (API key 44), versions 0-1.
public struct IncrementalAlterConfigsRequest: ConfigResourceRequest {
    public typealias Response = IncrementalAlterConfigsResponse
    public static let apiKey = ApiKey(rawValue: 44)
    public static let versions: ClosedRange<Int16> = 0...1
    public static let firstFlexibleVersion: Int16? = 1

    public struct AlterConfigsResource: Hashable, Sendable {
        /// ResourceType: 2 TOPIC, 4 BROKER, 8 BROKER_LOGGER, 16 CLIENT_METRICS, 32 GROUP
        public var resourceType: Int8
        /// ResourceName
        public var resourceName: String
        /// Configs
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
            let flexible = version >= 1
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
            let flexible = version >= 1
            self.resourceType = try buffer.readKafkaInteger(as: Int8.self, field: "AlterConfigsResource.ResourceType")
            self.resourceName = try buffer.readKafkaString(compact: flexible, field: "AlterConfigsResource.ResourceName")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 4 : 5, field: "AlterConfigsResource.Configs") {
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
        /// ConfigOperation: 0 SET, 1 DELETE, 2 APPEND, 3 SUBTRACT
        public var configOperation: Int8
        /// Value (nullable): null with DELETE
        public var value: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            configOperation: Int8 = 0,
            value: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.configOperation = configOperation
            self.value = value
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 1
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeInteger(self.configOperation)
            buffer.writeKafkaNullableString(self.value, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 1
            self.name = try buffer.readKafkaString(compact: flexible, field: "AlterableConfig.Name")
            self.configOperation = try buffer.readKafkaInteger(as: Int8.self, field: "AlterableConfig.ConfigOperation")
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
        let flexible = version >= 1
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
        let flexible = version >= 1
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 4 : 7, field: "IncrementalAlterConfigsRequest.Resources") {
            var items: [AlterConfigsResource] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try AlterConfigsResource(from: &buffer, version: version))
            }
            self.resources = items
        } else {
            throw WireError.invalid("IncrementalAlterConfigsRequest.Resources", "null where an array is required")
        }
        self.validateOnly = try buffer.readKafkaBool(field: "IncrementalAlterConfigsRequest.ValidateOnly")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "IncrementalAlterConfigsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "IncrementalAlterConfigsRequest"))
            }
        }
    }
}

/// IncrementalAlterConfigs response (API key 44), versions 0-1.
public struct IncrementalAlterConfigsResponse: KafkaResponse {
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
            let flexible = version >= 1
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
            let flexible = version >= 1
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
        let flexible = version >= 1
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
        let flexible = version >= 1
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "IncrementalAlterConfigsResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 6 : 7, field: "IncrementalAlterConfigsResponse.Responses") {
            var items: [AlterConfigsResourceResponse] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try AlterConfigsResourceResponse(from: &buffer, version: version))
            }
            self.responses = items
        } else {
            throw WireError.invalid("IncrementalAlterConfigsResponse.Responses", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "IncrementalAlterConfigsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "IncrementalAlterConfigsResponse"))
            }
        }
    }
}

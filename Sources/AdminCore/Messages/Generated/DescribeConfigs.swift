// Generated from Schemas/DescribeConfigs.schema by generate-messages. Do not edit.
// DescribeConfigs: any broker for topics; the broker itself for a BROKER resource. Kafka 2.1 answers v0-2,
// 4.x v1-4.

import NIOCore

/// DescribeConfigs request (API key 32), versions 2-4.
public struct DescribeConfigsRequest: ConfigResourceRequest {
    public typealias Response = DescribeConfigsResponse
    public static let apiKey = ApiKey(rawValue: 32)
    public static let versions: ClosedRange<Int16> = 2...4
    public static let firstFlexibleVersion: Int16? = 4

    public struct DescribeConfigsResource: Hashable, Sendable {
        /// ResourceType: 2 TOPIC, 4 BROKER, 8 BROKER_LOGGER, 16 CLIENT_METRICS, 32 GROUP
        public var resourceType: Int8
        /// ResourceName
        public var resourceName: String
        /// ConfigurationKeys (nullable): null = all keys
        public var configurationKeys: [String]?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            resourceType: Int8 = 0,
            resourceName: String = "",
            configurationKeys: [String]? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.resourceType = resourceType
            self.resourceName = resourceName
            self.configurationKeys = configurationKeys
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 4
            buffer.writeInteger(self.resourceType)
            buffer.writeKafkaString(self.resourceName, compact: flexible)
            if let items = self.configurationKeys {
                buffer.writeKafkaArrayLength(items.count, compact: flexible)
                for element in items {
                    buffer.writeKafkaString(element, compact: flexible)
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
            let flexible = version >= 4
            self.resourceType = try buffer.readKafkaInteger(as: Int8.self, field: "DescribeConfigsResource.ResourceType")
            self.resourceName = try buffer.readKafkaString(compact: flexible, field: "DescribeConfigsResource.ResourceName")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 1 : 2, field: "DescribeConfigsResource.ConfigurationKeys") {
                var items: [String] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaString(compact: flexible, field: "DescribeConfigsResource.ConfigurationKeys"))
                }
                self.configurationKeys = items
            } else {
                self.configurationKeys = nil
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeConfigsResource")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeConfigsResource"))
                }
            }
        }
    }

    /// Resources
    public var resources: [DescribeConfigsResource]
    /// IncludeSynonyms
    public var includeSynonyms: Bool
    /// IncludeDocumentation (versions v3+)
    public var includeDocumentation: Bool
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        resources: [DescribeConfigsResource] = [],
        includeSynonyms: Bool = false,
        includeDocumentation: Bool = false,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.resources = resources
        self.includeSynonyms = includeSynonyms
        self.includeDocumentation = includeDocumentation
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 4
        buffer.writeKafkaArrayLength(self.resources.count, compact: flexible)
        for element in self.resources {
            try element.encode(into: &buffer, version: version)
        }
        buffer.writeKafkaBool(self.includeSynonyms)
        if version >= 3 {
            buffer.writeKafkaBool(self.includeDocumentation)
        } else if self.includeDocumentation != false {
            throw WireError(.unsupportedInVersion(version), field: "DescribeConfigsRequest.IncludeDocumentation")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 4
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 4 : 7, field: "DescribeConfigsRequest.Resources") {
            var items: [DescribeConfigsResource] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try DescribeConfigsResource(from: &buffer, version: version))
            }
            self.resources = items
        } else {
            throw WireError.invalid("DescribeConfigsRequest.Resources", "null where an array is required")
        }
        self.includeSynonyms = try buffer.readKafkaBool(field: "DescribeConfigsRequest.IncludeSynonyms")
        if version >= 3 {
            self.includeDocumentation = try buffer.readKafkaBool(field: "DescribeConfigsRequest.IncludeDocumentation")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeConfigsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeConfigsRequest"))
            }
        }
    }
}

/// DescribeConfigs response (API key 32), versions 2-4.
public struct DescribeConfigsResponse: KafkaResponse {
    public struct DescribeConfigsResult: Hashable, Sendable {
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (nullable)
        public var errorMessage: String?
        /// ResourceType
        public var resourceType: Int8
        /// ResourceName
        public var resourceName: String
        /// Configs
        public var configs: [DescribeConfigsResourceResult]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            resourceType: Int8 = 0,
            resourceName: String = "",
            configs: [DescribeConfigsResourceResult] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.resourceType = resourceType
            self.resourceName = resourceName
            self.configs = configs
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 4
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
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
            let flexible = version >= 4
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DescribeConfigsResult.ErrorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeConfigsResult.ErrorMessage")
            self.resourceType = try buffer.readKafkaInteger(as: Int8.self, field: "DescribeConfigsResult.ResourceType")
            self.resourceName = try buffer.readKafkaString(compact: flexible, field: "DescribeConfigsResult.ResourceName")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 7 : 11, field: "DescribeConfigsResult.Configs") {
                var items: [DescribeConfigsResourceResult] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try DescribeConfigsResourceResult(from: &buffer, version: version))
                }
                self.configs = items
            } else {
                throw WireError.invalid("DescribeConfigsResult.Configs", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeConfigsResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeConfigsResult"))
                }
            }
        }
    }

    public struct DescribeConfigsResourceResult: Hashable, Sendable {
        /// Name
        public var name: String
        /// Value (nullable): null for sensitive values
        public var value: String?
        /// ReadOnly
        public var readOnly: Bool
        /// ConfigSource: 1 TOPIC_CONFIG, 2 DYNAMIC_BROKER, 3 DYNAMIC_DEFAULT_BROKER, 4 STATIC_BROKER, 5 DEFAULT
        public var configSource: Int8
        /// IsSensitive
        public var isSensitive: Bool
        /// Synonyms
        public var synonyms: [DescribeConfigsSynonym]
        /// ConfigType (versions v3+)
        public var configType: Int8
        /// Documentation (versions v3+, nullable)
        public var documentation: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            value: String? = nil,
            readOnly: Bool = false,
            configSource: Int8 = -1,
            isSensitive: Bool = false,
            synonyms: [DescribeConfigsSynonym] = [],
            configType: Int8 = 0,
            documentation: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.value = value
            self.readOnly = readOnly
            self.configSource = configSource
            self.isSensitive = isSensitive
            self.synonyms = synonyms
            self.configType = configType
            self.documentation = documentation
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 4
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaNullableString(self.value, compact: flexible)
            buffer.writeKafkaBool(self.readOnly)
            buffer.writeInteger(self.configSource)
            buffer.writeKafkaBool(self.isSensitive)
            buffer.writeKafkaArrayLength(self.synonyms.count, compact: flexible)
            for element in self.synonyms {
                try element.encode(into: &buffer, version: version)
            }
            if version >= 3 {
                buffer.writeInteger(self.configType)
            } else if self.configType != 0 {
                throw WireError(.unsupportedInVersion(version), field: "DescribeConfigsResourceResult.ConfigType")
            }
            if version >= 3 {
                buffer.writeKafkaNullableString(self.documentation, compact: flexible)
            } else if self.documentation != nil {
                throw WireError(.unsupportedInVersion(version), field: "DescribeConfigsResourceResult.Documentation")
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 4
            self.name = try buffer.readKafkaString(compact: flexible, field: "DescribeConfigsResourceResult.Name")
            self.value = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeConfigsResourceResult.Value")
            self.readOnly = try buffer.readKafkaBool(field: "DescribeConfigsResourceResult.ReadOnly")
            self.configSource = try buffer.readKafkaInteger(as: Int8.self, field: "DescribeConfigsResourceResult.ConfigSource")
            self.isSensitive = try buffer.readKafkaBool(field: "DescribeConfigsResourceResult.IsSensitive")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 4 : 5, field: "DescribeConfigsResourceResult.Synonyms") {
                var items: [DescribeConfigsSynonym] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try DescribeConfigsSynonym(from: &buffer, version: version))
                }
                self.synonyms = items
            } else {
                throw WireError.invalid("DescribeConfigsResourceResult.Synonyms", "null where an array is required")
            }
            if version >= 3 {
                self.configType = try buffer.readKafkaInteger(as: Int8.self, field: "DescribeConfigsResourceResult.ConfigType")
            }
            if version >= 3 {
                self.documentation = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeConfigsResourceResult.Documentation")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeConfigsResourceResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeConfigsResourceResult"))
                }
            }
        }
    }

    public struct DescribeConfigsSynonym: Hashable, Sendable {
        /// Name
        public var name: String
        /// Value (nullable)
        public var value: String?
        /// Source
        public var source: Int8
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            value: String? = nil,
            source: Int8 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.value = value
            self.source = source
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 4
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaNullableString(self.value, compact: flexible)
            buffer.writeInteger(self.source)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 4
            self.name = try buffer.readKafkaString(compact: flexible, field: "DescribeConfigsSynonym.Name")
            self.value = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeConfigsSynonym.Value")
            self.source = try buffer.readKafkaInteger(as: Int8.self, field: "DescribeConfigsSynonym.Source")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeConfigsSynonym")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeConfigsSynonym"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Results
    public var results: [DescribeConfigsResult]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        results: [DescribeConfigsResult] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.results = results
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 4
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeKafkaArrayLength(self.results.count, compact: flexible)
        for element in self.results {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 4
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeConfigsResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 7 : 11, field: "DescribeConfigsResponse.Results") {
            var items: [DescribeConfigsResult] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try DescribeConfigsResult(from: &buffer, version: version))
            }
            self.results = items
        } else {
            throw WireError.invalid("DescribeConfigsResponse.Results", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeConfigsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeConfigsResponse"))
            }
        }
    }
}

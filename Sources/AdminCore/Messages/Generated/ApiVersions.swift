// Generated from Schemas/ApiVersions.schema by generate-messages. Do not edit.
// ApiVersions: the first request on every connection, before SASL too. Kafka 2.1 answers v0-2, 2.4+ v0-3,
// 3.x/4.x v0-4 (v4 is v3 on the wire). The response header is always v0, whatever the version.

import NIOCore

/// ApiVersions request (API key 18), versions 0-3.
public struct ApiVersionsRequest: BrokerLocalRequest {
    public typealias Response = ApiVersionsResponse
    public static let apiKey = ApiKey(rawValue: 18)
    public static let versions: ClosedRange<Int16> = 0...3
    public static let firstFlexibleVersion: Int16? = 3

    /// ClientSoftwareName (versions v3+): left out before v3; must match [a-zA-Z0-9](?:[a-zA-Z0-9\-.]*[a-zA-Z0-9])?
    public var clientSoftwareName: String
    /// ClientSoftwareVersion (versions v3+)
    public var clientSoftwareVersion: String
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        clientSoftwareName: String = "",
        clientSoftwareVersion: String = "",
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.clientSoftwareName = clientSoftwareName
        self.clientSoftwareVersion = clientSoftwareVersion
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 3
        if version >= 3 {
            buffer.writeKafkaString(self.clientSoftwareName, compact: flexible)
        }
        if version >= 3 {
            buffer.writeKafkaString(self.clientSoftwareVersion, compact: flexible)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 3
        if version >= 3 {
            self.clientSoftwareName = try buffer.readKafkaString(compact: flexible, field: "ApiVersionsRequest.ClientSoftwareName")
        }
        if version >= 3 {
            self.clientSoftwareVersion = try buffer.readKafkaString(compact: flexible, field: "ApiVersionsRequest.ClientSoftwareVersion")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ApiVersionsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ApiVersionsRequest"))
            }
        }
    }
}

/// ApiVersions response (API key 18), versions 0-3.
public struct ApiVersionsResponse: KafkaResponse {
    public struct ApiVersion: Hashable, Sendable {
        /// ApiKey
        public var apiKey: Int16
        /// MinVersion
        public var minVersion: Int16
        /// MaxVersion
        public var maxVersion: Int16
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            apiKey: Int16 = 0,
            minVersion: Int16 = 0,
            maxVersion: Int16 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.apiKey = apiKey
            self.minVersion = minVersion
            self.maxVersion = maxVersion
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 3
            buffer.writeInteger(self.apiKey)
            buffer.writeInteger(self.minVersion)
            buffer.writeInteger(self.maxVersion)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 3
            self.apiKey = try buffer.readKafkaInteger(as: Int16.self, field: "ApiVersion.ApiKey")
            self.minVersion = try buffer.readKafkaInteger(as: Int16.self, field: "ApiVersion.MinVersion")
            self.maxVersion = try buffer.readKafkaInteger(as: Int16.self, field: "ApiVersion.MaxVersion")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ApiVersion")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ApiVersion"))
                }
            }
        }
    }

    public struct SupportedFeatureKey: Hashable, Sendable {
        /// Name
        public var name: String
        /// MinVersion
        public var minVersion: Int16
        /// MaxVersion
        public var maxVersion: Int16
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            minVersion: Int16 = 0,
            maxVersion: Int16 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.minVersion = minVersion
            self.maxVersion = maxVersion
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 3
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeInteger(self.minVersion)
            buffer.writeInteger(self.maxVersion)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 3
            self.name = try buffer.readKafkaString(compact: flexible, field: "SupportedFeatureKey.Name")
            self.minVersion = try buffer.readKafkaInteger(as: Int16.self, field: "SupportedFeatureKey.MinVersion")
            self.maxVersion = try buffer.readKafkaInteger(as: Int16.self, field: "SupportedFeatureKey.MaxVersion")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "SupportedFeatureKey")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "SupportedFeatureKey"))
                }
            }
        }
    }

    public struct FinalizedFeatureKey: Hashable, Sendable {
        /// Name
        public var name: String
        /// MaxVersionLevel
        public var maxVersionLevel: Int16
        /// MinVersionLevel
        public var minVersionLevel: Int16
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            maxVersionLevel: Int16 = 0,
            minVersionLevel: Int16 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.maxVersionLevel = maxVersionLevel
            self.minVersionLevel = minVersionLevel
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 3
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeInteger(self.maxVersionLevel)
            buffer.writeInteger(self.minVersionLevel)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 3
            self.name = try buffer.readKafkaString(compact: flexible, field: "FinalizedFeatureKey.Name")
            self.maxVersionLevel = try buffer.readKafkaInteger(as: Int16.self, field: "FinalizedFeatureKey.MaxVersionLevel")
            self.minVersionLevel = try buffer.readKafkaInteger(as: Int16.self, field: "FinalizedFeatureKey.MinVersionLevel")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "FinalizedFeatureKey")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "FinalizedFeatureKey"))
                }
            }
        }
    }

    /// ErrorCode: 35 (UNSUPPORTED_VERSION): the rest of the body is in the v0 layout
    public var errorCode: Int16
    /// ApiKeys
    public var apiKeys: [ApiVersion]
    /// ThrottleTimeMs (versions v1+)
    public var throttleTimeMs: Int32
    /// SupportedFeatures (versions v3+, tag 0)
    public var supportedFeatures: [SupportedFeatureKey]
    /// FinalizedFeaturesEpoch (versions v3+, tag 1)
    public var finalizedFeaturesEpoch: Int64
    /// FinalizedFeatures (versions v3+, tag 2)
    public var finalizedFeatures: [FinalizedFeatureKey]
    /// ZkMigrationReady (versions v3+, tag 3)
    public var zkMigrationReady: Bool
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        errorCode: Int16 = 0,
        apiKeys: [ApiVersion] = [],
        throttleTimeMs: Int32 = 0,
        supportedFeatures: [SupportedFeatureKey] = [],
        finalizedFeaturesEpoch: Int64 = -1,
        finalizedFeatures: [FinalizedFeatureKey] = [],
        zkMigrationReady: Bool = false,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.errorCode = errorCode
        self.apiKeys = apiKeys
        self.throttleTimeMs = throttleTimeMs
        self.supportedFeatures = supportedFeatures
        self.finalizedFeaturesEpoch = finalizedFeaturesEpoch
        self.finalizedFeatures = finalizedFeatures
        self.zkMigrationReady = zkMigrationReady
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 3
        buffer.writeInteger(self.errorCode)
        buffer.writeKafkaArrayLength(self.apiKeys.count, compact: flexible)
        for element in self.apiKeys {
            try element.encode(into: &buffer, version: version)
        }
        if version >= 1 {
            buffer.writeInteger(self.throttleTimeMs)
        } else if self.throttleTimeMs != 0 {
            throw WireError(.unsupportedInVersion(version), field: "ApiVersionsResponse.ThrottleTimeMs")
        }
        if flexible {
            var taggedFields = TaggedFieldWriter()
            if version >= 3, self.supportedFeatures != [] {
                try taggedFields.add(tag: 0) { buffer in
                    buffer.writeKafkaArrayLength(self.supportedFeatures.count, compact: flexible)
                    for element in self.supportedFeatures {
                        try element.encode(into: &buffer, version: version)
                    }
                }
            }
            if version >= 3, self.finalizedFeaturesEpoch != -1 {
                taggedFields.add(tag: 1) { buffer in
                    buffer.writeInteger(self.finalizedFeaturesEpoch)
                }
            }
            if version >= 3, self.finalizedFeatures != [] {
                try taggedFields.add(tag: 2) { buffer in
                    buffer.writeKafkaArrayLength(self.finalizedFeatures.count, compact: flexible)
                    for element in self.finalizedFeatures {
                        try element.encode(into: &buffer, version: version)
                    }
                }
            }
            if version >= 3, self.zkMigrationReady != false {
                taggedFields.add(tag: 3) { buffer in
                    buffer.writeKafkaBool(self.zkMigrationReady)
                }
            }
            taggedFields.add(unknownTaggedFields)
            taggedFields.write(into: &buffer)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 3
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "ApiVersionsResponse.ErrorCode")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 7 : 6, field: "ApiVersionsResponse.ApiKeys") {
            var items: [ApiVersion] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try ApiVersion(from: &buffer, version: version))
            }
            self.apiKeys = items
        } else {
            throw WireError.invalid("ApiVersionsResponse.ApiKeys", "null where an array is required")
        }
        if version >= 1 {
            self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "ApiVersionsResponse.ThrottleTimeMs")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ApiVersionsResponse")
            for _ in 0..<taggedCount {
                var tagged = try buffer.readTaggedField(field: "ApiVersionsResponse")
                switch tagged.tag {
                case 0 where version >= 3:
                    if let count = try tagged.value.readKafkaArrayLength(compact: flexible, minimumElementSize: 6, field: "ApiVersionsResponse.SupportedFeatures") {
                        var items: [SupportedFeatureKey] = []
                        items.reserveCapacity(count)
                        for _ in 0..<count {
                            items.append(try SupportedFeatureKey(from: &tagged.value, version: version))
                        }
                        self.supportedFeatures = items
                    } else {
                        throw WireError.invalid("ApiVersionsResponse.SupportedFeatures", "null where an array is required")
                    }
                case 1 where version >= 3:
                    self.finalizedFeaturesEpoch = try tagged.value.readKafkaInteger(as: Int64.self, field: "ApiVersionsResponse.FinalizedFeaturesEpoch")
                case 2 where version >= 3:
                    if let count = try tagged.value.readKafkaArrayLength(compact: flexible, minimumElementSize: 6, field: "ApiVersionsResponse.FinalizedFeatures") {
                        var items: [FinalizedFeatureKey] = []
                        items.reserveCapacity(count)
                        for _ in 0..<count {
                            items.append(try FinalizedFeatureKey(from: &tagged.value, version: version))
                        }
                        self.finalizedFeatures = items
                    } else {
                        throw WireError.invalid("ApiVersionsResponse.FinalizedFeatures", "null where an array is required")
                    }
                case 3 where version >= 3:
                    self.zkMigrationReady = try tagged.value.readKafkaBool(field: "ApiVersionsResponse.ZkMigrationReady")
                default:
                    self.unknownTaggedFields.append(tagged)
                }
            }
        }
    }
}

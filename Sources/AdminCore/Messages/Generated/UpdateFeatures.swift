// Generated from Schemas/UpdateFeatures.schema by generate-messages. Do not edit.
// UpdateFeatures: sets (upgrades, downgrades, deletes) finalized feature levels; Kafka 2.7+ (v0), 3.3+ (v1: upgrade
// type and validate-only), 3.9+ (v2: the answer carries only a top-level error). Kafka's admin client sends it to the
// controller (ControllerNodeProvider); in KRaft the broker named as controller forwards it to the active controller.

import NIOCore

/// UpdateFeatures request (API key 57), versions 0-2.
public struct UpdateFeaturesRequest: ControllerRequest {
    public typealias Response = UpdateFeaturesResponse
    public static let apiKey = ApiKey(rawValue: 57)
    public static let versions: ClosedRange<Int16> = 0...2
    public static let firstFlexibleVersion: Int16? = 0

    public struct FeatureUpdateKey: Hashable, Sendable {
        /// Feature
        public var feature: String
        /// MaxVersionLevel: < 1 deletes (disables) the feature
        public var maxVersionLevel: Int16
        /// AllowDowngrade (versions v0): v0's downgrade switch; v1+ say it with UpgradeType
        public var allowDowngrade: Bool
        /// UpgradeType (versions v1+): 1 upgrade, 2 safe downgrade, 3 unsafe downgrade
        public var upgradeType: Int8
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            feature: String = "",
            maxVersionLevel: Int16 = 0,
            allowDowngrade: Bool = false,
            upgradeType: Int8 = 1,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.feature = feature
            self.maxVersionLevel = maxVersionLevel
            self.allowDowngrade = allowDowngrade
            self.upgradeType = upgradeType
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaString(self.feature, compact: flexible)
            buffer.writeInteger(self.maxVersionLevel)
            if version <= 0 {
                buffer.writeKafkaBool(self.allowDowngrade)
            } else if self.allowDowngrade != false {
                throw WireError(.unsupportedInVersion(version), field: "FeatureUpdateKey.AllowDowngrade")
            }
            if version >= 1 {
                buffer.writeInteger(self.upgradeType)
            } else if self.upgradeType != 1 {
                throw WireError(.unsupportedInVersion(version), field: "FeatureUpdateKey.UpgradeType")
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.feature = try buffer.readKafkaString(compact: flexible, field: "FeatureUpdateKey.Feature")
            self.maxVersionLevel = try buffer.readKafkaInteger(as: Int16.self, field: "FeatureUpdateKey.MaxVersionLevel")
            if version <= 0 {
                self.allowDowngrade = try buffer.readKafkaBool(field: "FeatureUpdateKey.AllowDowngrade")
            }
            if version >= 1 {
                self.upgradeType = try buffer.readKafkaInteger(as: Int8.self, field: "FeatureUpdateKey.UpgradeType")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "FeatureUpdateKey")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "FeatureUpdateKey"))
                }
            }
        }
    }

    /// TimeoutMs
    public var timeoutMs: Int32
    /// FeatureUpdates
    public var featureUpdates: [FeatureUpdateKey]
    /// ValidateOnly (versions v1+)
    public var validateOnly: Bool
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        timeoutMs: Int32 = 60000,
        featureUpdates: [FeatureUpdateKey] = [],
        validateOnly: Bool = false,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.timeoutMs = timeoutMs
        self.featureUpdates = featureUpdates
        self.validateOnly = validateOnly
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeInteger(self.timeoutMs)
        buffer.writeKafkaArrayLength(self.featureUpdates.count, compact: flexible)
        for element in self.featureUpdates {
            try element.encode(into: &buffer, version: version)
        }
        if version >= 1 {
            buffer.writeKafkaBool(self.validateOnly)
        } else if self.validateOnly != false {
            throw WireError(.unsupportedInVersion(version), field: "UpdateFeaturesRequest.ValidateOnly")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        self.timeoutMs = try buffer.readKafkaInteger(as: Int32.self, field: "UpdateFeaturesRequest.TimeoutMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "UpdateFeaturesRequest.FeatureUpdates") {
            var items: [FeatureUpdateKey] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try FeatureUpdateKey(from: &buffer, version: version))
            }
            self.featureUpdates = items
        } else {
            throw WireError.invalid("UpdateFeaturesRequest.FeatureUpdates", "null where an array is required")
        }
        if version >= 1 {
            self.validateOnly = try buffer.readKafkaBool(field: "UpdateFeaturesRequest.ValidateOnly")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "UpdateFeaturesRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "UpdateFeaturesRequest"))
            }
        }
    }
}

/// UpdateFeatures response (API key 57), versions 0-2.
public struct UpdateFeaturesResponse: KafkaResponse {
    public struct UpdatableFeatureResult: Hashable, Sendable {
        /// Feature
        public var feature: String
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (nullable)
        public var errorMessage: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            feature: String = "",
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.feature = feature
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaString(self.feature, compact: flexible)
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.feature = try buffer.readKafkaString(compact: flexible, field: "UpdatableFeatureResult.Feature")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "UpdatableFeatureResult.ErrorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "UpdatableFeatureResult.ErrorMessage")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "UpdatableFeatureResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "UpdatableFeatureResult"))
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
    /// Results (versions v0-1)
    public var results: [UpdatableFeatureResult]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        errorMessage: String? = nil,
        results: [UpdatableFeatureResult] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.results = results
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeInteger(self.errorCode)
        buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
        if version <= 1 {
            buffer.writeKafkaArrayLength(self.results.count, compact: flexible)
            for element in self.results {
                try element.encode(into: &buffer, version: version)
            }
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "UpdateFeaturesResponse.ThrottleTimeMs")
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "UpdateFeaturesResponse.ErrorCode")
        self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "UpdateFeaturesResponse.ErrorMessage")
        if version <= 1 {
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 5, field: "UpdateFeaturesResponse.Results") {
                var items: [UpdatableFeatureResult] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try UpdatableFeatureResult(from: &buffer, version: version))
                }
                self.results = items
            } else {
                throw WireError.invalid("UpdateFeaturesResponse.Results", "null where an array is required")
            }
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "UpdateFeaturesResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "UpdateFeaturesResponse"))
            }
        }
    }
}

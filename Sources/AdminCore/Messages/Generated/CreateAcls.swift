// Generated from Schemas/CreateAcls.schema by generate-messages. Do not edit.
// CreateAcls: adds ACL bindings; any broker answers. One result per creation, in the order sent.
// v1 (pattern types) is the lowest Kafka 4.x answers and the highest Kafka 2.1 does; v2 is flexible.

import NIOCore

/// CreateAcls request (API key 30), versions 1-3.
public struct CreateAclsRequest: AnyBrokerRequest {
    public typealias Response = CreateAclsResponse
    public static let apiKey = ApiKey(rawValue: 30)
    public static let versions: ClosedRange<Int16> = 1...3
    public static let firstFlexibleVersion: Int16? = 2

    public struct AclCreation: Hashable, Sendable {
        /// ResourceType
        public var resourceType: Int8
        /// ResourceName
        public var resourceName: String
        /// ResourcePatternType: 3 LITERAL, 4 PREFIXED
        public var resourcePatternType: Int8
        /// Principal
        public var principal: String
        /// Host
        public var host: String
        /// Operation
        public var operation: Int8
        /// PermissionType: 2 DENY, 3 ALLOW
        public var permissionType: Int8
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            resourceType: Int8 = 0,
            resourceName: String = "",
            resourcePatternType: Int8 = 3,
            principal: String = "",
            host: String = "",
            operation: Int8 = 0,
            permissionType: Int8 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.resourceType = resourceType
            self.resourceName = resourceName
            self.resourcePatternType = resourcePatternType
            self.principal = principal
            self.host = host
            self.operation = operation
            self.permissionType = permissionType
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeInteger(self.resourceType)
            buffer.writeKafkaString(self.resourceName, compact: flexible)
            buffer.writeInteger(self.resourcePatternType)
            buffer.writeKafkaString(self.principal, compact: flexible)
            buffer.writeKafkaString(self.host, compact: flexible)
            buffer.writeInteger(self.operation)
            buffer.writeInteger(self.permissionType)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.resourceType = try buffer.readKafkaInteger(as: Int8.self, field: "AclCreation.ResourceType")
            self.resourceName = try buffer.readKafkaString(compact: flexible, field: "AclCreation.ResourceName")
            self.resourcePatternType = try buffer.readKafkaInteger(as: Int8.self, field: "AclCreation.ResourcePatternType")
            self.principal = try buffer.readKafkaString(compact: flexible, field: "AclCreation.Principal")
            self.host = try buffer.readKafkaString(compact: flexible, field: "AclCreation.Host")
            self.operation = try buffer.readKafkaInteger(as: Int8.self, field: "AclCreation.Operation")
            self.permissionType = try buffer.readKafkaInteger(as: Int8.self, field: "AclCreation.PermissionType")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "AclCreation")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AclCreation"))
                }
            }
        }
    }

    /// Creations
    public var creations: [AclCreation]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        creations: [AclCreation] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.creations = creations
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeKafkaArrayLength(self.creations.count, compact: flexible)
        for element in self.creations {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 8 : 10, field: "CreateAclsRequest.Creations") {
            var items: [AclCreation] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try AclCreation(from: &buffer, version: version))
            }
            self.creations = items
        } else {
            throw WireError.invalid("CreateAclsRequest.Creations", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "CreateAclsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "CreateAclsRequest"))
            }
        }
    }
}

/// CreateAcls response (API key 30), versions 1-3.
public struct CreateAclsResponse: KafkaResponse {
    public struct AclCreationResult: Hashable, Sendable {
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (nullable)
        public var errorMessage: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "AclCreationResult.ErrorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "AclCreationResult.ErrorMessage")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "AclCreationResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AclCreationResult"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Results
    public var results: [AclCreationResult]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        results: [AclCreationResult] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.results = results
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
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
        let flexible = version >= 2
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "CreateAclsResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "CreateAclsResponse.Results") {
            var items: [AclCreationResult] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try AclCreationResult(from: &buffer, version: version))
            }
            self.results = items
        } else {
            throw WireError.invalid("CreateAclsResponse.Results", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "CreateAclsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "CreateAclsResponse"))
            }
        }
    }
}

// Generated from Schemas/DescribeAcls.schema by generate-messages. Do not edit.
// DescribeAcls: the ACL bindings that match one filter; any broker answers for the whole cluster. v1 (pattern
// types) is the lowest Kafka 4.x answers and the highest Kafka 2.1 does; v2 is flexible; v3 adds the USER resource.

import NIOCore

/// DescribeAcls request (API key 29), versions 1-3.
public struct DescribeAclsRequest: AnyBrokerRequest {
    public typealias Response = DescribeAclsResponse
    public static let apiKey = ApiKey(rawValue: 29)
    public static let versions: ClosedRange<Int16> = 1...3
    public static let firstFlexibleVersion: Int16? = 2

    /// ResourceTypeFilter: 1 ANY, 2 TOPIC, 3 GROUP, 4 CLUSTER, 5 TRANSACTIONAL_ID, 6 DELEGATION_TOKEN, 7 USER (v3+)
    public var resourceTypeFilter: Int8
    /// ResourceNameFilter (nullable): null = any name
    public var resourceNameFilter: String?
    /// PatternTypeFilter: 1 ANY, 2 MATCH, 3 LITERAL, 4 PREFIXED
    public var patternTypeFilter: Int8
    /// PrincipalFilter (nullable): null = any principal
    public var principalFilter: String?
    /// HostFilter (nullable): null = any host
    public var hostFilter: String?
    /// Operation: 1 ANY, 2 ALL, 3 READ ... 15 TWO_PHASE_COMMIT
    public var operation: Int8
    /// PermissionType: 1 ANY, 2 DENY, 3 ALLOW
    public var permissionType: Int8
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        resourceTypeFilter: Int8 = 0,
        resourceNameFilter: String? = nil,
        patternTypeFilter: Int8 = 3,
        principalFilter: String? = nil,
        hostFilter: String? = nil,
        operation: Int8 = 0,
        permissionType: Int8 = 0,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.resourceTypeFilter = resourceTypeFilter
        self.resourceNameFilter = resourceNameFilter
        self.patternTypeFilter = patternTypeFilter
        self.principalFilter = principalFilter
        self.hostFilter = hostFilter
        self.operation = operation
        self.permissionType = permissionType
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeInteger(self.resourceTypeFilter)
        buffer.writeKafkaNullableString(self.resourceNameFilter, compact: flexible)
        buffer.writeInteger(self.patternTypeFilter)
        buffer.writeKafkaNullableString(self.principalFilter, compact: flexible)
        buffer.writeKafkaNullableString(self.hostFilter, compact: flexible)
        buffer.writeInteger(self.operation)
        buffer.writeInteger(self.permissionType)
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        self.resourceTypeFilter = try buffer.readKafkaInteger(as: Int8.self, field: "DescribeAclsRequest.ResourceTypeFilter")
        self.resourceNameFilter = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeAclsRequest.ResourceNameFilter")
        self.patternTypeFilter = try buffer.readKafkaInteger(as: Int8.self, field: "DescribeAclsRequest.PatternTypeFilter")
        self.principalFilter = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeAclsRequest.PrincipalFilter")
        self.hostFilter = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeAclsRequest.HostFilter")
        self.operation = try buffer.readKafkaInteger(as: Int8.self, field: "DescribeAclsRequest.Operation")
        self.permissionType = try buffer.readKafkaInteger(as: Int8.self, field: "DescribeAclsRequest.PermissionType")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeAclsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeAclsRequest"))
            }
        }
    }
}

/// DescribeAcls response (API key 29), versions 1-3.
public struct DescribeAclsResponse: KafkaResponse {
    public struct DescribeAclsResource: Hashable, Sendable {
        /// ResourceType
        public var resourceType: Int8
        /// ResourceName
        public var resourceName: String
        /// PatternType
        public var patternType: Int8
        /// Acls
        public var acls: [AclDescription]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            resourceType: Int8 = 0,
            resourceName: String = "",
            patternType: Int8 = 3,
            acls: [AclDescription] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.resourceType = resourceType
            self.resourceName = resourceName
            self.patternType = patternType
            self.acls = acls
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeInteger(self.resourceType)
            buffer.writeKafkaString(self.resourceName, compact: flexible)
            buffer.writeInteger(self.patternType)
            buffer.writeKafkaArrayLength(self.acls.count, compact: flexible)
            for element in self.acls {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.resourceType = try buffer.readKafkaInteger(as: Int8.self, field: "DescribeAclsResource.ResourceType")
            self.resourceName = try buffer.readKafkaString(compact: flexible, field: "DescribeAclsResource.ResourceName")
            self.patternType = try buffer.readKafkaInteger(as: Int8.self, field: "DescribeAclsResource.PatternType")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 5 : 6, field: "DescribeAclsResource.Acls") {
                var items: [AclDescription] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try AclDescription(from: &buffer, version: version))
                }
                self.acls = items
            } else {
                throw WireError.invalid("DescribeAclsResource.Acls", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeAclsResource")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeAclsResource"))
                }
            }
        }
    }

    public struct AclDescription: Hashable, Sendable {
        /// Principal
        public var principal: String
        /// Host
        public var host: String
        /// Operation
        public var operation: Int8
        /// PermissionType
        public var permissionType: Int8
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            principal: String = "",
            host: String = "",
            operation: Int8 = 0,
            permissionType: Int8 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.principal = principal
            self.host = host
            self.operation = operation
            self.permissionType = permissionType
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
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
            self.principal = try buffer.readKafkaString(compact: flexible, field: "AclDescription.Principal")
            self.host = try buffer.readKafkaString(compact: flexible, field: "AclDescription.Host")
            self.operation = try buffer.readKafkaInteger(as: Int8.self, field: "AclDescription.Operation")
            self.permissionType = try buffer.readKafkaInteger(as: Int8.self, field: "AclDescription.PermissionType")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "AclDescription")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AclDescription"))
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
    /// Resources
    public var resources: [DescribeAclsResource]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        errorMessage: String? = nil,
        resources: [DescribeAclsResource] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.resources = resources
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeInteger(self.errorCode)
        buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
        buffer.writeKafkaArrayLength(self.resources.count, compact: flexible)
        for element in self.resources {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeAclsResponse.ThrottleTimeMs")
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DescribeAclsResponse.ErrorCode")
        self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeAclsResponse.ErrorMessage")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 5 : 8, field: "DescribeAclsResponse.Resources") {
            var items: [DescribeAclsResource] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try DescribeAclsResource(from: &buffer, version: version))
            }
            self.resources = items
        } else {
            throw WireError.invalid("DescribeAclsResponse.Resources", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeAclsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeAclsResponse"))
            }
        }
    }
}

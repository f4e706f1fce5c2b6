// Generated from Schemas/DeleteAcls.schema by generate-messages. Do not edit.
// DeleteAcls: removes the ACL bindings that match each filter and names what it removed; any broker answers.
// v1 (pattern types) is the lowest Kafka 4.x answers and the highest Kafka 2.1 does; v2 is flexible.

import NIOCore

/// DeleteAcls request (API key 31), versions 1-3.
public struct DeleteAclsRequest: AnyBrokerRequest {
    public typealias Response = DeleteAclsResponse
    public static let apiKey = ApiKey(rawValue: 31)
    public static let versions: ClosedRange<Int16> = 1...3
    public static let firstFlexibleVersion: Int16? = 2

    public struct DeleteAclsFilter: Hashable, Sendable {
        /// ResourceTypeFilter
        public var resourceTypeFilter: Int8
        /// ResourceNameFilter (nullable): null = any name
        public var resourceNameFilter: String?
        /// PatternTypeFilter
        public var patternTypeFilter: Int8
        /// PrincipalFilter (nullable): null = any principal
        public var principalFilter: String?
        /// HostFilter (nullable): null = any host
        public var hostFilter: String?
        /// Operation
        public var operation: Int8
        /// PermissionType
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
            self.resourceTypeFilter = try buffer.readKafkaInteger(as: Int8.self, field: "DeleteAclsFilter.ResourceTypeFilter")
            self.resourceNameFilter = try buffer.readKafkaNullableString(compact: flexible, field: "DeleteAclsFilter.ResourceNameFilter")
            self.patternTypeFilter = try buffer.readKafkaInteger(as: Int8.self, field: "DeleteAclsFilter.PatternTypeFilter")
            self.principalFilter = try buffer.readKafkaNullableString(compact: flexible, field: "DeleteAclsFilter.PrincipalFilter")
            self.hostFilter = try buffer.readKafkaNullableString(compact: flexible, field: "DeleteAclsFilter.HostFilter")
            self.operation = try buffer.readKafkaInteger(as: Int8.self, field: "DeleteAclsFilter.Operation")
            self.permissionType = try buffer.readKafkaInteger(as: Int8.self, field: "DeleteAclsFilter.PermissionType")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DeleteAclsFilter")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeleteAclsFilter"))
                }
            }
        }
    }

    /// Filters
    public var filters: [DeleteAclsFilter]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        filters: [DeleteAclsFilter] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.filters = filters
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeKafkaArrayLength(self.filters.count, compact: flexible)
        for element in self.filters {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 8 : 10, field: "DeleteAclsRequest.Filters") {
            var items: [DeleteAclsFilter] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try DeleteAclsFilter(from: &buffer, version: version))
            }
            self.filters = items
        } else {
            throw WireError.invalid("DeleteAclsRequest.Filters", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DeleteAclsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeleteAclsRequest"))
            }
        }
    }
}

/// DeleteAcls response (API key 31), versions 1-3.
public struct DeleteAclsResponse: KafkaResponse {
    public struct DeleteAclsFilterResult: Hashable, Sendable {
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (nullable)
        public var errorMessage: String?
        /// MatchingAcls
        public var matchingAcls: [DeleteAclsMatchingAcl]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            matchingAcls: [DeleteAclsMatchingAcl] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.matchingAcls = matchingAcls
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            buffer.writeKafkaArrayLength(self.matchingAcls.count, compact: flexible)
            for element in self.matchingAcls {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DeleteAclsFilterResult.ErrorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "DeleteAclsFilterResult.ErrorMessage")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 11 : 14, field: "DeleteAclsFilterResult.MatchingAcls") {
                var items: [DeleteAclsMatchingAcl] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try DeleteAclsMatchingAcl(from: &buffer, version: version))
                }
                self.matchingAcls = items
            } else {
                throw WireError.invalid("DeleteAclsFilterResult.MatchingAcls", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DeleteAclsFilterResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeleteAclsFilterResult"))
                }
            }
        }
    }

    public struct DeleteAclsMatchingAcl: Hashable, Sendable {
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (nullable)
        public var errorMessage: String?
        /// ResourceType
        public var resourceType: Int8
        /// ResourceName
        public var resourceName: String
        /// PatternType
        public var patternType: Int8
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
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            resourceType: Int8 = 0,
            resourceName: String = "",
            patternType: Int8 = 3,
            principal: String = "",
            host: String = "",
            operation: Int8 = 0,
            permissionType: Int8 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.resourceType = resourceType
            self.resourceName = resourceName
            self.patternType = patternType
            self.principal = principal
            self.host = host
            self.operation = operation
            self.permissionType = permissionType
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            buffer.writeInteger(self.resourceType)
            buffer.writeKafkaString(self.resourceName, compact: flexible)
            buffer.writeInteger(self.patternType)
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
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DeleteAclsMatchingAcl.ErrorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "DeleteAclsMatchingAcl.ErrorMessage")
            self.resourceType = try buffer.readKafkaInteger(as: Int8.self, field: "DeleteAclsMatchingAcl.ResourceType")
            self.resourceName = try buffer.readKafkaString(compact: flexible, field: "DeleteAclsMatchingAcl.ResourceName")
            self.patternType = try buffer.readKafkaInteger(as: Int8.self, field: "DeleteAclsMatchingAcl.PatternType")
            self.principal = try buffer.readKafkaString(compact: flexible, field: "DeleteAclsMatchingAcl.Principal")
            self.host = try buffer.readKafkaString(compact: flexible, field: "DeleteAclsMatchingAcl.Host")
            self.operation = try buffer.readKafkaInteger(as: Int8.self, field: "DeleteAclsMatchingAcl.Operation")
            self.permissionType = try buffer.readKafkaInteger(as: Int8.self, field: "DeleteAclsMatchingAcl.PermissionType")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DeleteAclsMatchingAcl")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeleteAclsMatchingAcl"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// FilterResults
    public var filterResults: [DeleteAclsFilterResult]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        filterResults: [DeleteAclsFilterResult] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.filterResults = filterResults
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeKafkaArrayLength(self.filterResults.count, compact: flexible)
        for element in self.filterResults {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "DeleteAclsResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 5 : 8, field: "DeleteAclsResponse.FilterResults") {
            var items: [DeleteAclsFilterResult] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try DeleteAclsFilterResult(from: &buffer, version: version))
            }
            self.filterResults = items
        } else {
            throw WireError.invalid("DeleteAclsResponse.FilterResults", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DeleteAclsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeleteAclsResponse"))
            }
        }
    }
}

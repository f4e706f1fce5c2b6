// Generated from Schemas/ListGroups.schema by generate-messages. Do not edit.
// ListGroups: each broker lists the groups it coordinates, so ask every broker and merge.

import NIOCore

/// ListGroups request (API key 16), versions 2-5.
public struct ListGroupsRequest: BrokerLocalRequest {
    public typealias Response = ListGroupsResponse
    public static let apiKey = ApiKey(rawValue: 16)
    public static let versions: ClosedRange<Int16> = 2...5
    public static let firstFlexibleVersion: Int16? = 3

    /// StatesFilter (versions v4+)
    public var statesFilter: [String]
    /// TypesFilter (versions v5+)
    public var typesFilter: [String]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        statesFilter: [String] = [],
        typesFilter: [String] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.statesFilter = statesFilter
        self.typesFilter = typesFilter
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 3
        if version >= 4 {
            buffer.writeKafkaArrayLength(self.statesFilter.count, compact: flexible)
            for element in self.statesFilter {
                buffer.writeKafkaString(element, compact: flexible)
            }
        } else if self.statesFilter != [] {
            throw WireError(.unsupportedInVersion(version), field: "ListGroupsRequest.StatesFilter")
        }
        if version >= 5 {
            buffer.writeKafkaArrayLength(self.typesFilter.count, compact: flexible)
            for element in self.typesFilter {
                buffer.writeKafkaString(element, compact: flexible)
            }
        } else if self.typesFilter != [] {
            throw WireError(.unsupportedInVersion(version), field: "ListGroupsRequest.TypesFilter")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 3
        if version >= 4 {
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 1 : 2, field: "ListGroupsRequest.StatesFilter") {
                var items: [String] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaString(compact: flexible, field: "ListGroupsRequest.StatesFilter"))
                }
                self.statesFilter = items
            } else {
                throw WireError.invalid("ListGroupsRequest.StatesFilter", "null where an array is required")
            }
        }
        if version >= 5 {
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 1 : 2, field: "ListGroupsRequest.TypesFilter") {
                var items: [String] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaString(compact: flexible, field: "ListGroupsRequest.TypesFilter"))
                }
                self.typesFilter = items
            } else {
                throw WireError.invalid("ListGroupsRequest.TypesFilter", "null where an array is required")
            }
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ListGroupsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ListGroupsRequest"))
            }
        }
    }
}

/// ListGroups response (API key 16), versions 2-5.
public struct ListGroupsResponse: KafkaResponse {
    public struct ListedGroup: Hashable, Sendable {
        /// GroupId
        public var groupId: String
        /// ProtocolType
        public var protocolType: String
        /// GroupState (versions v4+)
        public var groupState: String
        /// GroupType (versions v5+)
        public var groupType: String
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            groupId: String = "",
            protocolType: String = "",
            groupState: String = "",
            groupType: String = "",
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.groupId = groupId
            self.protocolType = protocolType
            self.groupState = groupState
            self.groupType = groupType
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 3
            buffer.writeKafkaString(self.groupId, compact: flexible)
            buffer.writeKafkaString(self.protocolType, compact: flexible)
            if version >= 4 {
                buffer.writeKafkaString(self.groupState, compact: flexible)
            } else if self.groupState != "" {
                throw WireError(.unsupportedInVersion(version), field: "ListedGroup.GroupState")
            }
            if version >= 5 {
                buffer.writeKafkaString(self.groupType, compact: flexible)
            } else if self.groupType != "" {
                throw WireError(.unsupportedInVersion(version), field: "ListedGroup.GroupType")
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 3
            self.groupId = try buffer.readKafkaString(compact: flexible, field: "ListedGroup.GroupId")
            self.protocolType = try buffer.readKafkaString(compact: flexible, field: "ListedGroup.ProtocolType")
            if version >= 4 {
                self.groupState = try buffer.readKafkaString(compact: flexible, field: "ListedGroup.GroupState")
            }
            if version >= 5 {
                self.groupType = try buffer.readKafkaString(compact: flexible, field: "ListedGroup.GroupType")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ListedGroup")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ListedGroup"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// ErrorCode
    public var errorCode: Int16
    /// Groups
    public var groups: [ListedGroup]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        groups: [ListedGroup] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.groups = groups
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 3
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeInteger(self.errorCode)
        buffer.writeKafkaArrayLength(self.groups.count, compact: flexible)
        for element in self.groups {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 3
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "ListGroupsResponse.ThrottleTimeMs")
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "ListGroupsResponse.ErrorCode")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 4, field: "ListGroupsResponse.Groups") {
            var items: [ListedGroup] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try ListedGroup(from: &buffer, version: version))
            }
            self.groups = items
        } else {
            throw WireError.invalid("ListGroupsResponse.Groups", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ListGroupsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ListGroupsResponse"))
            }
        }
    }
}

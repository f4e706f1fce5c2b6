// Generated from Schemas/DeleteGroups.schema by generate-messages. Do not edit.
// DeleteGroups: delete empty groups and their offsets, at their coordinator.

import NIOCore

/// DeleteGroups request (API key 42), versions 1-2.
public struct DeleteGroupsRequest: GroupCoordinatorRequest {
    public typealias Response = DeleteGroupsResponse
    public static let apiKey = ApiKey(rawValue: 42)
    public static let versions: ClosedRange<Int16> = 1...2
    public static let firstFlexibleVersion: Int16? = 2

    /// GroupsNames
    public var groupsNames: [String]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        groupsNames: [String] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.groupsNames = groupsNames
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeKafkaArrayLength(self.groupsNames.count, compact: flexible)
        for element in self.groupsNames {
            buffer.writeKafkaString(element, compact: flexible)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 1 : 2, field: "DeleteGroupsRequest.GroupsNames") {
            var items: [String] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try buffer.readKafkaString(compact: flexible, field: "DeleteGroupsRequest.GroupsNames"))
            }
            self.groupsNames = items
        } else {
            throw WireError.invalid("DeleteGroupsRequest.GroupsNames", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DeleteGroupsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeleteGroupsRequest"))
            }
        }
    }
}

/// DeleteGroups response (API key 42), versions 1-2.
public struct DeleteGroupsResponse: KafkaResponse {
    public struct DeletableGroupResult: Hashable, Sendable {
        /// GroupId
        public var groupId: String
        /// ErrorCode
        public var errorCode: Int16
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            groupId: String = "",
            errorCode: Int16 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.groupId = groupId
            self.errorCode = errorCode
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeKafkaString(self.groupId, compact: flexible)
            buffer.writeInteger(self.errorCode)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.groupId = try buffer.readKafkaString(compact: flexible, field: "DeletableGroupResult.GroupId")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DeletableGroupResult.ErrorCode")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DeletableGroupResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeletableGroupResult"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Results
    public var results: [DeletableGroupResult]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        results: [DeletableGroupResult] = [],
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
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "DeleteGroupsResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "DeleteGroupsResponse.Results") {
            var items: [DeletableGroupResult] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try DeletableGroupResult(from: &buffer, version: version))
            }
            self.results = items
        } else {
            throw WireError.invalid("DeleteGroupsResponse.Results", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DeleteGroupsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeleteGroupsResponse"))
            }
        }
    }
}

// Generated from Schemas/OffsetFetch.schema by generate-messages. Do not edit.
// OffsetFetch: a group's committed positions. v8+ asks for several groups at once.

import NIOCore

/// OffsetFetch request (API key 9), versions 5-9.
public struct OffsetFetchRequest: GroupCoordinatorRequest {
    public typealias Response = OffsetFetchResponse
    public static let apiKey = ApiKey(rawValue: 9)
    public static let versions: ClosedRange<Int16> = 5...9
    public static let firstFlexibleVersion: Int16? = 6

    public struct OffsetFetchRequestTopic: Hashable, Sendable {
        /// Name
        public var name: String
        /// PartitionIndexes
        public var partitionIndexes: [Int32]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitionIndexes: [Int32] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.partitionIndexes = partitionIndexes
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 6
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaArrayLength(self.partitionIndexes.count, compact: flexible)
            for element in self.partitionIndexes {
                buffer.writeInteger(element)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 6
            self.name = try buffer.readKafkaString(compact: flexible, field: "OffsetFetchRequestTopic.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "OffsetFetchRequestTopic.PartitionIndexes") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "OffsetFetchRequestTopic.PartitionIndexes"))
                }
                self.partitionIndexes = items
            } else {
                throw WireError.invalid("OffsetFetchRequestTopic.PartitionIndexes", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "OffsetFetchRequestTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OffsetFetchRequestTopic"))
                }
            }
        }
    }

    public struct OffsetFetchRequestGroup: Hashable, Sendable {
        /// GroupId
        public var groupId: String
        /// MemberId (versions v9+, nullable)
        public var memberId: String?
        /// MemberEpoch (versions v9+)
        public var memberEpoch: Int32
        /// Topics (nullable): null = every partition with a committed offset
        public var topics: [OffsetFetchRequestTopics]?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            groupId: String = "",
            memberId: String? = nil,
            memberEpoch: Int32 = -1,
            topics: [OffsetFetchRequestTopics]? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.groupId = groupId
            self.memberId = memberId
            self.memberEpoch = memberEpoch
            self.topics = topics
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 6
            buffer.writeKafkaString(self.groupId, compact: flexible)
            if version >= 9 {
                buffer.writeKafkaNullableString(self.memberId, compact: flexible)
            }
            if version >= 9 {
                buffer.writeInteger(self.memberEpoch)
            }
            if let items = self.topics {
                buffer.writeKafkaArrayLength(items.count, compact: flexible)
                for element in items {
                    try element.encode(into: &buffer, version: version)
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
            let flexible = version >= 6
            self.groupId = try buffer.readKafkaString(compact: flexible, field: "OffsetFetchRequestGroup.GroupId")
            if version >= 9 {
                self.memberId = try buffer.readKafkaNullableString(compact: flexible, field: "OffsetFetchRequestGroup.MemberId")
            }
            if version >= 9 {
                self.memberEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "OffsetFetchRequestGroup.MemberEpoch")
            }
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "OffsetFetchRequestGroup.Topics") {
                var items: [OffsetFetchRequestTopics] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try OffsetFetchRequestTopics(from: &buffer, version: version))
                }
                self.topics = items
            } else {
                self.topics = nil
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "OffsetFetchRequestGroup")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OffsetFetchRequestGroup"))
                }
            }
        }
    }

    public struct OffsetFetchRequestTopics: Hashable, Sendable {
        /// Name
        public var name: String
        /// PartitionIndexes
        public var partitionIndexes: [Int32]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitionIndexes: [Int32] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.partitionIndexes = partitionIndexes
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 6
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaArrayLength(self.partitionIndexes.count, compact: flexible)
            for element in self.partitionIndexes {
                buffer.writeInteger(element)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 6
            self.name = try buffer.readKafkaString(compact: flexible, field: "OffsetFetchRequestTopics.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "OffsetFetchRequestTopics.PartitionIndexes") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "OffsetFetchRequestTopics.PartitionIndexes"))
                }
                self.partitionIndexes = items
            } else {
                throw WireError.invalid("OffsetFetchRequestTopics.PartitionIndexes", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "OffsetFetchRequestTopics")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OffsetFetchRequestTopics"))
                }
            }
        }
    }

    /// GroupId (versions v5-7)
    public var groupId: String
    /// Topics (versions v5-7, nullable): null = every partition with a committed offset
    public var topics: [OffsetFetchRequestTopic]?
    /// Groups (versions v8+)
    public var groups: [OffsetFetchRequestGroup]
    /// RequireStable (versions v7+)
    public var requireStable: Bool
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        groupId: String = "",
        topics: [OffsetFetchRequestTopic]? = nil,
        groups: [OffsetFetchRequestGroup] = [],
        requireStable: Bool = false,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.groupId = groupId
        self.topics = topics
        self.groups = groups
        self.requireStable = requireStable
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 6
        if version <= 7 {
            buffer.writeKafkaString(self.groupId, compact: flexible)
        } else if self.groupId != "" {
            throw WireError(.unsupportedInVersion(version), field: "OffsetFetchRequest.GroupId")
        }
        if version <= 7 {
            if let items = self.topics {
                buffer.writeKafkaArrayLength(items.count, compact: flexible)
                for element in items {
                    try element.encode(into: &buffer, version: version)
                }
            } else {
                buffer.writeKafkaArrayLength(nil, compact: flexible)
            }
        } else if self.topics != nil {
            throw WireError(.unsupportedInVersion(version), field: "OffsetFetchRequest.Topics")
        }
        if version >= 8 {
            buffer.writeKafkaArrayLength(self.groups.count, compact: flexible)
            for element in self.groups {
                try element.encode(into: &buffer, version: version)
            }
        } else if self.groups != [] {
            throw WireError(.unsupportedInVersion(version), field: "OffsetFetchRequest.Groups")
        }
        if version >= 7 {
            buffer.writeKafkaBool(self.requireStable)
        } else if self.requireStable != false {
            throw WireError(.unsupportedInVersion(version), field: "OffsetFetchRequest.RequireStable")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 6
        if version <= 7 {
            self.groupId = try buffer.readKafkaString(compact: flexible, field: "OffsetFetchRequest.GroupId")
        }
        if version <= 7 {
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "OffsetFetchRequest.Topics") {
                var items: [OffsetFetchRequestTopic] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try OffsetFetchRequestTopic(from: &buffer, version: version))
                }
                self.topics = items
            } else {
                self.topics = nil
            }
        }
        if version >= 8 {
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "OffsetFetchRequest.Groups") {
                var items: [OffsetFetchRequestGroup] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try OffsetFetchRequestGroup(from: &buffer, version: version))
                }
                self.groups = items
            } else {
                throw WireError.invalid("OffsetFetchRequest.Groups", "null where an array is required")
            }
        }
        if version >= 7 {
            self.requireStable = try buffer.readKafkaBool(field: "OffsetFetchRequest.RequireStable")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "OffsetFetchRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OffsetFetchRequest"))
            }
        }
    }
}

/// OffsetFetch response (API key 9), versions 5-9.
public struct OffsetFetchResponse: KafkaResponse {
    public struct OffsetFetchResponseTopic: Hashable, Sendable {
        /// Name
        public var name: String
        /// Partitions
        public var partitions: [OffsetFetchResponsePartition]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitions: [OffsetFetchResponsePartition] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 6
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaArrayLength(self.partitions.count, compact: flexible)
            for element in self.partitions {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 6
            self.name = try buffer.readKafkaString(compact: flexible, field: "OffsetFetchResponseTopic.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 20, field: "OffsetFetchResponseTopic.Partitions") {
                var items: [OffsetFetchResponsePartition] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try OffsetFetchResponsePartition(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("OffsetFetchResponseTopic.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "OffsetFetchResponseTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OffsetFetchResponseTopic"))
                }
            }
        }
    }

    public struct OffsetFetchResponsePartition: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// CommittedOffset: -1: nothing committed
        public var committedOffset: Int64
        /// CommittedLeaderEpoch
        public var committedLeaderEpoch: Int32
        /// Metadata (nullable)
        public var metadata: String?
        /// ErrorCode
        public var errorCode: Int16
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            committedOffset: Int64 = 0,
            committedLeaderEpoch: Int32 = -1,
            metadata: String? = nil,
            errorCode: Int16 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.committedOffset = committedOffset
            self.committedLeaderEpoch = committedLeaderEpoch
            self.metadata = metadata
            self.errorCode = errorCode
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 6
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.committedOffset)
            buffer.writeInteger(self.committedLeaderEpoch)
            buffer.writeKafkaNullableString(self.metadata, compact: flexible)
            buffer.writeInteger(self.errorCode)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 6
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "OffsetFetchResponsePartition.PartitionIndex")
            self.committedOffset = try buffer.readKafkaInteger(as: Int64.self, field: "OffsetFetchResponsePartition.CommittedOffset")
            self.committedLeaderEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "OffsetFetchResponsePartition.CommittedLeaderEpoch")
            self.metadata = try buffer.readKafkaNullableString(compact: flexible, field: "OffsetFetchResponsePartition.Metadata")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "OffsetFetchResponsePartition.ErrorCode")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "OffsetFetchResponsePartition")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OffsetFetchResponsePartition"))
                }
            }
        }
    }

    public struct OffsetFetchResponseGroup: Hashable, Sendable {
        /// GroupId
        public var groupId: String
        /// Topics
        public var topics: [OffsetFetchResponseTopics]
        /// ErrorCode
        public var errorCode: Int16
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            groupId: String = "",
            topics: [OffsetFetchResponseTopics] = [],
            errorCode: Int16 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.groupId = groupId
            self.topics = topics
            self.errorCode = errorCode
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 6
            buffer.writeKafkaString(self.groupId, compact: flexible)
            buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
            for element in self.topics {
                try element.encode(into: &buffer, version: version)
            }
            buffer.writeInteger(self.errorCode)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 6
            self.groupId = try buffer.readKafkaString(compact: flexible, field: "OffsetFetchResponseGroup.GroupId")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "OffsetFetchResponseGroup.Topics") {
                var items: [OffsetFetchResponseTopics] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try OffsetFetchResponseTopics(from: &buffer, version: version))
                }
                self.topics = items
            } else {
                throw WireError.invalid("OffsetFetchResponseGroup.Topics", "null where an array is required")
            }
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "OffsetFetchResponseGroup.ErrorCode")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "OffsetFetchResponseGroup")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OffsetFetchResponseGroup"))
                }
            }
        }
    }

    public struct OffsetFetchResponseTopics: Hashable, Sendable {
        /// Name
        public var name: String
        /// Partitions
        public var partitions: [OffsetFetchResponsePartitions]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitions: [OffsetFetchResponsePartitions] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 6
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaArrayLength(self.partitions.count, compact: flexible)
            for element in self.partitions {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 6
            self.name = try buffer.readKafkaString(compact: flexible, field: "OffsetFetchResponseTopics.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 20, field: "OffsetFetchResponseTopics.Partitions") {
                var items: [OffsetFetchResponsePartitions] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try OffsetFetchResponsePartitions(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("OffsetFetchResponseTopics.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "OffsetFetchResponseTopics")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OffsetFetchResponseTopics"))
                }
            }
        }
    }

    public struct OffsetFetchResponsePartitions: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// CommittedOffset
        public var committedOffset: Int64
        /// CommittedLeaderEpoch
        public var committedLeaderEpoch: Int32
        /// Metadata (nullable)
        public var metadata: String?
        /// ErrorCode
        public var errorCode: Int16
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            committedOffset: Int64 = 0,
            committedLeaderEpoch: Int32 = -1,
            metadata: String? = nil,
            errorCode: Int16 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.committedOffset = committedOffset
            self.committedLeaderEpoch = committedLeaderEpoch
            self.metadata = metadata
            self.errorCode = errorCode
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 6
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.committedOffset)
            buffer.writeInteger(self.committedLeaderEpoch)
            buffer.writeKafkaNullableString(self.metadata, compact: flexible)
            buffer.writeInteger(self.errorCode)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 6
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "OffsetFetchResponsePartitions.PartitionIndex")
            self.committedOffset = try buffer.readKafkaInteger(as: Int64.self, field: "OffsetFetchResponsePartitions.CommittedOffset")
            self.committedLeaderEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "OffsetFetchResponsePartitions.CommittedLeaderEpoch")
            self.metadata = try buffer.readKafkaNullableString(compact: flexible, field: "OffsetFetchResponsePartitions.Metadata")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "OffsetFetchResponsePartitions.ErrorCode")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "OffsetFetchResponsePartitions")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OffsetFetchResponsePartitions"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Topics (versions v5-7)
    public var topics: [OffsetFetchResponseTopic]
    /// ErrorCode (versions v5-7)
    public var errorCode: Int16
    /// Groups (versions v8+)
    public var groups: [OffsetFetchResponseGroup]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        topics: [OffsetFetchResponseTopic] = [],
        errorCode: Int16 = 0,
        groups: [OffsetFetchResponseGroup] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
        self.errorCode = errorCode
        self.groups = groups
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 6
        buffer.writeInteger(self.throttleTimeMs)
        if version <= 7 {
            buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
            for element in self.topics {
                try element.encode(into: &buffer, version: version)
            }
        } else if self.topics != [] {
            throw WireError(.unsupportedInVersion(version), field: "OffsetFetchResponse.Topics")
        }
        if version <= 7 {
            buffer.writeInteger(self.errorCode)
        } else if self.errorCode != 0 {
            throw WireError(.unsupportedInVersion(version), field: "OffsetFetchResponse.ErrorCode")
        }
        if version >= 8 {
            buffer.writeKafkaArrayLength(self.groups.count, compact: flexible)
            for element in self.groups {
                try element.encode(into: &buffer, version: version)
            }
        } else if self.groups != [] {
            throw WireError(.unsupportedInVersion(version), field: "OffsetFetchResponse.Groups")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 6
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "OffsetFetchResponse.ThrottleTimeMs")
        if version <= 7 {
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "OffsetFetchResponse.Topics") {
                var items: [OffsetFetchResponseTopic] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try OffsetFetchResponseTopic(from: &buffer, version: version))
                }
                self.topics = items
            } else {
                throw WireError.invalid("OffsetFetchResponse.Topics", "null where an array is required")
            }
        }
        if version <= 7 {
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "OffsetFetchResponse.ErrorCode")
        }
        if version >= 8 {
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 5 : 8, field: "OffsetFetchResponse.Groups") {
                var items: [OffsetFetchResponseGroup] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try OffsetFetchResponseGroup(from: &buffer, version: version))
                }
                self.groups = items
            } else {
                throw WireError.invalid("OffsetFetchResponse.Groups", "null where an array is required")
            }
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "OffsetFetchResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OffsetFetchResponse"))
            }
        }
    }
}

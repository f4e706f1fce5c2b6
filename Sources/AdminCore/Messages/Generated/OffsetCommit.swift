// Generated from Schemas/OffsetCommit.schema by generate-messages. Do not edit.
// OffsetCommit: store a group's positions. Generation -1 and member "" make an admin commit, which the
// coordinator accepts only for an empty (or new) group.

import NIOCore

/// OffsetCommit request (API key 8), versions 6-9.
public struct OffsetCommitRequest: GroupCoordinatorRequest {
    public typealias Response = OffsetCommitResponse
    public static let apiKey = ApiKey(rawValue: 8)
    public static let versions: ClosedRange<Int16> = 6...9
    public static let firstFlexibleVersion: Int16? = 8

    public struct OffsetCommitRequestTopic: Hashable, Sendable {
        /// Name
        public var name: String
        /// Partitions
        public var partitions: [OffsetCommitRequestPartition]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitions: [OffsetCommitRequestPartition] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 8
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
            let flexible = version >= 8
            self.name = try buffer.readKafkaString(compact: flexible, field: "OffsetCommitRequestTopic.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 18, field: "OffsetCommitRequestTopic.Partitions") {
                var items: [OffsetCommitRequestPartition] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try OffsetCommitRequestPartition(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("OffsetCommitRequestTopic.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "OffsetCommitRequestTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OffsetCommitRequestTopic"))
                }
            }
        }
    }

    public struct OffsetCommitRequestPartition: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// CommittedOffset: the next offset to consume
        public var committedOffset: Int64
        /// CommittedLeaderEpoch
        public var committedLeaderEpoch: Int32
        /// CommittedMetadata (nullable)
        public var committedMetadata: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            committedOffset: Int64 = 0,
            committedLeaderEpoch: Int32 = -1,
            committedMetadata: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.committedOffset = committedOffset
            self.committedLeaderEpoch = committedLeaderEpoch
            self.committedMetadata = committedMetadata
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 8
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.committedOffset)
            buffer.writeInteger(self.committedLeaderEpoch)
            buffer.writeKafkaNullableString(self.committedMetadata, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 8
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "OffsetCommitRequestPartition.PartitionIndex")
            self.committedOffset = try buffer.readKafkaInteger(as: Int64.self, field: "OffsetCommitRequestPartition.CommittedOffset")
            self.committedLeaderEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "OffsetCommitRequestPartition.CommittedLeaderEpoch")
            self.committedMetadata = try buffer.readKafkaNullableString(compact: flexible, field: "OffsetCommitRequestPartition.CommittedMetadata")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "OffsetCommitRequestPartition")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OffsetCommitRequestPartition"))
                }
            }
        }
    }

    /// GroupId
    public var groupId: String
    /// GenerationIdOrMemberEpoch
    public var generationIdOrMemberEpoch: Int32
    /// MemberId
    public var memberId: String
    /// GroupInstanceId (versions v7+, nullable)
    public var groupInstanceId: String?
    /// Topics
    public var topics: [OffsetCommitRequestTopic]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        groupId: String = "",
        generationIdOrMemberEpoch: Int32 = -1,
        memberId: String = "",
        groupInstanceId: String? = nil,
        topics: [OffsetCommitRequestTopic] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.groupId = groupId
        self.generationIdOrMemberEpoch = generationIdOrMemberEpoch
        self.memberId = memberId
        self.groupInstanceId = groupInstanceId
        self.topics = topics
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 8
        buffer.writeKafkaString(self.groupId, compact: flexible)
        buffer.writeInteger(self.generationIdOrMemberEpoch)
        buffer.writeKafkaString(self.memberId, compact: flexible)
        if version >= 7 {
            buffer.writeKafkaNullableString(self.groupInstanceId, compact: flexible)
        } else if self.groupInstanceId != nil {
            throw WireError(.unsupportedInVersion(version), field: "OffsetCommitRequest.GroupInstanceId")
        }
        buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
        for element in self.topics {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 8
        self.groupId = try buffer.readKafkaString(compact: flexible, field: "OffsetCommitRequest.GroupId")
        self.generationIdOrMemberEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "OffsetCommitRequest.GenerationIdOrMemberEpoch")
        self.memberId = try buffer.readKafkaString(compact: flexible, field: "OffsetCommitRequest.MemberId")
        if version >= 7 {
            self.groupInstanceId = try buffer.readKafkaNullableString(compact: flexible, field: "OffsetCommitRequest.GroupInstanceId")
        }
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "OffsetCommitRequest.Topics") {
            var items: [OffsetCommitRequestTopic] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try OffsetCommitRequestTopic(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("OffsetCommitRequest.Topics", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "OffsetCommitRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OffsetCommitRequest"))
            }
        }
    }
}

/// OffsetCommit response (API key 8), versions 6-9.
public struct OffsetCommitResponse: KafkaResponse {
    public struct OffsetCommitResponseTopic: Hashable, Sendable {
        /// Name
        public var name: String
        /// Partitions
        public var partitions: [OffsetCommitResponsePartition]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitions: [OffsetCommitResponsePartition] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 8
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
            let flexible = version >= 8
            self.name = try buffer.readKafkaString(compact: flexible, field: "OffsetCommitResponseTopic.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 7 : 6, field: "OffsetCommitResponseTopic.Partitions") {
                var items: [OffsetCommitResponsePartition] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try OffsetCommitResponsePartition(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("OffsetCommitResponseTopic.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "OffsetCommitResponseTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OffsetCommitResponseTopic"))
                }
            }
        }
    }

    public struct OffsetCommitResponsePartition: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// ErrorCode
        public var errorCode: Int16
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            errorCode: Int16 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.errorCode = errorCode
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 8
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.errorCode)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 8
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "OffsetCommitResponsePartition.PartitionIndex")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "OffsetCommitResponsePartition.ErrorCode")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "OffsetCommitResponsePartition")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OffsetCommitResponsePartition"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Topics
    public var topics: [OffsetCommitResponseTopic]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        topics: [OffsetCommitResponseTopic] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 8
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
        for element in self.topics {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 8
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "OffsetCommitResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "OffsetCommitResponse.Topics") {
            var items: [OffsetCommitResponseTopic] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try OffsetCommitResponseTopic(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("OffsetCommitResponse.Topics", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "OffsetCommitResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OffsetCommitResponse"))
            }
        }
    }
}

// Generated from Schemas/OffsetDelete.schema by generate-messages. Do not edit.
// OffsetDelete: delete a group's committed offsets for some partitions (Kafka 2.4+). The group-level error comes
// before the throttle time in the response.

import NIOCore

/// OffsetDelete request (API key 47), versions 0-0.
public struct OffsetDeleteRequest: GroupCoordinatorRequest {
    public typealias Response = OffsetDeleteResponse
    public static let apiKey = ApiKey(rawValue: 47)
    public static let versions: ClosedRange<Int16> = 0...0
    public static let firstFlexibleVersion: Int16? = nil

    public struct OffsetDeleteRequestTopic: Hashable, Sendable {
        /// Name
        public var name: String
        /// Partitions
        public var partitions: [OffsetDeleteRequestPartition]

        public init(
            name: String = "",
            partitions: [OffsetDeleteRequestPartition] = []
        ) {
            self.name = name
            self.partitions = partitions
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = false
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaArrayLength(self.partitions.count, compact: flexible)
            for element in self.partitions {
                try element.encode(into: &buffer, version: version)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = false
            self.name = try buffer.readKafkaString(compact: flexible, field: "OffsetDeleteRequestTopic.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "OffsetDeleteRequestTopic.Partitions") {
                var items: [OffsetDeleteRequestPartition] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try OffsetDeleteRequestPartition(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("OffsetDeleteRequestTopic.Partitions", "null where an array is required")
            }
        }
    }

    public struct OffsetDeleteRequestPartition: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32

        public init(
            partitionIndex: Int32 = 0
        ) {
            self.partitionIndex = partitionIndex
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            buffer.writeInteger(self.partitionIndex)
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "OffsetDeleteRequestPartition.PartitionIndex")
        }
    }

    /// GroupId
    public var groupId: String
    /// Topics
    public var topics: [OffsetDeleteRequestTopic]

    public init(
        groupId: String = "",
        topics: [OffsetDeleteRequestTopic] = []
    ) {
        self.groupId = groupId
        self.topics = topics
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = false
        buffer.writeKafkaString(self.groupId, compact: flexible)
        buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
        for element in self.topics {
            try element.encode(into: &buffer, version: version)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = false
        self.groupId = try buffer.readKafkaString(compact: flexible, field: "OffsetDeleteRequest.GroupId")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 6, field: "OffsetDeleteRequest.Topics") {
            var items: [OffsetDeleteRequestTopic] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try OffsetDeleteRequestTopic(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("OffsetDeleteRequest.Topics", "null where an array is required")
        }
    }
}

/// OffsetDelete response (API key 47), versions 0-0.
public struct OffsetDeleteResponse: KafkaResponse {
    public struct OffsetDeleteResponseTopic: Hashable, Sendable {
        /// Name
        public var name: String
        /// Partitions
        public var partitions: [OffsetDeleteResponsePartition]

        public init(
            name: String = "",
            partitions: [OffsetDeleteResponsePartition] = []
        ) {
            self.name = name
            self.partitions = partitions
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = false
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaArrayLength(self.partitions.count, compact: flexible)
            for element in self.partitions {
                try element.encode(into: &buffer, version: version)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = false
            self.name = try buffer.readKafkaString(compact: flexible, field: "OffsetDeleteResponseTopic.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 6, field: "OffsetDeleteResponseTopic.Partitions") {
                var items: [OffsetDeleteResponsePartition] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try OffsetDeleteResponsePartition(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("OffsetDeleteResponseTopic.Partitions", "null where an array is required")
            }
        }
    }

    public struct OffsetDeleteResponsePartition: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// ErrorCode
        public var errorCode: Int16

        public init(
            partitionIndex: Int32 = 0,
            errorCode: Int16 = 0
        ) {
            self.partitionIndex = partitionIndex
            self.errorCode = errorCode
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.errorCode)
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "OffsetDeleteResponsePartition.PartitionIndex")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "OffsetDeleteResponsePartition.ErrorCode")
        }
    }

    /// ErrorCode
    public var errorCode: Int16
    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Topics
    public var topics: [OffsetDeleteResponseTopic]

    public init(
        errorCode: Int16 = 0,
        throttleTimeMs: Int32 = 0,
        topics: [OffsetDeleteResponseTopic] = []
    ) {
        self.errorCode = errorCode
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = false
        buffer.writeInteger(self.errorCode)
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
        for element in self.topics {
            try element.encode(into: &buffer, version: version)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = false
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "OffsetDeleteResponse.ErrorCode")
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "OffsetDeleteResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 6, field: "OffsetDeleteResponse.Topics") {
            var items: [OffsetDeleteResponseTopic] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try OffsetDeleteResponseTopic(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("OffsetDeleteResponse.Topics", "null where an array is required")
        }
    }
}

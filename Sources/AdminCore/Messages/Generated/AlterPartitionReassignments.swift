// Generated from Schemas/AlterPartitionReassignments.schema by generate-messages. Do not edit.
// AlterPartitionReassignments: starts (replicas given) or cancels (replicas null) the reassignment of partitions;
// runs on the controller. Kafka 2.4+ (v0; v1 from 4.0 adds AllowReplicationFactorChange). Kafka 2.1-2.3 lack it:
// reassignment went through ZooKeeper there.

import NIOCore

/// AlterPartitionReassignments request (API key 45), versions 0-1.
public struct AlterPartitionReassignmentsRequest: ControllerRequest {
    public typealias Response = AlterPartitionReassignmentsResponse
    public static let apiKey = ApiKey(rawValue: 45)
    public static let versions: ClosedRange<Int16> = 0...1
    public static let firstFlexibleVersion: Int16? = 0

    public struct ReassignableTopic: Hashable, Sendable {
        /// Name
        public var name: String
        /// Partitions
        public var partitions: [ReassignablePartition]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitions: [ReassignablePartition] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
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
            let flexible = true
            self.name = try buffer.readKafkaString(compact: flexible, field: "ReassignableTopic.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 6, field: "ReassignableTopic.Partitions") {
                var items: [ReassignablePartition] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try ReassignablePartition(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("ReassignableTopic.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ReassignableTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ReassignableTopic"))
                }
            }
        }
    }

    public struct ReassignablePartition: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// Replicas (nullable): null = cancel the partition's pending reassignment
        public var replicas: [Int32]?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            replicas: [Int32]? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.replicas = replicas
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeInteger(self.partitionIndex)
            if let items = self.replicas {
                buffer.writeKafkaArrayLength(items.count, compact: flexible)
                for element in items {
                    buffer.writeInteger(element)
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
            let flexible = true
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "ReassignablePartition.PartitionIndex")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "ReassignablePartition.Replicas") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "ReassignablePartition.Replicas"))
                }
                self.replicas = items
            } else {
                self.replicas = nil
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ReassignablePartition")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ReassignablePartition"))
                }
            }
        }
    }

    /// TimeoutMs
    public var timeoutMs: Int32
    /// AllowReplicationFactorChange (versions v1+)
    public var allowReplicationFactorChange: Bool
    /// Topics
    public var topics: [ReassignableTopic]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        timeoutMs: Int32 = 60000,
        allowReplicationFactorChange: Bool = true,
        topics: [ReassignableTopic] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.timeoutMs = timeoutMs
        self.allowReplicationFactorChange = allowReplicationFactorChange
        self.topics = topics
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeInteger(self.timeoutMs)
        if version >= 1 {
            buffer.writeKafkaBool(self.allowReplicationFactorChange)
        } else if self.allowReplicationFactorChange != true {
            throw WireError(.unsupportedInVersion(version), field: "AlterPartitionReassignmentsRequest.AllowReplicationFactorChange")
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
        let flexible = true
        self.timeoutMs = try buffer.readKafkaInteger(as: Int32.self, field: "AlterPartitionReassignmentsRequest.TimeoutMs")
        if version >= 1 {
            self.allowReplicationFactorChange = try buffer.readKafkaBool(field: "AlterPartitionReassignmentsRequest.AllowReplicationFactorChange")
        }
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 3, field: "AlterPartitionReassignmentsRequest.Topics") {
            var items: [ReassignableTopic] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try ReassignableTopic(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("AlterPartitionReassignmentsRequest.Topics", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "AlterPartitionReassignmentsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterPartitionReassignmentsRequest"))
            }
        }
    }
}

/// AlterPartitionReassignments response (API key 45), versions 0-1.
public struct AlterPartitionReassignmentsResponse: KafkaResponse {
    public struct ReassignableTopicResponse: Hashable, Sendable {
        /// Name
        public var name: String
        /// Partitions
        public var partitions: [ReassignablePartitionResponse]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitions: [ReassignablePartitionResponse] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
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
            let flexible = true
            self.name = try buffer.readKafkaString(compact: flexible, field: "ReassignableTopicResponse.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 8, field: "ReassignableTopicResponse.Partitions") {
                var items: [ReassignablePartitionResponse] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try ReassignablePartitionResponse(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("ReassignableTopicResponse.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ReassignableTopicResponse")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ReassignableTopicResponse"))
                }
            }
        }
    }

    public struct ReassignablePartitionResponse: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (nullable)
        public var errorMessage: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "ReassignablePartitionResponse.PartitionIndex")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "ReassignablePartitionResponse.ErrorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "ReassignablePartitionResponse.ErrorMessage")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ReassignablePartitionResponse")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ReassignablePartitionResponse"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// AllowReplicationFactorChange (versions v1+)
    public var allowReplicationFactorChange: Bool
    /// ErrorCode
    public var errorCode: Int16
    /// ErrorMessage (nullable)
    public var errorMessage: String?
    /// Responses
    public var responses: [ReassignableTopicResponse]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        allowReplicationFactorChange: Bool = true,
        errorCode: Int16 = 0,
        errorMessage: String? = nil,
        responses: [ReassignableTopicResponse] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.allowReplicationFactorChange = allowReplicationFactorChange
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.responses = responses
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeInteger(self.throttleTimeMs)
        if version >= 1 {
            buffer.writeKafkaBool(self.allowReplicationFactorChange)
        }
        buffer.writeInteger(self.errorCode)
        buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
        buffer.writeKafkaArrayLength(self.responses.count, compact: flexible)
        for element in self.responses {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "AlterPartitionReassignmentsResponse.ThrottleTimeMs")
        if version >= 1 {
            self.allowReplicationFactorChange = try buffer.readKafkaBool(field: "AlterPartitionReassignmentsResponse.AllowReplicationFactorChange")
        }
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "AlterPartitionReassignmentsResponse.ErrorCode")
        self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "AlterPartitionReassignmentsResponse.ErrorMessage")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 3, field: "AlterPartitionReassignmentsResponse.Responses") {
            var items: [ReassignableTopicResponse] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try ReassignableTopicResponse(from: &buffer, version: version))
            }
            self.responses = items
        } else {
            throw WireError.invalid("AlterPartitionReassignmentsResponse.Responses", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "AlterPartitionReassignmentsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterPartitionReassignmentsResponse"))
            }
        }
    }
}

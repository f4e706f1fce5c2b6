// Generated from Schemas/ListPartitionReassignments.schema by generate-messages. Do not edit.
// ListPartitionReassignments: the reassignments in progress (replicas, adding, removing); runs on the controller.
// Kafka 2.4+ (v0).

import NIOCore

/// ListPartitionReassignments request (API key 46), versions 0-0.
public struct ListPartitionReassignmentsRequest: ControllerRequest {
    public typealias Response = ListPartitionReassignmentsResponse
    public static let apiKey = ApiKey(rawValue: 46)
    public static let versions: ClosedRange<Int16> = 0...0
    public static let firstFlexibleVersion: Int16? = 0

    public struct ListPartitionReassignmentsTopics: Hashable, Sendable {
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
            let flexible = true
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
            let flexible = true
            self.name = try buffer.readKafkaString(compact: flexible, field: "ListPartitionReassignmentsTopics.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "ListPartitionReassignmentsTopics.PartitionIndexes") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "ListPartitionReassignmentsTopics.PartitionIndexes"))
                }
                self.partitionIndexes = items
            } else {
                throw WireError.invalid("ListPartitionReassignmentsTopics.PartitionIndexes", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ListPartitionReassignmentsTopics")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ListPartitionReassignmentsTopics"))
                }
            }
        }
    }

    /// TimeoutMs
    public var timeoutMs: Int32
    /// Topics (nullable): null = every reassignment
    public var topics: [ListPartitionReassignmentsTopics]?
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        timeoutMs: Int32 = 60000,
        topics: [ListPartitionReassignmentsTopics]? = nil,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.timeoutMs = timeoutMs
        self.topics = topics
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeInteger(self.timeoutMs)
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
        let flexible = true
        self.timeoutMs = try buffer.readKafkaInteger(as: Int32.self, field: "ListPartitionReassignmentsRequest.TimeoutMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 3, field: "ListPartitionReassignmentsRequest.Topics") {
            var items: [ListPartitionReassignmentsTopics] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try ListPartitionReassignmentsTopics(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            self.topics = nil
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ListPartitionReassignmentsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ListPartitionReassignmentsRequest"))
            }
        }
    }
}

/// ListPartitionReassignments response (API key 46), versions 0-0.
public struct ListPartitionReassignmentsResponse: KafkaResponse {
    public struct OngoingTopicReassignment: Hashable, Sendable {
        /// Name
        public var name: String
        /// Partitions
        public var partitions: [OngoingPartitionReassignment]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitions: [OngoingPartitionReassignment] = [],
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
            self.name = try buffer.readKafkaString(compact: flexible, field: "OngoingTopicReassignment.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 8, field: "OngoingTopicReassignment.Partitions") {
                var items: [OngoingPartitionReassignment] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try OngoingPartitionReassignment(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("OngoingTopicReassignment.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "OngoingTopicReassignment")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OngoingTopicReassignment"))
                }
            }
        }
    }

    public struct OngoingPartitionReassignment: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// Replicas
        public var replicas: [Int32]
        /// AddingReplicas
        public var addingReplicas: [Int32]
        /// RemovingReplicas
        public var removingReplicas: [Int32]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            replicas: [Int32] = [],
            addingReplicas: [Int32] = [],
            removingReplicas: [Int32] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.replicas = replicas
            self.addingReplicas = addingReplicas
            self.removingReplicas = removingReplicas
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeInteger(self.partitionIndex)
            buffer.writeKafkaArrayLength(self.replicas.count, compact: flexible)
            for element in self.replicas {
                buffer.writeInteger(element)
            }
            buffer.writeKafkaArrayLength(self.addingReplicas.count, compact: flexible)
            for element in self.addingReplicas {
                buffer.writeInteger(element)
            }
            buffer.writeKafkaArrayLength(self.removingReplicas.count, compact: flexible)
            for element in self.removingReplicas {
                buffer.writeInteger(element)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "OngoingPartitionReassignment.PartitionIndex")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "OngoingPartitionReassignment.Replicas") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "OngoingPartitionReassignment.Replicas"))
                }
                self.replicas = items
            } else {
                throw WireError.invalid("OngoingPartitionReassignment.Replicas", "null where an array is required")
            }
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "OngoingPartitionReassignment.AddingReplicas") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "OngoingPartitionReassignment.AddingReplicas"))
                }
                self.addingReplicas = items
            } else {
                throw WireError.invalid("OngoingPartitionReassignment.AddingReplicas", "null where an array is required")
            }
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "OngoingPartitionReassignment.RemovingReplicas") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "OngoingPartitionReassignment.RemovingReplicas"))
                }
                self.removingReplicas = items
            } else {
                throw WireError.invalid("OngoingPartitionReassignment.RemovingReplicas", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "OngoingPartitionReassignment")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "OngoingPartitionReassignment"))
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
    /// Topics
    public var topics: [OngoingTopicReassignment]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        errorMessage: String? = nil,
        topics: [OngoingTopicReassignment] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.topics = topics
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeInteger(self.errorCode)
        buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
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
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "ListPartitionReassignmentsResponse.ThrottleTimeMs")
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "ListPartitionReassignmentsResponse.ErrorCode")
        self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "ListPartitionReassignmentsResponse.ErrorMessage")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 3, field: "ListPartitionReassignmentsResponse.Topics") {
            var items: [OngoingTopicReassignment] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try OngoingTopicReassignment(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("ListPartitionReassignmentsResponse.Topics", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ListPartitionReassignmentsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ListPartitionReassignmentsResponse"))
            }
        }
    }
}

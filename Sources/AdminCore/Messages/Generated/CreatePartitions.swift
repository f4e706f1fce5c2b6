// Generated from Schemas/CreatePartitions.schema by generate-messages. Do not edit.
// CreatePartitions: adds partitions to existing topics; runs on the controller. Kafka 2.1 answers v0-1.
// Some Kafka-compatible brokers do not offer it at all.

import NIOCore

/// CreatePartitions request (API key 37), versions 1-3.
public struct CreatePartitionsRequest: ControllerRequest {
    public typealias Response = CreatePartitionsResponse
    public static let apiKey = ApiKey(rawValue: 37)
    public static let versions: ClosedRange<Int16> = 1...3
    public static let firstFlexibleVersion: Int16? = 2

    public struct CreatePartitionsTopic: Hashable, Sendable {
        /// Name
        public var name: String
        /// Count: the new total partition count
        public var count: Int32
        /// Assignments (nullable): null = the broker places the new replicas
        public var assignments: [CreatePartitionsAssignment]?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            count: Int32 = 0,
            assignments: [CreatePartitionsAssignment]? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.count = count
            self.assignments = assignments
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeInteger(self.count)
            if let items = self.assignments {
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
            let flexible = version >= 2
            self.name = try buffer.readKafkaString(compact: flexible, field: "CreatePartitionsTopic.Name")
            self.count = try buffer.readKafkaInteger(as: Int32.self, field: "CreatePartitionsTopic.Count")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 2 : 4, field: "CreatePartitionsTopic.Assignments") {
                var items: [CreatePartitionsAssignment] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try CreatePartitionsAssignment(from: &buffer, version: version))
                }
                self.assignments = items
            } else {
                self.assignments = nil
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "CreatePartitionsTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "CreatePartitionsTopic"))
                }
            }
        }
    }

    public struct CreatePartitionsAssignment: Hashable, Sendable {
        /// BrokerIds
        public var brokerIds: [Int32]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            brokerIds: [Int32] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.brokerIds = brokerIds
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeKafkaArrayLength(self.brokerIds.count, compact: flexible)
            for element in self.brokerIds {
                buffer.writeInteger(element)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "CreatePartitionsAssignment.BrokerIds") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "CreatePartitionsAssignment.BrokerIds"))
                }
                self.brokerIds = items
            } else {
                throw WireError.invalid("CreatePartitionsAssignment.BrokerIds", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "CreatePartitionsAssignment")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "CreatePartitionsAssignment"))
                }
            }
        }
    }

    /// Topics
    public var topics: [CreatePartitionsTopic]
    /// TimeoutMs
    public var timeoutMs: Int32
    /// ValidateOnly
    public var validateOnly: Bool
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        topics: [CreatePartitionsTopic] = [],
        timeoutMs: Int32 = 60000,
        validateOnly: Bool = false,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.topics = topics
        self.timeoutMs = timeoutMs
        self.validateOnly = validateOnly
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
        for element in self.topics {
            try element.encode(into: &buffer, version: version)
        }
        buffer.writeInteger(self.timeoutMs)
        buffer.writeKafkaBool(self.validateOnly)
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 7 : 10, field: "CreatePartitionsRequest.Topics") {
            var items: [CreatePartitionsTopic] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try CreatePartitionsTopic(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("CreatePartitionsRequest.Topics", "null where an array is required")
        }
        self.timeoutMs = try buffer.readKafkaInteger(as: Int32.self, field: "CreatePartitionsRequest.TimeoutMs")
        self.validateOnly = try buffer.readKafkaBool(field: "CreatePartitionsRequest.ValidateOnly")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "CreatePartitionsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "CreatePartitionsRequest"))
            }
        }
    }
}

/// CreatePartitions response (API key 37), versions 1-3.
public struct CreatePartitionsResponse: KafkaResponse {
    public struct CreatePartitionsTopicResult: Hashable, Sendable {
        /// Name
        public var name: String
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (nullable)
        public var errorMessage: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.name = try buffer.readKafkaString(compact: flexible, field: "CreatePartitionsTopicResult.Name")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "CreatePartitionsTopicResult.ErrorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "CreatePartitionsTopicResult.ErrorMessage")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "CreatePartitionsTopicResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "CreatePartitionsTopicResult"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Results
    public var results: [CreatePartitionsTopicResult]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        results: [CreatePartitionsTopicResult] = [],
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
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "CreatePartitionsResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 5 : 6, field: "CreatePartitionsResponse.Results") {
            var items: [CreatePartitionsTopicResult] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try CreatePartitionsTopicResult(from: &buffer, version: version))
            }
            self.results = items
        } else {
            throw WireError.invalid("CreatePartitionsResponse.Results", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "CreatePartitionsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "CreatePartitionsResponse"))
            }
        }
    }
}

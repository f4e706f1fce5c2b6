// Generated from Schemas/CreateTopics.schema by generate-messages. Do not edit.
// CreateTopics: runs on the controller. Kafka 2.1 answers v0-3; 4.x answers v2-7.

import NIOCore

/// CreateTopics request (API key 19), versions 3-7.
public struct CreateTopicsRequest: ControllerRequest {
    public typealias Response = CreateTopicsResponse
    public static let apiKey = ApiKey(rawValue: 19)
    public static let versions: ClosedRange<Int16> = 3...7
    public static let firstFlexibleVersion: Int16? = 5

    public struct CreatableTopic: Hashable, Sendable {
        /// Name
        public var name: String
        /// NumPartitions: -1 = broker default (v4+); must be -1 with Assignments
        public var numPartitions: Int32
        /// ReplicationFactor: -1 = broker default (v4+); must be -1 with Assignments
        public var replicationFactor: Int16
        /// Assignments
        public var assignments: [CreatableReplicaAssignment]
        /// Configs
        public var configs: [CreatableTopicConfig]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            numPartitions: Int32 = -1,
            replicationFactor: Int16 = -1,
            assignments: [CreatableReplicaAssignment] = [],
            configs: [CreatableTopicConfig] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.numPartitions = numPartitions
            self.replicationFactor = replicationFactor
            self.assignments = assignments
            self.configs = configs
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 5
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeInteger(self.numPartitions)
            buffer.writeInteger(self.replicationFactor)
            buffer.writeKafkaArrayLength(self.assignments.count, compact: flexible)
            for element in self.assignments {
                try element.encode(into: &buffer, version: version)
            }
            buffer.writeKafkaArrayLength(self.configs.count, compact: flexible)
            for element in self.configs {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 5
            self.name = try buffer.readKafkaString(compact: flexible, field: "CreatableTopic.Name")
            self.numPartitions = try buffer.readKafkaInteger(as: Int32.self, field: "CreatableTopic.NumPartitions")
            self.replicationFactor = try buffer.readKafkaInteger(as: Int16.self, field: "CreatableTopic.ReplicationFactor")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 6 : 8, field: "CreatableTopic.Assignments") {
                var items: [CreatableReplicaAssignment] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try CreatableReplicaAssignment(from: &buffer, version: version))
                }
                self.assignments = items
            } else {
                throw WireError.invalid("CreatableTopic.Assignments", "null where an array is required")
            }
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 4, field: "CreatableTopic.Configs") {
                var items: [CreatableTopicConfig] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try CreatableTopicConfig(from: &buffer, version: version))
                }
                self.configs = items
            } else {
                throw WireError.invalid("CreatableTopic.Configs", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "CreatableTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "CreatableTopic"))
                }
            }
        }
    }

    public struct CreatableReplicaAssignment: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// BrokerIds
        public var brokerIds: [Int32]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            brokerIds: [Int32] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.brokerIds = brokerIds
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 5
            buffer.writeInteger(self.partitionIndex)
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
            let flexible = version >= 5
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "CreatableReplicaAssignment.PartitionIndex")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "CreatableReplicaAssignment.BrokerIds") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "CreatableReplicaAssignment.BrokerIds"))
                }
                self.brokerIds = items
            } else {
                throw WireError.invalid("CreatableReplicaAssignment.BrokerIds", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "CreatableReplicaAssignment")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "CreatableReplicaAssignment"))
                }
            }
        }
    }

    public struct CreatableTopicConfig: Hashable, Sendable {
        /// Name
        public var name: String
        /// Value (nullable)
        public var value: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            value: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.value = value
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 5
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaNullableString(self.value, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 5
            self.name = try buffer.readKafkaString(compact: flexible, field: "CreatableTopicConfig.Name")
            self.value = try buffer.readKafkaNullableString(compact: flexible, field: "CreatableTopicConfig.Value")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "CreatableTopicConfig")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "CreatableTopicConfig"))
                }
            }
        }
    }

    /// Topics
    public var topics: [CreatableTopic]
    /// TimeoutMs
    public var timeoutMs: Int32
    /// ValidateOnly
    public var validateOnly: Bool
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        topics: [CreatableTopic] = [],
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
        let flexible = version >= 5
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
        let flexible = version >= 5
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 10 : 16, field: "CreateTopicsRequest.Topics") {
            var items: [CreatableTopic] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try CreatableTopic(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("CreateTopicsRequest.Topics", "null where an array is required")
        }
        self.timeoutMs = try buffer.readKafkaInteger(as: Int32.self, field: "CreateTopicsRequest.TimeoutMs")
        self.validateOnly = try buffer.readKafkaBool(field: "CreateTopicsRequest.ValidateOnly")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "CreateTopicsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "CreateTopicsRequest"))
            }
        }
    }
}

/// CreateTopics response (API key 19), versions 3-7.
public struct CreateTopicsResponse: KafkaResponse {
    public struct CreatableTopicResult: Hashable, Sendable {
        /// Name
        public var name: String
        /// TopicId (versions v7+)
        public var topicId: KafkaUUID
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (nullable)
        public var errorMessage: String?
        /// TopicConfigErrorCode (versions v5+, tag 0)
        public var topicConfigErrorCode: Int16
        /// NumPartitions (versions v5+)
        public var numPartitions: Int32
        /// ReplicationFactor (versions v5+)
        public var replicationFactor: Int16
        /// Configs (versions v5+, nullable): effective configs of the new topic
        public var configs: [CreatableTopicConfigs]?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            topicId: KafkaUUID = .zero,
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            topicConfigErrorCode: Int16 = 0,
            numPartitions: Int32 = -1,
            replicationFactor: Int16 = -1,
            configs: [CreatableTopicConfigs]? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.topicId = topicId
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.topicConfigErrorCode = topicConfigErrorCode
            self.numPartitions = numPartitions
            self.replicationFactor = replicationFactor
            self.configs = configs
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 5
            buffer.writeKafkaString(self.name, compact: flexible)
            if version >= 7 {
                buffer.writeKafkaUUID(self.topicId)
            } else if self.topicId != .zero {
                throw WireError(.unsupportedInVersion(version), field: "CreatableTopicResult.TopicId")
            }
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            if version >= 5 {
                buffer.writeInteger(self.numPartitions)
            } else if self.numPartitions != -1 {
                throw WireError(.unsupportedInVersion(version), field: "CreatableTopicResult.NumPartitions")
            }
            if version >= 5 {
                buffer.writeInteger(self.replicationFactor)
            } else if self.replicationFactor != -1 {
                throw WireError(.unsupportedInVersion(version), field: "CreatableTopicResult.ReplicationFactor")
            }
            if version >= 5 {
                if let items = self.configs {
                    buffer.writeKafkaArrayLength(items.count, compact: flexible)
                    for element in items {
                        try element.encode(into: &buffer, version: version)
                    }
                } else {
                    buffer.writeKafkaArrayLength(nil, compact: flexible)
                }
            } else if self.configs != nil {
                throw WireError(.unsupportedInVersion(version), field: "CreatableTopicResult.Configs")
            }
            if flexible {
                var taggedFields = TaggedFieldWriter()
                if version >= 5, self.topicConfigErrorCode != 0 {
                    taggedFields.add(tag: 0) { buffer in
                        buffer.writeInteger(self.topicConfigErrorCode)
                    }
                }
                taggedFields.add(unknownTaggedFields)
                taggedFields.write(into: &buffer)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 5
            self.name = try buffer.readKafkaString(compact: flexible, field: "CreatableTopicResult.Name")
            if version >= 7 {
                self.topicId = try buffer.readKafkaUUID(field: "CreatableTopicResult.TopicId")
            }
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "CreatableTopicResult.ErrorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "CreatableTopicResult.ErrorMessage")
            if version >= 5 {
                self.numPartitions = try buffer.readKafkaInteger(as: Int32.self, field: "CreatableTopicResult.NumPartitions")
            }
            if version >= 5 {
                self.replicationFactor = try buffer.readKafkaInteger(as: Int16.self, field: "CreatableTopicResult.ReplicationFactor")
            }
            if version >= 5 {
                if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 6 : 7, field: "CreatableTopicResult.Configs") {
                    var items: [CreatableTopicConfigs] = []
                    items.reserveCapacity(count)
                    for _ in 0..<count {
                        items.append(try CreatableTopicConfigs(from: &buffer, version: version))
                    }
                    self.configs = items
                } else {
                    self.configs = nil
                }
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "CreatableTopicResult")
                for _ in 0..<taggedCount {
                    var tagged = try buffer.readTaggedField(field: "CreatableTopicResult")
                    switch tagged.tag {
                    case 0 where version >= 5:
                        self.topicConfigErrorCode = try tagged.value.readKafkaInteger(as: Int16.self, field: "CreatableTopicResult.TopicConfigErrorCode")
                    default:
                        self.unknownTaggedFields.append(tagged)
                    }
                }
            }
        }
    }

    public struct CreatableTopicConfigs: Hashable, Sendable {
        /// Name
        public var name: String
        /// Value (nullable)
        public var value: String?
        /// ReadOnly
        public var readOnly: Bool
        /// ConfigSource
        public var configSource: Int8
        /// IsSensitive
        public var isSensitive: Bool
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            value: String? = nil,
            readOnly: Bool = false,
            configSource: Int8 = -1,
            isSensitive: Bool = false,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.value = value
            self.readOnly = readOnly
            self.configSource = configSource
            self.isSensitive = isSensitive
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 5
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaNullableString(self.value, compact: flexible)
            buffer.writeKafkaBool(self.readOnly)
            buffer.writeInteger(self.configSource)
            buffer.writeKafkaBool(self.isSensitive)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 5
            self.name = try buffer.readKafkaString(compact: flexible, field: "CreatableTopicConfigs.Name")
            self.value = try buffer.readKafkaNullableString(compact: flexible, field: "CreatableTopicConfigs.Value")
            self.readOnly = try buffer.readKafkaBool(field: "CreatableTopicConfigs.ReadOnly")
            self.configSource = try buffer.readKafkaInteger(as: Int8.self, field: "CreatableTopicConfigs.ConfigSource")
            self.isSensitive = try buffer.readKafkaBool(field: "CreatableTopicConfigs.IsSensitive")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "CreatableTopicConfigs")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "CreatableTopicConfigs"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Topics
    public var topics: [CreatableTopicResult]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        topics: [CreatableTopicResult] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 5
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
        let flexible = version >= 5
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "CreateTopicsResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 5 : 6, field: "CreateTopicsResponse.Topics") {
            var items: [CreatableTopicResult] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try CreatableTopicResult(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("CreateTopicsResponse.Topics", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "CreateTopicsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "CreateTopicsResponse"))
            }
        }
    }
}

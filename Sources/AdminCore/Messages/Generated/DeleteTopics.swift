// Generated from Schemas/DeleteTopics.schema by generate-messages. Do not edit.
// DeleteTopics: runs on the controller. Kafka 2.1 answers v0-3; 4.x answers v1-6.

import NIOCore

/// DeleteTopics request (API key 20), versions 3-6.
public struct DeleteTopicsRequest: ControllerRequest {
    public typealias Response = DeleteTopicsResponse
    public static let apiKey = ApiKey(rawValue: 20)
    public static let versions: ClosedRange<Int16> = 3...6
    public static let firstFlexibleVersion: Int16? = 4

    public struct DeleteTopicState: Hashable, Sendable {
        /// Name (nullable): null only when deleting by id
        public var name: String?
        /// TopicId: zero when deleting by name
        public var topicId: KafkaUUID
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String? = nil,
            topicId: KafkaUUID = .zero,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.topicId = topicId
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 4
            buffer.writeKafkaNullableString(self.name, compact: flexible)
            buffer.writeKafkaUUID(self.topicId)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 4
            self.name = try buffer.readKafkaNullableString(compact: flexible, field: "DeleteTopicState.Name")
            self.topicId = try buffer.readKafkaUUID(field: "DeleteTopicState.TopicId")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DeleteTopicState")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeleteTopicState"))
                }
            }
        }
    }

    /// Topics (versions v6+)
    public var topics: [DeleteTopicState]
    /// TopicNames (versions v3-5)
    public var topicNames: [String]
    /// TimeoutMs
    public var timeoutMs: Int32
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        topics: [DeleteTopicState] = [],
        topicNames: [String] = [],
        timeoutMs: Int32 = 60000,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.topics = topics
        self.topicNames = topicNames
        self.timeoutMs = timeoutMs
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 4
        if version >= 6 {
            buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
            for element in self.topics {
                try element.encode(into: &buffer, version: version)
            }
        } else if self.topics != [] {
            throw WireError(.unsupportedInVersion(version), field: "DeleteTopicsRequest.Topics")
        }
        if version <= 5 {
            buffer.writeKafkaArrayLength(self.topicNames.count, compact: flexible)
            for element in self.topicNames {
                buffer.writeKafkaString(element, compact: flexible)
            }
        } else if self.topicNames != [] {
            throw WireError(.unsupportedInVersion(version), field: "DeleteTopicsRequest.TopicNames")
        }
        buffer.writeInteger(self.timeoutMs)
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 4
        if version >= 6 {
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 18, field: "DeleteTopicsRequest.Topics") {
                var items: [DeleteTopicState] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try DeleteTopicState(from: &buffer, version: version))
                }
                self.topics = items
            } else {
                throw WireError.invalid("DeleteTopicsRequest.Topics", "null where an array is required")
            }
        }
        if version <= 5 {
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 1 : 2, field: "DeleteTopicsRequest.TopicNames") {
                var items: [String] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaString(compact: flexible, field: "DeleteTopicsRequest.TopicNames"))
                }
                self.topicNames = items
            } else {
                throw WireError.invalid("DeleteTopicsRequest.TopicNames", "null where an array is required")
            }
        }
        self.timeoutMs = try buffer.readKafkaInteger(as: Int32.self, field: "DeleteTopicsRequest.TimeoutMs")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DeleteTopicsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeleteTopicsRequest"))
            }
        }
    }
}

/// DeleteTopics response (API key 20), versions 3-6.
public struct DeleteTopicsResponse: KafkaResponse {
    public struct DeletableTopicResult: Hashable, Sendable {
        /// Name (nullable v6+)
        public var name: String?
        /// TopicId (versions v6+)
        public var topicId: KafkaUUID
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (versions v5+, nullable)
        public var errorMessage: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String? = nil,
            topicId: KafkaUUID = .zero,
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.topicId = topicId
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 4
            if self.name == nil && !(version >= 6) { throw WireError.invalid("DeletableTopicResult.Name", "null is not allowed in this version") }
            buffer.writeKafkaNullableString(self.name, compact: flexible)
            if version >= 6 {
                buffer.writeKafkaUUID(self.topicId)
            } else if self.topicId != .zero {
                throw WireError(.unsupportedInVersion(version), field: "DeletableTopicResult.TopicId")
            }
            buffer.writeInteger(self.errorCode)
            if version >= 5 {
                buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            } else if self.errorMessage != nil {
                throw WireError(.unsupportedInVersion(version), field: "DeletableTopicResult.ErrorMessage")
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 4
            self.name = try buffer.readKafkaNullableString(compact: flexible, field: "DeletableTopicResult.Name")
            if self.name == nil && !(version >= 6) { throw WireError.invalid("DeletableTopicResult.Name", "null is not allowed in this version") }
            if version >= 6 {
                self.topicId = try buffer.readKafkaUUID(field: "DeletableTopicResult.TopicId")
            }
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DeletableTopicResult.ErrorCode")
            if version >= 5 {
                self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "DeletableTopicResult.ErrorMessage")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DeletableTopicResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeletableTopicResult"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Responses
    public var responses: [DeletableTopicResult]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        responses: [DeletableTopicResult] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.responses = responses
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 4
        buffer.writeInteger(self.throttleTimeMs)
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
        let flexible = version >= 4
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "DeleteTopicsResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "DeleteTopicsResponse.Responses") {
            var items: [DeletableTopicResult] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try DeletableTopicResult(from: &buffer, version: version))
            }
            self.responses = items
        } else {
            throw WireError.invalid("DeleteTopicsResponse.Responses", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DeleteTopicsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DeleteTopicsResponse"))
            }
        }
    }
}

// Generated from Schemas/ElectLeaders.schema by generate-messages. Do not edit.
// ElectLeaders: elects the preferred (or, unclean, any) replica leader of partitions; runs on the controller.
// Kafka 2.2-2.3 offer key 43 v0 as ElectPreferredLeaders (the same layout, preferred only); 2.4+ offer v0-2.

import NIOCore

/// ElectLeaders request (API key 43), versions 0-2.
public struct ElectLeadersRequest: ControllerRequest {
    public typealias Response = ElectLeadersResponse
    public static let apiKey = ApiKey(rawValue: 43)
    public static let versions: ClosedRange<Int16> = 0...2
    public static let firstFlexibleVersion: Int16? = 2

    public struct TopicPartitions: Hashable, Sendable {
        /// Topic
        public var topic: String
        /// Partitions
        public var partitions: [Int32]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            topic: String = "",
            partitions: [Int32] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.topic = topic
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeKafkaString(self.topic, compact: flexible)
            buffer.writeKafkaArrayLength(self.partitions.count, compact: flexible)
            for element in self.partitions {
                buffer.writeInteger(element)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.topic = try buffer.readKafkaString(compact: flexible, field: "TopicPartitions.Topic")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "TopicPartitions.Partitions") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "TopicPartitions.Partitions"))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("TopicPartitions.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "TopicPartitions")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "TopicPartitions"))
                }
            }
        }
    }

    /// ElectionType (versions v1+): 0 PREFERRED, 1 UNCLEAN
    public var electionType: Int8
    /// TopicPartitions (nullable): null = every partition
    public var topicPartitions: [TopicPartitions]?
    /// TimeoutMs
    public var timeoutMs: Int32
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        electionType: Int8 = 0,
        topicPartitions: [TopicPartitions]? = nil,
        timeoutMs: Int32 = 60000,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.electionType = electionType
        self.topicPartitions = topicPartitions
        self.timeoutMs = timeoutMs
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        if version >= 1 {
            buffer.writeInteger(self.electionType)
        } else if self.electionType != 0 {
            throw WireError(.unsupportedInVersion(version), field: "ElectLeadersRequest.ElectionType")
        }
        if let items = self.topicPartitions {
            buffer.writeKafkaArrayLength(items.count, compact: flexible)
            for element in items {
                try element.encode(into: &buffer, version: version)
            }
        } else {
            buffer.writeKafkaArrayLength(nil, compact: flexible)
        }
        buffer.writeInteger(self.timeoutMs)
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        if version >= 1 {
            self.electionType = try buffer.readKafkaInteger(as: Int8.self, field: "ElectLeadersRequest.ElectionType")
        }
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "ElectLeadersRequest.TopicPartitions") {
            var items: [TopicPartitions] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try TopicPartitions(from: &buffer, version: version))
            }
            self.topicPartitions = items
        } else {
            self.topicPartitions = nil
        }
        self.timeoutMs = try buffer.readKafkaInteger(as: Int32.self, field: "ElectLeadersRequest.TimeoutMs")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ElectLeadersRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ElectLeadersRequest"))
            }
        }
    }
}

/// ElectLeaders response (API key 43), versions 0-2.
public struct ElectLeadersResponse: KafkaResponse {
    public struct ReplicaElectionResult: Hashable, Sendable {
        /// Topic
        public var topic: String
        /// PartitionResult
        public var partitionResult: [PartitionResult]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            topic: String = "",
            partitionResult: [PartitionResult] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.topic = topic
            self.partitionResult = partitionResult
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeKafkaString(self.topic, compact: flexible)
            buffer.writeKafkaArrayLength(self.partitionResult.count, compact: flexible)
            for element in self.partitionResult {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.topic = try buffer.readKafkaString(compact: flexible, field: "ReplicaElectionResult.Topic")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 8, field: "ReplicaElectionResult.PartitionResult") {
                var items: [PartitionResult] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try PartitionResult(from: &buffer, version: version))
                }
                self.partitionResult = items
            } else {
                throw WireError.invalid("ReplicaElectionResult.PartitionResult", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ReplicaElectionResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ReplicaElectionResult"))
                }
            }
        }
    }

    public struct PartitionResult: Hashable, Sendable {
        /// PartitionId
        public var partitionId: Int32
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (nullable)
        public var errorMessage: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionId: Int32 = 0,
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionId = partitionId
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 2
            buffer.writeInteger(self.partitionId)
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 2
            self.partitionId = try buffer.readKafkaInteger(as: Int32.self, field: "PartitionResult.PartitionId")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "PartitionResult.ErrorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "PartitionResult.ErrorMessage")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "PartitionResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "PartitionResult"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// ErrorCode (versions v1+)
    public var errorCode: Int16
    /// ReplicaElectionResults
    public var replicaElectionResults: [ReplicaElectionResult]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        replicaElectionResults: [ReplicaElectionResult] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.replicaElectionResults = replicaElectionResults
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 2
        buffer.writeInteger(self.throttleTimeMs)
        if version >= 1 {
            buffer.writeInteger(self.errorCode)
        } else if self.errorCode != 0 {
            throw WireError(.unsupportedInVersion(version), field: "ElectLeadersResponse.ErrorCode")
        }
        buffer.writeKafkaArrayLength(self.replicaElectionResults.count, compact: flexible)
        for element in self.replicaElectionResults {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 2
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "ElectLeadersResponse.ThrottleTimeMs")
        if version >= 1 {
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "ElectLeadersResponse.ErrorCode")
        }
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "ElectLeadersResponse.ReplicaElectionResults") {
            var items: [ReplicaElectionResult] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try ReplicaElectionResult(from: &buffer, version: version))
            }
            self.replicaElectionResults = items
        } else {
            throw WireError.invalid("ElectLeadersResponse.ReplicaElectionResults", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ElectLeadersResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ElectLeadersResponse"))
            }
        }
    }
}

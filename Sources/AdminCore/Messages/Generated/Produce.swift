// Generated from Schemas/Produce.schema by generate-messages. Do not edit.
// Produce: writes one record batch per partition to its leader. Kafka 4.x advertises 0-12 but refuses v0-2;
// kafkactl starts at v7, the highest Kafka 2.1 knows (zstd needs v7+). v12 only changes transaction semantics.

import NIOCore

/// Produce request (API key 0), versions 7-12.
public struct ProduceRequest: PartitionLeaderRequest {
    public typealias Response = ProduceResponse
    public static let apiKey = ApiKey(rawValue: 0)
    public static let versions: ClosedRange<Int16> = 7...12
    public static let firstFlexibleVersion: Int16? = 9

    public struct TopicProduceData: Hashable, Sendable {
        /// Name
        public var name: String
        /// PartitionData
        public var partitionData: [PartitionProduceData]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitionData: [PartitionProduceData] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.partitionData = partitionData
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 9
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaArrayLength(self.partitionData.count, compact: flexible)
            for element in self.partitionData {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 9
            self.name = try buffer.readKafkaString(compact: flexible, field: "TopicProduceData.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 6 : 8, field: "TopicProduceData.PartitionData") {
                var items: [PartitionProduceData] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try PartitionProduceData(from: &buffer, version: version))
                }
                self.partitionData = items
            } else {
                throw WireError.invalid("TopicProduceData.PartitionData", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "TopicProduceData")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "TopicProduceData"))
                }
            }
        }
    }

    public struct PartitionProduceData: Hashable, Sendable {
        /// Index
        public var index: Int32
        /// Records (nullable): exactly one magic-2 record batch
        public var records: ByteBuffer?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            index: Int32 = 0,
            records: ByteBuffer? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.index = index
            self.records = records
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 9
            buffer.writeInteger(self.index)
            buffer.writeKafkaNullableBytes(self.records, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 9
            self.index = try buffer.readKafkaInteger(as: Int32.self, field: "PartitionProduceData.Index")
            self.records = try buffer.readKafkaNullableBytes(compact: flexible, field: "PartitionProduceData.Records")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "PartitionProduceData")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "PartitionProduceData"))
                }
            }
        }
    }

    /// TransactionalId (nullable): null unless transactional
    public var transactionalId: String?
    /// Acks: 0 = no response at all, 1 = leader only, -1 = all in-sync replicas
    public var acks: Int16
    /// TimeoutMs: replication wait for acks=-1
    public var timeoutMs: Int32
    /// TopicData
    public var topicData: [TopicProduceData]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        transactionalId: String? = nil,
        acks: Int16 = 0,
        timeoutMs: Int32 = 0,
        topicData: [TopicProduceData] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.transactionalId = transactionalId
        self.acks = acks
        self.timeoutMs = timeoutMs
        self.topicData = topicData
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 9
        buffer.writeKafkaNullableString(self.transactionalId, compact: flexible)
        buffer.writeInteger(self.acks)
        buffer.writeInteger(self.timeoutMs)
        buffer.writeKafkaArrayLength(self.topicData.count, compact: flexible)
        for element in self.topicData {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 9
        self.transactionalId = try buffer.readKafkaNullableString(compact: flexible, field: "ProduceRequest.TransactionalId")
        self.acks = try buffer.readKafkaInteger(as: Int16.self, field: "ProduceRequest.Acks")
        self.timeoutMs = try buffer.readKafkaInteger(as: Int32.self, field: "ProduceRequest.TimeoutMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "ProduceRequest.TopicData") {
            var items: [TopicProduceData] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try TopicProduceData(from: &buffer, version: version))
            }
            self.topicData = items
        } else {
            throw WireError.invalid("ProduceRequest.TopicData", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ProduceRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ProduceRequest"))
            }
        }
    }
}

/// Produce response (API key 0), versions 7-12.
public struct ProduceResponse: KafkaResponse {
    public struct TopicProduceResponse: Hashable, Sendable {
        /// Name
        public var name: String
        /// PartitionResponses
        public var partitionResponses: [PartitionProduceResponse]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            partitionResponses: [PartitionProduceResponse] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.partitionResponses = partitionResponses
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 9
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaArrayLength(self.partitionResponses.count, compact: flexible)
            for element in self.partitionResponses {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 9
            self.name = try buffer.readKafkaString(compact: flexible, field: "TopicProduceResponse.Name")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 31 : 30, field: "TopicProduceResponse.PartitionResponses") {
                var items: [PartitionProduceResponse] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try PartitionProduceResponse(from: &buffer, version: version))
                }
                self.partitionResponses = items
            } else {
                throw WireError.invalid("TopicProduceResponse.PartitionResponses", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "TopicProduceResponse")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "TopicProduceResponse"))
                }
            }
        }
    }

    public struct PartitionProduceResponse: Hashable, Sendable {
        /// Index
        public var index: Int32
        /// ErrorCode
        public var errorCode: Int16
        /// BaseOffset: offset of the batch's first record
        public var baseOffset: Int64
        /// LogAppendTimeMs
        public var logAppendTimeMs: Int64
        /// LogStartOffset
        public var logStartOffset: Int64
        /// RecordErrors (versions v8+): which records of the batch were rejected
        public var recordErrors: [BatchIndexAndErrorMessage]
        /// ErrorMessage (versions v8+, nullable)
        public var errorMessage: String?
        /// CurrentLeader (versions v10+, tag 0): new leader hint on NOT_LEADER_OR_FOLLOWER
        public var currentLeader: LeaderIdAndEpoch
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            index: Int32 = 0,
            errorCode: Int16 = 0,
            baseOffset: Int64 = 0,
            logAppendTimeMs: Int64 = -1,
            logStartOffset: Int64 = -1,
            recordErrors: [BatchIndexAndErrorMessage] = [],
            errorMessage: String? = nil,
            currentLeader: LeaderIdAndEpoch = LeaderIdAndEpoch(),
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.index = index
            self.errorCode = errorCode
            self.baseOffset = baseOffset
            self.logAppendTimeMs = logAppendTimeMs
            self.logStartOffset = logStartOffset
            self.recordErrors = recordErrors
            self.errorMessage = errorMessage
            self.currentLeader = currentLeader
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 9
            buffer.writeInteger(self.index)
            buffer.writeInteger(self.errorCode)
            buffer.writeInteger(self.baseOffset)
            buffer.writeInteger(self.logAppendTimeMs)
            buffer.writeInteger(self.logStartOffset)
            if version >= 8 {
                buffer.writeKafkaArrayLength(self.recordErrors.count, compact: flexible)
                for element in self.recordErrors {
                    try element.encode(into: &buffer, version: version)
                }
            } else if self.recordErrors != [] {
                throw WireError(.unsupportedInVersion(version), field: "PartitionProduceResponse.RecordErrors")
            }
            if version >= 8 {
                buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            } else if self.errorMessage != nil {
                throw WireError(.unsupportedInVersion(version), field: "PartitionProduceResponse.ErrorMessage")
            }
            if flexible {
                var taggedFields = TaggedFieldWriter()
                if version >= 10, self.currentLeader != LeaderIdAndEpoch() {
                    try taggedFields.add(tag: 0) { buffer in
                        try self.currentLeader.encode(into: &buffer, version: version)
                    }
                }
                taggedFields.add(unknownTaggedFields)
                taggedFields.write(into: &buffer)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 9
            self.index = try buffer.readKafkaInteger(as: Int32.self, field: "PartitionProduceResponse.Index")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "PartitionProduceResponse.ErrorCode")
            self.baseOffset = try buffer.readKafkaInteger(as: Int64.self, field: "PartitionProduceResponse.BaseOffset")
            self.logAppendTimeMs = try buffer.readKafkaInteger(as: Int64.self, field: "PartitionProduceResponse.LogAppendTimeMs")
            self.logStartOffset = try buffer.readKafkaInteger(as: Int64.self, field: "PartitionProduceResponse.LogStartOffset")
            if version >= 8 {
                if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 6, field: "PartitionProduceResponse.RecordErrors") {
                    var items: [BatchIndexAndErrorMessage] = []
                    items.reserveCapacity(count)
                    for _ in 0..<count {
                        items.append(try BatchIndexAndErrorMessage(from: &buffer, version: version))
                    }
                    self.recordErrors = items
                } else {
                    throw WireError.invalid("PartitionProduceResponse.RecordErrors", "null where an array is required")
                }
            }
            if version >= 8 {
                self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "PartitionProduceResponse.ErrorMessage")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "PartitionProduceResponse")
                for _ in 0..<taggedCount {
                    var tagged = try buffer.readTaggedField(field: "PartitionProduceResponse")
                    switch tagged.tag {
                    case 0 where version >= 10:
                        self.currentLeader = try LeaderIdAndEpoch(from: &tagged.value, version: version)
                    default:
                        self.unknownTaggedFields.append(tagged)
                    }
                }
            }
        }
    }

    public struct BatchIndexAndErrorMessage: Hashable, Sendable {
        /// BatchIndex
        public var batchIndex: Int32
        /// BatchIndexErrorMessage (nullable)
        public var batchIndexErrorMessage: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            batchIndex: Int32 = 0,
            batchIndexErrorMessage: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.batchIndex = batchIndex
            self.batchIndexErrorMessage = batchIndexErrorMessage
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 9
            buffer.writeInteger(self.batchIndex)
            buffer.writeKafkaNullableString(self.batchIndexErrorMessage, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 9
            self.batchIndex = try buffer.readKafkaInteger(as: Int32.self, field: "BatchIndexAndErrorMessage.BatchIndex")
            self.batchIndexErrorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "BatchIndexAndErrorMessage.BatchIndexErrorMessage")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "BatchIndexAndErrorMessage")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "BatchIndexAndErrorMessage"))
                }
            }
        }
    }

    public struct LeaderIdAndEpoch: Hashable, Sendable {
        /// LeaderId
        public var leaderId: Int32
        /// LeaderEpoch
        public var leaderEpoch: Int32
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            leaderId: Int32 = -1,
            leaderEpoch: Int32 = -1,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.leaderId = leaderId
            self.leaderEpoch = leaderEpoch
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 9
            buffer.writeInteger(self.leaderId)
            buffer.writeInteger(self.leaderEpoch)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 9
            self.leaderId = try buffer.readKafkaInteger(as: Int32.self, field: "LeaderIdAndEpoch.LeaderId")
            self.leaderEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "LeaderIdAndEpoch.LeaderEpoch")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "LeaderIdAndEpoch")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "LeaderIdAndEpoch"))
                }
            }
        }
    }

    public struct NodeEndpoint: Hashable, Sendable {
        /// NodeId
        public var nodeId: Int32
        /// Host
        public var host: String
        /// Port
        public var port: Int32
        /// Rack (nullable)
        public var rack: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            nodeId: Int32 = 0,
            host: String = "",
            port: Int32 = 0,
            rack: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.nodeId = nodeId
            self.host = host
            self.port = port
            self.rack = rack
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 9
            buffer.writeInteger(self.nodeId)
            buffer.writeKafkaString(self.host, compact: flexible)
            buffer.writeInteger(self.port)
            buffer.writeKafkaNullableString(self.rack, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 9
            self.nodeId = try buffer.readKafkaInteger(as: Int32.self, field: "NodeEndpoint.NodeId")
            self.host = try buffer.readKafkaString(compact: flexible, field: "NodeEndpoint.Host")
            self.port = try buffer.readKafkaInteger(as: Int32.self, field: "NodeEndpoint.Port")
            self.rack = try buffer.readKafkaNullableString(compact: flexible, field: "NodeEndpoint.Rack")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "NodeEndpoint")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "NodeEndpoint"))
                }
            }
        }
    }

    /// Responses
    public var responses: [TopicProduceResponse]
    /// ThrottleTimeMs: at the END of the body for Produce
    public var throttleTimeMs: Int32
    /// NodeEndpoints (versions v10+, tag 0)
    public var nodeEndpoints: [NodeEndpoint]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        responses: [TopicProduceResponse] = [],
        throttleTimeMs: Int32 = 0,
        nodeEndpoints: [NodeEndpoint] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.responses = responses
        self.throttleTimeMs = throttleTimeMs
        self.nodeEndpoints = nodeEndpoints
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 9
        buffer.writeKafkaArrayLength(self.responses.count, compact: flexible)
        for element in self.responses {
            try element.encode(into: &buffer, version: version)
        }
        buffer.writeInteger(self.throttleTimeMs)
        if flexible {
            var taggedFields = TaggedFieldWriter()
            if version >= 10, self.nodeEndpoints != [] {
                try taggedFields.add(tag: 0) { buffer in
                    buffer.writeKafkaArrayLength(self.nodeEndpoints.count, compact: flexible)
                    for element in self.nodeEndpoints {
                        try element.encode(into: &buffer, version: version)
                    }
                }
            }
            taggedFields.add(unknownTaggedFields)
            taggedFields.write(into: &buffer)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 9
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "ProduceResponse.Responses") {
            var items: [TopicProduceResponse] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try TopicProduceResponse(from: &buffer, version: version))
            }
            self.responses = items
        } else {
            throw WireError.invalid("ProduceResponse.Responses", "null where an array is required")
        }
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "ProduceResponse.ThrottleTimeMs")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "ProduceResponse")
            for _ in 0..<taggedCount {
                var tagged = try buffer.readTaggedField(field: "ProduceResponse")
                switch tagged.tag {
                case 0 where version >= 10:
                    if let count = try tagged.value.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 11 : 12, field: "ProduceResponse.NodeEndpoints") {
                        var items: [NodeEndpoint] = []
                        items.reserveCapacity(count)
                        for _ in 0..<count {
                            items.append(try NodeEndpoint(from: &tagged.value, version: version))
                        }
                        self.nodeEndpoints = items
                    } else {
                        throw WireError.invalid("ProduceResponse.NodeEndpoints", "null where an array is required")
                    }
                default:
                    self.unknownTaggedFields.append(tagged)
                }
            }
        }
    }
}

// Generated from Schemas/Fetch.schema by generate-messages. Do not edit.
// Fetch: reads record batches from each partition's leader. v10 is the highest Kafka 2.1 knows (and the first
// that may return zstd); v12 is the last that names topics (v13+ use topic ids).

import NIOCore

/// Fetch request (API key 1), versions 10-12.
public struct FetchRequest: PartitionLeaderRequest {
    public typealias Response = FetchResponse
    public static let apiKey = ApiKey(rawValue: 1)
    public static let versions: ClosedRange<Int16> = 10...12
    public static let firstFlexibleVersion: Int16? = 12

    public struct FetchTopic: Hashable, Sendable {
        /// Topic
        public var topic: String
        /// Partitions
        public var partitions: [FetchPartition]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            topic: String = "",
            partitions: [FetchPartition] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.topic = topic
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 12
            buffer.writeKafkaString(self.topic, compact: flexible)
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
            let flexible = version >= 12
            self.topic = try buffer.readKafkaString(compact: flexible, field: "FetchTopic.Topic")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 29 : 28, field: "FetchTopic.Partitions") {
                var items: [FetchPartition] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try FetchPartition(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("FetchTopic.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "FetchTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "FetchTopic"))
                }
            }
        }
    }

    public struct FetchPartition: Hashable, Sendable {
        /// Partition
        public var partition: Int32
        /// CurrentLeaderEpoch
        public var currentLeaderEpoch: Int32
        /// FetchOffset
        public var fetchOffset: Int64
        /// LastFetchedEpoch (versions v12+)
        public var lastFetchedEpoch: Int32
        /// LogStartOffset
        public var logStartOffset: Int64
        /// PartitionMaxBytes
        public var partitionMaxBytes: Int32
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partition: Int32 = 0,
            currentLeaderEpoch: Int32 = -1,
            fetchOffset: Int64 = 0,
            lastFetchedEpoch: Int32 = -1,
            logStartOffset: Int64 = -1,
            partitionMaxBytes: Int32 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partition = partition
            self.currentLeaderEpoch = currentLeaderEpoch
            self.fetchOffset = fetchOffset
            self.lastFetchedEpoch = lastFetchedEpoch
            self.logStartOffset = logStartOffset
            self.partitionMaxBytes = partitionMaxBytes
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 12
            buffer.writeInteger(self.partition)
            buffer.writeInteger(self.currentLeaderEpoch)
            buffer.writeInteger(self.fetchOffset)
            if version >= 12 {
                buffer.writeInteger(self.lastFetchedEpoch)
            } else if self.lastFetchedEpoch != -1 {
                throw WireError(.unsupportedInVersion(version), field: "FetchPartition.LastFetchedEpoch")
            }
            buffer.writeInteger(self.logStartOffset)
            buffer.writeInteger(self.partitionMaxBytes)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 12
            self.partition = try buffer.readKafkaInteger(as: Int32.self, field: "FetchPartition.Partition")
            self.currentLeaderEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "FetchPartition.CurrentLeaderEpoch")
            self.fetchOffset = try buffer.readKafkaInteger(as: Int64.self, field: "FetchPartition.FetchOffset")
            if version >= 12 {
                self.lastFetchedEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "FetchPartition.LastFetchedEpoch")
            }
            self.logStartOffset = try buffer.readKafkaInteger(as: Int64.self, field: "FetchPartition.LogStartOffset")
            self.partitionMaxBytes = try buffer.readKafkaInteger(as: Int32.self, field: "FetchPartition.PartitionMaxBytes")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "FetchPartition")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "FetchPartition"))
                }
            }
        }
    }

    public struct ForgottenTopic: Hashable, Sendable {
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
            let flexible = version >= 12
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
            let flexible = version >= 12
            self.topic = try buffer.readKafkaString(compact: flexible, field: "ForgottenTopic.Topic")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 4, field: "ForgottenTopic.Partitions") {
                var items: [Int32] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaInteger(as: Int32.self, field: "ForgottenTopic.Partitions"))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("ForgottenTopic.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ForgottenTopic")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ForgottenTopic"))
                }
            }
        }
    }

    /// ClusterId (versions v12+, nullable, tag 0)
    public var clusterId: String?
    /// ReplicaId: consumers send -1
    public var replicaId: Int32
    /// MaxWaitMs: long-poll time
    public var maxWaitMs: Int32
    /// MinBytes
    public var minBytes: Int32
    /// MaxBytes: soft: the first batch is returned even if larger
    public var maxBytes: Int32
    /// IsolationLevel: 0 READ_UNCOMMITTED, 1 READ_COMMITTED
    public var isolationLevel: Int8
    /// SessionId: 0 = no fetch session
    public var sessionId: Int32
    /// SessionEpoch: -1 with SessionId 0 = a plain full fetch
    public var sessionEpoch: Int32
    /// Topics
    public var topics: [FetchTopic]
    /// ForgottenTopicsData
    public var forgottenTopicsData: [ForgottenTopic]
    /// RackId (versions v11+): only picks the closest replica: left out before v11
    public var rackId: String
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        clusterId: String? = nil,
        replicaId: Int32 = -1,
        maxWaitMs: Int32 = 0,
        minBytes: Int32 = 0,
        maxBytes: Int32 = 2147483647,
        isolationLevel: Int8 = 0,
        sessionId: Int32 = 0,
        sessionEpoch: Int32 = -1,
        topics: [FetchTopic] = [],
        forgottenTopicsData: [ForgottenTopic] = [],
        rackId: String = "",
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.clusterId = clusterId
        self.replicaId = replicaId
        self.maxWaitMs = maxWaitMs
        self.minBytes = minBytes
        self.maxBytes = maxBytes
        self.isolationLevel = isolationLevel
        self.sessionId = sessionId
        self.sessionEpoch = sessionEpoch
        self.topics = topics
        self.forgottenTopicsData = forgottenTopicsData
        self.rackId = rackId
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 12
        buffer.writeInteger(self.replicaId)
        buffer.writeInteger(self.maxWaitMs)
        buffer.writeInteger(self.minBytes)
        buffer.writeInteger(self.maxBytes)
        buffer.writeInteger(self.isolationLevel)
        buffer.writeInteger(self.sessionId)
        buffer.writeInteger(self.sessionEpoch)
        buffer.writeKafkaArrayLength(self.topics.count, compact: flexible)
        for element in self.topics {
            try element.encode(into: &buffer, version: version)
        }
        buffer.writeKafkaArrayLength(self.forgottenTopicsData.count, compact: flexible)
        for element in self.forgottenTopicsData {
            try element.encode(into: &buffer, version: version)
        }
        if version >= 11 {
            buffer.writeKafkaString(self.rackId, compact: flexible)
        }
        if flexible {
            var taggedFields = TaggedFieldWriter()
            if version >= 12, self.clusterId != nil {
                taggedFields.add(tag: 0) { buffer in
                    buffer.writeKafkaNullableString(self.clusterId, compact: flexible)
                }
            }
            taggedFields.add(unknownTaggedFields)
            taggedFields.write(into: &buffer)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 12
        self.replicaId = try buffer.readKafkaInteger(as: Int32.self, field: "FetchRequest.ReplicaId")
        self.maxWaitMs = try buffer.readKafkaInteger(as: Int32.self, field: "FetchRequest.MaxWaitMs")
        self.minBytes = try buffer.readKafkaInteger(as: Int32.self, field: "FetchRequest.MinBytes")
        self.maxBytes = try buffer.readKafkaInteger(as: Int32.self, field: "FetchRequest.MaxBytes")
        self.isolationLevel = try buffer.readKafkaInteger(as: Int8.self, field: "FetchRequest.IsolationLevel")
        self.sessionId = try buffer.readKafkaInteger(as: Int32.self, field: "FetchRequest.SessionId")
        self.sessionEpoch = try buffer.readKafkaInteger(as: Int32.self, field: "FetchRequest.SessionEpoch")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "FetchRequest.Topics") {
            var items: [FetchTopic] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try FetchTopic(from: &buffer, version: version))
            }
            self.topics = items
        } else {
            throw WireError.invalid("FetchRequest.Topics", "null where an array is required")
        }
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "FetchRequest.ForgottenTopicsData") {
            var items: [ForgottenTopic] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try ForgottenTopic(from: &buffer, version: version))
            }
            self.forgottenTopicsData = items
        } else {
            throw WireError.invalid("FetchRequest.ForgottenTopicsData", "null where an array is required")
        }
        if version >= 11 {
            self.rackId = try buffer.readKafkaString(compact: flexible, field: "FetchRequest.RackId")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "FetchRequest")
            for _ in 0..<taggedCount {
                var tagged = try buffer.readTaggedField(field: "FetchRequest")
                switch tagged.tag {
                case 0 where version >= 12:
                    self.clusterId = try tagged.value.readKafkaNullableString(compact: flexible, field: "FetchRequest.ClusterId")
                default:
                    self.unknownTaggedFields.append(tagged)
                }
            }
        }
    }
}

/// Fetch response (API key 1), versions 10-12.
public struct FetchResponse: KafkaResponse {
    public struct FetchableTopicResponse: Hashable, Sendable {
        /// Topic
        public var topic: String
        /// Partitions
        public var partitions: [PartitionData]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            topic: String = "",
            partitions: [PartitionData] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.topic = topic
            self.partitions = partitions
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 12
            buffer.writeKafkaString(self.topic, compact: flexible)
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
            let flexible = version >= 12
            self.topic = try buffer.readKafkaString(compact: flexible, field: "FetchableTopicResponse.Topic")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 33 : 38, field: "FetchableTopicResponse.Partitions") {
                var items: [PartitionData] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try PartitionData(from: &buffer, version: version))
                }
                self.partitions = items
            } else {
                throw WireError.invalid("FetchableTopicResponse.Partitions", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "FetchableTopicResponse")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "FetchableTopicResponse"))
                }
            }
        }
    }

    public struct PartitionData: Hashable, Sendable {
        /// PartitionIndex
        public var partitionIndex: Int32
        /// ErrorCode
        public var errorCode: Int16
        /// HighWatermark
        public var highWatermark: Int64
        /// LastStableOffset
        public var lastStableOffset: Int64
        /// LogStartOffset
        public var logStartOffset: Int64
        /// DivergingEpoch (versions v12+, tag 0)
        public var divergingEpoch: EpochEndOffset
        /// CurrentLeader (versions v12+, tag 1)
        public var currentLeader: LeaderIdAndEpoch
        /// SnapshotId (versions v12+, tag 2)
        public var snapshotId: SnapshotId
        /// AbortedTransactions (nullable): for READ_COMMITTED filtering
        public var abortedTransactions: [AbortedTransaction]?
        /// PreferredReadReplica (versions v11+)
        public var preferredReadReplica: Int32
        /// Records (nullable): zero or more batches; the last may be cut short
        public var records: ByteBuffer?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            partitionIndex: Int32 = 0,
            errorCode: Int16 = 0,
            highWatermark: Int64 = 0,
            lastStableOffset: Int64 = -1,
            logStartOffset: Int64 = -1,
            divergingEpoch: EpochEndOffset = EpochEndOffset(),
            currentLeader: LeaderIdAndEpoch = LeaderIdAndEpoch(),
            snapshotId: SnapshotId = SnapshotId(),
            abortedTransactions: [AbortedTransaction]? = nil,
            preferredReadReplica: Int32 = -1,
            records: ByteBuffer? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.partitionIndex = partitionIndex
            self.errorCode = errorCode
            self.highWatermark = highWatermark
            self.lastStableOffset = lastStableOffset
            self.logStartOffset = logStartOffset
            self.divergingEpoch = divergingEpoch
            self.currentLeader = currentLeader
            self.snapshotId = snapshotId
            self.abortedTransactions = abortedTransactions
            self.preferredReadReplica = preferredReadReplica
            self.records = records
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 12
            buffer.writeInteger(self.partitionIndex)
            buffer.writeInteger(self.errorCode)
            buffer.writeInteger(self.highWatermark)
            buffer.writeInteger(self.lastStableOffset)
            buffer.writeInteger(self.logStartOffset)
            if let items = self.abortedTransactions {
                buffer.writeKafkaArrayLength(items.count, compact: flexible)
                for element in items {
                    try element.encode(into: &buffer, version: version)
                }
            } else {
                buffer.writeKafkaArrayLength(nil, compact: flexible)
            }
            if version >= 11 {
                buffer.writeInteger(self.preferredReadReplica)
            } else if self.preferredReadReplica != -1 {
                throw WireError(.unsupportedInVersion(version), field: "PartitionData.PreferredReadReplica")
            }
            buffer.writeKafkaNullableBytes(self.records, compact: flexible)
            if flexible {
                var taggedFields = TaggedFieldWriter()
                if version >= 12, self.divergingEpoch != EpochEndOffset() {
                    try taggedFields.add(tag: 0) { buffer in
                        try self.divergingEpoch.encode(into: &buffer, version: version)
                    }
                }
                if version >= 12, self.currentLeader != LeaderIdAndEpoch() {
                    try taggedFields.add(tag: 1) { buffer in
                        try self.currentLeader.encode(into: &buffer, version: version)
                    }
                }
                if version >= 12, self.snapshotId != SnapshotId() {
                    try taggedFields.add(tag: 2) { buffer in
                        try self.snapshotId.encode(into: &buffer, version: version)
                    }
                }
                taggedFields.add(unknownTaggedFields)
                taggedFields.write(into: &buffer)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 12
            self.partitionIndex = try buffer.readKafkaInteger(as: Int32.self, field: "PartitionData.PartitionIndex")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "PartitionData.ErrorCode")
            self.highWatermark = try buffer.readKafkaInteger(as: Int64.self, field: "PartitionData.HighWatermark")
            self.lastStableOffset = try buffer.readKafkaInteger(as: Int64.self, field: "PartitionData.LastStableOffset")
            self.logStartOffset = try buffer.readKafkaInteger(as: Int64.self, field: "PartitionData.LogStartOffset")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 17 : 16, field: "PartitionData.AbortedTransactions") {
                var items: [AbortedTransaction] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try AbortedTransaction(from: &buffer, version: version))
                }
                self.abortedTransactions = items
            } else {
                self.abortedTransactions = nil
            }
            if version >= 11 {
                self.preferredReadReplica = try buffer.readKafkaInteger(as: Int32.self, field: "PartitionData.PreferredReadReplica")
            }
            self.records = try buffer.readKafkaNullableBytes(compact: flexible, field: "PartitionData.Records")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "PartitionData")
                for _ in 0..<taggedCount {
                    var tagged = try buffer.readTaggedField(field: "PartitionData")
                    switch tagged.tag {
                    case 0 where version >= 12:
                        self.divergingEpoch = try EpochEndOffset(from: &tagged.value, version: version)
                    case 1 where version >= 12:
                        self.currentLeader = try LeaderIdAndEpoch(from: &tagged.value, version: version)
                    case 2 where version >= 12:
                        self.snapshotId = try SnapshotId(from: &tagged.value, version: version)
                    default:
                        self.unknownTaggedFields.append(tagged)
                    }
                }
            }
        }
    }

    public struct EpochEndOffset: Hashable, Sendable {
        /// Epoch
        public var epoch: Int32
        /// EndOffset
        public var endOffset: Int64
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            epoch: Int32 = -1,
            endOffset: Int64 = -1,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.epoch = epoch
            self.endOffset = endOffset
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 12
            buffer.writeInteger(self.epoch)
            buffer.writeInteger(self.endOffset)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 12
            self.epoch = try buffer.readKafkaInteger(as: Int32.self, field: "EpochEndOffset.Epoch")
            self.endOffset = try buffer.readKafkaInteger(as: Int64.self, field: "EpochEndOffset.EndOffset")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "EpochEndOffset")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "EpochEndOffset"))
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
            let flexible = version >= 12
            buffer.writeInteger(self.leaderId)
            buffer.writeInteger(self.leaderEpoch)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 12
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

    public struct SnapshotId: Hashable, Sendable {
        /// EndOffset
        public var endOffset: Int64
        /// Epoch
        public var epoch: Int32
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            endOffset: Int64 = -1,
            epoch: Int32 = -1,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.endOffset = endOffset
            self.epoch = epoch
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 12
            buffer.writeInteger(self.endOffset)
            buffer.writeInteger(self.epoch)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 12
            self.endOffset = try buffer.readKafkaInteger(as: Int64.self, field: "SnapshotId.EndOffset")
            self.epoch = try buffer.readKafkaInteger(as: Int32.self, field: "SnapshotId.Epoch")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "SnapshotId")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "SnapshotId"))
                }
            }
        }
    }

    public struct AbortedTransaction: Hashable, Sendable {
        /// ProducerId
        public var producerId: Int64
        /// FirstOffset
        public var firstOffset: Int64
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            producerId: Int64 = 0,
            firstOffset: Int64 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.producerId = producerId
            self.firstOffset = firstOffset
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 12
            buffer.writeInteger(self.producerId)
            buffer.writeInteger(self.firstOffset)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 12
            self.producerId = try buffer.readKafkaInteger(as: Int64.self, field: "AbortedTransaction.ProducerId")
            self.firstOffset = try buffer.readKafkaInteger(as: Int64.self, field: "AbortedTransaction.FirstOffset")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "AbortedTransaction")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AbortedTransaction"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// ErrorCode: top-level, for fetch-session errors
    public var errorCode: Int16
    /// SessionId
    public var sessionId: Int32
    /// Responses
    public var responses: [FetchableTopicResponse]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        sessionId: Int32 = 0,
        responses: [FetchableTopicResponse] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.sessionId = sessionId
        self.responses = responses
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 12
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeInteger(self.errorCode)
        buffer.writeInteger(self.sessionId)
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
        let flexible = version >= 12
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "FetchResponse.ThrottleTimeMs")
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "FetchResponse.ErrorCode")
        self.sessionId = try buffer.readKafkaInteger(as: Int32.self, field: "FetchResponse.SessionId")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 3 : 6, field: "FetchResponse.Responses") {
            var items: [FetchableTopicResponse] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try FetchableTopicResponse(from: &buffer, version: version))
            }
            self.responses = items
        } else {
            throw WireError.invalid("FetchResponse.Responses", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "FetchResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "FetchResponse"))
            }
        }
    }
}

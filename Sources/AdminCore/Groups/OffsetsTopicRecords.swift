import NIOCore

/// The group coordinator's records in `__consumer_offsets` that Kafka's OffsetsMessageFormatter and
/// GroupMetadataMessageFormatter print, decoded as Kafka 4.1+'s `GroupCoordinatorRecordSerde` reads them (the schemas
/// are group-coordinator/src/main/resources/common/message/*.json in Kafka 4.x; the same bytes as the hand-written
/// schemas of 2.x/3.x's GroupMetadataManager.scala).
///
/// A key is an int16 record type and the key message; a value is an int16 version and the value message, or null
/// (a tombstone). The key types:
///
/// | type | key (never flexible)                       | value                                  |
/// |------|--------------------------------------------|----------------------------------------|
/// | 0    | LegacyOffsetCommitKey: group, topic, partition | LegacyOffsetCommitValue, version 0 only |
/// | 1    | OffsetCommitKey: group, topic, partition   | OffsetCommitValue 0-4 (4 flexible)     |
/// | 2    | GroupMetadataKey: group                    | GroupMetadataValue 0-4 (4 flexible)    |
/// | 3+   | new-protocol records (ConsumerGroupMetadataKey = 3, ...; share and streams groups) | not decoded here |
///
/// The generated codecs in Messages/ describe API requests and responses (an `api` line with a key and a route,
/// a request and a response section); these records are neither, so they are read here, with Kafka's generated
/// readers' leniency: a negative classic length is null, bad UTF-8 becomes U+FFFD, bytes after the last field are
/// ignored. This file decodes; kafkactl's formatter prints.
public enum OffsetsTopicRecord: Sendable, Equatable {
    /// Key type 0 or 1 (`type`) and its value; nil for a tombstone.
    case offsetCommit(type: Int16, key: OffsetCommitKey, value: OffsetCommitValue?)
    /// Key type 2 and its value; nil for a tombstone.
    case groupMetadata(key: GroupMetadataKey, value: GroupMetadataValue?)
    /// Any other key type, known to Kafka 4.x (new-protocol, share and streams group records) or not. Neither
    /// formatter prints these, so neither key nor value is read.
    case other(type: Int16)

    public struct OffsetCommitKey: Sendable, Equatable {
        public var group: String
        public var topic: String
        public var partition: Int32

        public init(group: String, topic: String, partition: Int32) {
            self.group = group
            self.topic = topic
            self.partition = partition
        }
    }

    public struct GroupMetadataKey: Sendable, Equatable {
        public var group: String

        public init(group: String) { self.group = group }
    }

    /// OffsetCommitValue (or, under key type 0, LegacyOffsetCommitValue v0, which has v0's fields).
    public struct OffsetCommitValue: Sendable, Equatable {
        public var version: Int16
        public var offset: Int64
        /// v3+; -1 otherwise.
        public var leaderEpoch: Int32
        public var metadata: String
        public var commitTimestamp: Int64
        /// v1 only; -1 otherwise.
        public var expireTimestamp: Int64
        /// v4+, tagged field 0; zero when absent.
        public var topicId: KafkaUUID

        public init(version: Int16, offset: Int64, leaderEpoch: Int32 = -1, metadata: String, commitTimestamp: Int64,
                    expireTimestamp: Int64 = -1, topicId: KafkaUUID = .zero) {
            self.version = version
            self.offset = offset
            self.leaderEpoch = leaderEpoch
            self.metadata = metadata
            self.commitTimestamp = commitTimestamp
            self.expireTimestamp = expireTimestamp
            self.topicId = topicId
        }
    }

    public struct GroupMetadataValue: Sendable, Equatable {
        public var version: Int16
        public var protocolType: String
        public var generation: Int32
        public var `protocol`: String?
        public var leader: String?
        /// v2+; -1 otherwise.
        public var currentStateTimestamp: Int64
        public var members: [Member]

        public init(version: Int16, protocolType: String, generation: Int32, protocol: String?, leader: String?,
                    currentStateTimestamp: Int64 = -1, members: [Member]) {
            self.version = version
            self.protocolType = protocolType
            self.generation = generation
            self.protocol = `protocol`
            self.leader = leader
            self.currentStateTimestamp = currentStateTimestamp
            self.members = members
        }

        public struct Member: Sendable, Equatable {
            public var memberId: String
            /// v3+; nil otherwise.
            public var groupInstanceId: String?
            public var clientId: String
            public var clientHost: String
            /// v1+; -1 otherwise.
            public var rebalanceTimeout: Int32
            public var sessionTimeout: Int32
            /// The member's JoinGroup metadata (for "consumer" groups, a ConsumerProtocol subscription).
            public var subscription: [UInt8]
            /// What SyncGroup gave it (for "consumer" groups, a ConsumerProtocol assignment).
            public var assignment: [UInt8]

            public init(memberId: String, groupInstanceId: String? = nil, clientId: String, clientHost: String,
                        rebalanceTimeout: Int32 = -1, sessionTimeout: Int32, subscription: [UInt8], assignment: [UInt8]) {
                self.memberId = memberId
                self.groupInstanceId = groupInstanceId
                self.clientId = clientId
                self.clientHost = clientHost
                self.rebalanceTimeout = rebalanceTimeout
                self.sessionTimeout = sessionTimeout
                self.subscription = subscription
                self.assignment = assignment
            }
        }
    }

    /// The key type of a record this enum decodes fully.
    public var type: Int16 {
        switch self {
        case .offsetCommit(let type, _, _): return type
        case .groupMetadata: return 2
        case .other(let type): return type
        }
    }

    /// Why a record could not be read, worded as Kafka's CoordinatorRecordSerde words it (`Could not read record
    /// with version 3 from value's buffer due to: ...`); the reasons for a short or malformed field are kafkactl's.
    public struct DecodingError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// Decodes a record's key and value (nil for a tombstone) as Kafka 4.1+ does: the key type picks the key and
    /// value schemas, and a value version outside the schema's range is an error. Types other than 0, 1 and 2 are
    /// returned as `.other` without reading further.
    public static func decode(key: ByteBuffer, value: ByteBuffer?) throws(DecodingError) -> OffsetsTopicRecord {
        var key = key
        guard let type = key.readInteger(as: Int16.self) else {
            throw DecodingError("Could not read version from key's buffer.")
        }
        guard (0...2).contains(type) else { return .other(type: type) }
        // Kafka reads the key message with the record type as its version; key schemas have one version.
        let offsetKey: OffsetCommitKey?
        let groupKey: GroupMetadataKey?
        do throws(Reader.Failure) {
            var reader = Reader(buffer: key, flexible: false)
            if type == 2 {
                groupKey = GroupMetadataKey(group: try reader.string("group"))
                offsetKey = nil
            } else {
                offsetKey = OffsetCommitKey(group: try reader.string("group"), topic: try reader.string("topic"),
                                            partition: try reader.int32("partition"))
                groupKey = nil
            }
        } catch {
            throw DecodingError("Could not read record with version \(type) from key's buffer due to: \(error.reason).")
        }
        guard var value else {
            if let offsetKey { return .offsetCommit(type: type, key: offsetKey, value: nil) }
            return .groupMetadata(key: groupKey!, value: nil)
        }
        guard let version = value.readInteger(as: Int16.self) else {
            throw DecodingError("Could not read version from value's buffer.")
        }
        let versions: ClosedRange<Int16> = type == 0 ? 0...0 : 0...4
        guard versions.contains(version) else {
            throw DecodingError("Found an unknown record version \(version) for \(type) type")
        }
        do throws(Reader.Failure) {
            var reader = Reader(buffer: value, flexible: version >= 4)
            if let offsetKey {
                return .offsetCommit(type: type, key: offsetKey, value: try offsetCommitValue(&reader, version: version))
            }
            return .groupMetadata(key: groupKey!, value: try groupMetadataValue(&reader, version: version))
        } catch {
            throw DecodingError("Could not read record with version \(version) from value's buffer due to: \(error.reason).")
        }
    }

    private static func offsetCommitValue(_ reader: inout Reader, version: Int16) throws(Reader.Failure) -> OffsetCommitValue {
        let offset = try reader.int64("offset")
        let leaderEpoch = version >= 3 ? try reader.int32("leaderEpoch") : -1
        let metadata = try reader.string("metadata")
        let commitTimestamp = try reader.int64("commitTimestamp")
        let expireTimestamp = version == 1 ? try reader.int64("expireTimestamp") : -1
        var result = OffsetCommitValue(version: version, offset: offset, leaderEpoch: leaderEpoch, metadata: metadata,
                                       commitTimestamp: commitTimestamp, expireTimestamp: expireTimestamp)
        try reader.taggedFields { (tag: UInt64, field: inout Reader) throws(Reader.Failure) in
            guard tag == 0 else { return }
            result.topicId = try field.uuid("topicId")
        }
        return result
    }

    private static func groupMetadataValue(_ reader: inout Reader, version: Int16) throws(Reader.Failure) -> GroupMetadataValue {
        let protocolType = try reader.string("protocolType")
        let generation = try reader.int32("generation")
        let protocolName = try reader.nullableString("protocol")
        let leader = try reader.nullableString("leader")
        let currentStateTimestamp = version >= 2 ? try reader.int64("currentStateTimestamp") : -1
        // A member takes at least 2 bytes compactly and 18 classically; Kafka checks a count only against the bytes
        // left, so this does too.
        let count = try reader.arrayLength("members")
        var members: [GroupMetadataValue.Member] = []
        members.reserveCapacity(min(count, 1024))
        for _ in 0..<count {
            let memberId = try reader.string("memberId")
            let groupInstanceId = version >= 3 ? try reader.nullableString("groupInstanceId") : nil
            let clientId = try reader.string("clientId")
            let clientHost = try reader.string("clientHost")
            let rebalanceTimeout = version >= 1 ? try reader.int32("rebalanceTimeout") : -1
            let sessionTimeout = try reader.int32("sessionTimeout")
            let subscription = try reader.bytes("subscription")
            let assignment = try reader.bytes("assignment")
            try reader.taggedFields { _, _ in }
            members.append(GroupMetadataValue.Member(
                memberId: memberId, groupInstanceId: groupInstanceId, clientId: clientId, clientHost: clientHost,
                rebalanceTimeout: rebalanceTimeout, sessionTimeout: sessionTimeout, subscription: subscription,
                assignment: assignment))
        }
        try reader.taggedFields { _, _ in }
        return GroupMetadataValue(version: version, protocolType: protocolType, generation: generation,
                                  protocol: protocolName, leader: leader, currentStateTimestamp: currentStateTimestamp,
                                  members: members)
    }
}

/// Kafka's generated `read` methods over a ByteBuffer: classic (int16 strings, int32 bytes and arrays) or compact
/// (unsigned varint N+1 lengths, then tagged fields after each struct).
private struct Reader {
    var buffer: ByteBuffer
    let flexible: Bool

    struct Failure: Error {
        var reason: String
    }

    mutating func int32(_ field: String) throws(Failure) -> Int32 {
        guard let value = buffer.readInteger(as: Int32.self) else { throw Failure(reason: "the buffer ends inside field \(field)") }
        return value
    }

    mutating func int64(_ field: String) throws(Failure) -> Int64 {
        guard let value = buffer.readInteger(as: Int64.self) else { throw Failure(reason: "the buffer ends inside field \(field)") }
        return value
    }

    mutating func uuid(_ field: String) throws(Failure) -> KafkaUUID {
        do { return try buffer.readKafkaUUID(field: field) } catch {
            throw Failure(reason: "the buffer ends inside field \(field)")
        }
    }

    mutating func varint(_ field: String) throws(Failure) -> UInt64 {
        do { return try buffer.readUnsignedVarint(maxBytes: 5, field: field) } catch {
            let truncated = (error as? WireError)?.reason == .truncated
            throw Failure(reason: truncated ? "the buffer ends inside field \(field)" : "field \(field) has a varint longer than 5 bytes")
        }
    }

    /// A length prefix: nil for null (any negative classic length, as Kafka reads it).
    private mutating func length(_ field: String, wide: Bool) throws(Failure) -> Int? {
        if flexible {
            let raw = try varint(field)
            return raw == 0 ? nil : Int(raw - 1)
        }
        if wide { let raw = try int32(field); return raw < 0 ? nil : Int(raw) }
        guard let raw = buffer.readInteger(as: Int16.self) else { throw Failure(reason: "the buffer ends inside field \(field)") }
        return raw < 0 ? nil : Int(raw)
    }

    private mutating func take(_ length: Int, _ field: String) throws(Failure) -> ByteBuffer {
        guard let slice = buffer.readSlice(length: length) else {
            throw Failure(reason: "field \(field) needs \(length) byte(s) but only \(buffer.readableBytes) are left")
        }
        return slice
    }

    mutating func nullableString(_ field: String) throws(Failure) -> String? {
        guard let length = try length(field, wide: false) else { return nil }
        guard length <= 0x7fff else { throw Failure(reason: "string field \(field) had invalid length \(length)") }
        let bytes = try take(length, field)
        return String(decoding: bytes.readableBytesView, as: UTF8.self)
    }

    mutating func string(_ field: String) throws(Failure) -> String {
        guard let value = try nullableString(field) else {
            throw Failure(reason: "non-nullable field \(field) was serialized as null")
        }
        return value
    }

    mutating func bytes(_ field: String) throws(Failure) -> [UInt8] {
        guard let length = try length(field, wide: true) else {
            throw Failure(reason: "non-nullable field \(field) was serialized as null")
        }
        return Array(try take(length, field).readableBytesView)
    }

    mutating func arrayLength(_ field: String) throws(Failure) -> Int {
        guard let count = try length(field, wide: true) else {
            throw Failure(reason: "non-nullable field \(field) was serialized as null")
        }
        guard count <= buffer.readableBytes else {
            throw Failure(reason: "Tried to allocate a collection of size \(count), but there are only \(buffer.readableBytes) bytes remaining")
        }
        return count
    }

    /// A flexible struct's tagged fields, each handed to `body` with a reader over its bytes; nothing classically.
    mutating func taggedFields(_ body: (UInt64, inout Reader) throws(Failure) -> Void) throws(Failure) {
        guard flexible else { return }
        let count = try varint("_tagged_fields")
        for _ in 0..<count {
            let tag = try varint("_tagged_fields")
            let size = try varint("_tagged_fields")
            guard size <= UInt64(buffer.readableBytes) else {
                throw Failure(reason: "tagged field \(tag) needs \(size) byte(s) but only \(buffer.readableBytes) are left")
            }
            var field = Reader(buffer: buffer.readSlice(length: Int(size))!, flexible: true)
            try body(tag, &field)
        }
    }
}

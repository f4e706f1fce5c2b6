import NIOCore
import TestSupport
import Testing

@testable import AdminCore

/// `OffsetsTopicRecord.decode` on `__consumer_offsets` records built from Kafka's schemas outside kafkactl
/// (TestSupport/OffsetsTopicGolden.swift says how): each key type and value version the formatters print, a
/// tombstone, types they skip, and the failures Kafka's CoordinatorRecordSerde reports, with its wording.
@Suite struct OffsetsTopicRecordsTests {
    typealias Golden = OffsetsTopicGolden

    static func decode(_ key: [UInt8], _ value: [UInt8]?) throws(OffsetsTopicRecord.DecodingError) -> OffsetsTopicRecord {
        try OffsetsTopicRecord.decode(key: ByteBuffer(bytes: key), value: value.map { ByteBuffer(bytes: $0) })
    }

    /// The decoding failure's message, or nil when the record decodes.
    static func failure(_ key: [UInt8], _ value: [UInt8]?) -> String? {
        do {
            _ = try decode(key, value)
            return nil
        } catch {
            return error.message
        }
    }

    static let key = OffsetsTopicRecord.OffsetCommitKey(group: "group-id", topic: "foo", partition: 1)

    // MARK: Offset commits

    @Test func offsetCommitKeyV1WithValueV1() throws {
        let record = try Self.decode(Golden.offsetCommitKeyV1, Golden.offsetCommitValueV1)
        #expect(record == .offsetCommit(type: 1, key: Self.key, value: .init(
            version: 1, offset: 100, metadata: "metadata", commitTimestamp: 1234, expireTimestamp: 5678)))
        #expect(record.type == 1)
    }

    @Test func offsetCommitValueV3HasALeaderEpochAndNoExpireTimestamp() throws {
        let record = try Self.decode(Golden.offsetCommitKeyV1, Golden.offsetCommitValueV3)
        #expect(record == .offsetCommit(type: 1, key: Self.key, value: .init(
            version: 3, offset: 100, leaderEpoch: 10, metadata: "metadata", commitTimestamp: 1234)))
    }

    @Test func offsetCommitValueV4IsFlexibleWithTheTopicIdTagged() throws {
        let record = try Self.decode(Golden.offsetCommitKeyV1, Golden.offsetCommitValueV4)
        let topicId = try #require(KafkaUUID("MKXx1fIkQy2J9jXHhK8m1w"))
        #expect(record == .offsetCommit(type: 1, key: Self.key, value: .init(
            version: 4, offset: 100, leaderEpoch: 10, metadata: "metadata", commitTimestamp: 1234, topicId: topicId)))
    }

    @Test func aV4ValueWithoutTaggedFieldsHasTheZeroTopicId() throws {
        // v4 with an empty tagged-field section: the last byte is the count.
        var value = Array(Golden.offsetCommitValueV4.prefix(2 + 8 + 4 + 9 + 8))
        value.append(0)
        guard case .offsetCommit(_, _, let decoded?) = try Self.decode(Golden.offsetCommitKeyV1, value) else {
            Issue.record("not an offset commit")
            return
        }
        #expect(decoded.topicId == .zero)
    }

    @Test func anUnknownTaggedFieldIsSkipped() throws {
        // Tag 5 (3 bytes) before tag 0: Kafka keeps it as an unknown tagged field and prints nothing of it.
        var value = Array(Golden.offsetCommitValueV4.prefix(2 + 8 + 4 + 9 + 8))
        value += [0x02, 0x05, 0x03, 0xaa, 0xbb, 0xcc, 0x00, 0x10] + Golden.offsetCommitValueV4.suffix(16)
        #expect(try Self.decode(Golden.offsetCommitKeyV1, value) == Self.decode(Golden.offsetCommitKeyV1, Golden.offsetCommitValueV4))
    }

    @Test func aLegacyKeyTakesTheLegacyValueV0() throws {
        let record = try Self.decode(Golden.offsetCommitKeyV0, Golden.offsetCommitValueV0)
        #expect(record == .offsetCommit(type: 0, key: Self.key, value: .init(
            version: 0, offset: 100, metadata: "metadata", commitTimestamp: 1234)))
    }

    @Test func aLegacyKeyRefusesAnyOtherValueVersion() {
        // LegacyOffsetCommitValue's validVersions is "0".
        #expect(Self.failure(Golden.offsetCommitKeyV0, Golden.offsetCommitValueV1) == "Found an unknown record version 1 for 0 type")
    }

    @Test func aTombstoneHasNoValue() throws {
        #expect(try Self.decode(Golden.offsetCommitKeyV1, nil) == .offsetCommit(type: 1, key: Self.key, value: nil))
    }

    @Test func bytesAfterTheLastFieldAreIgnoredAsKafkaIgnoresThem() throws {
        #expect(try Self.decode(Golden.offsetCommitKeyV1 + [9, 9], Golden.offsetCommitValueV3 + [7])
            == Self.decode(Golden.offsetCommitKeyV1, Golden.offsetCommitValueV3))
    }

    // MARK: Group metadata

    @Test func groupMetadataValueV3WithOneMember() throws {
        let record = try Self.decode(Golden.groupMetadataKeyV2, Golden.groupMetadataValueV3)
        let member = OffsetsTopicRecord.GroupMetadataValue.Member(
            memberId: "member-1", groupInstanceId: "group-instance-1", clientId: "client-1", clientHost: "host-1",
            rebalanceTimeout: 1000, sessionTimeout: 1500, subscription: [0, 1], assignment: [1, 2])
        #expect(record == .groupMetadata(key: .init(group: "group-id"), value: .init(
            version: 3, protocolType: "consumer", generation: 1, protocol: "range", leader: "leader",
            currentStateTimestamp: 1234, members: [member])))
    }

    @Test func groupMetadataValueV4IsTheSameGroupCompactly() throws {
        guard case .groupMetadata(_, let v3?) = try Self.decode(Golden.groupMetadataKeyV2, Golden.groupMetadataValueV3),
              case .groupMetadata(_, let v4?) = try Self.decode(Golden.groupMetadataKeyV2, Golden.groupMetadataValueV4)
        else {
            Issue.record("not group metadata")
            return
        }
        #expect(v4.version == 4)
        #expect(v4.members == v3.members)
        #expect(v4.protocol == "range" && v4.leader == "leader" && v4.currentStateTimestamp == 1234)
    }

    @Test func anEmptyGroupHasNullProtocolAndLeader() throws {
        let record = try Self.decode(Golden.groupMetadataKeyV2, Golden.groupMetadataValueV4Empty)
        #expect(record == .groupMetadata(key: .init(group: "group-id"), value: .init(
            version: 4, protocolType: "consumer", generation: 2, protocol: nil, leader: nil,
            currentStateTimestamp: 1_700_000_000_123, members: [])))
    }

    @Test func aGroupTombstone() throws {
        #expect(try Self.decode(Golden.groupMetadataKeyV2, nil) == .groupMetadata(key: .init(group: "group-id"), value: nil))
    }

    // MARK: Other types

    @Test(arguments: [Int16(3), 4, 20, 1000, -1, .max])
    func otherKeyTypesAreNotRead(type: Int16) throws {
        // Whatever follows the type is not read, even garbage.
        let key = withUnsafeBytes(of: type.bigEndian) { Array($0) } + [0xff]
        #expect(try Self.decode(key, [0xde, 0xad]) == .other(type: type))
        #expect(try Self.decode(Golden.consumerGroupMetadataKeyV3, nil) == .other(type: 3))
    }

    // MARK: Failures

    @Test func aTruncatedValueIsAnErrorNamingTheFieldNotACrash() {
        #expect(Self.failure(Golden.offsetCommitKeyV1, Golden.offsetCommitValueV3Truncated)
            == "Could not read record with version 3 from value's buffer due to: field metadata needs 8 byte(s) but only 6 are left.")
    }

    @Test func everyPrefixOfEveryValueFailsCleanly() {
        let records: [([UInt8], [UInt8])] = [
            (Golden.offsetCommitKeyV1, Golden.offsetCommitValueV1), (Golden.offsetCommitKeyV1, Golden.offsetCommitValueV3),
            (Golden.offsetCommitKeyV1, Golden.offsetCommitValueV4), (Golden.groupMetadataKeyV2, Golden.groupMetadataValueV3),
            (Golden.groupMetadataKeyV2, Golden.groupMetadataValueV4), (Golden.groupMetadataKeyV2, Golden.groupMetadataValueV4Empty),
        ]
        for (key, value) in records {
            for length in 0..<value.count {
                let message = Self.failure(key, Array(value.prefix(length)))
                #expect(message != nil, "\(length) of \(value.count) bytes decoded")
                if length < 2 {
                    #expect(message == "Could not read version from value's buffer.")
                } else {
                    #expect(message?.hasPrefix("Could not read record with version \(value[1]) from value's buffer due to: ") == true, "\(message ?? "")")
                }
            }
            for length in 0..<key.count {
                #expect(Self.failure(Array(key.prefix(length)), value) != nil)
            }
        }
    }

    @Test func everyByteOfEveryRecordSetToExtremeValuesDecodesOrFailsCleanly() {
        // Lengths, counts and varints turned huge, negative or null must end in a DecodingError, never a trap.
        let records: [([UInt8], [UInt8])] = [
            (Golden.offsetCommitKeyV1, Golden.offsetCommitValueV1), (Golden.offsetCommitKeyV1, Golden.offsetCommitValueV4),
            (Golden.groupMetadataKeyV2, Golden.groupMetadataValueV3), (Golden.groupMetadataKeyV2, Golden.groupMetadataValueV4),
        ]
        var decoded = 0
        for (key, value) in records {
            for position in 0..<(key.count + value.count) {
                for byte: UInt8 in [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff] {
                    var key = key
                    var value = value
                    if position < key.count { key[position] = byte } else { value[position - key.count] = byte }
                    if (try? Self.decode(key, value)) != nil { decoded += 1 }
                }
            }
        }
        #expect(decoded > 0)
    }

    @Test func aKeyTooShortForItsTypeIsKafkasMessage() {
        #expect(Self.failure([0x00], Golden.offsetCommitValueV1) == "Could not read version from key's buffer.")
        #expect(Self.failure([], nil) == "Could not read version from key's buffer.")
        #expect(Self.failure(Array(Golden.offsetCommitKeyV1.prefix(16)), nil)
            == "Could not read record with version 1 from key's buffer due to: field topic needs 3 byte(s) but only 2 are left.")
    }

    @Test func anUnknownValueVersionIsKafkasMessage() {
        #expect(Self.failure(Golden.offsetCommitKeyV1, [0x00, 0x05] + Golden.offsetCommitValueV3.dropFirst(2))
            == "Found an unknown record version 5 for 1 type")
        #expect(Self.failure(Golden.groupMetadataKeyV2, [0xff, 0xff]) == "Found an unknown record version -1 for 2 type")
    }

    @Test func aNullWhereTheSchemaForbidsItIsKafkasMessage() {
        // protocolType with length -1.
        let value: [UInt8] = [0x00, 0x03, 0xff, 0xff]
        #expect(Self.failure(Golden.groupMetadataKeyV2, value)
            == "Could not read record with version 3 from value's buffer due to: non-nullable field protocolType was serialized as null.")
    }

    @Test func aMemberCountBeyondTheBytesLeftIsRefusedBeforeAllocating() {
        var value = Array(Golden.groupMetadataValueV3.prefix(2 + 10 + 4 + 7 + 8 + 8))
        value += [0x7f, 0xff, 0xff, 0xff]
        #expect(Self.failure(Golden.groupMetadataKeyV2, value)
            == "Could not read record with version 3 from value's buffer due to: Tried to allocate a collection of size 2147483647, but there are only 0 bytes remaining.")
    }

    @Test func badUTF8BecomesTheReplacementCharacterAsInJava() throws {
        // group "a\xffb".
        let key: [UInt8] = [0x00, 0x02, 0x00, 0x03, 0x61, 0xff, 0x62]
        #expect(try Self.decode(key, nil) == .groupMetadata(key: .init(group: "a\u{FFFD}b"), value: nil))
    }
}

import AdminCore
import NIOCore
import TestSupport
import Testing

@testable import kafkactl

/// Kafka 4.x's OffsetsMessageFormatter and GroupMetadataMessageFormatter as `CoordinatorRecordFormatter` prints them:
/// the exact text for the golden `__consumer_offsets` records (TestSupport/OffsetsTopicGolden.swift, whose expected
/// texts are Kafka's own formatter tests'), what each one skips, the error for a record it cannot read, and the
/// class names `--formatter` takes.
@Suite struct CoordinatorRecordFormatterTests {
    typealias Golden = OffsetsTopicGolden

    /// What the formatter prints for one record at offset 7.
    static func print(_ kind: CoordinatorRecordFormatter.Kind, _ key: [UInt8]?, _ value: [UInt8]?,
                      properties: [String: String] = [:]) throws -> String {
        let record = Record(offset: 7, timestamp: 1_700_000_000_000, key: key.map { ByteBuffer(bytes: $0) },
                            value: value.map { ByteBuffer(bytes: $0) })
        let formatter = CoordinatorRecordFormatter(kind: kind, properties: properties)
        var output: [UInt8] = []
        try RecordView.withView(of: record) { try formatter.format($0, into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: OffsetsMessageFormatter

    @Test func offsetCommitValueV1() throws {
        #expect(try Self.print(.offsets, Golden.offsetCommitKeyV1, Golden.offsetCommitValueV1) == Golden.offsetsV1Text)
    }

    @Test func offsetCommitValueV3() throws {
        #expect(try Self.print(.offsets, Golden.offsetCommitKeyV1, Golden.offsetCommitValueV3) == Golden.offsetsV3Text)
    }

    @Test func offsetCommitValueV4PrintsTheTopicIdAsKafkasBase64() throws {
        #expect(try Self.print(.offsets, Golden.offsetCommitKeyV1, Golden.offsetCommitValueV4) == Golden.offsetsV4Text)
    }

    @Test func aV4ValueWithTheZeroTopicIdLeavesTheTaggedFieldOut() throws {
        var value = Array(Golden.offsetCommitValueV4.prefix(2 + 8 + 4 + 9 + 8))
        value.append(0)
        #expect(try Self.print(.offsets, Golden.offsetCommitKeyV1, value)
            == #"{"key":{"type":1,"data":{"group":"group-id","topic":"foo","partition":1}},"value":{"version":4,"data":{"offset":100,"leaderEpoch":10,"metadata":"metadata","commitTimestamp":1234}}}"#)
    }

    @Test func aLegacyTypeZeroRecord() throws {
        #expect(try Self.print(.offsets, Golden.offsetCommitKeyV0, Golden.offsetCommitValueV0) == Golden.offsetsLegacyText)
    }

    @Test func anOffsetTombstonePrintsValueNull() throws {
        #expect(try Self.print(.offsets, Golden.offsetCommitKeyV1, nil) == Golden.offsetsTombstoneText)
    }

    @Test func theOffsetsFormatterSkipsGroupMetadataAndOtherTypes() throws {
        #expect(try Self.print(.offsets, Golden.groupMetadataKeyV2, Golden.groupMetadataValueV3) == "")
        #expect(try Self.print(.offsets, Golden.groupMetadataKeyV2, nil) == "")
        #expect(try Self.print(.offsets, Golden.consumerGroupMetadataKeyV3, [0x00, 0x00]) == "")
        #expect(try Self.print(.offsets, [0x7f, 0xff], Golden.offsetCommitValueV1) == "")
        #expect(try Self.print(.offsets, nil, Golden.offsetCommitValueV1) == "", "a null key prints nothing")
    }

    // MARK: GroupMetadataMessageFormatter

    @Test func groupMetadataValueV3WithOneMember() throws {
        #expect(try Self.print(.groupMetadata, Golden.groupMetadataKeyV2, Golden.groupMetadataValueV3) == Golden.groupV3Text)
    }

    @Test func groupMetadataValueV4() throws {
        #expect(try Self.print(.groupMetadata, Golden.groupMetadataKeyV2, Golden.groupMetadataValueV4) == Golden.groupV4Text)
    }

    @Test func anEmptyGroupPrintsNullProtocolAndLeader() throws {
        #expect(try Self.print(.groupMetadata, Golden.groupMetadataKeyV2, Golden.groupMetadataValueV4Empty) == Golden.groupV4EmptyText)
    }

    @Test func aGroupTombstonePrintsValueNull() throws {
        #expect(try Self.print(.groupMetadata, Golden.groupMetadataKeyV2, nil) == Golden.groupTombstoneText)
    }

    @Test func theGroupFormatterSkipsOffsetCommitsAndOtherTypes() throws {
        #expect(try Self.print(.groupMetadata, Golden.offsetCommitKeyV1, Golden.offsetCommitValueV1) == "")
        #expect(try Self.print(.groupMetadata, Golden.offsetCommitKeyV0, Golden.offsetCommitValueV0) == "")
        #expect(try Self.print(.groupMetadata, Golden.offsetCommitKeyV1, nil) == "")
        #expect(try Self.print(.groupMetadata, Golden.consumerGroupMetadataKeyV3, nil) == "")
        #expect(try Self.print(.groupMetadata, nil, Golden.groupMetadataValueV3) == "")
    }

    // MARK: Older versions (Kafka's GroupMetadataMessageFormatterTest v0-v2 cases)

    @Test func groupMetadataValueV0AndV1LeaveOutTheLaterFields() throws {
        // v0: no currentStateTimestamp, no groupInstanceId, no rebalanceTimeout. Bytes from the v3 golden record
        // minus those fields (kafka-python's schema codec writes the same).
        let v0 = OffsetsTopicGolden.bytes("""
            00 00  00 08 63 6f 6e 73 75 6d 65 72  00 00 00 01  00 05 72 61 6e 67 65  00 06 6c 65 61 64 65 72
            00 00 00 01  00 08 6d 65 6d 62 65 72 2d 31  00 08 63 6c 69 65 6e 74 2d 31  00 06 68 6f 73 74 2d 31
            00 00 05 dc  00 00 00 02 00 01  00 00 00 02 01 02
            """)
        #expect(try Self.print(.groupMetadata, Golden.groupMetadataKeyV2, v0)
            == #"{"key":{"type":2,"data":{"group":"group-id"}},"value":{"version":0,"data":{"protocolType":"consumer","generation":1,"protocol":"range","leader":"leader","members":[{"memberId":"member-1","clientId":"client-1","clientHost":"host-1","sessionTimeout":1500,"subscription":"AAE=","assignment":"AQI="}]}}}"#)
    }

    // MARK: Text

    @Test func stringsAreEscapedAsJacksonEscapesThem() throws {
        // group "a\"b\\c\u{1}\u{8}\u{1f}é\u{7f}" in a type-2 key.
        let group: [UInt8] = Array("a\"b\\c\u{1}\u{8}\t\n\u{C}\r\u{1f}é\u{7f}".utf8)
        let key: [UInt8] = [0x00, 0x02, 0x00, UInt8(group.count)] + group
        #expect(try Self.print(.groupMetadata, key, nil)
            == "{\"key\":{\"type\":2,\"data\":{\"group\":\"a\\\"b\\\\c\\u0001\\b\\t\\n\\f\\r\\u001Fé\u{7f}\"}},\"value\":null}")
    }

    @Test func kafkaPrintsNoSeparatorButLineSeparatorAddsOne() throws {
        #expect(try Self.print(.offsets, Golden.offsetCommitKeyV1, nil).last == "}")
        #expect(try Self.print(.offsets, Golden.offsetCommitKeyV1, nil, properties: ["line.separator": "\n"])
            == Golden.offsetsTombstoneText + "\n")
        #expect(try Self.print(.offsets, Golden.groupMetadataKeyV2, nil, properties: ["line.separator": "\n"]) == "",
                "a skipped record prints no separator either")
    }

    // MARK: Errors

    @Test func aTruncatedValueIsAFormatErrorWithKafkasWording() throws {
        let error = #expect(throws: RecordFormatter.FormatError.self) {
            try Self.print(.offsets, Golden.offsetCommitKeyV1, Golden.offsetCommitValueV3Truncated)
        }
        #expect(error?.message == "Could not read record at offset 7 due to: Could not read record with version 3 from value's buffer due to: field metadata needs 8 byte(s) but only 6 are left.")
    }

    @Test func aBrokenRecordOfTheOtherKindIsAnErrorToo() throws {
        // Kafka decodes the whole record before it checks the type, so a broken group record stops the offsets
        // formatter as well.
        #expect(throws: RecordFormatter.FormatError.self) {
            try Self.print(.offsets, Golden.groupMetadataKeyV2, Array(Golden.groupMetadataValueV3.prefix(20)))
        }
        #expect(throws: RecordFormatter.FormatError.self) {
            try Self.print(.groupMetadata, [0x00], nil)
        }
    }

    // MARK: Names

    @Test(arguments: [
        ("org.apache.kafka.tools.consumer.OffsetsMessageFormatter", CoordinatorRecordFormatter.Kind.offsets),
        ("kafka.coordinator.group.GroupMetadataManager$OffsetsMessageFormatter", .offsets),
        ("OffsetsMessageFormatter", .offsets),
        ("org.apache.kafka.tools.consumer.GroupMetadataMessageFormatter", .groupMetadata),
        ("kafka.coordinator.group.GroupMetadataManager$GroupMetadataMessageFormatter", .groupMetadata),
        ("GroupMetadataMessageFormatter", .groupMetadata),
    ])
    func theOldAndNewClassNamesAreAccepted(name: String, kind: CoordinatorRecordFormatter.Kind) throws {
        #expect(CoordinatorRecordFormatter.kind(forClassName: name) == kind)
        #expect(MessageFormatter.isKnown(name))
        guard case .coordinator(let formatter) = try MessageFormatter(className: name, properties: [:]) else {
            Issue.record("\(name) did not make a coordinator formatter")
            return
        }
        #expect(formatter.kind == kind)
    }

    @Test(arguments: ["org.apache.kafka.tools.consumer.NoOpMessageFormatter", "TransactionLogMessageFormatter",
                      "org.apache.kafka.tools.consumer.offsetsmessageformatter", "kafka.coordinator.group.OffsetsMessageFormatter"])
    func otherNamesAreNot(name: String) {
        #expect(!MessageFormatter.isKnown(name))
    }
}

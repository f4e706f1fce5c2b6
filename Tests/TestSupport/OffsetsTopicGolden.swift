/// Records of `__consumer_offsets`, byte for byte, and what Kafka 4.x's OffsetsMessageFormatter and
/// GroupMetadataMessageFormatter print for them; shared by the decoder, formatter and end-to-end tests.
///
/// The bytes come from outside kafkactl: derived by hand from Kafka 4.2's schemas
/// (group-coordinator/src/main/resources/common/message/{OffsetCommitKey,OffsetCommitValue,LegacyOffsetCommitKey,
/// LegacyOffsetCommitValue,GroupMetadataKey,GroupMetadataValue}.json) and CoordinatorRecordSerde (key = int16 record
/// type + key message, value = int16 version + value message), field by field as commented below, and cross-checked
/// with an independent encoder: kafka-python 3.0.12's JSON-schema codec (`kafka.protocol.api_data.ApiData`) loaded
/// with those same six schema files, which produced identical bytes. The field values are those of Kafka's own
/// OffsetMessageFormatterTest and GroupMetadataMessageFormatterTest (tools/src/test/java/org/apache/kafka/tools/
/// consumer, 4.2), so the expected texts are that test's expectations, whitespace removed.
///
/// Classic encodings: string = int16 length + UTF-8 (null: -1), bytes and arrays = int32 length. Flexible versions
/// (OffsetCommitValue and GroupMetadataValue v4+): compact string/bytes/array = unsigned varint length+1 (null: 0),
/// and every struct ends with its tagged fields (varint count, then tag, size, bytes each).
public enum OffsetsTopicGolden {
    /// Hex digits with `#` comments to the end of a line and any spacing or `|` between bytes.
    public static func bytes(_ annotated: String) -> [UInt8] {
        let digits = annotated.split(separator: "\n")
            .map { line in line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" }
            .joined().filter(\.isHexDigit)
        precondition(digits.count % 2 == 0, "odd number of hex digits")
        var result: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            result.append(UInt8(digits[index..<next], radix: 16)!)
            index = next
        }
        return result
    }

    // MARK: Keys

    /// OffsetCommitKey (record type 1): group "group-id", topic "foo", partition 1.
    public static let offsetCommitKeyV1 = bytes("""
        00 01                         # record type 1 = OffsetCommitKey (read as key version 0)
        00 08 67 72 6f 75 70 2d 69 64 # group: int16 length 8, "group-id"
        00 03 66 6f 6f                # topic: int16 length 3, "foo"
        00 00 00 01                   # partition: int32 1
        """)

    /// LegacyOffsetCommitKey (record type 0): the same fields as type 1.
    public static let offsetCommitKeyV0 = bytes("""
        00 00                         # record type 0 = LegacyOffsetCommitKey
        00 08 67 72 6f 75 70 2d 69 64 # group "group-id"
        00 03 66 6f 6f                # topic "foo"
        00 00 00 01                   # partition 1
        """)

    /// GroupMetadataKey (record type 2): group "group-id".
    public static let groupMetadataKeyV2 = bytes("""
        00 02                         # record type 2 = GroupMetadataKey
        00 08 67 72 6f 75 70 2d 69 64 # group: int16 length 8, "group-id"
        """)

    /// Record type 3 (Kafka 4.x's ConsumerGroupMetadataKey: a new-protocol group); neither formatter prints it.
    public static let consumerGroupMetadataKeyV3 = bytes("""
        00 03                         # record type 3 = ConsumerGroupMetadataKey
        00 08 67 72 6f 75 70 2d 69 64 # GroupId "group-id"
        """)

    // MARK: OffsetCommitValue

    /// LegacyOffsetCommitValue v0 (the value of a type-0 key): offset 100, metadata "metadata", commitTimestamp 1234.
    public static let offsetCommitValueV0 = bytes("""
        00 00                         # version 0
        00 00 00 00 00 00 00 64       # offset: int64 100
        00 08 6d 65 74 61 64 61 74 61 # metadata: int16 length 8, "metadata"
        00 00 00 00 00 00 04 d2       # commitTimestamp: int64 1234
        """)

    /// OffsetCommitValue v1: v0's fields and expireTimestamp 5678 (v1 only).
    public static let offsetCommitValueV1 = bytes("""
        00 01                         # version 1
        00 00 00 00 00 00 00 64       # offset: int64 100
        00 08 6d 65 74 61 64 61 74 61 # metadata: "metadata"
        00 00 00 00 00 00 04 d2       # commitTimestamp: int64 1234
        00 00 00 00 00 00 16 2e       # expireTimestamp: int64 5678
        """)

    /// OffsetCommitValue v3: leaderEpoch 10 (v3+) after the offset; no expireTimestamp.
    public static let offsetCommitValueV3 = bytes("""
        00 03                         # version 3
        00 00 00 00 00 00 00 64       # offset: int64 100
        00 00 00 0a                   # leaderEpoch: int32 10
        00 08 6d 65 74 61 64 61 74 61 # metadata: int16 length 8, "metadata"
        00 00 00 00 00 00 04 d2       # commitTimestamp: int64 1234
        """)

    /// OffsetCommitValue v4, the first flexible version: compact metadata and tagged field 0, topicId
    /// MKXx1fIkQy2J9jXHhK8m1w (URL-safe base64 of the 16 bytes below).
    public static let offsetCommitValueV4 = bytes("""
        00 04                         # version 4 (flexible)
        00 00 00 00 00 00 00 64       # offset: int64 100
        00 00 00 0a                   # leaderEpoch: int32 10
        09 6d 65 74 61 64 61 74 61    # metadata: compact string, varint 8+1, "metadata"
        00 00 00 00 00 00 04 d2       # commitTimestamp: int64 1234
        01                            # tagged fields: 1
        00 10                         #   tag 0 (topicId), size 16
        30 a5 f1 d5 f2 24 43 2d 89 f6 35 c7 84 af 26 d7
        """)

    /// OffsetCommitValue v3 cut off in the middle of its metadata string (6 of its 8 bytes).
    public static let offsetCommitValueV3Truncated = Array(offsetCommitValueV3.prefix(2 + 8 + 4 + 2 + 6))

    // MARK: GroupMetadataValue

    /// GroupMetadataValue v3, one static member: protocolType "consumer", generation 1, protocol "range", leader
    /// "leader", currentStateTimestamp 1234; member "member-1", groupInstanceId "group-instance-1", clientId
    /// "client-1", clientHost "host-1", rebalanceTimeout 1000, sessionTimeout 1500, subscription 00 01, assignment
    /// 01 02.
    public static let groupMetadataValueV3 = bytes("""
        00 03                                       # version 3
        00 08 63 6f 6e 73 75 6d 65 72               # protocolType: "consumer"
        00 00 00 01                                 # generation: int32 1
        00 05 72 61 6e 67 65                        # protocol (nullable): "range"
        00 06 6c 65 61 64 65 72                     # leader (nullable): "leader"
        00 00 00 00 00 00 04 d2                     # currentStateTimestamp (v2+): int64 1234
        00 00 00 01                                 # members: int32 count 1
        00 08 6d 65 6d 62 65 72 2d 31               #   memberId "member-1"
        00 10 67 72 6f 75 70 2d 69 6e 73 74 61 6e 63 65 2d 31  # groupInstanceId (v3+): "group-instance-1"
        00 08 63 6c 69 65 6e 74 2d 31               #   clientId "client-1"
        00 06 68 6f 73 74 2d 31                     #   clientHost "host-1"
        00 00 03 e8                                 #   rebalanceTimeout (v1+): int32 1000
        00 00 05 dc                                 #   sessionTimeout: int32 1500
        00 00 00 02 00 01                           #   subscription: int32 length 2, 00 01
        00 00 00 02 01 02                           #   assignment: int32 length 2, 01 02
        """)

    /// The same group as GroupMetadataValue v4, the first flexible version.
    public static let groupMetadataValueV4 = bytes("""
        00 04                                       # version 4 (flexible)
        09 63 6f 6e 73 75 6d 65 72                  # protocolType: compact, varint 8+1
        00 00 00 01                                 # generation 1
        06 72 61 6e 67 65                           # protocol: varint 5+1, "range"
        07 6c 65 61 64 65 72                        # leader: varint 6+1, "leader"
        00 00 00 00 00 00 04 d2                     # currentStateTimestamp 1234
        02                                          # members: compact array, varint 1+1
        09 6d 65 6d 62 65 72 2d 31                  #   memberId "member-1"
        11 67 72 6f 75 70 2d 69 6e 73 74 61 6e 63 65 2d 31  # groupInstanceId: varint 16+1
        09 63 6c 69 65 6e 74 2d 31                  #   clientId "client-1"
        07 68 6f 73 74 2d 31                        #   clientHost "host-1"
        00 00 03 e8                                 #   rebalanceTimeout 1000
        00 00 05 dc                                 #   sessionTimeout 1500
        03 00 01                                    #   subscription: compact bytes, varint 2+1
        03 01 02                                    #   assignment: compact bytes, varint 2+1
        00                                          #   the member's tagged fields: none
        00                                          # the value's tagged fields: none
        """)

    /// GroupMetadataValue v4 of an empty group: null protocol and leader, no members.
    public static let groupMetadataValueV4Empty = bytes("""
        00 04                                       # version 4 (flexible)
        09 63 6f 6e 73 75 6d 65 72                  # protocolType "consumer"
        00 00 00 02                                 # generation 2
        00                                          # protocol: null (compact length 0)
        00                                          # leader: null
        00 00 01 8b cf e5 68 7b                     # currentStateTimestamp 1700000000123
        01                                          # members: compact array, varint 0+1
        00                                          # tagged fields: none
        """)

    // MARK: What Kafka prints

    /// OffsetsMessageFormatter's text for each offset record (Kafka prints no newline after it).
    public static let offsetsV1Text = #"{"key":{"type":1,"data":{"group":"group-id","topic":"foo","partition":1}},"value":{"version":1,"data":{"offset":100,"metadata":"metadata","commitTimestamp":1234,"expireTimestamp":5678}}}"#
    public static let offsetsV3Text = #"{"key":{"type":1,"data":{"group":"group-id","topic":"foo","partition":1}},"value":{"version":3,"data":{"offset":100,"leaderEpoch":10,"metadata":"metadata","commitTimestamp":1234}}}"#
    public static let offsetsV4Text = #"{"key":{"type":1,"data":{"group":"group-id","topic":"foo","partition":1}},"value":{"version":4,"data":{"offset":100,"leaderEpoch":10,"metadata":"metadata","commitTimestamp":1234,"topicId":"MKXx1fIkQy2J9jXHhK8m1w"}}}"#
    public static let offsetsLegacyText = #"{"key":{"type":0,"data":{"group":"group-id","topic":"foo","partition":1}},"value":{"version":0,"data":{"offset":100,"metadata":"metadata","commitTimestamp":1234}}}"#
    public static let offsetsTombstoneText = #"{"key":{"type":1,"data":{"group":"group-id","topic":"foo","partition":1}},"value":null}"#

    /// GroupMetadataMessageFormatter's text for each group record.
    public static let groupV3Text = #"{"key":{"type":2,"data":{"group":"group-id"}},"value":{"version":3,"data":{"protocolType":"consumer","generation":1,"protocol":"range","leader":"leader","currentStateTimestamp":1234,"members":[{"memberId":"member-1","groupInstanceId":"group-instance-1","clientId":"client-1","clientHost":"host-1","rebalanceTimeout":1000,"sessionTimeout":1500,"subscription":"AAE=","assignment":"AQI="}]}}}"#
    public static let groupV4Text = #"{"key":{"type":2,"data":{"group":"group-id"}},"value":{"version":4,"data":{"protocolType":"consumer","generation":1,"protocol":"range","leader":"leader","currentStateTimestamp":1234,"members":[{"memberId":"member-1","groupInstanceId":"group-instance-1","clientId":"client-1","clientHost":"host-1","rebalanceTimeout":1000,"sessionTimeout":1500,"subscription":"AAE=","assignment":"AQI="}]}}}"#
    public static let groupV4EmptyText = #"{"key":{"type":2,"data":{"group":"group-id"}},"value":{"version":4,"data":{"protocolType":"consumer","generation":2,"protocol":null,"leader":null,"currentStateTimestamp":1700000000123,"members":[]}}}"#
    public static let groupTombstoneText = #"{"key":{"type":2,"data":{"group":"group-id"}},"value":null}"#
}

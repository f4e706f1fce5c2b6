import AdminCore
import NIOCore

/// Kafka's formatters for `__consumer_offsets`, OffsetsMessageFormatter and GroupMetadataMessageFormatter, printing
/// what Kafka 4.1+'s CoordinatorRecordMessageFormatter prints (tools/src/main/java/org/apache/kafka/tools/consumer):
///
///     {"key":{"type":1,"data":{"group":"g","topic":"t","partition":0}},"value":{"version":3,"data":{"offset":5,"leaderEpoch":0,"metadata":"","commitTimestamp":1700000000000}}}
///
/// one compact JSON object per record, fields in schema order and only those the record's version has, as Kafka's
/// generated JSON converters write them (Jackson: `\uXXXX` in capitals for control characters, bytes as base64, a
/// topic id as Kafka's 22-character base64). A tombstone has `"value":null`. A record with a null key, a key type
/// the formatter does not print (the offsets formatter prints types 0 and 1, the group one type 2), or a type
/// Kafka does not know prints nothing. A record that cannot be decoded is an error (`Could not read record at
/// offset N due to: ...`), skipped with --skip-message-on-error.
///
/// Kafka prints nothing between records (no newline: the objects follow each other, which `jq` reads as a stream);
/// kafkactl does the same, and adds `line.separator` after each record when that property is given.
///
/// The old class names (`kafka.coordinator.group.GroupMetadataManager$OffsetsMessageFormatter` and
/// `...$GroupMetadataMessageFormatter`, Kafka 2.x/3.x, which printed `[group,topic,partition]::OffsetAndMetadata(...)`
/// text) are accepted too and print this 4.x layout. Kafka 4.0's formatters differed slightly: the offsets one read
/// a type-0 key's value as OffsetCommitValue of any version, an unknown value version printed `"data":"unknown"`
/// instead of failing, and OffsetCommitValue had no topicId.
struct CoordinatorRecordFormatter {
    enum Kind: Sendable, Equatable {
        case offsets, groupMetadata
    }

    var kind: Kind
    /// kafkactl's: printed after each record when the `line.separator` property is given (Kafka prints nothing).
    var lineSeparator: [UInt8] = []

    init(kind: Kind, properties: [String: String] = [:]) {
        self.kind = kind
        if let separator = properties["line.separator"] { lineSeparator = Array(separator.utf8) }
    }

    /// The formatter a `--formatter` class name means: Kafka 4.x's name, the 2.x/3.x name, or the bare class name.
    static func kind(forClassName name: String) -> Kind? {
        switch name {
        case "org.apache.kafka.tools.consumer.OffsetsMessageFormatter",
             "kafka.coordinator.group.GroupMetadataManager$OffsetsMessageFormatter",
             "OffsetsMessageFormatter":
            return .offsets
        case "org.apache.kafka.tools.consumer.GroupMetadataMessageFormatter",
             "kafka.coordinator.group.GroupMetadataManager$GroupMetadataMessageFormatter",
             "GroupMetadataMessageFormatter":
            return .groupMetadata
        default:
            return nil
        }
    }

    /// Appends the record's JSON (and `lineSeparator`) to `output`, or nothing for a record this formatter skips.
    func format(_ record: RecordView, into output: inout [UInt8]) throws {
        guard let key = record.key else { return }
        let decoded: OffsetsTopicRecord
        do {
            decoded = try OffsetsTopicRecord.decode(key: ByteBuffer(bytes: key), value: record.value.map { ByteBuffer(bytes: $0) })
        } catch {
            throw RecordFormatter.FormatError(message: "Could not read record at offset \(record.offset) due to: \(error.message)")
        }
        guard let json = json(for: decoded) else { return }
        output.append(contentsOf: json.utf8)
        output.append(contentsOf: lineSeparator)
    }

    /// What Kafka prints for a decoded record, or nil when this formatter prints nothing for it.
    func json(for record: OffsetsTopicRecord) -> String? {
        var out = JacksonText()
        switch (kind, record) {
        case (.offsets, .offsetCommit(let type, let key, let value)):
            out.raw("{\"key\":{\"type\":\(type),\"data\":{")
            out.field("group", string: key.group)
            out.field("topic", string: key.topic)
            out.field("partition", number: key.partition)
            out.raw("}},\"value\":")
            guard let value else { break }
            out.raw("{\"version\":\(value.version),\"data\":{")
            out.field("offset", number: value.offset)
            if value.version >= 3 { out.field("leaderEpoch", number: value.leaderEpoch) }
            out.field("metadata", string: value.metadata)
            out.field("commitTimestamp", number: value.commitTimestamp)
            if value.version == 1 { out.field("expireTimestamp", number: value.expireTimestamp) }
            // A tagged field appears only when it differs from its default (the zero id).
            if value.version >= 4, !value.topicId.isZero { out.field("topicId", string: value.topicId.description) }
            out.raw("}}}")
            return out.text
        case (.groupMetadata, .groupMetadata(let key, let value)):
            out.raw("{\"key\":{\"type\":2,\"data\":{")
            out.field("group", string: key.group)
            out.raw("}},\"value\":")
            guard let value else { break }
            out.raw("{\"version\":\(value.version),\"data\":{")
            out.field("protocolType", string: value.protocolType)
            out.field("generation", number: value.generation)
            out.field("protocol", string: value.protocol)
            out.field("leader", string: value.leader)
            if value.version >= 2 { out.field("currentStateTimestamp", number: value.currentStateTimestamp) }
            out.name("members")
            out.raw("[")
            for (index, member) in value.members.enumerated() {
                out.raw(index == 0 ? "{" : ",{")
                out.field("memberId", string: member.memberId)
                if value.version >= 3 { out.field("groupInstanceId", string: member.groupInstanceId) }
                out.field("clientId", string: member.clientId)
                out.field("clientHost", string: member.clientHost)
                if value.version >= 1 { out.field("rebalanceTimeout", number: member.rebalanceTimeout) }
                out.field("sessionTimeout", number: member.sessionTimeout)
                out.field("subscription", string: Base64.encode(member.subscription))
                out.field("assignment", string: Base64.encode(member.assignment))
                out.raw("}")
            }
            out.raw("]}}}")
            return out.text
        default:
            return nil
        }
        // A tombstone.
        out.raw("null}")
        return out.text
    }
}

/// Compact JSON as Jackson's `ObjectNode.toString()` writes it: `,` between an object's members (the writer
/// tracks it), strings with `\"`, `\\`, `\b`, `\t`, `\n`, `\f`, `\r` and `\u00XX` (capital hex) for the other
/// control characters, everything else (non-ASCII included) as is.
private struct JacksonText {
    private(set) var text = ""
    /// Whether the next member of the current object needs a comma first.
    private var afterMember = false

    mutating func raw(_ piece: String) {
        text += piece
        afterMember = false
    }

    mutating func name(_ name: String) {
        if afterMember { text += "," }
        text += "\"\(name)\":"
        afterMember = true
    }

    mutating func field(_ fieldName: String, string value: String?) {
        name(fieldName)
        guard let value else {
            text += "null"
            return
        }
        JSON.writeString(value, to: &text, asJackson: true)
    }

    mutating func field<T: BinaryInteger>(_ fieldName: String, number value: T) {
        name(fieldName)
        text += String(value)
    }
}

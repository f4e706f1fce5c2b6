import AdminCore

/// The formatter `console-consumer --formatter` names: Kafka's DefaultMessageFormatter, or one of the two that read
/// `__consumer_offsets` (OffsetsMessageFormatter, GroupMetadataMessageFormatter).
enum MessageFormatter {
    case standard(RecordFormatter)
    case coordinator(CoordinatorRecordFormatter)

    /// The class names kafkactl accepts, for messages and completion.
    static let classNames = [
        "org.apache.kafka.tools.consumer.DefaultMessageFormatter",
        "org.apache.kafka.tools.consumer.OffsetsMessageFormatter",
        "org.apache.kafka.tools.consumer.GroupMetadataMessageFormatter",
    ]

    /// Whether `--formatter` names a formatter kafkactl has: any name of DefaultMessageFormatter (Kafka 4.x's,
    /// 3.x's `kafka.tools.DefaultMessageFormatter`, the bare name) or of the two coordinator formatters.
    static func isKnown(_ className: String) -> Bool {
        className.hasSuffix("DefaultMessageFormatter") || CoordinatorRecordFormatter.kind(forClassName: className) != nil
    }

    init(className: String?, properties: [String: String]) throws {
        if let className, let kind = CoordinatorRecordFormatter.kind(forClassName: className) {
            self = .coordinator(CoordinatorRecordFormatter(kind: kind, properties: properties))
        } else {
            self = .standard(try RecordFormatter(properties: properties))
        }
    }

    /// Appends the record as the formatter prints it (possibly nothing); throws `RecordFormatter.FormatError` for a
    /// record it cannot render.
    func format(_ record: RecordView, partition: Int32, into output: inout [UInt8]) throws {
        switch self {
        case .standard(let formatter): try formatter.format(record, partition: partition, into: &output)
        case .coordinator(let formatter): try formatter.format(record, into: &output)
        }
    }
}

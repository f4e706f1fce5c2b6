/// Kafka's rules for topic names (`org.apache.kafka.common.internals.Topic.validate`), checked before anything
/// is sent so a bad name gets a precise message.
public enum TopicName {
    public static let maximumLength = 249

    /// Throws a usage error naming what is wrong with `name`.
    public static func validate(_ name: String) throws {
        if name.isEmpty { throw KafkactlError(.usage, "topic name is illegal, it can't be empty") }
        if name == "." || name == ".." {
            throw KafkactlError(.usage, "topic name cannot be \".\" or \"..\"")
        }
        if name.utf8.count > maximumLength {
            throw KafkactlError(.usage, "topic name is illegal, it can't be longer than \(maximumLength) characters, topic name: \(name)")
        }
        if let bad = name.unicodeScalars.first(where: { !isLegal($0) }) {
            throw KafkactlError(.usage, "topic name \(name) is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-' (found '\(bad)')")
        }
    }

    static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": return true
        default: return false
        }
    }

    /// Topics whose names differ only in '.' versus '_' collide in Kafka's metric names.
    public static func hasMetricCollisionRisk(_ name: String) -> Bool {
        name.contains(".") || name.contains("_")
    }

    /// Kafka's internal topics.
    public static func isInternal(_ name: String) -> Bool {
        name == "__consumer_offsets" || name == "__transaction_state" || name == "__share_group_state"
    }
}

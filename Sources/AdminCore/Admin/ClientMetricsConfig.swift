/// The configs of a client-metrics resource (KIP-714), checked before they are sent: a broker refuses the whole
/// change for one bad value, and says less about why than this can.
public enum ClientMetricsConfig {
    public static let names = ["interval.ms", "match", "metrics"]

    /// The client properties a `match` entry may select on (Kafka's ClientMetricsConfigs).
    public static let matchSelectors = ["client_id", "client_instance_id", "client_software_name",
                                        "client_software_version", "client_source_address", "client_source_port"]

    /// Broker limits for `interval.ms`: from 100 ms to one hour.
    public static let intervalRange = 100...3_600_000

    /// - Parameter value: nil to check only the name (a deletion).
    public static func validate(name: String, value: String?) throws {
        guard names.contains(name) else {
            throw KafkactlError(.usage, "Unknown client-metrics config name: \(name) (expected one of \(names.joined(separator: ", ")))")
        }
        guard let value else { return }
        switch name {
        case "interval.ms":
            guard let millis = Int(value), intervalRange.contains(millis) else {
                throw KafkactlError(.usage, "invalid value '\(value)' for client-metrics config interval.ms: expected an integer from \(intervalRange.lowerBound) to \(intervalRange.upperBound)")
            }
        case "match":
            // `selector=regex` entries separated by commas; empty matches every client.
            for entry in value.split(separator: ",").map({ String($0).trimmingCharacters(in: Character(" ")) }) where !entry.isEmpty {
                guard let equals = entry.firstIndex(of: "="), matchSelectors.contains(String(entry[..<equals])),
                      entry.index(after: equals) < entry.endIndex else {
                    throw KafkactlError(.usage, "invalid client-metrics match '\(entry)': expected SELECTOR=REGEX with SELECTOR one of \(matchSelectors.joined(separator: ", "))")
                }
            }
        default:
            // `metrics`: metric name prefixes, any text; empty subscribes to nothing, `*` to everything.
            return
        }
    }
}

import AdminCore
import Foundation

/// The API version ranges each Apache Kafka release's broker lists in ApiVersions, from the committed fact table
/// `Releases/kafka-api-versions.tsv` (derived from Kafka's source by scripts/derive-release-tables; its header says
/// how). The test cluster presents a release from it; tests check kafkactl's negotiation against every one.
public enum KafkaReleases {
    public struct Release: Sendable, Hashable {
        /// "2.1", "3.9", "3.9-kraft", "4.0", ...
        public var name: String
        public var table: ApiVersionTable
    }

    /// Every release in the table, oldest first.
    public static let all: [Release] = load()

    public static func named(_ name: String) -> Release? { all.first { $0.name == name } }

    private static func load() -> [Release] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Releases/kafka-api-versions.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var order: [String] = []
        var ranges: [String: [Int16: ClosedRange<Int16>]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("release\t") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 5, let key = Int16(fields[1]), let low = Int16(fields[3]), let high = Int16(fields[4]) else { continue }
            if ranges[fields[0]] == nil { order.append(fields[0]) }
            ranges[fields[0], default: [:]][key] = low...high
        }
        return order.map { Release(name: $0, table: ApiVersionTable(ranges: ranges[$0]!)) }
    }
}

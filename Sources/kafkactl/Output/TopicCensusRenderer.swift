import AdminCore

/// `topics --verify`'s output: one row per partition (kafka-consumer-groups.sh-style aligned columns) and a summary
/// line, or one JSON document. Digests are 16 lowercase hex digits; `-` (JSON null) where an empty partition has no
/// offsets or times.
struct TopicCensusRenderer {
    static let headers = ["PARTITION", "RECORDS", "TOMBSTONES", "FIRST-OFFSET", "LAST-OFFSET", "FIRST-TIMESTAMP", "LAST-TIMESTAMP", "DIGEST"]

    func lines(_ census: TopicCensus) -> [String] {
        let rows = census.partitions.map(Self.row)
        return Self.table(headers: Self.headers, rows: rows) + [
            "Topic: \(census.topic)\tPartitions: \(census.partitions.count)\tRecords: \(census.records)\tTombstones: \(census.partitions.reduce(0) { $0 + $1.tombstones })",
        ]
    }

    func json(_ census: TopicCensus) -> JSON {
        .object([
            ("topic", .string(census.topic)),
            ("records", .int(census.records)),
            ("partitions", .array(census.partitions.map(Self.json))),
        ])
    }

    static func row(_ census: PartitionCensus) -> [String] {
        [String(census.partition), String(census.records), String(census.tombstones), text(census.firstOffset),
         text(census.lastOffset), text(census.firstTimestamp), text(census.lastTimestamp), hex(census.digest.value)]
    }

    static func json(_ census: PartitionCensus) -> JSON {
        .object([
            ("partition", .int(census.partition)),
            ("records", .int(census.records)),
            ("tombstones", .int(census.tombstones)),
            ("firstOffset", census.firstOffset.map(JSON.int) ?? .null),
            ("lastOffset", census.lastOffset.map(JSON.int) ?? .null),
            ("firstTimestamp", census.firstTimestamp.map(JSON.int) ?? .null),
            ("lastTimestamp", census.lastTimestamp.map(JSON.int) ?? .null),
            ("digest", .string(hex(census.digest.value))),
        ])
    }

    /// Left-aligned columns each as wide as its widest cell, one space apart, the last unpadded.
    static func table(headers: [String], rows: [[String]]) -> [String] {
        let widths = headers.indices.map { column in
            column == headers.count - 1 ? nil : TableFormatter.width(rows.map { $0[column] }, header: headers[column], minimum: 0)
        }
        return ([headers] + rows).map { TableFormatter.line(Array(zip($0, widths))) }
    }

    static func hex(_ digest: UInt64) -> String {
        let digits = String(digest, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func text(_ number: Int64?) -> String { number.map(String.init) ?? "-" }
}

/// Kafka's tools print tables with `printf("%-Ns %-Ms ...")`: each column left-aligned to its width (never cut)
/// and followed by one space, the last column unpadded unless it has a width too.
enum TableFormatter {
    /// One line: each value padded to its width (nil: no padding), joined by single spaces.
    static func line(_ columns: [(String, Int?)]) -> String {
        columns.map { value, width in
            guard let width, value.count < width else { return value }
            return value + String(repeating: " ", count: width - value.count)
        }.joined(separator: " ")
    }

    /// Kafka's width for a column of identifiers: the widest value, at least `minimum`.
    static func width(_ values: [String], header: String, minimum: Int = 15) -> Int {
        max(minimum, values.map(\.count).max() ?? 0, header.count)
    }
}

/// Kafka's newer Java tools (ToolsUtils.prettyPrintTable: kafka-metadata-quorum.sh's replication view) print a
/// table as each cell padded to its column's width, every cell followed by a tab, the last one too.
enum ToolsTable {
    static func lines(headers: [String], rows: [[String]]) -> [String] {
        let widths = headers.indices.map { column in ([headers] + rows).map { $0[column].count }.max() ?? 0 }
        return ([headers] + rows).map { row in
            row.indices.map { column in
                row[column] + String(repeating: " ", count: widths[column] - row[column].count) + "\t"
            }.joined()
        }
    }
}

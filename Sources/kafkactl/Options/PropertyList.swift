/// Repeated `key=value` flags (`--config`, `--property`, `--producer-property`): split at the first `=`,
/// so values may contain `=`; no escapes, as Kafka's tools do.
enum PropertyList {
    /// Parses each entry; `invalid(entry)` builds the error for an entry without `=`.
    static func parse(_ entries: [String], invalid: (String) -> Error) throws -> [(key: String, value: String)] {
        try entries.map { entry in
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else { throw invalid(entry) }
            return (String(entry[..<equals]), String(entry[entry.index(after: equals)...]))
        }
    }
}

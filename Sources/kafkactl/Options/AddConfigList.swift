import AdminCore

/// `--add-config k1=v1,k2=[a,b],k3=`: commas inside brackets belong to the value, and the brackets are removed.
enum AddConfigList {
    static func parse(_ text: String) throws -> [(String, String)] {
        let invalid = KafkactlUsageError("Invalid entity config: all configs to be added must be in the format \"key=val\" or \"key=[val1,val2]\" to group values which contain commas.")
        var entries: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "[": depth += 1; current.append(character)
            case "]": depth -= 1; current.append(character)
            case "," where depth == 0: entries.append(current); current = ""
            default: current.append(character)
            }
            if depth < 0 { throw invalid }
        }
        guard depth == 0 else { throw invalid }
        entries.append(current)
        let pairs: [(String, String)] = try entries.filter { !$0.isEmpty }.map { entry in
            guard let equals = entry.firstIndex(of: "=") else { throw invalid }
            let key = String(entry[..<equals]).trimmingCharacters(in: " ")
            // Kafka trims both sides of the `=` (it splits at `\s*=\s*`).
            var value = String(entry[entry.index(after: equals)...]).trimmingCharacters(in: " ")
            if value.hasPrefix("[") && value.hasSuffix("]") { value = String(value.dropFirst().dropLast()) }
            guard !key.isEmpty else { throw invalid }
            return (key, value)
        }
        guard !pairs.isEmpty else { throw invalid }
        return pairs
    }
}

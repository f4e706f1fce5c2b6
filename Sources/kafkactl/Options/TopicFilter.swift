/// `--topic` as Kafka's tools read it for list, describe, alter and delete: trimmed, `,` meaning `|`, spaces
/// and surrounding quotes removed, and matched against the WHOLE topic name.
struct TopicFilter {
    let pattern: String
    private let regex: Regex<AnyRegexOutput>

    init(_ text: String) throws {
        var cleaned = text.trimmingCharacters(in: " ").replacingOccurrences(of: ",", with: "|")
            .replacingOccurrences(of: " ", with: "")
        while cleaned.first == "\"" || cleaned.first == "'" { cleaned.removeFirst() }
        while cleaned.last == "\"" || cleaned.last == "'" { cleaned.removeLast() }
        pattern = cleaned
        do {
            regex = try Regex(cleaned)
        } catch {
            throw KafkactlUsageError("\(text) is an invalid regex.")
        }
    }

    func matches(_ name: String) -> Bool {
        (try? regex.wholeMatch(in: name)) != nil
    }

    /// True when the pattern can only ever match itself, so it names one topic literally.
    var isLiteral: Bool {
        !pattern.contains { "\\^$.|?*+()[]{}".contains($0) }
    }
}

extension String {
    func trimmingCharacters(in character: Character) -> String {
        var view = Substring(self)
        while view.first == character { view = view.dropFirst() }
        while view.last == character { view = view.dropLast() }
        return String(view)
    }

    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// Splits a shell line into words as a POSIX shell would for the cases people type: white space separates,
/// single quotes are literal, double quotes allow `\"` and `\\`, a backslash outside quotes escapes one character.
enum ShellTokenizer {
    struct UnterminatedQuote: Error, CustomStringConvertible {
        var quote: Character
        var description: String { "unterminated \(quote) quote: close it or escape it with a backslash" }
    }

    /// The words of `line`; throws for an unterminated quote.
    static func words(_ line: String) throws -> [String] {
        let (words, open) = scan(line)
        if let open { throw UnterminatedQuote(quote: open) }
        return words
    }

    /// The words so far and whether the line ends inside a word (for completion), tolerating an open quote.
    static func partial(_ line: String) -> (words: [String], endsInWord: Bool) {
        let (words, open) = scan(line)
        let endsInWord = open != nil || (line.last.map { !$0.isWhitespace } ?? false)
        return (words, endsInWord)
    }

    private static func scan(_ line: String) -> ([String], Character?) {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                // Inside double quotes a backslash escapes only what POSIX lets it (`"orders\..*"` keeps its `\`).
                if quote == "\"", !"\"\\$`".contains(character) { current.append("\\") }
                current.append(character)
                escaped = false
                continue
            }
            switch (quote, character) {
            case (nil, "\\"), ("\"", "\\"):
                escaped = true
                inWord = true
            case (nil, "'"), (nil, "\""):
                quote = character
                inWord = true
            case ("'", "'"), ("\"", "\""):
                quote = nil
            case (nil, _) where character.isWhitespace:
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return (words, quote)
    }
}

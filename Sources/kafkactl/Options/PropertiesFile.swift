#if canImport(Glibc)
import Glibc
#endif

/// Java `.properties` files as Kafka's tools read them for `--command-config` and friends: `#`/`!` comments,
/// `=`, `:` or white space between key and value, backslash escapes and continued lines.
enum PropertiesFile {
    /// Reads and parses a file; a missing or unreadable file, or one that is not a properties file, is a usage
    /// error naming the flag.
    static func load(path: String, flag: String) throws -> [String: String] {
        guard let text = readFile(path) else {
            throw KafkactlUsageError("cannot read \(flag) file '\(path)': \(String(cString: strerror(errno)))")
        }
        do {
            try checkIsProperties(text)
        } catch let error as NotProperties {
            throw KafkactlUsageError("\(flag) file '\(path)' is not a properties file: \(error.reason); write one key=value per line, e.g. security.protocol=SASL_SSL")
        }
        return parse(text)
    }

    /// Why a text is not a properties file. Java's parser takes any text, so a JSON or binary file, given by
    /// mistake, would pass as a handful of nonsense keys and the command would run without its settings.
    struct NotProperties: Error {
        var reason: String
    }

    /// A file given for Kafka settings holds text, no JSON, and keys made of the characters every Kafka
    /// configuration name is made of (Java would also take `a\=b` as a key, which names no setting).
    static func checkIsProperties(_ text: String) throws {
        if text.contains("\u{FFFD}") || text.utf8.contains(0) { throw NotProperties(reason: "it holds binary data") }
        if let first = text.first(where: { !$0.isWhitespace }), first == "{" || first == "[" {
            throw NotProperties(reason: "it looks like JSON")
        }
        for (key, _, line) in entries(text) where key.isEmpty || !key.utf8.allSatisfy(isKeyByte) {
            let shown = key.count > 40 ? String(key.prefix(40)) + "..." : key
            throw NotProperties(reason: "line \(line) ('\(shown)') is not key=value")
        }
    }

    /// Java's reading of a properties text.
    static func parse(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value, _) in entries(text) { result[key] = value }
        return result
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x2E || byte == 0x5F || byte == 0x2D
    }

    /// Java's reading of the text: each logical line's key, value and first physical line number.
    private static func entries(_ text: String) -> [(String, String, Int)] {
        var entries: [(String, String, Int)] = []
        var number = 0
        var firstLine = 0
        var logical = ""
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { String($0) }[...]
        while let raw = lines.popFirst() {
            number += 1
            var line = Substring(raw)
            while line.first == " " || line.first == "\t" || line.first == "\u{0C}" { line = line.dropFirst() }
            if logical.isEmpty && (line.isEmpty || line.first == "#" || line.first == "!") { continue }
            if logical.isEmpty { firstLine = number }
            if endsWithContinuation(line) {
                logical += line.dropLast()
                continue
            }
            logical += line
            let (key, value) = split(logical)
            entries.append((unescape(key), unescape(value), firstLine))
            logical = ""
        }
        if !logical.isEmpty {
            let (key, value) = split(logical)
            entries.append((unescape(key), unescape(value), firstLine))
        }
        return entries
    }

    /// An odd number of trailing backslashes continues the line.
    private static func endsWithContinuation(_ line: Substring) -> Bool {
        line.reversed().prefix(while: { $0 == "\\" }).count % 2 == 1
    }

    private static func split(_ line: String) -> (Substring, Substring) {
        var index = line.startIndex
        var escaped = false
        while index < line.endIndex {
            let character = line[index]
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "=" || character == ":" || character == " " || character == "\t" {
                break
            }
            index = line.index(after: index)
        }
        let key = line[..<index]
        var rest = line[index...]
        while rest.first == " " || rest.first == "\t" { rest = rest.dropFirst() }
        if rest.first == "=" || rest.first == ":" { rest = rest.dropFirst() }
        while rest.first == " " || rest.first == "\t" { rest = rest.dropFirst() }
        return (key, rest)
    }

    private static func unescape(_ text: Substring) -> String {
        guard text.contains("\\") else { return String(text) }
        var output = ""
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            guard character == "\\", let next = iterator.next() else {
                if character != "\\" { output.append(character) }
                continue
            }
            switch next {
            case "t": output.append("\t")
            case "n": output.append("\n")
            case "r": output.append("\r")
            case "f": output.append("\u{0C}")
            case "u":
                var hex = ""
                for _ in 0..<4 { if let digit = iterator.next() { hex.append(digit) } }
                if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) { output.unicodeScalars.append(scalar) }
            default: output.append(next)
            }
        }
        return output
    }

    static func readFile(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count {
                if ferror(file) != 0 { return nil }
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Java `.properties` files as Kafka's tools read them for `--command-config` and friends: `#`/`!` comments,
/// `=`, `:` or white space between key and value, backslash escapes and continued lines.
enum PropertiesFile {
    /// Reads and parses a file; a missing or unreadable file is a usage error naming the flag.
    static func load(path: String, flag: String) throws -> [String: String] {
        guard let text = readFile(path) else {
            throw KafkactlUsageError("cannot read \(flag) file '\(path)': \(String(cString: strerror(errno)))")
        }
        return parse(text)
    }

    static func parse(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var logical = ""
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { String($0) }[...]
        while let raw = lines.popFirst() {
            var line = Substring(raw)
            while line.first == " " || line.first == "\t" || line.first == "\u{0C}" { line = line.dropFirst() }
            if logical.isEmpty && (line.isEmpty || line.first == "#" || line.first == "!") { continue }
            if endsWithContinuation(line) {
                logical += line.dropLast()
                continue
            }
            logical += line
            let (key, value) = split(logical)
            result[unescape(key)] = unescape(value)
            logical = ""
        }
        if !logical.isEmpty {
            let (key, value) = split(logical)
            result[unescape(key)] = unescape(value)
        }
        return result
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

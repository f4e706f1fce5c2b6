/// Finds the value at a path (`order.id`, `items[0]`) in a record's JSON bytes without building the document: it
/// walks the bytes, skips every member and element off the path, and hands back where the value lies. A filter over
/// a million records a second cannot afford a tree of Strings per record (JSONParser's), nor an allocation.
/// Bytes that are not JSON, or a path that leads nowhere, give nil: the record simply does not match.
struct JSONPathScanner {
    /// A value found: its kind and its bytes (a string's without the quotes, still escaped).
    enum Found {
        case string(UnsafeRawBufferPointer, escaped: Bool)
        case number(UnsafeRawBufferPointer)
        case bool(Bool)
        case null
        /// An object or array, whole, as written.
        case composite(UnsafeRawBufferPointer)
    }

    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    static func find(_ path: [JSONPathStep], in bytes: UnsafeRawBufferPointer) -> Found? {
        var scanner = JSONPathScanner(bytes: bytes)
        return scanner.find(path[...])
    }

    private init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    private mutating func find(_ path: ArraySlice<JSONPathStep>) -> Found? {
        skipSpace()
        guard let step = path.first else { return valueHere() }
        switch step {
        case .member(let name):
            guard byte == UInt8(ascii: "{") else { return nil }
            index += 1
            skipSpace()
            if byte == UInt8(ascii: "}") { return nil }
            while true {
                skipSpace()
                guard byte == UInt8(ascii: "\""), let (key, escaped) = stringBody() else { return nil }
                skipSpace()
                guard byte == UInt8(ascii: ":") else { return nil }
                index += 1
                if Self.equals(key, escaped: escaped, name) { return find(path.dropFirst()) }
                guard skipValue() else { return nil }
                skipSpace()
                if byte == UInt8(ascii: ",") {
                    index += 1
                } else {
                    return nil  // "}" (not found) or not JSON
                }
            }
        case .index(let wanted):
            guard byte == UInt8(ascii: "[") else { return nil }
            index += 1
            skipSpace()
            if byte == UInt8(ascii: "]") { return nil }
            var position = 0
            while true {
                if position == wanted { return find(path.dropFirst()) }
                guard skipValue() else { return nil }
                skipSpace()
                guard byte == UInt8(ascii: ",") else { return nil }
                index += 1
                position += 1
            }
        }
    }

    /// The byte at the cursor, or 0 past the end (never valid JSON there).
    private var byte: UInt8 { index < bytes.count ? bytes[index] : 0 }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    /// The value at the cursor.
    private mutating func valueHere() -> Found? {
        let start = index
        switch byte {
        case UInt8(ascii: "\""):
            guard let (body, escaped) = stringBody() else { return nil }
            return .string(body, escaped: escaped)
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard skipValue() else { return nil }
            return .composite(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        default:
            guard skipNumber() else { return nil }
            return .number(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        }
    }

    /// Past a string at the cursor; its body (between the quotes) and whether it holds escapes.
    private mutating func stringBody() -> (UnsafeRawBufferPointer, Bool)? {
        index += 1
        let start = index
        var escaped = false
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                defer { index += 1 }
                return (UnsafeRawBufferPointer(rebasing: bytes[start..<index]), escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                index += 2
            default:
                index += 1
            }
        }
        return nil
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    private mutating func skipNumber() -> Bool {
        let start = index
        while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
        return index > start
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    /// Past one value of any kind; false when the bytes are not JSON there.
    private mutating func skipValue() -> Bool {
        skipSpace()
        switch byte {
        case UInt8(ascii: "\""): return stringBody() != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            // Nesting is counted, strings skipped whole (a brace inside a string is text).
            var depth = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard stringBody() != nil else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return true
                    }
                default: break
                }
                index += 1
            }
            return false
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return skipNumber()
        }
    }

    /// Whether a member name as written (maybe escaped) is `name`.
    private static func equals(_ key: UnsafeRawBufferPointer, escaped: Bool, _ name: String) -> Bool {
        if escaped { return unescape(key) == Array(name.utf8) }
        var name = name
        return name.withUTF8 { utf8 in utf8.count == key.count && (utf8.isEmpty || memcmp(utf8.baseAddress!, key.baseAddress!, utf8.count) == 0) }
    }

    /// A string body's bytes with its escapes resolved (rare: the common string has none and is compared as is).
    static func unescape(_ body: UnsafeRawBufferPointer) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var index = 0
        var pendingHigh: UInt32?
        while index < body.count {
            let byte = body[index]
            index += 1
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                continue
            }
            guard index < body.count else { return nil }
            let escape = body[index]
            index += 1
            switch escape {
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "u"):
                guard index + 4 <= body.count,
                    let code = UInt32(String(decoding: UnsafeRawBufferPointer(rebasing: body[index..<index + 4]), as: UTF8.self), radix: 16)
                else { return nil }
                index += 4
                var scalarValue = code
                if (0xD800..<0xDC00).contains(code) {
                    pendingHigh = code
                    continue
                }
                if (0xDC00..<0xE000).contains(code), let high = pendingHigh {
                    scalarValue = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                }
                pendingHigh = nil
                guard let scalar = Unicode.Scalar(scalarValue) else { return nil }
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: output.append(escape)
            }
        }
        return output
    }
}

#if canImport(Glibc)
import Glibc
#endif

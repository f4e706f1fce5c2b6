/// Base64 (RFC 4648) without Foundation, which AdminCore avoids to keep start-up fast.
public enum Base64 {
    private static let standard = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let urlSafe = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    public static func encode<Bytes: Collection>(_ bytes: Bytes, urlSafe: Bool = false, padding: Bool = true) -> String
    where Bytes.Element == UInt8 {
        let alphabet = urlSafe ? Self.urlSafe : Self.standard
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var iterator = bytes.makeIterator()
        while let first = iterator.next() {
            let second = iterator.next()
            let third = iterator.next()
            let chunk = UInt32(first) << 16 | UInt32(second ?? 0) << 8 | UInt32(third ?? 0)
            output.append(alphabet[Int(chunk >> 18 & 0x3f)])
            output.append(alphabet[Int(chunk >> 12 & 0x3f)])
            if second != nil { output.append(alphabet[Int(chunk >> 6 & 0x3f)]) } else if padding { output.append(UInt8(ascii: "=")) }
            if third != nil { output.append(alphabet[Int(chunk & 0x3f)]) } else if padding { output.append(UInt8(ascii: "=")) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes either alphabet's text, with or without padding; `nil` for anything else.
    public static func decode(_ text: String, urlSafe: Bool = false) -> [UInt8]? {
        var values: [UInt8] = []
        values.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): values.append(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): values.append(byte - UInt8(ascii: "a") + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): values.append(byte - UInt8(ascii: "0") + 52)
            case UInt8(ascii: "+") where !urlSafe, UInt8(ascii: "-") where urlSafe: values.append(62)
            case UInt8(ascii: "/") where !urlSafe, UInt8(ascii: "_") where urlSafe: values.append(63)
            case UInt8(ascii: "="): continue
            default: return nil
            }
        }
        if values.count % 4 == 1 { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(values.count * 3 / 4)
        var index = 0
        while index < values.count {
            let remaining = min(4, values.count - index)
            var chunk: UInt32 = 0
            for offset in 0..<4 { chunk = chunk << 6 | UInt32(offset < remaining ? values[index + offset] : 0) }
            output.append(UInt8(truncatingIfNeeded: chunk >> 16))
            if remaining > 2 { output.append(UInt8(truncatingIfNeeded: chunk >> 8)) }
            if remaining > 3 { output.append(UInt8(truncatingIfNeeded: chunk)) }
            index += 4
        }
        return output
    }
}

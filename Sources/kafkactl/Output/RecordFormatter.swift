import AdminCore
import NIOCore

/// Kafka's DefaultMessageFormatter: the `print.*` fields in Kafka's order (timestamp, partition, offset,
/// delivery, epoch, headers, key, value) joined by `key.separator`, each record ended by `line.separator`.
struct RecordFormatter {
    var printTimestamp = false
    var printPartition = false
    var printOffset = false
    var printEpoch = false
    var printDelivery = false
    var printHeaders = false
    var printKey = false
    var printValue = true
    var keySeparator: [UInt8] = Array("\t".utf8)
    var lineSeparator: [UInt8] = Array("\n".utf8)
    var headersSeparator: [UInt8] = Array(",".utf8)
    var nullLiteral: [UInt8] = Array("null".utf8)
    var keyDeserializer: Deserializer = .bytes
    var valueDeserializer: Deserializer = .bytes
    var headersDeserializer: Deserializer = .bytes
    /// `print.timestamp.format=iso` (kafkactl's): ISO-8601 instead of epoch milliseconds, in
    /// `print.timestamp.zone` (`UTC`, the default, or `local`).
    var isoTimestamps = false
    var localTime = false

    init(properties: [String: String]) throws {
        func flag(_ key: String, _ fallback: Bool) -> Bool {
            properties[key].map { $0.trimmingCharacters(in: " ").lowercased() == "true" } ?? fallback
        }
        printTimestamp = flag("print.timestamp", false)
        printPartition = flag("print.partition", false)
        printOffset = flag("print.offset", false)
        printEpoch = flag("print.epoch", false)
        printDelivery = flag("print.delivery", false)
        printHeaders = flag("print.headers", false)
        printKey = flag("print.key", false)
        printValue = flag("print.value", true)
        if let value = properties["key.separator"] { keySeparator = Array(value.utf8) }
        if let value = properties["line.separator"] { lineSeparator = Array(value.utf8) }
        if let value = properties["headers.separator"] { headersSeparator = Array(value.utf8) }
        if let value = properties["null.literal"] { nullLiteral = Array(value.utf8) }
        if let name = properties["key.deserializer"] { keyDeserializer = try Deserializer(className: name) }
        if let name = properties["value.deserializer"] { valueDeserializer = try Deserializer(className: name) }
        if let name = properties["headers.deserializer"] { headersDeserializer = try Deserializer(className: name) }
        switch properties["print.timestamp.format"]?.lowercased() {
        case nil, "epoch", "ms": break
        case "iso", "iso8601", "iso-8601": isoTimestamps = true
        case let other?: throw KafkactlUsageError("print.timestamp.format must be epoch or iso, not '\(other)'")
        }
        switch properties["print.timestamp.zone"]?.lowercased() {
        case nil, "utc", "z": break
        case "local": localTime = true
        case let other?: throw KafkactlUsageError("print.timestamp.zone must be UTC or local, not '\(other)'")
        }
    }

    /// A record the formatter cannot render (a deserializer refused its bytes).
    struct FormatError: Error {
        var message: String
    }

    /// Appends one formatted record to `output`.
    func format(_ record: Record, partition: Int32, into output: inout [UInt8]) throws {
        try RecordView.withView(of: record) { try format($0, partition: partition, into: &output) }
    }

    /// Appends one formatted record to `output`, reading its bytes in place.
    func format(_ record: RecordView, partition: Int32, into output: inout [UInt8]) throws {
        var first = true
        func separate() {
            if !first { output.append(contentsOf: keySeparator) }
            first = false
        }
        if printTimestamp {
            separate()
            if record.timestamp < 0 {
                output.append(contentsOf: "NO_TIMESTAMP".utf8)
            } else {
                output.append(contentsOf: (record.isLogAppendTime ? "LogAppendTime:" : "CreateTime:").utf8)
                if isoTimestamps {
                    output.append(contentsOf: TimestampText.iso8601(record.timestamp, local: localTime).utf8)
                } else {
                    Self.appendDecimal(record.timestamp, to: &output)
                }
            }
        }
        if printPartition {
            separate()
            output.append(contentsOf: "Partition:".utf8)
            Self.appendDecimal(Int64(partition), to: &output)
        }
        if printOffset {
            separate()
            output.append(contentsOf: "Offset:".utf8)
            Self.appendDecimal(record.offset, to: &output)
        }
        if printDelivery { separate(); output.append(contentsOf: "Delivery:NOT_PRESENT".utf8) }
        if printEpoch { separate(); output.append(contentsOf: "Epoch:NOT_PRESENT".utf8) }
        if printHeaders {
            separate()
            if record.headerCount == 0 {
                output.append(contentsOf: "NO_HEADERS".utf8)
            } else {
                var index = 0
                try record.forEachHeader { key, value in
                    if index > 0 { output.append(contentsOf: headersSeparator) }
                    index += 1
                    output.append(contentsOf: key)
                    output.append(UInt8(ascii: ":"))
                    try append(value, with: headersDeserializer, what: "header \(String(decoding: key, as: UTF8.self))", into: &output)
                }
            }
        }
        if printKey { separate(); try append(record.key, with: keyDeserializer, what: "key", into: &output) }
        if printValue { separate(); try append(record.value, with: valueDeserializer, what: "value", into: &output) }
        output.append(contentsOf: lineSeparator)
    }

    /// A decimal integer without going through String (the offset and timestamp of every record).
    private static func appendDecimal(_ value: Int64, to output: inout [UInt8]) {
        if value < 0 {
            output.append(contentsOf: String(value).utf8)
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits; Int64.max has 19
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = UInt64(value)
            var index = buffer.count
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[index...]))
        }
    }

    private func append(
        _ bytes: UnsafeRawBufferPointer?, with deserializer: Deserializer, what: @autoclosure () -> String,
        into output: inout [UInt8]
    ) throws {
        guard let bytes else {
            // Kafka passes the null literal's bytes through the deserializer; for text that is the literal itself.
            output.append(contentsOf: nullLiteral)
            return
        }
        if deserializer == .bytes {
            output.append(contentsOf: bytes)
            return
        }
        do {
            output.append(contentsOf: try deserializer.render(ByteBuffer(bytes: bytes)).utf8)
        } catch let error as Deserializer.Failure {
            throw FormatError(message: "cannot deserialize the \(what()): \(error.message)")
        }
    }
}

/// The Java deserializers console-consumer users name in scripts, rendered as Java's `toString` would.
enum Deserializer: Equatable {
    case bytes, long, integer, short, double, float, uuid

    struct Failure: Error {
        var message: String
    }

    init(className: String) throws {
        let short = className.split(separator: ".").last.map(String.init) ?? className
        switch short {
        case "StringDeserializer", "ByteArrayDeserializer", "BytesDeserializer", "ByteBufferDeserializer": self = .bytes
        case "LongDeserializer": self = .long
        case "IntegerDeserializer": self = .integer
        case "ShortDeserializer": self = .short
        case "DoubleDeserializer": self = .double
        case "FloatDeserializer": self = .float
        case "UUIDDeserializer": self = .uuid
        default:
            throw KafkactlUsageError("unsupported deserializer '\(className)': use one of StringDeserializer, ByteArrayDeserializer, LongDeserializer, IntegerDeserializer, ShortDeserializer, DoubleDeserializer, FloatDeserializer, UUIDDeserializer")
        }
    }

    func render(_ bytes: ByteBuffer) throws -> String {
        func fixed<T: FixedWidthInteger>(_ type: T.Type, _ name: String) throws -> T {
            guard bytes.readableBytes == MemoryLayout<T>.size, let value = bytes.getInteger(at: bytes.readerIndex, as: T.self) else {
                throw Failure(message: "Size of data received by \(name) is not \(MemoryLayout<T>.size)")
            }
            return value
        }
        switch self {
        case .bytes: return String(buffer: bytes)
        case .long: return String(try fixed(Int64.self, "LongDeserializer"))
        case .integer: return String(try fixed(Int32.self, "IntegerDeserializer"))
        case .short: return String(try fixed(Int16.self, "ShortDeserializer"))
        // Kafka's Double and Float deserializers name themselves just "Deserializer" in their size errors.
        case .double: return javaDecimal(Double(bitPattern: try fixed(UInt64.self, "Deserializer")).description)
        case .float: return javaDecimal(Float(bitPattern: try fixed(UInt32.self, "Deserializer")).description)
        case .uuid:
            let text = String(buffer: bytes)
            let hex = text.split(separator: "-")
            guard hex.map(\.count) == [8, 4, 4, 4, 12], text.allSatisfy({ $0 == "-" || $0.isHexDigit }) else {
                throw Failure(message: "Error parsing data into UUID")
            }
            return text.lowercased()
        }
    }

    /// Java's Double.toString / Float.toString from Swift's shortest round-trip `description` of the same value:
    /// plain notation with at least one fractional digit for 10^-3 <= |x| < 10^7 (`1.0`, `0.001`), otherwise
    /// `d.dddE<n>` (`1.0E7`, `1.0E-4`).
    private func javaDecimal(_ description: String) -> String {
        switch description {
        case "nan", "-nan": return "NaN"
        case "inf": return "Infinity"
        case "-inf": return "-Infinity"
        default: break
        }
        var text = Substring(description)
        let negative = text.first == "-"
        if negative { text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(String(text[text.index(after: e)...].filter { $0 != "+" })) ?? 0
            text = text[..<e]
        }
        let point = text.firstIndex(of: ".") ?? text.endIndex
        var digits = Array(text[..<point]) + Array(text[point...].dropFirst())
        // The value is 0.d1d2d3... x 10^scale.
        var scale = text.distance(from: text.startIndex, to: point) + exponent
        while digits.first == "0" {
            digits.removeFirst()
            scale -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        let sign = negative ? "-" : ""
        if digits.isEmpty { return sign + "0.0" }
        if (-2...7).contains(scale) {
            if scale <= 0 { return sign + "0." + String(repeating: "0", count: -scale) + String(digits) }
            let whole = digits.count > scale ? String(digits[..<scale]) : String(digits) + String(repeating: "0", count: scale - digits.count)
            let fraction = digits.count > scale ? String(digits[scale...]) : "0"
            return sign + whole + "." + fraction
        }
        let fraction = digits.count > 1 ? String(digits[1...]) : "0"
        return sign + String(digits[0]) + "." + fraction + "E" + String(scale - 1)
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Milliseconds since the epoch as ISO-8601 with milliseconds: `2026-11-23T22:17:35.123Z`, or with the local
/// offset (`+01:00`).
enum TimestampText {
    static func iso8601(_ millis: Int64, local: Bool) -> String {
        var seconds = time_t(millis >= 0 ? millis / 1000 : (millis - 999) / 1000)
        let fraction = Int((millis % 1000 + 1000) % 1000)
        var parts = tm()
        if local { localtime_r(&seconds, &parts) } else { gmtime_r(&seconds, &parts) }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let milli = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        var text = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(milli)"
        if !local || parts.tm_gmtoff == 0 {
            text += "Z"
        } else {
            let offset = Int32(parts.tm_gmtoff / 60)
            text += (offset < 0 ? "-" : "+") + two(abs(offset) / 60) + ":" + two(abs(offset) % 60)
        }
        return text
    }
}

import AdminCore
import NIOCore

/// Reads the record envelope `console-consumer --output json` writes (see RecordJSON), one object per line, so
/// `console-consumer ... --output json | console-producer ... --input-format json` copies records exactly: keys,
/// values and header values as UTF-8 strings, `{"base64": ...}` or null; headers in order with duplicates; the
/// timestamp; and the partition unless `--partition` pins one. `topic` and `offset` are ignored.
struct JSONRecordParser: RecordParsing {
    func record(line: ByteBuffer, number: Int, partition: Int32?) throws -> ProducerRecord {
        let document: JSON
        do {
            document = try JSONParser.parse(String(buffer: line))
        } catch {
            throw RecordParseError(message: "line \(number) is not JSON: \(error)")
        }
        guard case .object = document else { throw RecordParseError(message: "line \(number) is not a JSON object") }
        func bytes(_ value: JSON?, _ what: String) throws -> ByteBuffer? {
            switch value {
            case nil, .null?: return nil
            case .string(let text)?: return ByteBuffer(string: text)
            case let object? where object["base64"] != nil:
                guard case .string(let encoded)? = object["base64"], let decoded = Base64.decode(encoded) else {
                    throw RecordParseError(message: "line \(number): \(what) has invalid base64")
                }
                return ByteBuffer(bytes: decoded)
            default:
                throw RecordParseError(message: "line \(number): \(what) must be a string, {\"base64\": ...} or null")
            }
        }
        var headers: [RecordHeader] = []
        switch document["headers"] {
        case nil, .null?: break
        case .array(let items)?:
            for item in items {
                guard case .string(let key)? = item["key"] else {
                    throw RecordParseError(message: "line \(number): every header needs a string \"key\"")
                }
                headers.append(RecordHeader(key: key, value: try bytes(item["value"], "header \(key)")))
            }
        default: throw RecordParseError(message: "line \(number): \"headers\" must be an array")
        }
        var timestamp: Int64?
        if case .integer(let value)? = document["timestamp"], value >= 0 { timestamp = value }
        var target = partition
        if target == nil, case .integer(let value)? = document["partition"] {
            guard let index = Int32(exactly: value), index >= 0 else {
                throw RecordParseError(message: "line \(number): partition \(value) is not valid")
            }
            target = index
        }
        return ProducerRecord(key: try bytes(document["key"], "key"), value: try bytes(document["value"], "value"),
                              headers: headers, timestamp: timestamp, partition: target, source: number)
    }
}

/// Turns one input line into a record.
protocol RecordParsing: Sendable {
    func record(line: ByteBuffer, number: Int, partition: Int32?) throws -> ProducerRecord
}

/// An input line that is not a record; names the line.
struct RecordParseError: Error {
    var message: String
}

import AdminCore
import NIOCore

/// The JSON envelope of one record, shared by `console-consumer --output json` and (later) the producer's JSON
/// input: `{"topic","partition","offset","timestamp","timestampType","key","value","headers":[{"key","value"}]}`.
/// Bytes are a JSON string when they are valid UTF-8, `{"base64": "..."}` otherwise, and `null` when null, so
/// null, empty and binary stay distinct and a record survives the round trip byte for byte.
enum RecordJSON {
    static func json(_ record: Record, topic: String, partition: Int32) -> JSON {
        .object([
            ("topic", .string(topic)),
            ("partition", .int(partition)),
            ("offset", .int(record.offset)),
            ("timestamp", .int(record.timestamp)),
            ("timestampType", .string(record.isLogAppendTime ? "LogAppendTime" : "CreateTime")),
            ("key", bytes(record.key)),
            ("value", bytes(record.value)),
            ("headers", .array(record.headers.map { .object([("key", .string($0.key)), ("value", bytes($0.value))]) })),
        ])
    }

    static func bytes(_ buffer: ByteBuffer?) -> JSON {
        guard let buffer else { return .null }
        let view = buffer.readableBytesView
        if let text = String(validating: view, as: UTF8.self) { return .string(text) }
        return .object([("base64", .string(Base64.encode(view)))])
    }
}

import NIOCore

/// One header of a record: a UTF-8 key and a value that may be null. Order and duplicates matter.
public struct RecordHeader: Hashable, Sendable {
    public var key: String
    public var value: ByteBuffer?

    public init(key: String, value: ByteBuffer?) {
        self.key = key
        self.value = value
    }
}

/// A record as stored in a partition. `key` and `value` are nil for null (a null value is a tombstone),
/// which is different from empty.
public struct Record: Hashable, Sendable {
    public var offset: Int64
    /// Milliseconds since the epoch (CreateTime, or LogAppendTime when the batch says so).
    public var timestamp: Int64
    public var key: ByteBuffer?
    public var value: ByteBuffer?
    public var headers: [RecordHeader]
    /// Whether `timestamp` is the producer's (CreateTime) or the broker's (LogAppendTime).
    public var isLogAppendTime: Bool

    public init(offset: Int64 = 0, timestamp: Int64, key: ByteBuffer?, value: ByteBuffer?, headers: [RecordHeader] = [],
                isLogAppendTime: Bool = false) {
        self.offset = offset
        self.timestamp = timestamp
        self.key = key
        self.value = value
        self.headers = headers
        self.isLogAppendTime = isLogAppendTime
    }
}

/// Kafka's compression codecs, numbered as in the batch attributes.
public enum CompressionCodec: Int16, Sendable, CaseIterable, CustomStringConvertible {
    case none = 0, gzip = 1, snappy = 2, lz4 = 3, zstd = 4

    /// Parses Kafka's names (`compression.type`, `--compression-codec`).
    public init?(name: String) {
        switch name.lowercased() {
        case "none", "uncompressed": self = .none
        case "gzip": self = .gzip
        case "snappy": self = .snappy
        case "lz4": self = .lz4
        case "zstd": self = .zstd
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .none: return "none"
        case .gzip: return "gzip"
        case .snappy: return "snappy"
        case .lz4: return "lz4"
        case .zstd: return "zstd"
        }
    }
}

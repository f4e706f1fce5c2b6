/// A parsed `.schema` file: one Kafka API, its request and its response.
public struct MessageSchema: Sendable, Equatable {
    public var apiName: String
    public var apiKey: Int16
    public var versions: ClosedRange<Int16>
    /// First flexible version; nil when no version of this API is flexible.
    public var firstFlexibleVersion: Int16?
    public var route: String
    /// The comment lines at the top of the file, without the leading `#`.
    public var comments: [String]
    public var request: StructSchema
    public var response: StructSchema
    /// Where the schema came from, for messages and the generated header.
    public var sourceName: String
}

/// A struct in a message: the request or response body itself or a nested struct.
public struct StructSchema: Sendable, Equatable {
    public var name: String
    public var fields: [FieldSchema]
}

/// An inclusive version range; `upper` nil means "and every later version".
public struct VersionRange: Sendable, Equatable {
    public var lower: Int16
    public var upper: Int16?

    public static let all = VersionRange(lower: 0, upper: nil)

    public func contains(_ version: Int16) -> Bool {
        version >= lower && (upper.map { version <= $0 } ?? true)
    }

    /// True when the range covers every version in `versions`.
    public func covers(_ versions: ClosedRange<Int16>) -> Bool {
        lower <= versions.lowerBound && (upper.map { $0 >= versions.upperBound } ?? true)
    }

    /// True when no version in `versions` is inside the range.
    public func isDisjoint(with versions: ClosedRange<Int16>) -> Bool {
        lower > versions.upperBound || (upper.map { $0 < versions.lowerBound } ?? false)
    }
}

public indirect enum FieldType: Sendable, Equatable {
    case int8, int16, int32, int64, uint16, float64, bool, string, bytes, uuid, records
    case array(FieldType)
    /// A struct, by name; its definition is in `MessageSchema` (request or response) `structs`.
    case structure(String)

    static let primitiveNames: [String: FieldType] = [
        "int8": .int8, "int16": .int16, "int32": .int32, "int64": .int64, "uint16": .uint16,
        "float64": .float64, "bool": .bool, "string": .string, "bytes": .bytes, "uuid": .uuid, "records": .records,
    ]

    var isStructOrArrayOfStructs: Bool {
        switch self {
        case .structure: return true
        case .array(let element): return element.isStructOrArrayOfStructs
        default: return false
        }
    }
}

public struct FieldSchema: Sendable, Equatable {
    /// The schema's name, e.g. `NumPartitions`.
    public var name: String
    public var type: FieldType
    /// The versions in which the field exists on the wire.
    public var versions: VersionRange
    /// The versions in which it may be null; nil when never.
    public var nullableVersions: VersionRange?
    public var tag: UInt32?
    /// A Swift literal, as written after `=` (`null` is turned into `nil`).
    public var defaultValue: String?
    public var comment: String?
    /// Nested fields when the type is a struct or an array of structs defined here.
    public var children: [FieldSchema]?
    public var line: Int
    /// Left out, not refused, when set at a version that lacks it (Kafka's `"ignorable": true`).
    public var ignorable: Bool = false
}

/// A schema that cannot be turned into code, with the file and line to fix.
public struct SchemaError: Error, CustomStringConvertible, Equatable {
    public var source: String
    public var line: Int
    public var message: String

    public var description: String { "\(source):\(line): \(message)" }
}

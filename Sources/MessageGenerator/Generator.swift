/// Parses, validates and emits one schema: the single entry point used by `generate-messages` and by the
/// drift test, so both produce exactly the same text.
public struct MessageGenerator {
    public init() {}

    /// Returns the Swift source for a schema file's text.
    public func generate(schemaText: String, sourceName: String) throws -> String {
        let schema = try SchemaParser().parse(schemaText, sourceName: sourceName)
        try SchemaValidator().validate(schema)
        return SwiftEmitter().emit(schema)
    }

    /// The generated file name for a schema file name: `CreateTopics.schema` -> `CreateTopics.swift`.
    public static func outputName(forSchema name: String) -> String {
        (name.hasSuffix(".schema") ? String(name.dropLast(".schema".count)) : name) + ".swift"
    }
}

/// Checks what the parser cannot: that versions, tags, nullability and defaults make sense for the API,
/// so that a mistake in a schema stops generation instead of producing a codec that is wrong on the wire.
public struct SchemaValidator {
    public init() {}

    public func validate(_ schema: MessageSchema) throws {
        for body in [schema.request, schema.response] {
            var definitions: [String: [FieldSchema]] = [:]
            try collectDefinitions(body.fields, into: &definitions, schema: schema)
            try validate(fields: body.fields, structName: body.name, definitions: definitions, schema: schema)
        }
    }

    private func collectDefinitions(
        _ fields: [FieldSchema], into definitions: inout [String: [FieldSchema]], schema: MessageSchema
    ) throws {
        for field in fields {
            guard let children = field.children, let name = structName(of: field.type) else { continue }
            // A struct used by two fields (Kafka's commonStructs, e.g. Assignment and TargetAssignment) is written out
            // under each: the copies must agree in everything but where they stand in the file.
            if let existing = definitions[name], Self.withoutLines(existing) != Self.withoutLines(children) {
                throw error(schema, field, "struct `\(name)` is defined twice with different fields")
            }
            definitions[name] = children
            try collectDefinitions(children, into: &definitions, schema: schema)
        }
    }

    static func withoutLines(_ fields: [FieldSchema]) -> [FieldSchema] {
        fields.map { field in
            var copy = field
            copy.line = 0
            copy.children = field.children.map(withoutLines)
            return copy
        }
    }

    private func validate(
        fields: [FieldSchema], structName owner: String, definitions: [String: [FieldSchema]], schema: MessageSchema
    ) throws {
        var names: Set<String> = []
        var lastTag: UInt32?
        for field in fields {
            guard names.insert(field.name).inserted else { throw error(schema, field, "duplicate field `\(field.name)`") }
            if let upper = field.versions.upper, upper < field.versions.lower {
                throw error(schema, field, "version range is empty")
            }
            if field.versions.isDisjoint(with: schema.versions) {
                throw error(schema, field, "field `\(field.name)` exists in no version of \(schema.versions)")
            }
            if let nullable = field.nullableVersions {
                switch field.type {
                case .string, .bytes, .records, .array, .structure: break
                default: throw error(schema, field, "only strings, bytes, records, arrays and structs can be nullable")
                }
                if nullable.isDisjoint(with: schema.versions) {
                    throw error(schema, field, "field `\(field.name)` is nullable in no version of \(schema.versions)")
                }
            }
            if let name = structName(of: field.type), definitions[name] == nil {
                throw error(schema, field, "struct `\(name)` has no fields defined anywhere in this message")
            }
            if field.defaultValue != nil {
                switch field.type {
                case .array, .structure, .bytes, .records:
                    throw error(schema, field, "defaults are only for numbers, booleans and strings")
                default: break
                }
            }
            if let tag = field.tag {
                guard let flexible = schema.firstFlexibleVersion else {
                    throw error(schema, field, "a tagged field needs flexible versions")
                }
                if field.versions.lower < flexible {
                    throw error(schema, field, "tagged field starts at v\(field.versions.lower), before the first flexible version \(flexible)")
                }
                if let lastTag, tag <= lastTag {
                    throw error(schema, field, "tags must be unique and rising within a struct (\(tag) after \(lastTag))")
                }
                lastTag = tag
            }
            if let children = field.children {
                try validate(fields: children, structName: field.name, definitions: definitions, schema: schema)
            }
        }
    }

    private func structName(of type: FieldType) -> String? {
        switch type {
        case .structure(let name): return name
        case .array(let element): return structName(of: element)
        default: return nil
        }
    }

    private func error(_ schema: MessageSchema, _ field: FieldSchema, _ message: String) -> SchemaError {
        SchemaError(source: schema.sourceName, line: field.line, message: message)
    }
}

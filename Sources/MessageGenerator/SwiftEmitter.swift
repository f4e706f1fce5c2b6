/// Turns a validated `MessageSchema` into straight-line Swift: one struct per request and response, nested
/// structs flat inside them, and an `encode(into:version:)` / `init(from:version:)` pair for each.
public struct SwiftEmitter {
    public init() {}

    public func emit(_ schema: MessageSchema) -> String {
        let out = CodeWriter()
        out.line("// Generated from Schemas/\(schema.sourceName) by generate-messages. Do not edit.")
        for comment in schema.comments { out.line("//" + (comment.isEmpty ? "" : " " + comment)) }
        out.line("")
        out.line("import NIOCore")
        for side in [Side.request, .response] {
            out.line("")
            emitMessage(schema, side: side, into: out)
        }
        return out.text
    }

    enum Side { case request, response }

    private func emitMessage(_ schema: MessageSchema, side: Side, into out: CodeWriter) {
        let body = side == .request ? schema.request : schema.response
        let context = Context(schema: schema)
        let conformance = side == .request ? SchemaParser.routeMarkers[schema.route] ?? "KafkaRequest" : "KafkaResponse"
        out.line("/// \(schema.apiName) \(side == .request ? "request" : "response") (API key \(schema.apiKey)), versions \(schema.versions.lowerBound)-\(schema.versions.upperBound).")
        out.line("public struct \(body.name): \(conformance) {")
        out.indent {
            if side == .request {
                out.line("public typealias Response = \(schema.response.name)")
                out.line("public static let apiKey = ApiKey(rawValue: \(schema.apiKey))")
                out.line("public static let versions: ClosedRange<Int16> = \(schema.versions.lowerBound)...\(schema.versions.upperBound)")
                out.line("public static let firstFlexibleVersion: Int16? = \(schema.firstFlexibleVersion.map(String.init) ?? "nil")")
                out.line("")
            }
            for nested in nestedStructs(of: body.fields) {
                out.line("public struct \(nested.name): Hashable, Sendable {")
                out.indent { emitMembers(nested, context: context, into: out) }
                out.line("}")
                out.line("")
            }
            emitMembers(body, context: context, into: out)
        }
        out.line("}")
    }

    /// Every struct defined under `fields`, depth first, each once.
    private func nestedStructs(of fields: [FieldSchema]) -> [StructSchema] {
        var result: [StructSchema] = []
        var seen: Set<String> = []
        func walk(_ fields: [FieldSchema]) {
            for field in fields {
                guard let children = field.children, let name = structName(of: field.type) else { continue }
                if seen.insert(name).inserted { result.append(StructSchema(name: name, fields: children)) }
                walk(children)
            }
        }
        walk(fields)
        return result
    }

    private struct Context {
        var schema: MessageSchema
        var hasFlexible: Bool { schema.firstFlexibleVersion != nil }

        var flexibleExpression: String {
            guard let first = schema.firstFlexibleVersion else { return "false" }
            return first <= schema.versions.lowerBound ? "true" : "version >= \(first)"
        }

        /// The condition under which a range applies, or nil when it covers every supported version.
        func condition(_ range: VersionRange) -> String? {
            if range.covers(schema.versions) { return nil }
            var parts: [String] = []
            if range.lower > schema.versions.lowerBound { parts.append("version >= \(range.lower)") }
            if let upper = range.upper, upper < schema.versions.upperBound { parts.append("version <= \(upper)") }
            return parts.joined(separator: " && ")
        }
    }

    // MARK: Members

    private func emitMembers(_ body: StructSchema, context: Context, into out: CodeWriter) {
        let fields = body.fields
        for field in fields {
            var notes: [String] = []
            if let comment = field.comment, !comment.isEmpty { notes.append(comment) }
            var facts: [String] = []
            if !field.versions.covers(context.schema.versions) { facts.append("versions \(describe(field.versions))") }
            if let nullable = field.nullableVersions {
                facts.append(nullable == .all ? "nullable" : "nullable \(describe(nullable))")
            }
            if let tag = field.tag { facts.append("tag \(tag)") }
            let doc = ([field.name + (facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))")] + notes)
                .joined(separator: ": ")
            out.line("/// \(doc)")
            out.line("public var \(propertyName(field.name)): \(swiftType(field))")
        }
        if context.hasFlexible {
            out.line("/// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.")
            out.line("public var unknownTaggedFields: [TaggedField]")
        }
        out.line("")

        // Memberwise initializer with every parameter defaulted.
        var parameters = fields.map { "\(propertyName($0.name)): \(swiftType($0)) = \(defaultExpression($0))" }
        if context.hasFlexible { parameters.append("unknownTaggedFields: [TaggedField] = []") }
        if parameters.isEmpty {
            out.line("public init() {}")
        } else {
            out.line("public init(")
            out.indent {
                for (index, parameter) in parameters.enumerated() {
                    out.line(parameter + (index == parameters.count - 1 ? "" : ","))
                }
            }
            out.line(") {")
            out.indent {
                for field in fields { out.line("self.\(propertyName(field.name)) = \(propertyName(field.name))") }
                if context.hasFlexible { out.line("self.unknownTaggedFields = unknownTaggedFields") }
            }
            out.line("}")
        }
        out.line("")
        emitEncode(body, context: context, into: out)
        out.line("")
        emitDecode(body, context: context, into: out)
    }

    private func emitEncode(_ body: StructSchema, context: Context, into out: CodeWriter) {
        out.line("public func encode(into buffer: inout ByteBuffer, version: Int16) throws {")
        out.indent {
            if usesFlexible(body, context: context) { out.line("let flexible = \(context.flexibleExpression)") }
            for field in body.fields where field.tag == nil {
                let property = "self." + propertyName(field.name)
                let path = "\(body.name).\(field.name)"
                let write = writeStatements(field.type, value: property, nullable: field.nullableVersions != nil,
                                            buffer: "buffer")
                let nullCheck = nullCheckStatements(field, property: property, path: path, context: context)
                if let condition = context.condition(field.versions) {
                    out.line("if \(condition) {")
                    out.indent {
                        nullCheck.forEach { out.line($0) }
                        write.forEach { out.line($0) }
                    }
                    if field.ignorable {
                        // Only adds information: left out where the version lacks it (Kafka's ignorable).
                        out.line("}")
                    } else {
                        out.line("} else if \(property) != \(defaultExpression(field)) {")
                        out.indent { out.line("throw WireError(.unsupportedInVersion(version), field: \"\(path)\")") }
                        out.line("}")
                    }
                } else {
                    nullCheck.forEach { out.line($0) }
                    write.forEach { out.line($0) }
                }
            }
            if context.hasFlexible {
                let tagged = body.fields.filter { $0.tag != nil }
                out.line("if flexible {")
                out.indent {
                    if tagged.isEmpty {
                        out.line("buffer.writeTaggedFields(unknownTaggedFields)")
                    } else {
                        out.line("var taggedFields = TaggedFieldWriter()")
                        for field in tagged {
                            let property = "self." + propertyName(field.name)
                            var conditions = [context.condition(field.versions)].compactMap { $0 }
                            conditions.append("\(property) != \(defaultExpression(field))")
                            let write = writeStatements(field.type, value: property,
                                                        nullable: field.nullableVersions != nil, buffer: "buffer")
                            let tryKeyword = write.contains { $0.contains("try ") } ? "try " : ""
                            out.line("if \(conditions.joined(separator: ", ")) {")
                            out.indent {
                                out.line("\(tryKeyword)taggedFields.add(tag: \(field.tag!)) { buffer in")
                                out.indent { write.forEach { out.line($0) } }
                                out.line("}")
                            }
                            out.line("}")
                        }
                        out.line("taggedFields.add(unknownTaggedFields)")
                        out.line("taggedFields.write(into: &buffer)")
                    }
                }
                out.line("}")
            }
        }
        out.line("}")
    }

    private func emitDecode(_ body: StructSchema, context: Context, into out: CodeWriter) {
        out.line("public init(from buffer: inout ByteBuffer, version: Int16) throws {")
        out.indent {
            out.line("self.init()")
            if usesFlexible(body, context: context) { out.line("let flexible = \(context.flexibleExpression)") }
            for field in body.fields where field.tag == nil {
                let property = "self." + propertyName(field.name)
                let path = "\(body.name).\(field.name)"
                // Null where this version does not allow it is a bad frame, and one the encoder would refuse.
                let read = readStatements(field, target: property, buffer: "buffer", path: path, context: context)
                    + nullCheckStatements(field, property: property, path: path, context: context)
                if let condition = context.condition(field.versions) {
                    out.line("if \(condition) {")
                    out.indent { read.forEach { out.line($0) } }
                    out.line("}")
                } else {
                    read.forEach { out.line($0) }
                }
            }
            if context.hasFlexible {
                let tagged = body.fields.filter { $0.tag != nil }
                out.line("if flexible {")
                out.indent {
                    out.line("let taggedCount = try buffer.readTaggedFieldCount(field: \"\(body.name)\")")
                    out.line("for _ in 0..<taggedCount {")
                    out.indent {
                        if tagged.isEmpty {
                            out.line("self.unknownTaggedFields.append(try buffer.readTaggedField(field: \"\(body.name)\"))")
                        } else {
                            out.line("var tagged = try buffer.readTaggedField(field: \"\(body.name)\")")
                            out.line("switch tagged.tag {")
                            for field in tagged {
                                let condition = context.condition(field.versions).map { " where \($0)" } ?? ""
                                out.line("case \(field.tag!)\(condition):")
                                out.indent {
                                    readStatements(field, target: "self." + propertyName(field.name),
                                                   buffer: "tagged.value", path: "\(body.name).\(field.name)",
                                                   context: context)
                                        .forEach { out.line($0) }
                                }
                            }
                            out.line("default:")
                            out.indent { out.line("self.unknownTaggedFields.append(tagged)") }
                            out.line("}")
                        }
                    }
                    out.line("}")
                }
                out.line("}")
            }
        }
        out.line("}")
    }

    // MARK: Pieces of code

    /// Whether the code for `body` reads `flexible`: any length-prefixed field does, and so does the tagged
    /// section of an API with flexible versions.
    private func usesFlexible(_ body: StructSchema, context: Context) -> Bool {
        if context.hasFlexible { return true }
        return body.fields.contains { field in
            switch field.type {
            case .string, .bytes, .records, .array: return true
            default: return false
            }
        }
    }

    /// Rejects null in versions where the field exists but may not be null.
    private func nullCheckStatements(_ field: FieldSchema, property: String, path: String, context: Context) -> [String] {
        guard let nullable = field.nullableVersions, nullable != .all else { return [] }
        let allowed = context.condition(nullable) ?? "true"
        return ["if \(property) == nil && !(\(allowed)) { throw WireError.invalid(\"\(path)\", \"null is not allowed in this version\") }"]
    }

    private func writeStatements(_ type: FieldType, value: String, nullable: Bool, buffer: String) -> [String] {
        switch type {
        case .int8, .int16, .int32, .int64, .uint16: return ["\(buffer).writeInteger(\(value))"]
        case .float64: return ["\(buffer).writeKafkaFloat64(\(value))"]
        case .bool: return ["\(buffer).writeKafkaBool(\(value))"]
        case .uuid: return ["\(buffer).writeKafkaUUID(\(value))"]
        case .string:
            return ["\(buffer).writeKafka\(nullable ? "Nullable" : "")String(\(value), compact: flexible)"]
        case .bytes, .records:
            return ["\(buffer).writeKafka\(nullable ? "Nullable" : "")Bytes(\(value), compact: flexible)"]
        case .structure:
            // A nullable struct is preceded by a marker byte: -1 for null, 1 for present (Kafka's encoding).
            guard nullable else { return ["try \(value).encode(into: &\(buffer), version: version)"] }
            return ["if let item = \(value) {",
                    "    \(buffer).writeInteger(Int8(1))",
                    "    try item.encode(into: &\(buffer), version: version)",
                    "} else {",
                    "    \(buffer).writeInteger(Int8(-1))",
                    "}"]
        case .array(let element):
            let loop = ["for element in \(nullable ? "items" : value) {"]
                + writeStatements(element, value: "element", nullable: false, buffer: buffer).map { "    " + $0 }
                + ["}"]
            if nullable {
                return ["if let items = \(value) {",
                        "    \(buffer).writeKafkaArrayLength(items.count, compact: flexible)"]
                    + loop.map { "    " + $0 }
                    + ["} else {", "    \(buffer).writeKafkaArrayLength(nil, compact: flexible)", "}"]
            }
            return ["\(buffer).writeKafkaArrayLength(\(value).count, compact: flexible)"] + loop
        }
    }

    private func readStatements(_ field: FieldSchema, target: String, buffer: String, path: String, context: Context) -> [String] {
        let nullable = field.nullableVersions != nil
        guard case .array(let element) = field.type else {
            return ["\(target) = \(readExpression(field.type, nullable: nullable, buffer: buffer, path: path))"]
        }
        return [
            "if let count = try \(buffer).readKafkaArrayLength(compact: flexible\(minimumSizeArgument(element, children: field.children, context: context)), field: \"\(path)\") {",
            "    var items: [\(baseType(element))] = []",
            "    items.reserveCapacity(count)",
            "    for _ in 0..<count {",
            "        items.append(\(readExpression(element, nullable: false, buffer: buffer, path: path)))",
            "    }",
            "    \(target) = items",
            "} else {",
            nullable ? "    \(target) = nil" : "    throw WireError.invalid(\"\(path)\", \"null where an array is required\")",
            "}",
        ]
    }

    /// `, minimumElementSize: N` when an element takes more than one byte: the count is then checked against the
    /// bytes left before `reserveCapacity`, so a count that a frame cannot hold never reserves memory for it (a
    /// struct takes far more memory than its smallest encoding; a 1 MiB frame must not reserve 200 MiB).
    private func minimumSizeArgument(_ element: FieldType, children: [FieldSchema]?, context: Context) -> String {
        let classic = minimumEncodedSize(element, children: children, compact: false, context: context)
        let compact = minimumEncodedSize(element, children: children, compact: true, context: context)
        let size: String
        switch context.flexibleExpression {
        case "false": size = classic > 1 ? "\(classic)" : ""
        case "true": size = compact > 1 ? "\(compact)" : ""
        default: size = classic == compact ? (classic > 1 ? "\(classic)" : "") : "flexible ? \(compact) : \(classic)"
        }
        return size.isEmpty ? "" : ", minimumElementSize: \(size)"
    }

    /// The fewest bytes a value of `type` takes on the wire in every supported version: fields that some version
    /// lacks and tagged fields count for nothing, so the figure is a lower bound that no valid message breaks.
    private func minimumEncodedSize(_ type: FieldType, children: [FieldSchema]?, compact: Bool, context: Context) -> Int {
        switch type {
        case .int8, .bool: return 1
        case .int16, .uint16: return 2
        case .int32: return 4
        case .int64, .float64: return 8
        case .uuid: return 16
        case .string: return compact ? 1 : 2
        case .bytes, .records, .array: return compact ? 1 : 4
        case .structure:
            let always = (children ?? []).filter { $0.tag == nil && $0.versions.covers(context.schema.versions) }
            let fields = always.reduce(0) { total, child in
                // A nullable struct may be its marker byte alone.
                if case .structure = child.type, child.nullableVersions != nil { return total + 1 }
                return total + minimumEncodedSize(child.type, children: child.children, compact: compact, context: context)
            }
            return max(1, fields + (compact ? 1 : 0))  // compact means flexible: a tagged-field section follows
        }
    }

    private func readExpression(_ type: FieldType, nullable: Bool, buffer: String, path: String) -> String {
        let field = "field: \"\(path)\""
        switch type {
        case .int8, .int16, .int32, .int64, .uint16:
            return "try \(buffer).readKafkaInteger(as: \(baseType(type)).self, \(field))"
        case .float64: return "try \(buffer).readKafkaFloat64(\(field))"
        case .bool: return "try \(buffer).readKafkaBool(\(field))"
        case .uuid: return "try \(buffer).readKafkaUUID(\(field))"
        case .string: return "try \(buffer).readKafka\(nullable ? "Nullable" : "")String(compact: flexible, \(field))"
        case .bytes, .records:
            return "try \(buffer).readKafka\(nullable ? "Nullable" : "")Bytes(compact: flexible, \(field))"
        case .structure(let name):
            guard nullable else { return "try \(name)(from: &\(buffer), version: version)" }
            return "try \(buffer).readKafkaInteger(as: Int8.self, \(field)) < 0 ? nil : \(name)(from: &\(buffer), version: version)"
        case .array: fatalError("nested arrays are rejected by the validator")
        }
    }

    // MARK: Names and types

    private func baseType(_ type: FieldType) -> String {
        switch type {
        case .int8: return "Int8"
        case .int16: return "Int16"
        case .int32: return "Int32"
        case .int64: return "Int64"
        case .uint16: return "UInt16"
        case .float64: return "Double"
        case .bool: return "Bool"
        case .string: return "String"
        case .bytes, .records: return "ByteBuffer"
        case .uuid: return "KafkaUUID"
        case .array(let element): return "[\(baseType(element))]"
        case .structure(let name): return name
        }
    }

    private func swiftType(_ field: FieldSchema) -> String {
        baseType(field.type) + (field.nullableVersions != nil ? "?" : "")
    }

    private func defaultExpression(_ field: FieldSchema) -> String {
        if field.nullableVersions != nil { return field.defaultValue ?? "nil" }
        if let value = field.defaultValue { return value }
        switch field.type {
        case .int8, .int16, .int32, .int64, .uint16, .float64: return "0"
        case .bool: return "false"
        case .string: return "\"\""
        case .bytes, .records: return "ByteBuffer()"
        case .uuid: return ".zero"
        case .array: return "[]"
        case .structure(let name): return "\(name)()"
        }
    }

    private func structName(of type: FieldType) -> String? {
        switch type {
        case .structure(let name): return name
        case .array(let element): return structName(of: element)
        default: return nil
        }
    }

    private static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "func", "import", "init", "inout", "internal",
        "let", "operator", "private", "protocol", "public", "static", "struct", "subscript", "typealias", "var",
        "break", "case", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in",
        "repeat", "return", "switch", "where", "while", "as", "is", "nil", "self", "super", "throw", "throws",
        "true", "false", "try", "Type",
    ]

    /// `NumPartitions` -> `numPartitions`; a leading acronym is lowered whole (`ISRNodes` -> `isrNodes`).
    func propertyName(_ schemaName: String) -> String {
        let characters = Array(schemaName)
        var leadingUpper = characters.prefix(while: { $0.isUppercase }).count
        if leadingUpper > 1 && leadingUpper < characters.count { leadingUpper -= 1 }
        let name = String(characters.prefix(max(leadingUpper, 1))).lowercased()
            + String(characters.dropFirst(max(leadingUpper, 1)))
        return Self.keywords.contains(name) ? "`\(name)`" : name
    }

    private func describe(_ range: VersionRange) -> String {
        if let upper = range.upper { return upper == range.lower ? "v\(upper)" : "v\(range.lower)-\(upper)" }
        return "v\(range.lower)+"
    }
}

/// Collects lines of code at the current indentation.
final class CodeWriter {
    private(set) var text = ""
    private var depth = 0

    func line(_ content: String) {
        if content.isEmpty {
            text += "\n"
        } else {
            text += String(repeating: "    ", count: depth) + content + "\n"
        }
    }

    func indent(_ body: () -> Void) {
        depth += 1
        body()
        depth -= 1
    }
}

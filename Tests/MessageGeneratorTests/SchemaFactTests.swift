import Foundation
@testable import MessageGenerator
import Testing

/// Every `Messages/Schemas/*.schema` held against Kafka's own JSON message definitions, as
/// `scripts/derive-schema-facts` boils them down into `Facts/kafka-message-facts.tsv` (issue 16).
///
/// For each API, request and response, and each version of the schema's range, the untagged fields on the wire must
/// be Kafka's, in Kafka's order, with Kafka's types and nullability at that version; a tagged field kafkactl knows
/// must have Kafka's tag at exactly Kafka's tagged versions. kafkactl may leave out a tagged field of Kafka's: the
/// generated decoder keeps an unknown tag in `unknownTaggedFields` and the encoder writes it back, so nothing is lost
/// (such fields are listed, not failed). The flexible versions must agree, the range must be inside Kafka's
/// validVersions, and a request field that exists in only part of the range must be `ignorable` exactly when Kafka's
/// is, unless it is in `deliberatelyRefused` below.
@Suite struct SchemaFactTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let schemasDirectory = root.appendingPathComponent("Sources/AdminCore/Messages/Schemas")
    static let factsFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Facts/kafka-message-facts.tsv")

    static var schemaNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: schemasDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".schema") }.sorted()
    }

    /// Request fields Kafka marks ignorable that kafkactl nonetheless refuses to send at a version without them, as
    /// `API request Field.Path` with the reason. Leaving them out would change what the request means.
    static let deliberatelyRefused: [String: String] = [
        "DeleteTopics request TopicNames":
            "v6+ names topics in Topics; sending TopicNames' names as nothing would delete no topic and report success",
        "Metadata request Topics.TopicId":
            "a topic asked for by id alone would become a request for another topic (or none) without its id",
    ]

    /// Mismatches kafkactl knowingly keeps, as `API request|response Field.Path` with the reason. Empty: every
    /// mismatch the test found was fixed in the schema.
    static let allowedMismatches: [String: String] = [:]

    // MARK: Facts

    struct KafkaField {
        var path: String
        var name: String
        var type: String
        var versions: KafkaVersions
        var nullable: KafkaVersions
        var tagged: KafkaVersions
        var tag: UInt32?
        var ignorable: Bool
        var children: [KafkaField] = []
    }

    struct KafkaMessage {
        var name: String
        var valid: KafkaVersions
        var flexible: KafkaVersions
        var fields: [KafkaField] = []
    }

    /// Kafka's version strings: `3+`, `1-4`, `2`, `none`.
    struct KafkaVersions: CustomStringConvertible {
        var lower: Int16
        var upper: Int16?  // nil: open-ended
        var none: Bool

        init(_ text: String) throws {
            if text == "none" {
                (lower, upper, none) = (0, nil, true)
            } else if text.hasSuffix("+"), let lower = Int16(text.dropLast()) {
                (self.lower, upper, none) = (lower, nil, false)
            } else if let dash = text.firstIndex(of: "-"), let lower = Int16(text[..<dash]),
                let upper = Int16(text[text.index(after: dash)...])
            {
                (self.lower, self.upper, none) = (lower, upper, false)
            } else if let single = Int16(text) {
                (lower, upper, none) = (single, single, false)
            } else {
                throw FactError(message: "bad version string `\(text)`")
            }
        }

        func contains(_ version: Int16) -> Bool {
            !none && version >= lower && (upper.map { version <= $0 } ?? true)
        }

        var description: String {
            none ? "none" : upper.map { $0 == lower ? "\(lower)" : "\(lower)-\($0)" } ?? "\(lower)+"
        }
    }

    struct FactError: Error, CustomStringConvertible { var message: String; var description: String { message } }

    struct MessageKey: Hashable { var apiKey: Int16; var kind: String }

    static func loadFacts() throws -> [MessageKey: KafkaMessage] {
        let text = try String(contentsOf: factsFile, encoding: .utf8)
        var messages: [MessageKey: KafkaMessage] = [:]
        var flat: [MessageKey: [KafkaField]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let apiKey = Int16(columns[1]) else { throw FactError(message: "bad row: \(line)") }
            let key = MessageKey(apiKey: apiKey, kind: columns[2])
            switch columns[0] {
            case "message" where columns.count == 6:
                messages[key] = KafkaMessage(name: columns[3], valid: try KafkaVersions(columns[4]),
                                             flexible: try KafkaVersions(columns[5]))
            case "field" where columns.count == 10:
                let path = columns[3]
                let raw = String(path.split(separator: ".").last!)
                flat[key, default: []].append(KafkaField(
                    path: path, name: raw.prefix(1).uppercased() + raw.dropFirst(), type: columns[4],
                    versions: try KafkaVersions(columns[5]), nullable: try KafkaVersions(columns[6]),
                    tagged: try KafkaVersions(columns[7]), tag: UInt32(columns[8]), ignorable: columns[9] == "true"))
            default:
                throw FactError(message: "bad row: \(line)")
            }
        }
        // Rows come parent first, children after it in order: rebuild the tree from the dotted paths.
        func children(of prefix: String, in rows: [KafkaField]) -> [KafkaField] {
            rows.filter { row in
                guard row.path.hasPrefix(prefix) else { return false }
                return !row.path.dropFirst(prefix.count).contains(".")
            }.map { row in
                var row = row
                row.children = children(of: row.path + ".", in: rows)
                return row
            }
        }
        for (key, rows) in flat {
            guard messages[key] != nil else { throw FactError(message: "fields without a message row for \(key)") }
            messages[key]!.fields = children(of: "", in: rows)
        }
        return messages
    }

    // MARK: Comparison

    struct Report {
        /// `API kind path: what`, with the versions it was found at, in the order found.
        var problems: [String] = []
        var problemVersions: [String: [Int16]] = [:]
        /// Kafka's tagged fields kafkactl leaves to `unknownTaggedFields`, as `API kind path`.
        var omittedTagged: Set<String> = []
        var fieldsChecked: Set<String> = []
        var fieldVersionChecks = 0
    }

    struct Checker {
        var schema: MessageSchema
        var kind: String
        var definitions: [String: [FieldSchema]]
        var report = Report()

        init(schema: MessageSchema, kind: String) {
            self.schema = schema
            self.kind = kind
            var definitions: [String: [FieldSchema]] = [:]
            func collect(_ fields: [FieldSchema]) {
                for field in fields {
                    if let children = field.children, let name = Self.structName(field.type) {
                        definitions[name] = children
                        collect(children)
                    }
                }
            }
            collect((kind == "request" ? schema.request : schema.response).fields)
            self.definitions = definitions
        }

        static func structName(_ type: FieldType) -> String? {
            switch type {
            case .structure(let name): return name
            case .array(let element): return structName(element)
            default: return nil
            }
        }

        func children(of field: FieldSchema) -> [FieldSchema] {
            field.children ?? Self.structName(field.type).flatMap { definitions[$0] } ?? []
        }

        /// kafkactl's type in Kafka's spelling; every struct is `{struct}`, since struct names may differ.
        static func kafkaSpelling(_ type: FieldType) -> String {
            switch type {
            case .array(let element): return "[]" + kafkaSpelling(element)
            case .structure: return "{struct}"
            default: return "\(type)"
            }
        }

        static func kafkaSpelling(_ type: String) -> String {
            if type.hasPrefix("[]") { return "[]" + kafkaSpelling(String(type.dropFirst(2))) }
            return type.first?.isUppercase == true ? "{struct}" : type
        }

        mutating func fail(_ path: String, _ version: Int16?, _ message: String) {
            let key = "\(schema.apiName) \(kind) \(path)"
            if SchemaFactTests.allowedMismatches[key] != nil { return }
            let problem = "\(key): \(message)"
            if report.problemVersions[problem] == nil { report.problems.append(problem) }
            report.problemVersions[problem, default: []] += version.map { [$0] } ?? []
        }

        mutating func check(_ message: KafkaMessage) {
            let range = schema.versions
            if !message.valid.contains(range.lowerBound) || !message.valid.contains(range.upperBound) {
                fail("(versions)", nil, "kafkactl speaks v\(range.lowerBound)-\(range.upperBound), Kafka's validVersions are \(message.valid)")
            }
            for version in range {
                let ours = schema.firstFlexibleVersion.map { version >= $0 } ?? false
                if ours != message.flexible.contains(version) {
                    fail("(flexible)", version, "kafkactl flexible \(ours), Kafka's flexibleVersions are \(message.flexible)")
                }
            }
            let body = kind == "request" ? schema.request : schema.response
            for version in range {
                compare(ours: body.fields, kafka: message.fields, prefix: "", version: version)
            }
            if kind == "request" { checkIgnorable(ours: body.fields, kafka: message.fields, prefix: "") }
        }

        /// Compares one struct's fields at one version; both sides exist at `version`.
        mutating func compare(ours: [FieldSchema], kafka: [KafkaField], prefix: String, version: Int16) {
            let kafkaPresent = kafka.filter { $0.versions.contains(version) }
            let oursPresent = ours.filter { $0.versions.contains(version) }
            let kafkaNames = Set(kafka.map(\.name))

            // Fields kafkactl has that Kafka does not have at this version.
            for field in oursPresent where !kafkaPresent.contains(where: { $0.name == field.name }) {
                let why = kafkaNames.contains(field.name) ? "Kafka's field does not exist at this version"
                    : "Kafka defines no such field"
                fail(prefix + field.name, version, "kafkactl has the field; \(why)")
            }
            // Kafka's fields kafkactl lacks at this version.
            for field in kafkaPresent where !oursPresent.contains(where: { $0.name == field.name }) {
                if field.tagged.contains(version) {
                    report.omittedTagged.insert("\(schema.apiName) \(kind) \(prefix + field.name) (tag \(field.tag.map(String.init) ?? "?"))")
                } else {
                    let partial = ours.contains { $0.name == field.name } ? " (kafkactl's versions leave it out)" : ""
                    fail(prefix + field.name, version, "missing: Kafka has \(field.type) here\(partial)")
                }
            }
            // Wire order of the untagged fields.
            let oursOrder = oursPresent.filter { $0.tag == nil }.map(\.name)
            let kafkaOrder = kafkaPresent.filter { !$0.tagged.contains(version) }.map(\.name)
            if Set(oursOrder) == Set(kafkaOrder), oursOrder != kafkaOrder {
                fail(prefix.isEmpty ? "(fields)" : String(prefix.dropLast()), version,
                     "field order \(oursOrder) differs from Kafka's \(kafkaOrder)")
            }

            for field in oursPresent {
                guard let fact = kafkaPresent.first(where: { $0.name == field.name }) else { continue }
                let path = prefix + field.name
                report.fieldsChecked.insert("\(schema.apiName) \(kind) \(path)")
                report.fieldVersionChecks += 1
                if Self.kafkaSpelling(field.type) != Self.kafkaSpelling(fact.type) {
                    fail(path, version, "type \(Self.kafkaSpelling(field.type)), Kafka's is \(fact.type)")
                }
                let ourNullable = field.nullableVersions?.contains(version) ?? false
                if ourNullable != fact.nullable.contains(version) {
                    fail(path, version, "nullable \(ourNullable), Kafka's nullableVersions are \(fact.nullable)")
                }
                let kafkaTag = fact.tagged.contains(version) ? fact.tag : nil
                if field.tag != kafkaTag {
                    fail(path, version, "tag \(field.tag.map(String.init) ?? "none"), Kafka's is \(kafkaTag.map(String.init) ?? "none") (taggedVersions \(fact.tagged))")
                }
                let ourChildren = children(of: field)
                if !ourChildren.isEmpty || !fact.children.isEmpty {
                    compare(ours: ourChildren, kafka: fact.children, prefix: path + ".", version: version)
                }
            }
        }

        /// A request field missing from part of the range is left out (ignorable) or refused: as Kafka decides.
        mutating func checkIgnorable(ours: [FieldSchema], kafka: [KafkaField], prefix: String) {
            for field in ours {
                guard let fact = kafka.first(where: { $0.name == field.name }) else { continue }
                let path = prefix + field.name
                checkIgnorable(ours: children(of: field), kafka: fact.children, prefix: path + ".")
                if field.versions.covers(schema.versions) { continue }
                let key = "\(schema.apiName) request \(path)"
                if field.tag != nil && !field.ignorable {
                    // The generated encoder writes a tagged field only at its versions and never refuses one.
                    fail(path, nil, "a tagged request field is left out where the version lacks it: mark it `ignorable`")
                } else if field.ignorable && !fact.ignorable {
                    fail(path, nil, "kafkactl leaves it out where the version lacks it, but Kafka's is not ignorable")
                } else if !field.ignorable && fact.ignorable && SchemaFactTests.deliberatelyRefused[key] == nil {
                    fail(path, nil, "Kafka's is ignorable: mark it `ignorable` or add it to deliberatelyRefused with the reason")
                }
            }
        }
    }

    // MARK: Tests

    static func checkAll() throws -> Report {
        let facts = try loadFacts()
        var total = Report()
        for name in schemaNames {
            let text = try String(contentsOf: schemasDirectory.appendingPathComponent(name), encoding: .utf8)
            let schema = try SchemaParser().parse(text, sourceName: name)
            for kind in ["request", "response"] {
                guard let message = facts[MessageKey(apiKey: schema.apiKey, kind: kind)] else {
                    total.problems.append("\(schema.apiName) \(kind): no Kafka definition for api key \(schema.apiKey) in the facts")
                    continue
                }
                var checker = Checker(schema: schema, kind: kind)
                checker.check(message)
                total.problems += checker.report.problems.map { problem in
                    let versions = checker.report.problemVersions[problem] ?? []
                    return versions.isEmpty ? problem : problem + " (at " + versions.map { "v\($0)" }.joined(separator: ", ") + ")"
                }
                total.omittedTagged.formUnion(checker.report.omittedTagged)
                total.fieldsChecked.formUnion(checker.report.fieldsChecked)
                total.fieldVersionChecks += checker.report.fieldVersionChecks
            }
        }
        return total
    }

    @Test func everySchemaMatchesKafkasDefinitions() throws {
        let report = try Self.checkAll()
        for problem in report.problems { Issue.record(Comment(rawValue: problem)) }
        print("SchemaFactTests: \(Self.schemaNames.count) APIs, \(report.fieldsChecked.count) fields, "
              + "\(report.fieldVersionChecks) field-version checks, \(report.problems.count) mismatches; "
              + "Kafka's tagged fields carried as unknown: \(report.omittedTagged.sorted())")
        #expect(report.fieldsChecked.count > 300)
    }

    @Test func factsCoverEverySchema() throws {
        let facts = try Self.loadFacts()
        for name in Self.schemaNames {
            let text = try String(contentsOf: Self.schemasDirectory.appendingPathComponent(name), encoding: .utf8)
            let schema = try SchemaParser().parse(text, sourceName: name)
            #expect(facts[MessageKey(apiKey: schema.apiKey, kind: "request")] != nil, "\(name): no request facts; run scripts/derive-schema-facts")
            #expect(facts[MessageKey(apiKey: schema.apiKey, kind: "response")] != nil, "\(name): no response facts")
        }
    }

    /// The allow-lists name only real fields, so that a stale entry is noticed.
    @Test func allowListsNameSchemaFields() throws {
        var known: Set<String> = []
        for name in Self.schemaNames {
            let text = try String(contentsOf: Self.schemasDirectory.appendingPathComponent(name), encoding: .utf8)
            let schema = try SchemaParser().parse(text, sourceName: name)
            func walk(_ fields: [FieldSchema], _ prefix: String, _ kind: String) {
                for field in fields {
                    known.insert("\(schema.apiName) \(kind) \(prefix)\(field.name)")
                    walk(field.children ?? [], prefix + field.name + ".", kind)
                }
            }
            walk(schema.request.fields, "", "request")
            walk(schema.response.fields, "", "response")
        }
        for key in Self.deliberatelyRefused.keys { #expect(known.contains(key), "deliberatelyRefused: no field \(key)") }
        for key in Self.allowedMismatches.keys where !key.hasSuffix(")") {
            #expect(known.contains(key), "allowedMismatches: no field \(key)")
        }
    }
}

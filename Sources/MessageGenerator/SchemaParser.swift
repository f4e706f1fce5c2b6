/// Parses the small line format of `Sources/AdminCore/Messages/Schemas/*.schema` (see docs/ARCHITECTURE.md):
///
///     # comment
///     api CreateTopics key 19 versions 2-7 flexible 5+ route controller
///     request
///       Topics: [CreatableTopic]
///         Name: string
///       TimeoutMs: int32 = 60000
///       ValidateOnly: bool  v1+   # trailing comments become doc comments
///     response
///       ...
///
/// Nesting is by two spaces. Type suffix `?` makes a field nullable (`?v12+`: nullable from v12); modifiers are
/// `vN+`, `vN-M`, `vN` (versions), `tag N`, `= literal` and `ignorable` (Kafka's flag for a field that only adds
/// information: a request that sets it is still sent at a version without it, the field left out).
public struct SchemaParser {
    /// Each schema route and the AdminCore protocol that marks a request type with it. `KafkaClient.send` has one
    /// overload per marker, so where a request goes is decided by its type, and a call site never names a broker.
    public static let routeMarkers: [String: String] = [
        "any": "AnyBrokerRequest",
        "controller": "ControllerRequest",
        "coordinator": "GroupCoordinatorRequest",
        "leader": "PartitionLeaderRequest",
        "node": "BrokerLocalRequest",
        "resource": "ConfigResourceRequest",
        "transactionCoordinator": "TransactionCoordinatorRequest",
    ]

    public init() {}

    public func parse(_ text: String, sourceName: String) throws -> MessageSchema {
        var comments: [String] = []
        var header: (name: String, key: Int16, versions: ClosedRange<Int16>, flexible: Int16?, route: String)?
        var section: String?
        var sections: [String: [(indent: Int, line: Int, text: String)]] = [:]

        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = String(rawLine)
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty { continue }
            let fail = { (message: String) in SchemaError(source: sourceName, line: lineNumber, message: message) }
            if trimmed.hasPrefix("#") {
                if header == nil { comments.append(String(trimmed.dropFirst()).trimmingSpaces()) }
                continue
            }
            let indent = line.prefix(while: { $0 == " " }).count
            if line.contains("\t") { throw fail("tabs are not allowed; indent with two spaces") }
            if indent == 0 {
                let words = trimmed.split(separator: " ").map(String.init)
                switch words.first {
                case "api":
                    header = try parseHeader(words, fail: fail)
                case "request", "response":
                    guard header != nil else { throw fail("`\(words[0])` before the `api` line") }
                    guard words.count == 1 else { throw fail("`\(words[0])` takes nothing after it") }
                    guard sections[words[0]] == nil else { throw fail("second `\(words[0])` section") }
                    section = words[0]
                    sections[words[0]] = []
                default:
                    throw fail("expected `api`, `request` or `response`, found `\(words.first ?? "")`")
                }
                continue
            }
            guard let current = section else { throw fail("field outside a request or response section") }
            guard indent % 2 == 0 else { throw fail("indentation must be a multiple of two spaces") }
            sections[current, default: []].append((indent / 2, lineNumber, trimmed))
        }
        guard let header else { throw SchemaError(source: sourceName, line: 1, message: "missing `api` line") }
        guard let requestLines = sections["request"], let responseLines = sections["response"] else {
            throw SchemaError(source: sourceName, line: 1, message: "a schema needs a `request` and a `response` section")
        }
        var requestIndex = 0
        var responseIndex = 0
        let requestFields = try parseFields(requestLines, at: 1, index: &requestIndex, sourceName: sourceName)
        let responseFields = try parseFields(responseLines, at: 1, index: &responseIndex, sourceName: sourceName)
        return MessageSchema(
            apiName: header.name, apiKey: header.key, versions: header.versions,
            firstFlexibleVersion: header.flexible, route: header.route, comments: comments,
            request: StructSchema(name: header.name + "Request", fields: requestFields),
            response: StructSchema(name: header.name + "Response", fields: responseFields),
            sourceName: sourceName)
    }

    private func parseHeader(
        _ words: [String], fail: (String) -> SchemaError
    ) throws -> (String, Int16, ClosedRange<Int16>, Int16?, String) {
        // api NAME key N versions A-B flexible N+|none route R
        guard words.count == 10, words[2] == "key", words[4] == "versions", words[6] == "flexible",
            words[8] == "route"
        else { throw fail("expected `api NAME key N versions A-B flexible N+|none route ROUTE`") }
        guard let key = Int16(words[3]) else { throw fail("api key `\(words[3])` is not a number") }
        guard let range = parseVersions(words[5]), let upper = range.upper, range.lower <= upper else {
            throw fail("versions must be `A-B`, found `\(words[5])`")
        }
        var flexible: Int16?
        if words[7] != "none" {
            guard words[7].hasSuffix("+"), let first = Int16(words[7].dropLast()) else {
                throw fail("flexible must be `N+` or `none`, found `\(words[7])`")
            }
            flexible = first
        }
        let routes = Set(Self.routeMarkers.keys)
        guard routes.contains(words[9]) else { throw fail("route must be one of \(routes.sorted()), found `\(words[9])`") }
        return (words[1], key, range.lower...upper, flexible, words[9])
    }

    private func parseFields(
        _ lines: [(indent: Int, line: Int, text: String)], at depth: Int, index: inout Int, sourceName: String
    ) throws -> [FieldSchema] {
        var fields: [FieldSchema] = []
        while index < lines.count {
            let entry = lines[index]
            if entry.indent < depth { break }
            if entry.indent > depth {
                throw SchemaError(source: sourceName, line: entry.line, message: "unexpected indentation")
            }
            index += 1
            var field = try parseField(entry.text, line: entry.line, sourceName: sourceName)
            if index < lines.count, lines[index].indent > depth {
                guard field.type.isStructOrArrayOfStructs else {
                    throw SchemaError(source: sourceName, line: lines[index].line,
                                      message: "only a struct or array-of-struct field can have nested fields")
                }
                field.children = try parseFields(lines, at: depth + 1, index: &index, sourceName: sourceName)
            }
            fields.append(field)
        }
        return fields
    }

    private func parseField(_ text: String, line: Int, sourceName: String) throws -> FieldSchema {
        let fail = { (message: String) in SchemaError(source: sourceName, line: line, message: message) }
        var body = text
        var comment: String?
        if let hash = text.firstIndex(of: "#") {
            comment = String(text[text.index(after: hash)...]).trimmingSpaces()
            body = String(text[..<hash])
        }
        guard let colon = body.firstIndex(of: ":") else { throw fail("expected `Name: type`") }
        let name = String(body[..<colon]).trimmingSpaces()
        guard let first = name.first, first.isUppercase, name.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw fail("field name `\(name)` must be PascalCase letters and digits")
        }
        var words = body[body.index(after: colon)...].split(separator: " ").map(String.init)
        guard !words.isEmpty else { throw fail("field `\(name)` has no type") }
        var typeWord = words.removeFirst()

        var nullable: VersionRange?
        if let question = typeWord.firstIndex(of: "?") {
            let suffix = String(typeWord[typeWord.index(after: question)...])
            typeWord = String(typeWord[..<question])
            if suffix.isEmpty {
                nullable = .all
            } else {
                guard suffix.hasPrefix("v"), let range = parseVersions(String(suffix.dropFirst())) else {
                    throw fail("nullable suffix must be `?` or `?vN+`, found `?\(suffix)`")
                }
                nullable = range
            }
        }
        let type: FieldType
        if typeWord.hasPrefix("["), typeWord.hasSuffix("]") {
            type = .array(try elementType(String(typeWord.dropFirst().dropLast()), fail: fail))
        } else {
            type = try elementType(typeWord, fail: fail)
        }

        var versions = VersionRange.all
        var tag: UInt32?
        var defaultValue: String?
        var ignorable = false
        while !words.isEmpty {
            let word = words.removeFirst()
            if word == "ignorable" {
                ignorable = true
            } else if word == "tag" {
                guard let value = words.first.flatMap({ UInt32($0) }) else { throw fail("`tag` needs a number") }
                words.removeFirst()
                tag = value
            } else if word == "=" {
                guard let value = words.first else { throw fail("`=` needs a value") }
                words.removeFirst()
                defaultValue = value == "null" ? "nil" : value
            } else if word.hasPrefix("v"), let range = parseVersions(String(word.dropFirst())) {
                versions = range
            } else {
                throw fail("unknown modifier `\(word)` (expected vN+, vN-M, tag N, ignorable or = value)")
            }
        }
        return FieldSchema(name: name, type: type, versions: versions, nullableVersions: nullable, tag: tag,
                           defaultValue: defaultValue, comment: comment, children: nil, line: line, ignorable: ignorable)
    }

    private func elementType(_ word: String, fail: (String) -> SchemaError) throws -> FieldType {
        if let primitive = FieldType.primitiveNames[word] { return primitive }
        guard let first = word.first, first.isUppercase, word.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw fail("unknown type `\(word)`")
        }
        return .structure(word)
    }

    /// `5+`, `2-7` or `3`.
    private func parseVersions(_ text: String) -> VersionRange? {
        if text.hasSuffix("+") {
            return Int16(text.dropLast()).map { VersionRange(lower: $0, upper: nil) }
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, let lower = Int16(parts[0]), let upper = Int16(parts[1]) {
            return VersionRange(lower: lower, upper: upper)
        }
        if parts.count == 1, let single = Int16(parts[0]) { return VersionRange(lower: single, upper: single) }
        return nil
    }
}

extension String {
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" || first == "\r" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" || last == "\r" { view = view.dropLast() }
        return String(view)
    }
}

import CYAML

/// A YAML document as a tree of scalars, sequences and mappings, as libyaml's loader builds it. Tags are not
/// interpreted: every scalar is its text, which is what the contexts file wants (`5000` is a property value).
indirect enum YAMLNode {
    case scalar(String)
    case sequence([YAMLNode])
    /// Pairs in the file's order.
    case mapping([(key: YAMLNode, value: YAMLNode)])

    var scalar: String? {
        if case .scalar(let text) = self { return text }
        return nil
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items) = self { return items }
        return nil
    }

    var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = self { return pairs }
        return nil
    }

    /// The value of the first pair whose key is the scalar `key`, when this is a mapping.
    subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar == key }?.value
    }

    /// Why a text is not a YAML document, in one line (libyaml's problem and where it is).
    struct ParseError: Error, Equatable {
        var message: String
    }

    /// Aliases let a small file describe a huge tree (`a: &a [*b, *b, ...]` nested): the tree is expanded here, so
    /// its size and depth are bounded, far above anything a contexts file needs.
    static let maximumNodes = 100_000
    static let maximumDepth = 64

    /// The first document of `text`, or nil when the text holds none (empty, or only comments).
    static func parse(_ text: String) throws(ParseError) -> YAMLNode? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw ParseError(message: "out of memory") }
        defer { yaml_parser_delete(&parser) }
        var document = yaml_document_t()
        let loaded = bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return yaml_parser_load(&parser, &document)
        }
        guard loaded == 1 else { throw ParseError(message: problem(of: parser)) }
        defer { yaml_document_delete(&document) }
        guard let root = yaml_document_get_root_node(&document) else { return nil }
        var budget = maximumNodes
        return try tree(root, in: &document, depth: 0, budget: &budget)
    }

    private static func tree(
        _ node: UnsafeMutablePointer<yaml_node_t>, in document: inout yaml_document_t, depth: Int, budget: inout Int
    ) throws(ParseError) -> YAMLNode {
        budget -= 1
        guard budget >= 0 else { throw ParseError(message: "more than \(maximumNodes) nodes (aliases expanding too far)") }
        guard depth < maximumDepth else { throw ParseError(message: "nested more than \(maximumDepth) levels deep") }
        switch node.pointee.type {
        case YAML_SCALAR_NODE:
            let scalar = node.pointee.data.scalar
            let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            return .scalar(String(decoding: bytes, as: UTF8.self))
        case YAML_SEQUENCE_NODE:
            var items: [YAMLNode] = []
            var item = node.pointee.data.sequence.items.start
            let end = node.pointee.data.sequence.items.top
            while let current = item, current != end {
                guard let child = yaml_document_get_node(&document, current.pointee) else {
                    throw ParseError(message: "a sequence item refers to no node")
                }
                items.append(try tree(child, in: &document, depth: depth + 1, budget: &budget))
                item = current + 1
            }
            return .sequence(items)
        case YAML_MAPPING_NODE:
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            var pair = node.pointee.data.mapping.pairs.start
            let end = node.pointee.data.mapping.pairs.top
            while let current = pair, current != end {
                guard let key = yaml_document_get_node(&document, current.pointee.key),
                    let value = yaml_document_get_node(&document, current.pointee.value)
                else { throw ParseError(message: "a mapping pair refers to no node") }
                pairs.append((
                    try tree(key, in: &document, depth: depth + 1, budget: &budget),
                    try tree(value, in: &document, depth: depth + 1, budget: &budget)
                ))
                pair = current + 1
            }
            return .mapping(pairs)
        default:
            throw ParseError(message: "a node of no known kind")
        }
    }

    /// libyaml's description, with its zero-based mark as the 1-based line and column an editor shows.
    private static func problem(of parser: yaml_parser_t) -> String {
        var message = parser.problem.map { String(cString: $0) } ?? "not valid YAML"
        if let context = parser.context.map({ String(cString: $0) }) { message = "\(context): \(message)" }
        let mark = parser.problem_mark
        return "\(message) at line \(mark.line + 1), column \(mark.column + 1)"
    }
}

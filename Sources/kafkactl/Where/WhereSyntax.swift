/// `--where`'s language, as written: tokens and the expression tree, each piece knowing the column it starts at so
/// that an error can point there. Types are checked afterwards (`RecordPredicate`).
///
///     expression := or
///     or         := and (("or" | "||") and)*
///     and        := unary (("and" | "&&") unary)*
///     unary      := ("not" | "!") unary | "(" expression ")" | test
///     test       := operand [ comparison operand | "contains" operand | "matches" string
///                           | ["not"] "in" "(" operand ("," operand)* ")" | "is" ["not"] "null" ]
///     operand    := field | string | number | duration | "now" | "true" | "false" | "null"
///     field      := "key" | "value" ("." name | "[" (string | integer) "]")* | "headers" "[" string "]"
///                 | "timestamp" | "partition" | "offset"
///     comparison := "==" | "=" | "!=" | "<" | "<=" | ">" | ">="
indirect enum WhereNode: Equatable, Sendable {
    case and(WhereNode, WhereNode)
    case or(WhereNode, WhereNode)
    case not(WhereNode, column: Int)
    case compare(WhereComparison, WhereOperand, WhereOperand, column: Int)
    case contains(WhereOperand, WhereOperand, column: Int)
    case matches(WhereOperand, pattern: String, column: Int, patternColumn: Int)
    case isIn(WhereOperand, [WhereOperand], negated: Bool, column: Int)
    case isNull(WhereOperand, negated: Bool, column: Int)
    /// An operand standing alone, where a test was expected (refused when types are checked, unless it is boolean).
    case bare(WhereOperand)
}

enum WhereComparison: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

/// A record field or a literal, with the column it starts at.
struct WhereOperand: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case key
        /// The value; with a path, the JSON value at that path (`value.order.id`, `value.items[0]`).
        case value(path: [JSONPathStep])
        case header(String)
        case timestamp
        case partition
        case offset
        case string(String)
        /// An integer or decimal as written.
        case number(String)
        /// `-15m`, `+1h`: milliseconds from now.
        case duration(Int64)
        case now
        case bool(Bool)
        case null
    }

    var kind: Kind
    var column: Int

    var isField: Bool {
        switch kind {
        case .key, .value, .header, .timestamp, .partition, .offset: return true
        default: return false
        }
    }
}

enum JSONPathStep: Equatable, Sendable {
    case member(String)
    case index(Int)
}

/// A syntax or type error at a column (1-based) of the expression.
struct WhereError: Error, Equatable {
    var column: Int
    var message: String

    /// The one line the user sees.
    func line(flag: String = "--where") -> String { "\(flag): column \(column): \(message)" }
}

struct WhereToken: Equatable {
    enum Kind: Equatable {
        case name(String)
        case string(String)
        case number(String)
        case duration(Int64)
        case symbol(String)
        case end
    }

    var kind: Kind
    var column: Int
}

/// Splits an expression into tokens. Columns count characters from 1.
enum WhereLexer {
    static func tokens(_ text: String) throws -> [WhereToken] {
        let characters = Array(text)
        var tokens: [WhereToken] = []
        var index = 0
        func column(_ at: Int) -> Int { at + 1 }
        while index < characters.count {
            let character = characters[index]
            let start = index
            if character.isWhitespace {
                index += 1
            } else if character == "\"" || character == "'" {
                tokens.append(WhereToken(kind: .string(try string(characters, &index)), column: column(start)))
            } else if character.isNumber || ((character == "-" || character == "+") && index + 1 < characters.count && characters[index + 1].isNumber) {
                index += 1
                while index < characters.count, characters[index].isNumber || characters[index] == "." { index += 1 }
                var unit = ""
                while index < characters.count, characters[index].isLetter { unit.append(characters[index]); index += 1 }
                let literal = String(characters[start..<(index - unit.count)])
                if unit.isEmpty {
                    guard Double(literal) != nil, literal.first != "+" else {
                        throw WhereError(column: column(start), message: "'\(literal)' is not a number")
                    }
                    tokens.append(WhereToken(kind: .number(literal), column: column(start)))
                } else {
                    guard let millis = TimeExpression.relativeMillis(literal + unit) else {
                        throw WhereError(column: column(start), message: "'\(literal + unit)' is neither a number nor a duration (-15m, -2h, -1d; units ms, s, m, h, d, w)")
                    }
                    tokens.append(WhereToken(kind: .duration(millis), column: column(start)))
                }
            } else if character.isLetter || character == "_" {
                while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" {
                    index += 1
                }
                tokens.append(WhereToken(kind: .name(String(characters[start..<index])), column: column(start)))
            } else {
                let two = index + 1 < characters.count ? String(characters[index...index + 1]) : ""
                if ["==", "!=", "<=", ">=", "&&", "||"].contains(two) {
                    tokens.append(WhereToken(kind: .symbol(two), column: column(start)))
                    index += 2
                } else if "()[],.<>=!".contains(character) {
                    tokens.append(WhereToken(kind: .symbol(String(character)), column: column(start)))
                    index += 1
                } else {
                    throw WhereError(column: column(start), message: "unexpected '\(character)'")
                }
            }
        }
        tokens.append(WhereToken(kind: .end, column: column(characters.count)))
        return tokens
    }

    /// A quoted string; `\"`, `\'`, `\\`, `\n`, `\t`, `\r` and `\uXXXX` escapes.
    private static func string(_ characters: [Character], _ index: inout Int) throws -> String {
        let quote = characters[index]
        let start = index
        index += 1
        var result = ""
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character == quote { return result }
            guard character == "\\" else {
                result.append(character)
                continue
            }
            guard index < characters.count else { break }
            let escaped = characters[index]
            index += 1
            switch escaped {
            case "n": result.append("\n")
            case "t": result.append("\t")
            case "r": result.append("\r")
            case "u":
                let hex = String(characters[index..<min(index + 4, characters.count)])
                guard hex.count == 4, let scalar = UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) else {
                    throw WhereError(column: index - 1, message: "\\u needs four hex digits")
                }
                result.unicodeScalars.append(scalar)
                index += 4
            default: result.append(escaped)
            }
        }
        throw WhereError(column: start + 1, message: "the string is not closed: add \(quote)")
    }
}

/// Reads tokens into a `WhereNode`.
struct WhereParser {
    private var tokens: [WhereToken]
    private var position = 0

    static func parse(_ text: String) throws -> WhereNode {
        var parser = WhereParser(tokens: try WhereLexer.tokens(text))
        guard parser.peek.kind != .end else { throw WhereError(column: 1, message: "the expression is empty") }
        let node = try parser.orExpression()
        guard parser.peek.kind == .end else {
            throw WhereError(column: parser.peek.column, message: "unexpected \(parser.peek.described): expected and, or or the end")
        }
        return node
    }

    private init(tokens: [WhereToken]) { self.tokens = tokens }

    private var peek: WhereToken { tokens[position] }

    private mutating func advance() -> WhereToken {
        defer { position += 1 }
        return tokens[position]
    }

    /// Consumes a keyword (case-insensitive) or symbol when it is next.
    private mutating func take(_ words: String...) -> Bool {
        switch peek.kind {
        case .name(let name) where words.contains(name.lowercased()), .symbol(let name) where words.contains(name):
            position += 1
            return true
        default:
            return false
        }
    }

    private mutating func expect(_ symbol: String, _ what: String) throws {
        guard take(symbol) else { throw WhereError(column: peek.column, message: "expected \(what), found \(peek.described)") }
    }

    private mutating func orExpression() throws -> WhereNode {
        var node = try andExpression()
        while take("or", "||") { node = .or(node, try andExpression()) }
        return node
    }

    private mutating func andExpression() throws -> WhereNode {
        var node = try unary()
        while take("and", "&&") { node = .and(node, try unary()) }
        return node
    }

    private mutating func unary() throws -> WhereNode {
        let column = peek.column
        if take("not", "!") { return .not(try unary(), column: column) }
        if take("(") {
            let inner = try orExpression()
            try expect(")", "')'")
            return inner
        }
        return try test()
    }

    private mutating func test() throws -> WhereNode {
        let left = try operand()
        let column = peek.column
        if case .symbol(let symbol) = peek.kind, let comparison = WhereComparison(rawValue: symbol == "=" ? "==" : symbol) {
            position += 1
            return .compare(comparison, left, try operand(), column: column)
        }
        if take("contains") { return .contains(left, try operand(), column: column) }
        if take("matches") {
            let patternToken = advance()
            guard case .string(let pattern) = patternToken.kind else {
                throw WhereError(column: patternToken.column, message: "matches takes a quoted regular expression")
            }
            return .matches(left, pattern: pattern, column: column, patternColumn: patternToken.column)
        }
        let negated = take("not")
        if take("in") {
            try expect("(", "'(' after in")
            var list = [try operand()]
            while take(",") { list.append(try operand()) }
            try expect(")", "',' or ')' in the in list")
            return .isIn(left, list, negated: negated, column: column)
        }
        if negated { throw WhereError(column: peek.column, message: "expected in after not") }
        if take("is") {
            let negated = take("not")
            guard take("null") else { throw WhereError(column: peek.column, message: "expected null after is") }
            return .isNull(left, negated: negated, column: column)
        }
        return .bare(left)
    }

    private mutating func operand() throws -> WhereOperand {
        let token = advance()
        let column = token.column
        switch token.kind {
        case .string(let text): return WhereOperand(kind: .string(text), column: column)
        case .number(let text): return WhereOperand(kind: .number(text), column: column)
        case .duration(let millis): return WhereOperand(kind: .duration(millis), column: column)
        case .name(let name):
            switch name.lowercased() {
            case "key": return WhereOperand(kind: .key, column: column)
            case "value": return WhereOperand(kind: .value(path: try path()), column: column)
            case "headers", "header":
                try expect("[", "'[' and a header name after headers")
                let nameToken = advance()
                guard case .string(let header) = nameToken.kind else {
                    throw WhereError(column: nameToken.column, message: "a header name is quoted: headers[\"name\"]")
                }
                try expect("]", "']'")
                return WhereOperand(kind: .header(header), column: column)
            case "timestamp": return WhereOperand(kind: .timestamp, column: column)
            case "partition": return WhereOperand(kind: .partition, column: column)
            case "offset": return WhereOperand(kind: .offset, column: column)
            case "now": return WhereOperand(kind: .now, column: column)
            case "true": return WhereOperand(kind: .bool(true), column: column)
            case "false": return WhereOperand(kind: .bool(false), column: column)
            case "null": return WhereOperand(kind: .null, column: column)
            default:
                throw WhereError(column: column, message: "unknown name '\(name)': fields are key, value, value.PATH, headers[\"NAME\"], timestamp, partition, offset; quote text as \"\(name)\"")
            }
        default:
            throw WhereError(column: column, message: "expected a field or a value, found \(token.described)")
        }
    }

    /// `.name`, `["name"]` and `[index]` steps after `value`.
    private mutating func path() throws -> [JSONPathStep] {
        var steps: [JSONPathStep] = []
        while true {
            if take(".") {
                let token = advance()
                guard case .name(let name) = token.kind else {
                    throw WhereError(column: token.column, message: "expected a member name after '.'")
                }
                steps.append(.member(name))
            } else if take("[") {
                let token = advance()
                switch token.kind {
                case .string(let name): steps.append(.member(name))
                case .number(let text) where Int(text).map({ $0 >= 0 }) ?? false: steps.append(.index(Int(text)!))
                default: throw WhereError(column: token.column, message: "expected a quoted member name or an index from 0 in [ ]")
                }
                try expect("]", "']'")
            } else {
                return steps
            }
        }
    }
}

extension WhereToken {
    var described: String {
        switch kind {
        case .name(let name): return "'\(name)'"
        case .string(let text): return "\"\(text)\""
        case .number(let text): return text
        case .duration(let millis): return "a duration (\(millis) ms)"
        case .symbol(let symbol): return "'\(symbol)'"
        case .end: return "the end"
        }
    }
}

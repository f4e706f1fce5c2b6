import AdminCore
import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// A checked `--where` expression, compiled into a test over a record as it lies in the fetched bytes: no record is
/// copied or decoded to be tested (JSON paths are found by `JSONPathScanner`), so a full scan filters at fetch
/// speed. Types are checked when compiling, and each error points at its column.
///
/// Types: `key`, `value` and `headers["h"]` are bytes, compared with text as UTF-8 bytes (and with a number by
/// reading the bytes as one); `value.path` is the JSON value there (a string, number, boolean or null; missing is
/// null); `timestamp` is a time, compared with epoch milliseconds, a duration from now (`-15m`), `now` or a quoted
/// time ("2026-12-01T10:00:00Z"); `partition` and `offset` are integers.
struct RecordPredicate: @unchecked Sendable {
    // @unchecked: the closures capture only immutable values (literals' bytes, compiled regular expressions).
    private let test: (RecordView, Int32) -> Bool
    /// The expression as checked, for the planner.
    let node: WhereNode
    /// When "now" was for the expression's relative times.
    let now: Int64

    /// Whether the record (of `partition`) matches.
    func matches(_ record: RecordView, partition: Int32) -> Bool { test(record, partition) }

    init(_ text: String, now: Int64 = WallClock.millis()) throws {
        let node = try WhereParser.parse(text)
        self.node = node
        self.now = now
        test = try Compiler(now: now).compile(node)
    }
}

/// What an operand is, for type checking.
private enum OperandType: CustomStringConvertible {
    case bytes, json, time, integer
    case string, number, bool, null

    var description: String {
        switch self {
        case .bytes: return "bytes"
        case .json: return "a JSON value"
        case .time: return "a time"
        case .integer: return "an integer"
        case .string: return "text"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}

private typealias Test = (RecordView, Int32) -> Bool

private struct Compiler {
    let now: Int64

    func compile(_ node: WhereNode) throws -> Test {
        switch node {
        case .and(let left, let right):
            let (l, r) = (try compile(left), try compile(right))
            return { l($0, $1) && r($0, $1) }
        case .or(let left, let right):
            let (l, r) = (try compile(left), try compile(right))
            return { l($0, $1) || r($0, $1) }
        case .not(let inner, _):
            let test = try compile(inner)
            return { !test($0, $1) }
        case .compare(let comparison, let left, let right, let column):
            return try compare(comparison, left, right, column: column)
        case .contains(let field, let needle, let column):
            return try contains(field, needle, column: column)
        case .matches(let field, let pattern, let column, let patternColumn):
            return try matches(field, pattern: pattern, column: column, patternColumn: patternColumn)
        case .isIn(let field, let list, let negated, let column):
            // `not in` is != of each, so that a null is in nothing and not in nothing, as with == and !=.
            var tests: [Test] = []
            for item in list { tests.append(try compare(negated ? .notEqual : .equal, field, item, column: column)) }
            return negated ? { record, partition in tests.allSatisfy { $0(record, partition) } }
                : { record, partition in tests.contains { $0(record, partition) } }
        case .isNull(let field, let negated, let column):
            let isNull = try nullTest(field, column: column)
            return negated ? { !isNull($0, $1) } : isNull
        case .bare(let operand):
            if case .value(let path) = operand.kind, !path.isEmpty {
                // A JSON path alone is true when the value there is `true`.
                return { record, _ in
                    guard let value = record.value else { return false }
                    if case .bool(true)? = JSONPathScanner.find(path, in: value) { return true }
                    return false
                }
            }
            if case .bool(let constant) = operand.kind { return { _, _ in constant } }
            throw WhereError(column: operand.column, message: "expected a test here (==, !=, <, >, contains, matches, in, is null), not \(describe(operand)) alone")
        }
    }

    // MARK: Types

    private func type(of operand: WhereOperand) -> OperandType {
        switch operand.kind {
        case .key, .header: return .bytes
        case .value(let path): return path.isEmpty ? .bytes : .json
        case .timestamp: return .time
        case .partition, .offset: return .integer
        case .string: return .string
        case .number: return .number
        case .duration, .now: return .time
        case .bool: return .bool
        case .null: return .null
        }
    }

    private func describe(_ operand: WhereOperand) -> String {
        switch operand.kind {
        case .key: return "key"
        case .value(let path): return path.isEmpty ? "value" : "value." + path.map { step in
            switch step {
            case .member(let name): return name
            case .index(let index): return "[\(index)]"
            }
        }.joined(separator: ".")
        case .header(let name): return "headers[\"\(name)\"]"
        case .timestamp: return "timestamp"
        case .partition: return "partition"
        case .offset: return "offset"
        default: return type(of: operand).description
        }
    }

    // MARK: Comparisons

    private func compare(_ comparison: WhereComparison, _ left: WhereOperand, _ right: WhereOperand, column: Int) throws -> Test {
        // A literal on the left reads the other way round: 5 < offset is offset > 5.
        if !left.isField && right.isField { return try compare(comparison.flipped, right, left, column: column) }
        guard left.isField else {
            throw WhereError(column: left.column, message: "compare a field (key, value, headers[...], timestamp, partition, offset) with a value")
        }
        guard !right.isField else {
            throw WhereError(column: right.column, message: "compare \(describe(left)) with a value, not with another field")
        }
        if case .null = right.kind {
            guard comparison == .equal || comparison == .notEqual else {
                throw WhereError(column: column, message: "null is only equal or not equal to something")
            }
            let isNull = try nullTest(left, column: column)
            return comparison == .equal ? isNull : { !isNull($0, $1) }
        }
        switch (type(of: left), type(of: right)) {
        case (.bytes, .string):
            let wanted = literalBytes(right)
            let access = bytesAccess(left)
            return { record, _ in
                guard let bytes = access(record) else { return false }
                return wanted.withUnsafeBytes { comparison.holds(Self.order(bytes, $0)) }
            }
        case (.bytes, .number):
            let wanted = Double(literalText(right))!
            let access = bytesAccess(left)
            return { record, _ in
                guard let bytes = access(record), let number = Self.number(bytes) else { return false }
                return comparison.holds(Self.order(number, wanted))
            }
        case (.json, .string):
            let wanted = literalBytes(right)
            let path = jsonPath(left)
            return { record, _ in
                guard let value = record.value, case .string(let body, let escaped)? = JSONPathScanner.find(path, in: value) else { return false }
                return wanted.withUnsafeBytes { wanted in
                    if escaped {
                        guard let plain = JSONPathScanner.unescape(body) else { return false }
                        return plain.withUnsafeBytes { comparison.holds(Self.order($0, wanted)) }
                    }
                    return comparison.holds(Self.order(body, wanted))
                }
            }
        case (.json, .number):
            let wanted = Double(literalText(right))!
            let path = jsonPath(left)
            return { record, _ in
                guard let value = record.value, case .number(let bytes)? = JSONPathScanner.find(path, in: value),
                    let number = Self.number(bytes)
                else { return false }
                return comparison.holds(Self.order(number, wanted))
            }
        case (.json, .bool):
            guard comparison == .equal || comparison == .notEqual, case .bool(let wanted) = right.kind else {
                throw WhereError(column: column, message: "a boolean is only equal or not equal to something")
            }
            let path = jsonPath(left)
            return { record, _ in
                guard let value = record.value, case .bool(let found)? = JSONPathScanner.find(path, in: value) else { return false }
                return (found == wanted) == (comparison == .equal)
            }
        case (.time, let literal) where literal == .time || literal == .number || literal == .string:
            let wanted = try timeLiteral(right)
            return { record, _ in comparison.holds(Self.order(record.timestamp, wanted)) }
        case (.integer, .number):
            guard let wanted = Int64(literalText(right)) else {
                throw WhereError(column: right.column, message: "\(describe(left)) is an integer: '\(literalText(right))' is not one")
            }
            if case .partition = left.kind {
                return { _, partition in comparison.holds(Self.order(Int64(partition), wanted)) }
            }
            return { record, _ in comparison.holds(Self.order(record.offset, wanted)) }
        case (let field, let literal):
            throw WhereError(column: right.column, message: "\(describe(left)) is \(field) and cannot be compared with \(literal)")
        }
    }

    private func contains(_ field: WhereOperand, _ needle: WhereOperand, column: Int) throws -> Test {
        guard field.isField, case .string = needle.kind else {
            throw WhereError(column: column, message: "contains takes a field on the left and quoted text on the right")
        }
        let needleBytes = literalBytes(needle)
        switch type(of: field) {
        case .bytes:
            let access = bytesAccess(field)
            return { record, _ in
                guard let bytes = access(record) else { return false }
                return needleBytes.withUnsafeBytes { Self.contains(bytes, $0) }
            }
        case .json:
            let path = jsonPath(field)
            return { record, _ in
                guard let value = record.value else { return false }
                return needleBytes.withUnsafeBytes { wanted in
                    switch JSONPathScanner.find(path, in: value) {
                    case .string(let body, let escaped)?:
                        if escaped { return JSONPathScanner.unescape(body)?.withUnsafeBytes { Self.contains($0, wanted) } ?? false }
                        return Self.contains(body, wanted)
                    case .composite(let body)?:
                        // An array or object contains text when the text appears in it as written.
                        return Self.contains(body, wanted)
                    default:
                        return false
                    }
                }
            }
        default:
            throw WhereError(column: field.column, message: "contains needs bytes or a JSON value; \(describe(field)) is \(type(of: field))")
        }
    }

    private func matches(_ field: WhereOperand, pattern: String, column: Int, patternColumn: Int) throws -> Test {
        guard field.isField else { throw WhereError(column: field.column, message: "matches takes a field on the left") }
        let regex: Regex<AnyRegexOutput>
        do {
            regex = try Regex(pattern)
        } catch {
            throw WhereError(column: patternColumn, message: "not a regular expression: \(error)")
        }
        // Matching searches the text (anchor with ^ and $ for the whole of it); bytes are read as UTF-8.
        func search(_ bytes: UnsafeRawBufferPointer) -> Bool {
            (try? regex.firstMatch(in: String(decoding: bytes, as: UTF8.self))) != nil
        }
        switch type(of: field) {
        case .bytes:
            let access = bytesAccess(field)
            return { record, _ in access(record).map(search) ?? false }
        case .json:
            let path = jsonPath(field)
            return { record, _ in
                guard let value = record.value else { return false }
                switch JSONPathScanner.find(path, in: value) {
                case .string(let body, let escaped)?:
                    return escaped ? JSONPathScanner.unescape(body)?.withUnsafeBytes(search) ?? false : search(body)
                case .number(let body)?: return search(body)
                default: return false
                }
            }
        default:
            throw WhereError(column: field.column, message: "matches needs bytes or a JSON value; \(describe(field)) is \(type(of: field))")
        }
    }

    private func nullTest(_ field: WhereOperand, column: Int) throws -> Test {
        switch field.kind {
        case .key: return { record, _ in record.key == nil }
        case .value(let path) where path.isEmpty: return { record, _ in record.value == nil }
        case .value(let path):
            // Missing counts as null, as a JSON path reads it.
            return { record, _ in
                guard let value = record.value else { return true }
                switch JSONPathScanner.find(path, in: value) {
                case nil, .null?: return true
                default: return false
                }
            }
        case .header:
            let access = bytesAccess(field)
            return { record, _ in access(record) == nil }
        default:
            throw WhereError(column: column, message: "\(describe(field)) is never null")
        }
    }

    // MARK: Access and literals

    /// The bytes of key, value or a header (the last of that name, as Kafka's Headers.lastHeader reads it).
    private func bytesAccess(_ field: WhereOperand) -> (RecordView) -> UnsafeRawBufferPointer? {
        switch field.kind {
        case .key: return { $0.key }
        case .header(let name):
            let wanted = Array(name.utf8)
            return { record in
                var found: UnsafeRawBufferPointer?
                try? record.forEachHeader { key, value in
                    if wanted.withUnsafeBytes({ Self.order(key, $0) == 0 }) { found = value }
                }
                return found
            }
        default: return { $0.value }
        }
    }

    private func jsonPath(_ field: WhereOperand) -> [JSONPathStep] {
        if case .value(let path) = field.kind { return path }
        return []
    }

    private func literalText(_ operand: WhereOperand) -> String {
        switch operand.kind {
        case .string(let text), .number(let text): return text
        default: return ""
        }
    }

    private func literalBytes(_ operand: WhereOperand) -> [UInt8] { Array(literalText(operand).utf8) }

    private func timeLiteral(_ operand: WhereOperand) throws -> Int64 { try operand.timeMillis(now: now) }

    // MARK: Primitive operations

    /// -1, 0 or 1: bytes compared as unsigned bytes, the shorter first when one is a prefix of the other.
    static func order(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Int {
        let common = min(left.count, right.count)
        if common > 0 {
            let result = memcmp(left.baseAddress!, right.baseAddress!, common)
            if result != 0 { return result < 0 ? -1 : 1 }
        }
        return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
    }

    static func order<T: Comparable>(_ left: T, _ right: T) -> Int { left < right ? -1 : (left == right ? 0 : 1) }

    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer) -> Bool {
        guard needle.count > 0 else { return true }
        guard haystack.count >= needle.count else { return false }
        // memchr to each candidate first byte, memcmp for the rest (Glibc's module does not export GNU memmem).
        let first = Int32(needle[0])
        var start = haystack.baseAddress!
        let lastStart = haystack.baseAddress! + (haystack.count - needle.count)
        while start <= lastStart {
            guard let hit = memchr(start, first, lastStart - start + 1) else { return false }
            let candidate = UnsafeRawPointer(hit)
            if memcmp(candidate, needle.baseAddress!, needle.count) == 0 { return true }
            start = candidate + 1
        }
        return false
    }

    /// The bytes as a decimal number (JSON's or plain text's), or nil.
    static func number(_ bytes: UnsafeRawBufferPointer) -> Double? {
        guard !bytes.isEmpty, bytes.count <= 64 else { return nil }
        // Whole numbers (the common case) without making a String.
        var value: Int64 = 0
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var digits = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9"), digits < 18 {
            value = value * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
            index += 1
            digits += 1
        }
        if index == bytes.count && digits > 0 { return Double(negative ? -value : value) }
        return Double(String(decoding: bytes, as: UTF8.self))
    }
}

extension WhereComparison {
    /// The same test with its sides swapped.
    var flipped: WhereComparison {
        switch self {
        case .equal, .notEqual: return self
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        }
    }

    /// Whether an ordering (-1, 0, 1 of left against right) satisfies this comparison.
    func holds(_ order: Int) -> Bool {
        switch self {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }
}

extension WhereOperand {
    /// A time literal as epoch milliseconds: a duration from `now`, `now`, epoch milliseconds or a quoted time. The
    /// predicate's comparisons and the planner's ListOffsets bounds read times through this one function.
    func timeMillis(now: Int64) throws -> Int64 {
        switch kind {
        case .duration(let millis): return now + millis
        case .now: return now
        case .number(let text):
            guard let millis = Int64(text) else {
                throw WhereError(column: column, message: "a time in milliseconds is a whole number, not '\(text)'")
            }
            return millis
        case .string(let text):
            guard let millis = TimeExpression.parse(text, now: now) else {
                throw WhereError(column: column, message: "'\(text)' is not a time: use ISO-8601 (2026-12-01T10:00:00Z), epoch milliseconds, -15m or now")
            }
            return millis
        default:
            throw WhereError(column: column, message: "expected a time")
        }
    }
}

extension RecordPredicate {
    /// A command's `validate()` check of a `--where` expression: a syntax or type error becomes the one usage line
    /// that names its column.
    static func validate(_ expression: String) throws {
        do {
            _ = try RecordPredicate(expression)
        } catch let error as WhereError {
            throw ValidationError(error.line())
        }
    }
}

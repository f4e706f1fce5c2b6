/// One login module entry of `sasl.jaas.config`, read as Kafka's `JaasConfig` reads it:
///
///     org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="secret";
///
/// A class name, a control flag, then `key=value` options (values bare or double-quoted with backslash escapes),
/// ended by `;`. `//` and `/* */` comments are allowed between tokens. Error messages never repeat a value.
public struct JAASConfig: Sendable, Hashable {
    public var loginModule: String
    public var controlFlag: String
    public var options: [String: String]

    public init(loginModule: String, controlFlag: String = "required", options: [String: String] = [:]) {
        self.loginModule = loginModule
        self.controlFlag = controlFlag
        self.options = options
    }

    /// The login module's class name without its package (`PlainLoginModule`).
    public var moduleName: Substring { loginModule.split(separator: ".").last ?? Substring(loginModule) }

    public static func parse(_ text: String) throws -> JAASConfig {
        var tokens = try tokenize(text)[...]
        func fail(_ what: String) -> KafkactlError {
            KafkactlError(.usage, "invalid sasl.jaas.config: \(what); expected e.g. org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\" password=\"...\";")
        }
        guard case .word(let module)? = tokens.popFirst() else { throw fail("it does not start with a login module class name") }
        guard case .word(let flag)? = tokens.popFirst() else { throw fail("no control flag after \(module)") }
        guard ["required", "requisite", "sufficient", "optional"].contains(flag.lowercased()) else {
            throw fail("'\(flag)' is not a control flag (required, requisite, sufficient or optional)")
        }
        var options: [String: String] = [:]
        while true {
            switch tokens.popFirst() {
            case .semicolon?:
                if let extra = tokens.first {
                    if case .word(let word) = extra { throw fail("a second login module (\(word)); Kafka allows exactly one") }
                    throw fail("text after the closing ';'")
                }
                return JAASConfig(loginModule: module, controlFlag: flag.lowercased(), options: options)
            case .word(let key)?:
                guard case .equals? = tokens.popFirst() else { throw fail("no '=' after option '\(key)'") }
                switch tokens.popFirst() {
                case .word(let value)?, .quoted(let value)?: options[key] = value
                default: throw fail("no value for option '\(key)'")
                }
            case .quoted?: throw fail("a quoted value where an option name belongs")
            case .equals?: throw fail("'=' without an option name")
            case nil: throw fail("it does not end with ';'")
            }
        }
    }

    private enum Token: Equatable {
        case word(String), quoted(String), equals, semicolon
    }

    private static func tokenize(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        var characters = Array(text)[...]
        func isWordCharacter(_ c: Character) -> Bool {
            c.isLetter || c.isNumber || c == "." || c == "_" || c == "-" || c == "$" || c == "/" || c == ":" || c == "+"
        }
        while let c = characters.first {
            if c.isWhitespace {
                characters.removeFirst()
            } else if c == "/" && characters.dropFirst().first == "/" {
                while let next = characters.first, next != "\n" { characters.removeFirst() }
            } else if c == "/" && characters.dropFirst().first == "*" {
                characters.removeFirst(2)
                while !characters.isEmpty && !(characters.first == "*" && characters.dropFirst().first == "/") {
                    characters.removeFirst()
                }
                guard !characters.isEmpty else {
                    throw KafkactlError(.usage, "invalid sasl.jaas.config: a /* comment is never closed")
                }
                characters.removeFirst(2)
            } else if c == "=" {
                tokens.append(.equals)
                characters.removeFirst()
            } else if c == ";" {
                tokens.append(.semicolon)
                characters.removeFirst()
            } else if c == "\"" || c == "'" {
                let quote = characters.removeFirst()
                var value = ""
                var closed = false
                while let next = characters.popFirst() {
                    if next == quote { closed = true; break }
                    if next == "\\", let escaped = characters.popFirst() {
                        switch escaped {
                        case "n": value.append("\n")
                        case "t": value.append("\t")
                        case "r": value.append("\r")
                        default: value.append(escaped)
                        }
                    } else {
                        value.append(next)
                    }
                }
                guard closed else { throw KafkactlError(.usage, "invalid sasl.jaas.config: a quoted value is never closed") }
                tokens.append(.quoted(value))
            } else if isWordCharacter(c) {
                var word = ""
                while let next = characters.first, isWordCharacter(next) {
                    word.append(next)
                    characters.removeFirst()
                }
                tokens.append(.word(word))
            } else {
                // The character is not named: it may be part of an unquoted password.
                throw KafkactlError(.usage, "invalid sasl.jaas.config: a character outside quotes that is not part of a name; write values in double quotes")
            }
        }
        return tokens
    }
}

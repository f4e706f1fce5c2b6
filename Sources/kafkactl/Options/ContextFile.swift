import AdminCore

#if canImport(Glibc)
import Glibc
#endif

/// One named connection in the contexts file: a cluster's bootstrap servers and the Kafka client properties to
/// reach it (security.protocol, ssl.*, sasl.*, timeouts...), with passwords read from an environment variable or a
/// file rather than written in the file.
struct ConnectionContext: Equatable, Sendable {
    var name: String
    var bootstrapServers: String?
    /// Kafka client properties, in the file's order.
    var properties: [(key: String, value: String)] = []
    /// `passwordEnv` / `passwordFile`: where `sasl.password` comes from.
    var passwordEnv: String?
    var passwordFile: String?
    /// `keyPasswordEnv` / `keyPasswordFile`: where `ssl.key.password` comes from.
    var keyPasswordEnv: String?
    var keyPasswordFile: String?

    static func == (lhs: ConnectionContext, rhs: ConnectionContext) -> Bool {
        lhs.name == rhs.name && lhs.bootstrapServers == rhs.bootstrapServers
            && lhs.properties.map { "\($0.key)=\($0.value)" } == rhs.properties.map { "\($0.key)=\($0.value)" }
            && lhs.passwordEnv == rhs.passwordEnv && lhs.passwordFile == rhs.passwordFile
            && lhs.keyPasswordEnv == rhs.keyPasswordEnv && lhs.keyPasswordFile == rhs.keyPasswordFile
    }

    /// The properties with the bootstrap servers and the passwords filled in. A password source that is not
    /// there is a usage error naming the context and the source (never a value).
    func resolvedProperties(environment: (String) -> String?) throws -> [String: String] {
        var result: [String: String] = [:]
        // Paths in a context may start with ~/ (a properties file's may not: Kafka's tools do not expand them).
        for (key, value) in properties {
            result[key] = key.hasSuffix(".location") ? ContextFile.expandingTilde(value, environment: environment) : value
        }
        if let bootstrapServers { result["bootstrap.servers"] = bootstrapServers }
        if let password = try secret(env: passwordEnv, file: passwordFile, what: "password", environment: environment) {
            result["sasl.password"] = password
        }
        if let password = try secret(env: keyPasswordEnv, file: keyPasswordFile, what: "key password", environment: environment) {
            result["ssl.key.password"] = password
        }
        return result
    }

    private func secret(env: String?, file: String?, what: String, environment: (String) -> String?) throws -> String? {
        if let env {
            guard let value = environment(env) else {
                throw KafkactlUsageError("context '\(name)' takes its \(what) from $\(env), which is not set")
            }
            return value
        }
        if let file {
            let path = ContextFile.expandingTilde(file, environment: environment)
            guard let text = PropertiesFile.readFile(path) else {
                throw KafkactlUsageError("cannot read the \(what) file '\(file)' of context '\(name)': \(String(cString: strerror(errno)))")
            }
            // A file written by `echo` ends with a newline that is no part of the password.
            var password = Substring(text)
            while password.last == "\n" || password.last == "\r" { password = password.dropLast() }
            return String(password)
        }
        return nil
    }

    /// How the SASL password is given, for `config get-contexts` (never the password itself).
    var passwordSource: String {
        if let passwordEnv { return "$\(passwordEnv)" }
        if let passwordFile { return "file \(passwordFile)" }
        if properties.contains(where: { $0.key == "sasl.password" }) { return "inline \(Secret.mask)" }
        if let jaas = properties.first(where: { $0.key == "sasl.jaas.config" })?.value, jaas.contains("password") {
            return "sasl.jaas.config \(Secret.mask)"
        }
        return "-"
    }

    func property(_ key: String) -> String? { properties.last { $0.key == key }?.value }
}

/// `$XDG_CONFIG_HOME/kafkactl/config.yaml` (`~/.config/kafkactl/config.yaml`; `$KAFKACTL_CONFIG` names another file):
///
///     current-context: prod
///     contexts:
///       - name: prod
///         bootstrap-servers: kafka-1.example.com:9093,kafka-2.example.com:9093
///         properties:
///           security.protocol: SASL_SSL
///           sasl.mechanism: SCRAM-SHA-512
///           sasl.username: alice
///           ssl.ca.location: /etc/kafka/ca.pem
///         passwordEnv: PROD_KAFKA_PASSWORD
struct ContextFile: Sendable {
    var path: String
    var currentContext: String?
    var contexts: [ConnectionContext]

    /// Where the file is, from the environment.
    static func defaultPath(environment: (String) -> String?) -> String {
        if let path = environment("KAFKACTL_CONFIG"), !path.isEmpty { return expandingTilde(path, environment: environment) }
        if let config = environment("XDG_CONFIG_HOME"), config.hasPrefix("/") { return config + "/kafkactl/config.yaml" }
        return (environment("HOME") ?? "") + "/.config/kafkactl/config.yaml"
    }

    static func expandingTilde(_ path: String, environment: (String) -> String?) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment("HOME") else { return path }
        return home + path.dropFirst()
    }

    /// The file at `path`, or nil when there is none. A file that cannot be read or parsed is a usage error.
    static func load(path: String) throws -> ContextFile? {
        guard access(path, F_OK) == 0 else { return nil }
        guard let text = PropertiesFile.readFile(path) else {
            throw KafkactlUsageError("cannot read the contexts file '\(path)': \(String(cString: strerror(errno)))")
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws -> ContextFile {
        func fail(_ what: String) -> KafkactlError { KafkactlUsageError("invalid contexts file '\(path)': \(what)") }
        let root: YAMLNode?
        do {
            root = try YAMLNode.parse(text)
        } catch {
            throw fail(error.message)
        }
        guard let root else { return ContextFile(path: path, currentContext: nil, contexts: []) }
        guard let mapping = root.mapping else { throw fail("expected a mapping with current-context and contexts") }
        var file = ContextFile(path: path, currentContext: nil, contexts: [])
        for (keyNode, value) in mapping {
            let key = keyNode.scalar ?? ""
            switch key {
            case "current-context", "currentContext":
                file.currentContext = value.scalar?.nonEmpty
            case "contexts":
                guard let list = value.sequence else { throw fail("contexts must be a list of contexts, each with a name") }
                for entry in list { file.contexts.append(try context(entry, fail: fail)) }
            default:
                throw fail("unknown key '\(key)' (expected current-context and contexts)")
            }
        }
        var seen: Set<String> = []
        for context in file.contexts where !seen.insert(context.name).inserted {
            throw fail("context '\(context.name)' is defined twice")
        }
        return file
    }

    private static func context(_ node: YAMLNode, fail: (String) -> KafkactlError) throws -> ConnectionContext {
        guard let mapping = node.mapping else { throw fail("each context must be a mapping with a name") }
        guard let name = node["name"]?.scalar?.nonEmpty else { throw fail("a context has no name") }
        var context = ConnectionContext(name: name)
        func string(_ value: YAMLNode, _ key: String) throws -> String {
            guard let text = value.scalar else { throw fail("\(key) of context '\(name)' must be a single value") }
            return text
        }
        for (keyNode, value) in mapping {
            let key = keyNode.scalar ?? ""
            switch key {
            case "name":
                break
            case "bootstrap-servers", "bootstrapServers", "bootstrap.servers":
                if let list = value.sequence {
                    context.bootstrapServers = try list.map { try string($0, key) }.joined(separator: ",")
                } else {
                    context.bootstrapServers = try string(value, key)
                }
            case "properties":
                guard let properties = value.mapping else {
                    throw fail("properties of context '\(name)' must be a mapping of Kafka client properties")
                }
                for (propertyKey, propertyValue) in properties {
                    let property = propertyKey.scalar ?? ""
                    guard let text = propertyValue.scalar else {
                        throw fail("property \(property) of context '\(name)' must be a single value")
                    }
                    context.properties.append((property, text))
                }
            case "passwordEnv", "password-env": context.passwordEnv = try string(value, key)
            case "passwordFile", "password-file": context.passwordFile = try string(value, key)
            case "keyPasswordEnv", "key-password-env": context.keyPasswordEnv = try string(value, key)
            case "keyPasswordFile", "key-password-file": context.keyPasswordFile = try string(value, key)
            default:
                throw fail("unknown key '\(key)' in context '\(name)' (expected name, bootstrap-servers, properties, passwordEnv, passwordFile, keyPasswordEnv, keyPasswordFile)")
            }
        }
        if context.passwordEnv != nil && context.passwordFile != nil {
            throw fail("context '\(name)' sets both passwordEnv and passwordFile; keep one")
        }
        return context
    }

    /// The named context, or a usage error listing the names there are.
    func context(named name: String) throws -> ConnectionContext {
        if let context = contexts.first(where: { $0.name == name }) { return context }
        let known = contexts.isEmpty ? "it defines none" : "it defines \(contexts.map { "'\($0.name)'" }.joined(separator: ", "))"
        throw KafkactlUsageError("no context '\(name)' in '\(path)': \(known)")
    }

    /// `text` with its top-level `current-context:` set to `name`: only that line changes (or a first line is
    /// added), so comments and layout survive `kafkactl config use-context`.
    static func settingCurrentContext(_ name: String, in text: String) -> String {
        let value = name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) } ? name : "\"\(name.replacing("\\", with: "\\\\").replacing("\"", with: "\\\""))\""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let index = lines.firstIndex(where: { $0.hasPrefix("current-context:") || $0.hasPrefix("currentContext:") }) {
            lines[index] = "current-context: \(value)"
            return lines.joined(separator: "\n")
        }
        return "current-context: \(value)\n" + text
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}

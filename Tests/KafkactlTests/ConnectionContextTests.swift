import AdminCore
import Foundation
import Testing

@testable import kafkactl

/// The contexts file (YAML), `use-context`'s rewrite, `get-contexts`' masking, and how flags, environment and
/// contexts combine into one connection.
@Suite struct ConnectionContextTests {
    static let yaml = """
        # clusters
        current-context: local   # the default
        contexts:
          - name: local
            bootstrap-servers: localhost:9092
          - name: prod
            bootstrap-servers: [kafka-1:9093, kafka-2:9093]
            properties:
              security.protocol: SASL_SSL
              sasl.mechanism: SCRAM-SHA-512
              sasl.username: alice
              ssl.ca.location: /etc/kafka/ca.pem
              request.timeout.ms: 5000
              ssl.endpoint.identification.algorithm: ""
            passwordEnv: PROD_PASSWORD
          - name: staging
            bootstrap-servers: staging:9093
            properties:
              security.protocol: SASL_PLAINTEXT
              sasl.jaas.config: org.apache.kafka.common.security.plain.PlainLoginModule required username="bob" password="inline-secret";
          - name: filed
            bootstrap-servers: filed:9093
            properties:
              sasl.username: carol
            passwordFile: ~/secret.txt
        """

    static func file() throws -> ContextFile { try ContextFile.parse(yaml, path: "/home/u/.config/kafkactl/config.yaml") }

    static func environment(_ values: [String: String]) -> (String) -> String? { { values[$0] } }

    func resolve(
        bootstrap: String? = nil, context: String? = nil, properties: [String: String] = [:], environment: [String: String] = [:],
        file: ContextFile? = nil
    ) throws -> ConnectionResolution {
        let parsed = try file ?? Self.file()
        return try ConnectionResolver.resolve(
            flagBootstrap: bootstrap, flagContext: context, explicitProperties: properties,
            environment: Self.environment(environment), loadFile: { parsed })
    }

    func usageMessage(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as KafkactlError {
            return error.category == .usage ? error.message : "not usage: \(error.message)"
        } catch {
            return "\(error)"
        }
    }

    @Test func parsesContextsInOrderWithTheirProperties() throws {
        let file = try Self.file()
        #expect(file.currentContext == "local")
        #expect(file.contexts.map(\.name) == ["local", "prod", "staging", "filed"])
        let prod = try file.context(named: "prod")
        #expect(prod.bootstrapServers == "kafka-1:9093,kafka-2:9093")
        #expect(prod.properties.map(\.key) == ["security.protocol", "sasl.mechanism", "sasl.username", "ssl.ca.location", "request.timeout.ms", "ssl.endpoint.identification.algorithm"])
        #expect(prod.property("request.timeout.ms") == "5000")
        #expect(prod.property("ssl.endpoint.identification.algorithm") == "")
        #expect(prod.passwordEnv == "PROD_PASSWORD")
    }

    @Test("malformed files are one usage line naming the file and the problem", arguments: [
        ("contexts: [", "invalid contexts file 'f.yaml': "),
        ("current: x", "invalid contexts file 'f.yaml': unknown key 'current' (expected current-context and contexts)"),
        ("contexts:\n  - bootstrap-servers: a:1", "invalid contexts file 'f.yaml': a context has no name"),
        ("contexts:\n  - name: a\n    boostrap-servers: a:1", "invalid contexts file 'f.yaml': unknown key 'boostrap-servers' in context 'a'"),
        ("contexts:\n  - name: a\n  - name: a", "invalid contexts file 'f.yaml': context 'a' is defined twice"),
        ("contexts:\n  - name: a\n    passwordEnv: X\n    passwordFile: y", "invalid contexts file 'f.yaml': context 'a' sets both passwordEnv and passwordFile; keep one"),
        ("contexts:\n  - name: a\n    properties: [x]", "invalid contexts file 'f.yaml': properties of context 'a' must be a mapping of Kafka client properties"),
        ("- a\n- b", "invalid contexts file 'f.yaml': expected a mapping with current-context and contexts"),
    ])
    func malformed(text: String, prefix: String) {
        let message = usageMessage { _ = try ContextFile.parse(text, path: "f.yaml") }
        #expect(message?.hasPrefix(prefix) == true, "\(message ?? "no error")")
        #expect(message?.contains("\n") == false)
    }

    @Test func anEmptyFileHasNoContexts() throws {
        #expect(try ContextFile.parse("", path: "f").contexts.isEmpty)
    }

    @Test func theCurrentContextAppliesWhenNothingElseNamesACluster() throws {
        let resolution = try resolve()
        #expect(resolution.bootstrap == "localhost:9092")
        #expect(resolution.contextName == "local")
    }

    @Test("a flag, a flag's properties file or KAFKACTL_BOOTSTRAP_SERVER keeps the current context out", arguments: [
        (Optional("b:1"), [String: String](), [String: String](), "b:1"),
        (nil, ["bootstrap.servers": "p:1"], [:], "p:1"),
        (nil, [:], ["KAFKACTL_BOOTSTRAP_SERVER": "e:1"], "e:1"),
    ])
    func explicitClustersWin(bootstrap: String?, properties: [String: String], environment: [String: String], expected: String) throws {
        let resolution = try resolve(bootstrap: bootstrap, properties: properties, environment: environment)
        #expect(resolution.bootstrap == expected)
        #expect(resolution.contextName == nil)
        #expect(resolution.properties["security.protocol"] == nil)
    }

    @Test func aNamedContextSuppliesSecurityAndThePasswordFromTheEnvironment() throws {
        let resolution = try resolve(context: "prod", environment: ["PROD_PASSWORD": "pw-from-env"])
        #expect(resolution.contextName == "prod")
        #expect(resolution.bootstrap == "kafka-1:9093,kafka-2:9093")
        #expect(resolution.properties["sasl.password"] == "pw-from-env")
        #expect(resolution.properties["ssl.ca.location"] == "/etc/kafka/ca.pem")
        // (that file does not exist here, and would be checked)
        let properties = resolution.properties.filter { $0.key != "ssl.ca.location" }
        let configuration = try ClientConfiguration(properties: properties, bootstrapOverride: resolution.bootstrap)
        #expect(configuration.security.securityProtocol == .saslSSL)
        #expect(configuration.security.sasl == SASLSettings(mechanism: .scramSHA512, username: "alice", password: Secret("pw-from-env")))
        #expect(configuration.security.tls?.verifyHostname == false)
        #expect(configuration.requestTimeout == .milliseconds(5000))
    }

    @Test func precedenceFlagsOverEnvironmentOverContext() throws {
        let environment = ["PROD_PASSWORD": "pw", "KAFKACTL_CONTEXT": "prod", "KAFKACTL_BOOTSTRAP_SERVER": "env:1"]
        // KAFKACTL_CONTEXT picks the context; KAFKACTL_BOOTSTRAP_SERVER beats its servers; the flag beats both.
        let fromEnvironment = try resolve(environment: environment)
        #expect(fromEnvironment.contextName == "prod")
        #expect(fromEnvironment.bootstrap == "env:1")
        #expect(try resolve(bootstrap: "flag:1", environment: environment).bootstrap == "flag:1")
        // A property given by flag beats the context's; --context beats KAFKACTL_CONTEXT.
        let overridden = try resolve(properties: ["request.timeout.ms": "1", "bootstrap.servers": "file:1"], environment: environment)
        #expect(overridden.properties["request.timeout.ms"] == "1")
        #expect(overridden.bootstrap == "file:1")
        #expect(try resolve(context: "local", environment: environment).contextName == "local")
    }

    @Test func passwordsFromFilesLoseTheirTrailingNewline() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kafkactl-ctx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try "file-pw\n".write(to: home.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        let resolution = try resolve(context: "filed", environment: ["HOME": home.path])
        #expect(resolution.properties["sasl.password"] == "file-pw")
        let tilde = try ContextFile.parse("contexts:\n  - name: t\n    properties:\n      ssl.ca.location: ~/ca.pem\n      client.id: ~x", path: "f")
        let expanded = try resolve(context: "t", environment: ["HOME": "/home/u"], file: tilde).properties
        #expect(expanded["ssl.ca.location"] == "/home/u/ca.pem" && expanded["client.id"] == "~x")
        let missing = usageMessage { _ = try resolve(context: "filed", environment: ["HOME": "/nonexistent"]) }
        #expect(missing == "cannot read the password file '~/secret.txt' of context 'filed': No such file or directory")
    }

    @Test func missingSourcesAndNamesAreOneLine() throws {
        #expect(usageMessage { _ = try resolve(context: "prod") } == "context 'prod' takes its password from $PROD_PASSWORD, which is not set")
        #expect(usageMessage { _ = try resolve(context: "nope") }
            == "no context 'nope' in '/home/u/.config/kafkactl/config.yaml': it defines 'local', 'prod', 'staging', 'filed'")
        let dangling = try ContextFile.parse("current-context: gone\ncontexts: []", path: "f.yaml")
        #expect(usageMessage { _ = try resolve(file: dangling) }
            == "current-context 'gone' in 'f.yaml' names no context; fix it with kafkactl config use-context NAME")
        let noFile = usageMessage {
            _ = try ConnectionResolver.resolve(
                flagBootstrap: nil, flagContext: "prod", explicitProperties: [:],
                environment: Self.environment(["XDG_CONFIG_HOME": "/cfg"]), loadFile: { nil })
        }
        #expect(noFile == "--context names context 'prod', but there is no contexts file at '/cfg/kafkactl/config.yaml' (see kafkactl config --help)")
    }

    @Test func theFileIsFoundThroughTheEnvironment() {
        #expect(ContextFile.defaultPath(environment: Self.environment(["HOME": "/home/u"])) == "/home/u/.config/kafkactl/config.yaml")
        #expect(ContextFile.defaultPath(environment: Self.environment(["HOME": "/home/u", "XDG_CONFIG_HOME": "/x"])) == "/x/kafkactl/config.yaml")
        #expect(ContextFile.defaultPath(environment: Self.environment(["HOME": "/home/u", "XDG_CONFIG_HOME": "relative"])) == "/home/u/.config/kafkactl/config.yaml")
        #expect(ContextFile.defaultPath(environment: Self.environment(["HOME": "/home/u", "KAFKACTL_CONFIG": "~/k.yaml"])) == "/home/u/k.yaml")
    }

    @Test func useContextChangesOnlyTheCurrentContextLine() throws {
        let rewritten = ContextFile.settingCurrentContext("prod", in: Self.yaml)
        #expect(rewritten == Self.yaml.replacingOccurrences(of: "current-context: local   # the default", with: "current-context: prod"))
        #expect(ContextFile.settingCurrentContext("a b", in: "contexts: []\n") == "current-context: \"a b\"\ncontexts: []\n")
        #expect(try ContextFile.parse(ContextFile.settingCurrentContext("a \"b\"", in: "contexts: []\n"), path: "f").currentContext == "a \"b\"")
    }

    @Test func getContextsShowsWhereSecretsComeFromNeverTheSecrets() throws {
        let file = try Self.file()
        let json = Config.GetContexts.json(file).serialized()
        #expect(!json.contains("inline-secret"))
        #expect(json.contains(#""sasl.jaas.config":"********""#))
        #expect(json.contains(#""passwordEnv":"PROD_PASSWORD""#))
        #expect(file.contexts.map(\.passwordSource) == ["-", "$PROD_PASSWORD", "sasl.jaas.config ********", "file ~/secret.txt"])
        #expect(file.contexts.map(Config.GetContexts.user) == ["-", "alice", "bob", "carol"])
        #expect(file.contexts.map(Config.GetContexts.security) == ["PLAINTEXT", "SASL_SSL SCRAM-SHA-512", "SASL_PLAINTEXT", "PLAINTEXT"])
    }
}

import Foundation
import TestSupport
import Testing

/// Named contexts from the built binary: `kafkactl config`, the environment variables, and the shell, whose prompt
/// names the context and whose commands go through its TLS and SASL settings.
@Suite struct SecuredContextTests {
    /// A contexts file with a SCRAM-over-TLS context (password from the environment), a PLAIN one with its password
    /// inline in sasl.jaas.config, and a TLS one; `current` is the current-context.
    static func writeContexts(_ cluster: SecuredCluster, to url: URL, current: String = "secure-tls") throws {
        let text = """
            # The test clusters.
            current-context: \(current)   # changed by use-context
            contexts:
              - name: secure-tls
                bootstrap-servers: \(cluster.tls)
                properties:
                  security.protocol: SSL
                  ssl.ca.location: \(cluster.path("ca.pem"))
              - name: secure-scram
                bootstrap-servers: \(cluster.saslSSL)
                properties:
                  security.protocol: SASL_SSL
                  ssl.ca.location: \(cluster.path("ca.pem"))
                  sasl.mechanism: SCRAM-SHA-512
                  sasl.username: \(Secured.alice.name)
                passwordEnv: KAFKACTL_TEST_SASL_PASSWORD
              - name: inline-plain
                bootstrap-servers: \(cluster.saslPlaintext)
                properties:
                  security.protocol: SASL_PLAINTEXT
                  sasl.jaas.config: 'org.apache.kafka.common.security.plain.PlainLoginModule required username="\(Secured.bob.name)" password="\(Secured.bob.password)";'

            """
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func getContextsListsEveryContextAndMasksEverySecret() async throws {
        let cluster = try await Secured.cluster()
        try await Secured.withDirectory { directory in
            let file = directory.appendingPathComponent("config.yaml")
            try Self.writeContexts(cluster, to: file)
            let environment = ["KAFKACTL_CONFIG": file.path, "KAFKACTL_TEST_SASL_PASSWORD": Secured.alice.password]
            let table = try await Secured.run(["config", "get-contexts"], environment: environment)
            #expect(table.exitCode == 0, "stderr: \(table.stderr)")
            #expect(table.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) } == [
                ["CURRENT", "NAME", "BOOTSTRAP-SERVERS", "SECURITY", "USER", "PASSWORD"],
                ["*", "secure-tls", cluster.tls, "SSL", "-", "-"],
                ["secure-scram", cluster.saslSSL, "SASL_SSL", "SCRAM-SHA-512", "alice", "$KAFKACTL_TEST_SASL_PASSWORD"],
                ["inline-plain", cluster.saslPlaintext, "SASL_PLAINTEXT", "bob", "sasl.jaas.config", "********"],
            ])
            let json = try await Secured.run(["config", "get-contexts", "--output", "json"], environment: environment)
            #expect(json.exitCode == 0)
            let document = try json.jsonObject()
            #expect(document["currentContext"] as? String == "secure-tls")
            let contexts = try #require(document["contexts"] as? [[String: Any]])
            #expect(contexts.map { $0["name"] as? String } == ["secure-tls", "secure-scram", "inline-plain"])
            #expect((contexts[2]["properties"] as? [String: String])?["sasl.jaas.config"] == "********")
            #expect(contexts[1]["passwordEnv"] as? String == "KAFKACTL_TEST_SASL_PASSWORD")
        }
    }

    @Test func useContextSwitchesAndKeepsTheRestOfTheFile() async throws {
        let cluster = try await Secured.cluster()
        try await Secured.withDirectory { directory in
            let file = directory.appendingPathComponent("config.yaml")
            try Self.writeContexts(cluster, to: file)
            let before = try String(contentsOf: file, encoding: .utf8)
            let environment = ["KAFKACTL_CONFIG": file.path]
            let switched = try await Secured.run(["config", "use-context", "inline-plain"], environment: environment)
            #expect(switched.exitCode == 0, "stderr: \(switched.stderr)")
            #expect(switched.stdout == "Switched to context \"inline-plain\".\n")
            let after = try String(contentsOf: file, encoding: .utf8)
            #expect(after == before.replacingOccurrences(of: "current-context: secure-tls   # changed by use-context", with: "current-context: inline-plain"))
            let current = try await Secured.run(["config", "current-context"], environment: environment)
            #expect(current.stdout == "inline-plain\n")
            // The current context is what a bare command uses.
            let listed = try await Secured.run(["topics", "--list"], environment: environment)
            #expect(listed.exitCode == 0, "stderr: \(listed.stderr)")

            let unknown = try await Secured.run(["config", "use-context", "nope"], environment: environment)
            Secured.expectOneLineFailure(unknown, exitCode: 64, containing: [
                "no context 'nope' in '\(file.path)': it defines 'secure-tls', 'secure-scram', 'inline-plain'",
            ])
            #expect(try String(contentsOf: file, encoding: .utf8) == after)
            let noFile = try await Secured.run(["config", "use-context", "x"], environment: ["KAFKACTL_CONFIG": directory.appendingPathComponent("none.yaml").path])
            Secured.expectOneLineFailure(noFile, exitCode: 64, containing: ["there is no contexts file at"])
        }
    }

    @Test func contextFailuresAreOneLineWithoutThePassword() async throws {
        let cluster = try await Secured.cluster()
        try await Secured.withDirectory { directory in
            let file = directory.appendingPathComponent("config.yaml")
            try Self.writeContexts(cluster, to: file)
            let wrong = try await Secured.run(
                ["topics", "--list", "--context", "secure-scram"],
                environment: ["KAFKACTL_CONFIG": file.path, "KAFKACTL_TEST_SASL_PASSWORD": "wrong-Pa55word"])
            Secured.expectOneLineFailure(wrong, exitCode: 1, containing: ["SASL SCRAM-SHA-512 authentication as 'alice'", "[SASL_AUTHENTICATION_FAILED]"])
            let unset = try await Secured.run(["topics", "--list", "--context", "secure-scram"], environment: ["KAFKACTL_CONFIG": file.path])
            Secured.expectOneLineFailure(unset, exitCode: 64, containing: [
                "context 'secure-scram' takes its password from $KAFKACTL_TEST_SASL_PASSWORD, which is not set",
            ])
            let unknown = try await Secured.run(["topics", "--list"], environment: ["KAFKACTL_CONFIG": file.path, "KAFKACTL_CONTEXT": "gone"])
            Secured.expectOneLineFailure(unknown, exitCode: 64, containing: ["no context 'gone'"])
        }
    }

    @Test func theBootstrapServerCanComeFromTheEnvironment() async throws {
        let cluster = try await Secured.cluster()
        try await Secured.withDirectory { directory in
            let properties = try Secured.writeProperties(
                Secured.Mode.scramOverTLS.properties(cluster), to: directory.appendingPathComponent("client.properties"))
            let result = try await Secured.run(
                ["topics", "--list", "--command-config", properties], environment: ["KAFKACTL_BOOTSTRAP_SERVER": cluster.saslSSL])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            // A current-context does not apply when the environment names the cluster.
            let file = directory.appendingPathComponent("config.yaml")
            try Self.writeContexts(cluster, to: file, current: "inline-plain")
            let ignored = try await Secured.run(
                ["topics", "--list"], environment: ["KAFKACTL_CONFIG": file.path, "KAFKACTL_BOOTSTRAP_SERVER": cluster.tls])
            Secured.expectOneLineFailure(ignored, exitCode: ignored.exitCode, containing: ["does the listener need TLS"])
        }
    }

    @Test("the shell's prompt names the context, and its commands go through the context's TLS and SASL")
    func shellPromptShowsTheContext() async throws {
        let cluster = try await Secured.cluster()
        let topic = BrokerHarness.uniqueName("secured-shell")
        try await Secured.withDirectory { directory in
            let file = directory.appendingPathComponent("config.yaml")
            try Self.writeContexts(cluster, to: file, current: "secure-scram")
            var environment = isolatedEnvironment(home: directory)
            environment["KAFKACTL_CONFIG"] = file.path
            environment["KAFKACTL_TEST_SASL_PASSWORD"] = Secured.alice.password
            let prompt = "kafkactl [secure-scram] \(cluster.saslSSL)> "
            typealias Step = TerminalSession.Step
            // Bare `kafkactl` on a terminal: the shell, connected through the current-context.
            let outcome = try await TerminalSession.run(.init(
                command: [kafkactlBinary.path], environment: environment, bootstrap: cluster.plaintextBehindTLS,
                steps: [
                    Step(name: "start", expect: prompt),
                    Step(name: "create", send: "topics --create --topic \(topic) --partitions 1 --replication-factor 1\r",
                         expect: "Created topic \(topic).\r\n" + prompt),
                    Step(name: "list", send: "topics --list\r", expect: prompt),
                    Step(name: "other context", send: "topics --list --context inline-plain\r", expect: prompt),
                    Step(name: "delete", send: "topics --delete --topic \(topic)\r", expect: prompt),
                    Step(name: "exit", send: "exit\r", eof: true),
                ]))
            #expect(outcome.error == nil, "\(outcome.transcript)")
            #expect(outcome.seen("list").contains(topic))
            #expect(!outcome.transcript.contains("Error"), "\(outcome.transcript)")
            for secret in Secured.secrets { #expect(!outcome.transcript.contains(secret)) }

            let explicit = try await TerminalSession.run(.init(
                command: [kafkactlBinary.path, "shell", "--context", "secure-tls"], environment: environment,
                bootstrap: cluster.plaintextBehindTLS,
                steps: [
                    Step(name: "start", expect: "kafkactl [secure-tls] \(cluster.tls)> "),
                    Step(name: "exit", send: "exit\r", eof: true),
                ]))
            #expect(explicit.error == nil, "\(explicit.transcript)")
        }
    }
}

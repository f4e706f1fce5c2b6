import AdminCore
import Foundation
import TestSupport
import Testing

/// `kafkactl shell` with standard input not a terminal: a script of commands, one a line, no prompt and no echo,
/// exit 1 when any command failed.
@Suite struct ShellScriptTests {
    /// Runs `kafkactl shell [arguments]` with `script` on standard input (a pipe).
    static func shell(_ arguments: [String], script: String, timeout: Duration = .seconds(60)) async throws -> ProcessResult {
        let home = try temporaryStateDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        return try await offThePool {
            try runKafkactl(["shell"] + arguments, stdin: Data(script.utf8), timeout: timeout,
                            environment: isolatedEnvironment(home: home))
        }
    }

    @Test func aFailingLineIsOneErrorLineAndTheExitCodeIs1() async throws {
        let bootstrap = try await brokerAddress()
        let topic = BrokerHarness.uniqueName("shell-script-list")
        try await createTopic(topic)
        try await withTopics(topic) {
            let result = try await Self.shell(["--bootstrap-server", bootstrap], script: "topics --list\nbogus\n")
            #expect(result.exitCode == 1, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.contains(topic))
            // Nothing but the list: no prompt, no echo, no blank line at the end.
            #expect(!result.stdout.contains("kafkactl"))
            #expect(!result.stdout.contains("topics --list"))
            #expect(result.stdout.hasSuffix("\n") && !result.stdout.hasSuffix("\n\n"))
            #expect(result.stderrLines == ["Error: unknown command 'bogus' (type help for the list)"])
        }
    }

    /// A command's own timeout counts in the shell as outside it: the shell's warm client (30 s requests) serves only
    /// commands with its settings, and `--timeout-ms 1000` gets a client of its own.
    @Test func aCommandsTimeoutHoldsInsideTheShell() async throws {
        let silent = try ScriptedBroker { _, _ in .silence }
        defer { silent.stop() }
        let started = ContinuousClock.now
        let result = try await Self.shell(["--bootstrap-server", silent.address],
                                          script: "topics --list --timeout-ms 1000\n", timeout: .seconds(60))
        let elapsed = ContinuousClock.now - started
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(result.stderrLines.count == 1 && result.stderr.contains(silent.address), "\(result.stderr)")
        #expect(elapsed < honouredTimeoutBound, "the shell took \(elapsed) for a command with --timeout-ms 1000")
    }

    @Test func aGoodScriptExits0AndSkipsCommentsAndBlankLines() async throws {
        let bootstrap = try await brokerAddress()
        let topic = BrokerHarness.uniqueName("shell-script-good")
        try await withTopics(topic) {
            // Were the comments run, `bogus` would fail and `topics --list` would print.
            let script = """
                # make a topic and look at it
                #bogus

                topics --create --topic \(topic) --partitions 3 --replication-factor 1
                \t
                   # topics --list
                topics --describe --topic \(topic)
                """
            let result = try await Self.shell(["--bootstrap-server", bootstrap], script: script)  // no final newline
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(result.stderr == "")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "Created topic \(topic).")
            #expect(lines.count == 5, "\(result.stdout)")  // created, the topic line, its 3 partitions
            #expect(lines.dropFirst().allSatisfy { $0.contains("Topic: \(topic)\t") })
            #expect(lines[1].contains("PartitionCount: 3"))
        }
    }

    @Test func connectSwitchesBrokersMidScript() async throws {
        let bootstrap = try await brokerAddress()
        let topic = BrokerHarness.uniqueName("shell-script-connect")
        let elsewhere = try Self.clusterWithOneTopic("only-on-the-scripted-broker")
        defer { elsewhere.stop() }
        try await createTopic(topic)
        try await withTopics(topic) {
            let script = "topics --list\nconnect \(bootstrap)\ntopics --list\nconnect \(elsewhere.address)\ntopics --list\n"
            let result = try await Self.shell(["--bootstrap-server", elsewhere.address], script: script)
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(result.stderr == "")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            // The scripted broker's one topic, the test broker's list (ours in it, the scripted one not), then the
            // scripted broker's again.
            try #require(lines.count >= 3, "\(result.stdout)")
            #expect(lines.first == "only-on-the-scripted-broker")
            #expect(lines.last == "only-on-the-scripted-broker")
            let middle = lines.dropFirst().dropLast()
            #expect(middle.contains(topic))
            #expect(!middle.contains("only-on-the-scripted-broker"))
        }
    }

    @Test func theShellsBrokerIsTheDefaultAndAnExplicitOneWins() async throws {
        let bootstrap = try await brokerAddress()
        let topic = BrokerHarness.uniqueName("shell-script-explicit")
        try await createTopic(topic)
        try await withTopics(topic) {
            // The shell's own broker answers nothing; the command names the test broker itself.
            let result = try await Self.shell(
                ["--bootstrap-server", "127.0.0.1:1"], script: "topics --list --bootstrap-server \(bootstrap)\n")
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(result.stdout.split(separator: "\n").map(String.init).contains(topic))
        }
    }

    @Test func builtinsAndBadLinesInAScript() async throws {
        let script = """
            connect
            connect a:1 b:2
            shell
            topics --topic 'unterminated
            topics --list
            help
            """
        let result = try await Self.shell([], script: script)
        #expect(result.exitCode == 1)
        #expect(result.stderrLines == [
            "Error: usage: connect HOST:PORT[,HOST:PORT...]",
            "Error: usage: connect HOST:PORT[,HOST:PORT...]",
            "Error: already in the shell",
            "Error: unterminated ' quote: close it or escape it with a backslash",
            "Error: --bootstrap-server must be specified (or bootstrap.servers in --command-config)",
        ], "\(result.stderr)")
        // help still ran after the failures, on stdout.
        #expect(result.stdout.contains("Shell commands: connect HOST:PORT[,HOST:PORT...], help, exit (or Ctrl-D)."))
        #expect(result.stdout.contains("console-consumer"))
    }

    @Test func exitEndsTheScript() async throws {
        let bootstrap = try await brokerAddress()
        let result = try await Self.shell(["--bootstrap-server", bootstrap], script: "topics --list --exclude-internal\nexit\nbogus\n")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let quit = try await Self.shell(["--bootstrap-server", bootstrap], script: "bogus\nquit\ntopics --list\n")
        #expect(quit.exitCode == 1)
        #expect(quit.stdout == "")
    }

    @Test func anEmptyScriptExits0() async throws {
        let result = try await Self.shell([], script: "")
        #expect(result.exitCode == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "")
    }

    /// A scripted broker (node 1) whose metadata lists one topic.
    static func clusterWithOneTopic(_ name: String) throws -> ScriptedBroker {
        let port = PortBox()
        let broker = try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12]) { header, _ in
            guard header.apiKey == .metadata else { return .silence }
            return ScriptedBroker.oneNodeMetadataReply(port: Int(port.value), topics: [name: 1], version: header.apiVersion)
        }
        port.value = broker.port
        return broker
    }

    final class PortBox: @unchecked Sendable {
        private let lock = NSLock()
        private var stored = 0
        var value: Int {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }
}

import Foundation
import TestSupport
import Testing

/// `kafkactl shell` on a real pseudo-terminal (pexpect): what a new user does in the first minute, keys and all.
/// TERM=dumb, so libedit redraws the whole line after a completion or a history recall and the screen shows the
/// completed text in one piece.
@Suite(.serialized) struct ShellTerminalTests {
    static let tab = "\t"
    static let up = "\u{1b}[A"
    static let ctrlC = "\u{03}"
    static let ctrlD = "\u{04}"
    static let ctrlU = "\u{15}"

    static func environment(_ state: URL) -> [String: String] {
        isolatedEnvironment(home: state).merging(["TERM": "dumb"]) { _, new in new }
    }

    static func describe(_ outcome: TerminalSession.Outcome) -> Comment {
        "error: \(outcome.error ?? "none")\n--- transcript ---\n\(outcome.transcript)"
    }

    /// Creates a consumer group with a committed offset on `topic` (confluent-kafka), so the broker lists it.
    static func commitGroup(_ group: String, on topic: String) async throws {
        let result = try await python("""
            import sys
            from confluent_kafka import Consumer, TopicPartition
            consumer = Consumer({"bootstrap.servers": sys.argv[1], "group.id": sys.argv[2], "enable.auto.commit": False})
            consumer.commit(offsets=[TopicPartition(sys.argv[3], 0, 0)], asynchronous=False)
            consumer.close()
            """, [group, topic])
        try #require(result.exitCode == 0, "committing for \(group) failed: \(result.stderr)")
    }

    @Test func aNewUserOpensKafkactlCompletesATopicCreatesDescribesTailsInterruptsRecallsAndLeaves() async throws {
        let bootstrap = try await brokerAddress()
        let existing = BrokerHarness.uniqueName("shell-pty-existing")
        let created = BrokerHarness.uniqueName("shell-pty-new")
        let state = try temporaryStateDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        try await createTopic(existing)
        try await withTopics(existing, created) {
            let prompt = "kafkactl \(bootstrap)> "
            let next = "\n" + prompt  // a prompt after Enter (a redraw starts with a carriage return only)
            let typedPrefix = String(existing.dropLast(7))
            let before = "before-the-tail-\(UUID().uuidString.prefix(8))"
            let during = "during-the-tail-\(UUID().uuidString.prefix(8))"
            typealias Step = TerminalSession.Step
            let outcome = try await TerminalSession.run(.init(
                command: [kafkactlBinary.path], environment: Self.environment(state), bootstrap: bootstrap,
                steps: [
                    Step(name: "start", expect: "kafkactl (not connected)> "),
                    Step(name: "connect", send: "connect \(bootstrap)\r", expect: next),
                    Step(name: "complete", send: "topics --describe --topic \(typedPrefix)" + Self.tab,
                         expect: "topics --describe --topic \(existing) ", retry: .init(clear: Self.ctrlU, every: 1)),
                    Step(name: "describe existing", send: "\r", expect: next),
                    Step(name: "create", send: "topics --create --topic \(created) --partitions 2 --replication-factor 1\r",
                         expect: next),
                    Step(name: "describe new", send: "topics --describe --topic \(created)\r", expect: next),
                    Step(name: "produce before", produce: .init(topic: created, value: before)),
                    Step(name: "tail", send: "console-consumer --topic \(created) --from-beginning\r", expect: before),
                    Step(name: "produce during", produce: .init(topic: created, value: during)),
                    Step(name: "live record", expect: during),
                    Step(name: "ctrl-c", send: Self.ctrlC, expect: next, timeout: 10),
                    Step(name: "next command", send: "topics --list\r", expect: next),
                    Step(name: "recall", send: Self.up, expect: "\r\(prompt)topics --list", timeout: 10),
                    Step(name: "run recalled", send: "\r", expect: next),
                    Step(name: "ctrl-d", send: Self.ctrlD, eof: true, timeout: 10),
                ]))
            let comment = Self.describe(outcome)
            #expect(outcome.error == nil, comment)

            // Tab turned the typed prefix into the live topic name, and the describe ran on it.
            #expect(!outcome.seen("start").contains("Error"), comment)
            #expect(outcome.seen("describe existing").contains("Topic: \(existing)\t"), comment)
            #expect(outcome.seen("create").contains("Created topic \(created)."), comment)
            #expect(outcome.seen("describe new").contains("Topic: \(created)\t"), comment)
            #expect(outcome.seen("describe new").contains("PartitionCount: 2"), comment)
            // Ctrl-C stopped the tail: Kafka's closing count, then the prompt; the shell is still there.
            #expect(outcome.seen("ctrl-c").contains("Processed a total of 2 messages"), comment)
            let listed = TerminalSession.lines(outcome.seen("next command"))
            #expect(listed.contains(created) && listed.contains(existing), comment)
            #expect(!outcome.seen("next command").contains("Error"), comment)
            // The up arrow brought `topics --list` back, and Enter ran it again.
            #expect(TerminalSession.lines(outcome.seen("run recalled")).contains(created), comment)
            // Ctrl-D left with 0.
            #expect(outcome.exitStatus == 0, comment)
            #expect(outcome.signalStatus == nil, comment)

            let history = try historyEntries(in: state)
            #expect(history == [
                "connect \(bootstrap)",
                "topics --describe --topic \(existing)",
                "topics --create --topic \(created) --partitions 2 --replication-factor 1",
                "topics --describe --topic \(created)",
                "console-consumer --topic \(created) --from-beginning",
                "topics --list",
                "topics --list",
            ], comment)
        }
    }

    /// Issue 18, item 2: commands one after another, each ended by Ctrl-D or Ctrl-C, leave the shell usable. The
    /// consumer's Ctrl-C after a producer ended by Ctrl-D was lost (the prompt never came back); the line typed after
    /// an interrupted producer went to that producer's stdin reader; the producer's last `>` stood in front of the
    /// next prompt.
    @Test func everyCommandEndedByCtrlDOrCtrlCGivesBackAUsablePrompt() async throws {
        let bootstrap = try await brokerAddress()
        let topic = BrokerHarness.uniqueName("shell-pty-sequence")
        let state = try temporaryStateDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        try await createTopic(topic)
        try await withTopics(topic) {
            let prompt = "kafkactl \(bootstrap)> "
            let next = "\n" + prompt
            typealias Step = TerminalSession.Step
            let outcome = try await TerminalSession.run(.init(
                command: [kafkactlBinary.path, "shell", "--bootstrap-server", bootstrap],
                environment: Self.environment(state), bootstrap: bootstrap,
                steps: [
                    Step(name: "start", expect: prompt),
                    Step(name: "producer", send: "console-producer --topic \(topic)\r", expect: ">"),
                    Step(name: "line a", send: "a\r", expect: ">"),
                    Step(name: "line b", send: "b\r", expect: ">"),
                    Step(name: "producer ctrl-d", send: Self.ctrlD, expect: prompt, timeout: 10),
                    Step(name: "consumer", send: "console-consumer --topic \(topic) --from-beginning\r", expect: "b\r\n"),
                    Step(name: "consumer ctrl-c", send: Self.ctrlC, expect: next, timeout: 10),
                    Step(name: "producer again", send: "console-producer --topic \(topic)\r", expect: ">"),
                    Step(name: "line c", send: "c\r", expect: ">"),
                    Step(name: "producer ctrl-c", send: Self.ctrlC, expect: next, timeout: 10),
                    Step(name: "command after", send: "get-offsets --topic \(topic)\r", expect: next, timeout: 10),
                    Step(name: "consumer again", send: "console-consumer --topic \(topic) --from-beginning\r", expect: "c\r\n"),
                    Step(name: "consumer ctrl-c again", send: Self.ctrlC, expect: next, timeout: 10),
                    Step(name: "ctrl-c at the prompt", send: Self.ctrlC + "topics --list --topic \(topic)\r", expect: next, timeout: 10),
                    Step(name: "ctrl-d", send: Self.ctrlD, eof: true, timeout: 10),
                ]))
            let comment = Self.describe(outcome)
            #expect(outcome.error == nil, comment)
            // Ctrl-D ended the producer's input: the shell's prompt starts a line of its own.
            #expect(outcome.seen("producer ctrl-d").contains("\n" + prompt), comment)
            #expect(!outcome.seen("producer ctrl-d").contains(">" + prompt), comment)
            #expect(outcome.seen("consumer ctrl-c").contains("Processed a total of 2 messages"), comment)
            #expect(outcome.seen("producer ctrl-c").contains("interrupted: 1 records read before the signal were delivered"), comment)
            // The line typed after the interrupted producer ran as a command.
            #expect(outcome.seen("command after").contains("\(topic):0:"), comment)
            #expect(outcome.seen("consumer ctrl-c again").contains("Processed a total of 3 messages"), comment)
            #expect(outcome.seen("ctrl-c at the prompt").contains("\(topic)\r\n"), comment)
            #expect(outcome.exitStatus == 0, comment)
        }
    }

    /// Ctrl-C stops an admin command that waits for a broker (one without a signal handler of its own) and gives the
    /// prompt back at once; the shell ignored it until the command timed out (30 s here).
    @Test func ctrlCStopsACommandWaitingForASilentBroker() async throws {
        let silent = try ScriptedBroker { _, _ in .silence }
        defer { silent.stop() }
        let state = try temporaryStateDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        let prompt = "kafkactl \(silent.address)> "
        let next = "\n" + prompt
        typealias Step = TerminalSession.Step
        let started = ContinuousClock.now
        let outcome = try await TerminalSession.run(.init(
            command: [kafkactlBinary.path, "shell", "--bootstrap-server", silent.address],
            environment: Self.environment(state), bootstrap: silent.address,
            steps: [
                Step(name: "start", expect: prompt),
                // The echoed Enter: the line is accepted, so the Ctrl-C after it is the command's, not the prompt's.
                Step(name: "list", send: "topics --list --timeout-ms 60000\r", expect: "--timeout-ms 60000\r\n"),
                Step(name: "ctrl-c", send: Self.ctrlC, expect: next, timeout: 15),
                Step(name: "ctrl-d", send: Self.ctrlD, eof: true, timeout: 10),
            ]))
        let comment = Self.describe(outcome)
        #expect(outcome.error == nil, comment)
        #expect(outcome.seen("ctrl-c").contains("Interrupted."), comment)
        // Without Ctrl-C the command would wait out request.timeout.ms (30 s) for the ApiVersions answer.
        #expect(ContinuousClock.now - started < .seconds(20), "the command was not stopped before its timeout")
    }

    /// acls --remove asks before removing. In the shell, Ctrl-C at that question cancels the command (the shell ignores
    /// Ctrl-C at its own prompt, so a blocking read left the question open and took the next command as its answer);
    /// "n" removes nothing; and the command typed next runs as a command.
    @Test func ctrlCAtTheAclsQuestionCancelsItAndTheNextLineIsACommand() async throws {
        let bootstrap = try await brokerAddress()
        let state = try temporaryStateDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        let prompt = "kafkactl \(bootstrap)> "
        let next = "\n" + prompt
        let question = "Are you sure you want to delete all ACLs for resource filter"
        typealias Step = TerminalSession.Step
        let outcome = try await TerminalSession.run(.init(
            command: [kafkactlBinary.path, "shell", "--bootstrap-server", bootstrap],
            environment: Self.environment(state), bootstrap: bootstrap,
            steps: [
                Step(name: "start", expect: prompt),
                Step(name: "remove", send: "acls --remove --topic shell-acl-topic\r", expect: "(y/n)"),
                Step(name: "ctrl-c", send: Self.ctrlC, expect: next, timeout: 10),
                Step(name: "command after", send: "acls --list --topic shell-acl-topic\r", expect: next, timeout: 10),
                Step(name: "remove again", send: "acls --remove --topic shell-acl-topic\r", expect: "(y/n)"),
                Step(name: "answer no", send: "n\r", expect: next, timeout: 10),
                Step(name: "ctrl-d", send: Self.ctrlD, eof: true, timeout: 10),
            ]))
        let comment = Self.describe(outcome)
        #expect(outcome.error == nil, comment)
        #expect(outcome.seen("remove").contains(question), comment)
        #expect(outcome.seen("ctrl-c").contains("interrupted: nothing was changed"), comment)
        // The line after the interrupted question ran as a command, not as its answer.
        #expect(!outcome.seen("command after").contains(question), comment)
        #expect(!outcome.seen("answer no").contains("Error"), comment)
        #expect(outcome.exitStatus == 0, comment)
    }

    @Test func shellWithABootstrapServerPromptsWithItGoesOnAfterErrorsAndCompletesGroupsAndConfigKeys() async throws {
        let bootstrap = try await brokerAddress()
        let topic = BrokerHarness.uniqueName("shell-pty-configs")
        let group = BrokerHarness.uniqueName("shell-pty-group")
        let missing = BrokerHarness.uniqueName("shell-pty-missing")
        let state = try temporaryStateDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        try await createTopic(topic)
        try await withTopics(topic) {
            try await Self.commitGroup(group, on: topic)
            let prompt = "kafkactl \(bootstrap)> "
            let next = "\n" + prompt
            let listed = { (line: String) in #"[\s\S]*"# + NSRegularExpression.escapedPattern(for: "\n\(prompt)\(line)") }
            typealias Step = TerminalSession.Step
            let outcome = try await TerminalSession.run(.init(
                command: [kafkactlBinary.path, "shell", "--bootstrap-server", bootstrap],
                environment: Self.environment(state), bootstrap: bootstrap,
                steps: [
                    Step(name: "start", expect: prompt),
                    Step(name: "bogus", send: "bogus\r", expect: next),
                    Step(name: "missing topic", send: "topics --describe --topic \(missing)\r", expect: next),
                    // An empty prefix: every group is a candidate; a second Tab lists them (answering libedit's
                    // "Display all N possibilities?" should there be many).
                    // (The listing is followed by the prompt and the line, redrawn.)
                    Step(name: "groups offered", send: "consumer-groups --describe --group " + Self.tab + Self.tab,
                         expect: NSRegularExpression.escapedPattern(for: group) + listed("consumer-groups --describe --group "),
                         regex: true, retry: .init(clear: Self.ctrlU, every: 1),
                         respond: .init(pattern: "Display all [0-9]+ possibilities", send: "y")),
                    Step(name: "clear", send: Self.ctrlU + "\r", expect: next),
                    Step(name: "group completed", send: "consumer-groups --describe --group \(group.dropLast(5))" + Self.tab,
                         expect: "--group \(group) ", retry: .init(clear: Self.ctrlU, every: 1)),
                    Step(name: "group described", send: "\r", expect: next),
                    Step(name: "config keys listed", send: "configs --topic \(topic) --alter --add-config min." + Self.tab + Self.tab,
                         expect: #"min\.compaction\.lag\.ms="# + listed("configs --topic \(topic) --alter --add-config min."),
                         regex: true),
                    Step(name: "clear again", send: Self.ctrlU + "\r", expect: next),
                    Step(name: "config key completed", send: "configs --topic \(topic) --alter --add-config min.insync" + Self.tab,
                         expect: "--add-config min.insync.replicas="),
                    Step(name: "config value", send: "1\r", expect: next),
                    Step(name: "exit", send: "exit\r", eof: true, timeout: 10),
                ]))
            let comment = Self.describe(outcome)
            #expect(outcome.error == nil, comment)
            #expect(outcome.steps.first?.text.hasSuffix(prompt) == true, comment)

            // Each failure is one `Error:` line between the echoed command and the next prompt.
            #expect(TerminalSession.lines(outcome.seen("bogus")) == [
                "bogus", "Error: unknown command 'bogus' (type help for the list)", prompt,
            ], comment)
            let missingLines = TerminalSession.lines(outcome.seen("missing topic"))
            #expect(missingLines.count == 3 && missingLines[1].hasPrefix("Error: ") && missingLines[1].contains(missing), comment)

            #expect(outcome.seen("group described").contains(group), comment)
            #expect(outcome.seen("group described").contains(topic), comment)
            #expect(!outcome.seen("group described").contains("Error"), comment)
            let keys = outcome.seen("config keys listed")
            #expect(keys.contains("min.insync.replicas=") && keys.contains("min.cleanable.dirty.ratio="), comment)
            // The lone `key=` is completed without a space after it, so the value typed next belongs to it.
            let completedThenTyped = outcome.seen("config key completed") + outcome.seen("config value")
            #expect(completedThenTyped.contains("--add-config min.insync.replicas=1\r\n"), comment)
            #expect(outcome.seen("config value").contains("Completed updating config for topic \(topic)."), comment)
            #expect(!outcome.seen("config value").contains("Error"), comment)
            #expect(outcome.exitStatus == 0, comment)
        }
    }

    @Test func connectingToAnUnreachableBrokerGivesThePromptBackAtOnce() async throws {
        let bootstrap = try await brokerAddress()
        let state = try temporaryStateDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        let nowhere = "127.0.0.1:1"
        typealias Step = TerminalSession.Step
        let outcome = try await TerminalSession.run(.init(
            command: [kafkactlBinary.path, "shell", "--bootstrap-server", bootstrap],
            environment: Self.environment(state), bootstrap: bootstrap,
            steps: [
                Step(name: "start", expect: "kafkactl \(bootstrap)> "),
                // The client's connect retries take ~10 s per request; the prompt must not wait for them.
                Step(name: "connect nowhere", send: "connect \(nowhere)\r", expect: "\nkafkactl \(nowhere)> ", timeout: 4),
                Step(name: "connect back", send: "connect \(bootstrap)\r", expect: "\nkafkactl \(bootstrap)> ", timeout: 4),
                Step(name: "works", send: "topics --list --exclude-internal\r", expect: "\nkafkactl \(bootstrap)> ", timeout: 10),
                Step(name: "ctrl-d", send: Self.ctrlD, eof: true, timeout: 4),
            ]))
        let comment = Self.describe(outcome)
        #expect(outcome.error == nil, comment)
        #expect(!outcome.seen("works").contains("Error"), comment)
        #expect(outcome.exitStatus == 0, comment)
        #expect(try historyEntries(in: state).contains("connect \(nowhere)"))
    }

    @Test func historyIsKeptAcrossSessionsAndLimitedTo1000Entries() async throws {
        let bootstrap = try await brokerAddress()
        let state = try temporaryStateDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        // A history file of 1200 entries, written as libedit writes them.
        let folder = state.appendingPathComponent("kafkactl")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let old = (1...1200).map { "topics\\040--describe\\040--topic\\040old-\($0)" }
        try (["_HiStOrY_V2_"] + old).joined(separator: "\n").appending("\n")
            .write(to: folder.appendingPathComponent("history"), atomically: true, encoding: .utf8)

        let prompt = "kafkactl \(bootstrap)> "
        let marker = BrokerHarness.uniqueName("shell-pty-history")
        typealias Step = TerminalSession.Step
        let first = try await TerminalSession.run(.init(
            command: [kafkactlBinary.path, "shell", "--bootstrap-server", bootstrap],
            environment: Self.environment(state), bootstrap: bootstrap,
            steps: [
                Step(name: "start", expect: prompt),
                Step(name: "recall old", send: Self.up, expect: "\r\(prompt)topics --describe --topic old-1200"),
                Step(name: "clear", send: Self.ctrlU + "\r", expect: "\n" + prompt),
                Step(name: "marker", send: "topics --describe --topic \(marker) --if-exists\r", expect: "\n" + prompt),
                Step(name: "ctrl-d", send: Self.ctrlD, eof: true, timeout: 10),
            ]))
        #expect(first.error == nil, Self.describe(first))
        #expect(first.exitStatus == 0)

        let entries = try historyEntries(in: state)
        #expect(entries.count == 1000)
        #expect(entries.last == "topics --describe --topic \(marker) --if-exists")
        #expect(entries.first == "topics --describe --topic old-202")

        // The next shell starts with it: the up arrow brings back the last session's command.
        let second = try await TerminalSession.run(.init(
            command: [kafkactlBinary.path, "shell", "--bootstrap-server", bootstrap],
            environment: Self.environment(state), bootstrap: bootstrap,
            steps: [
                Step(name: "start", expect: prompt),
                Step(name: "recall", send: Self.up, expect: "\r\(prompt)topics --describe --topic \(marker) --if-exists"),
                Step(name: "run", send: "\r", expect: "\n" + prompt),
                Step(name: "exit", send: "exit\r", eof: true, timeout: 10),
            ]))
        #expect(second.error == nil, Self.describe(second))
        #expect(!second.seen("run").contains("Error"), Self.describe(second))
        #expect(second.exitStatus == 0)
    }
}

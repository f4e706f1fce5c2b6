import Foundation
import TestSupport
import Testing

/// The committed completion scripts and manual page at work: bash completes with `completions/kafkactl.bash` as a
/// user's shell would load it (live names included, from the broker on the command line), and `man` renders
/// `man/kafkactl.1` without a warning.
@Suite struct CompletionScriptTests {
    /// Loads the completion script, sets up the line as bash does before calling a completion function, calls
    /// `_kafkactl` and prints COMPREPLY one per line. The words are the arguments, the last one being completed.
    static let completer = #"""
        source "$KAFKACTL_REPO/completions/kafkactl.bash"
        COMP_WORDS=("$@")
        COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"
        COMP_POINT=${#COMP_LINE}
        COMPREPLY=()
        _kafkactl kafkactl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf '%s\n' "${COMPREPLY[@]}"
        """#

    /// What bash offers for `words` (the last one is the word being completed; "" for a new one).
    static func complete(_ words: [String]) async throws -> [String] {
        let binDirectory = kafkactlBinary.deletingLastPathComponent().path
        let path = binDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let home = try temporaryStateDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = isolatedEnvironment(home: home).merging(["PATH": path, "KAFKACTL_REPO": repoRoot.path]) { _, new in new }
        let result = try await offThePool {
            try runProcess(URL(fileURLWithPath: "/bin/bash"), ["--norc", "--noprofile", "-c", completer, "bash"] + words,
                           timeout: .seconds(30), environment: environment)
        }
        try #require(result.exitCode == 0 && result.stderr.isEmpty, "bash: \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func subcommandNamesComplete() async throws {
        #expect(try await Self.complete(["kafkactl", "topi"]) == ["topics"])
        #expect(try await Self.complete(["kafkactl", "get"]) == ["get-offsets"])
        let c = try await Self.complete(["kafkactl", "c"])
        #expect(Set(["configs", "console-consumer", "console-producer", "consumer-groups"]).isSubset(of: Set(c)), "\(c)")
        #expect(c.allSatisfy { $0.hasPrefix("c") })
        let all = try await Self.complete(["kafkactl", ""])
        #expect(Set(["topics", "console-producer", "console-consumer", "consumer-groups", "configs", "get-offsets", "broker-api-versions", "shell"])
            .isSubset(of: Set(all)), "\(all)")
        #expect(!all.contains("generate-docs"))
    }

    @Test func flagsComplete() async throws {
        #expect(try await Self.complete(["kafkactl", "topics", "--cre"]) == ["--create"])
        #expect(try await Self.complete(["kafkactl", "console-consumer", "--from"]) == ["--from-beginning"])
        #expect(try await Self.complete(["kafkactl", "consumer-groups", "--reset"]) == ["--reset-offsets"])
        let flags = try await Self.complete(["kafkactl", "configs", "--"])
        for flag in ["--bootstrap-server", "--entity-type", "--entity-name", "--alter", "--add-config", "--describe"] {
            #expect(flags.contains(flag), "\(flag) missing from \(flags)")
        }
        // A flag already given is not offered again.
        let again = try await Self.complete(["kafkactl", "topics", "--create", "--"])
        #expect(!again.contains("--create") && again.contains("--topic"), "\(again)")
        #expect(Set(try await Self.complete(["kafkactl", "topics", "--list", "--output", ""])) == ["text", "json"])
    }

    @Test func topicAndGroupNamesComeFromTheBrokerOnTheLine() async throws {
        let bootstrap = try await brokerAddress()
        let topic = BrokerHarness.uniqueName("bash-completion-topic")
        let group = BrokerHarness.uniqueName("bash-completion-group")
        try await createTopic(topic)
        try await withTopics(topic) {
            let committed = try await python("""
                import sys
                from confluent_kafka import Consumer, TopicPartition
                consumer = Consumer({"bootstrap.servers": sys.argv[1], "group.id": sys.argv[2], "enable.auto.commit": False})
                consumer.commit(offsets=[TopicPartition(sys.argv[3], 0, 0)], asynchronous=False)
                consumer.close()
                """, [group, topic])
            try #require(committed.exitCode == 0, "\(committed.stderr)")
            let prefix = String(topic.dropLast(6))
            #expect(try await Self.complete(["kafkactl", "topics", "--bootstrap-server", bootstrap, "--describe", "--topic", prefix])
                == [topic])
            #expect(try await Self.complete(["kafkactl", "console-consumer", "--bootstrap-server", bootstrap, "--topic", prefix])
                == [topic])
            #expect(try await Self.complete(["kafkactl", "get-offsets", "--bootstrap-server=\(bootstrap)", "--topic", prefix])
                == [topic])
            let everything = try await Self.complete(["kafkactl", "topics", "--bootstrap-server", bootstrap, "--delete", "--topic", ""])
            #expect(everything.contains(topic), "\(everything)")

            let groupPrefix = String(group.dropLast(6))
            #expect(try await Self.complete(
                ["kafkactl", "consumer-groups", "--bootstrap-server", bootstrap, "--describe", "--group", groupPrefix]) == [group])
            #expect(try await Self.complete(["kafkactl", "configs", "--bootstrap-server", bootstrap, "--group", groupPrefix]) == [group])
        }
    }

    @Test func withoutAReachableBrokerNothingIsOfferedQuickly() async throws {
        let started = ContinuousClock.now
        #expect(try await Self.complete(["kafkactl", "topics", "--bootstrap-server", "127.0.0.1:1", "--topic", "or"]) == [])
        #expect(try await Self.complete(["kafkactl", "topics", "--topic", "or"]) == [])
        // A second or so each when idle; the bound leaves room for a loaded 2-core CI machine (21 s seen under a
        // load average of 6), and is still far below a hang.
        #expect(ContinuousClock.now - started < .seconds(40))
    }

    @Test func theManualPageRendersWithoutWarnings() async throws {
        let man = try #require(["/usr/bin/man", "/bin/man"].first { FileManager.default.isExecutableFile(atPath: $0) },
                               "man is not installed: run scripts/setup (it installs man-db)")
        let page = repoRoot.appendingPathComponent("man/kafkactl.1").path
        let environment = ["MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat", "LANG": "C.UTF-8", "MAN_KEEP_FORMATTING": ""]
        let warnings = try await offThePool {
            try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "\"$0\" --warnings -l \"$1\" 2>&1 >/dev/null", man, page],
                           environment: environment)
        }
        #expect(warnings.exitCode == 0)
        #expect(warnings.stdout == "", "man --warnings said:\n\(warnings.stdout)")

        let rendered = try await offThePool {
            try runProcess(URL(fileURLWithPath: man), ["-l", page], environment: environment)
        }
        #expect(rendered.exitCode == 0, "\(rendered.stderr)")
        #expect(rendered.stderr == "")
        let text = rendered.stdout
        #expect(text.hasPrefix("KAFKACTL(1)"))
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "EXIT STATUS", "FILES", "SEE ALSO"] {
            #expect(text.contains("\n\(section)\n"), "\(section) missing")
        }
        for subcommand in ["topics", "console-producer", "console-consumer", "consumer-groups", "configs", "get-offsets", "broker-api-versions", "shell"] {
            #expect(text.contains("   kafkactl \(subcommand)\n"), "\(subcommand) missing")
        }
        // It fits an 80-column terminal: the help blocks are written for it (they cannot be refilled); only
        // ArgumentParser's one-line synopses of long commands run over.
        let wide = text.split(separator: "\n").filter { $0.count > 80 && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("USAGE:") }
        #expect(wide.isEmpty, "lines wider than 80 columns:\n\(wide.joined(separator: "\n"))")
        // No roff request or escape leaked into the text.
        #expect(!text.contains("\\f") && !text.contains("\\e") && !text.contains("\n."))
    }
}

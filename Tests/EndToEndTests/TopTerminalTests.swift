import Foundation
import TestSupport
import Testing

/// `kafkactl top` on a real pseudo-terminal (pexpect), alone and inside the shell: the alternate screen, the keys
/// (sort, filter, pause, quit) and the terminal put back afterwards.
@Suite(.serialized) struct TopTerminalTests {
    static let enterAlternateScreen = "\u{1B}[?1049h"
    static let leaveAlternateScreen = "\u{1B}[?1049l"
    static let showCursor = "\u{1B}[?25h"

    /// Two groups on one topic: `behind` lags by 6, `current` by none.
    static func groups(on topic: String) async throws -> String {
        try await createTopic(topic, partitions: 2)
        try await GroupTestSupport.produceOnePerBatch(topic, counts: [10, 6])
        let prefix = BrokerHarness.uniqueName("top-pty")
        try await GroupTestSupport.commit(group: "\(prefix)-behind", [topic: [0: 4, 1: 6]])
        try await GroupTestSupport.commit(group: "\(prefix)-current", [topic: [0: 10, 1: 6]])
        return prefix
    }

    /// Runs `body` with the broker's address, the two groups' prefix (on a topic of their own, deleted afterwards)
    /// and a state folder of its own.
    static func withTwoGroups(_ name: String, _ body: (_ bootstrap: String, _ prefix: String, _ state: URL) async throws -> Void) async throws {
        let bootstrap = try await brokerAddress()
        let topic = BrokerHarness.uniqueName(name)
        let state = try temporaryStateDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        try await withTopics(topic) {
            try await body(bootstrap, try await Self.groups(on: topic), state)
        }
    }

    static func comment(_ outcome: TerminalSession.Outcome) -> Comment {
        Comment(rawValue: "error: \(outcome.error ?? "none")\n--- transcript ---\n\(outcome.transcript)")
    }

    @Test func keysSortFilterPauseAndQuitRestoresTheTerminal() async throws {
        try await Self.withTwoGroups("top-pty") { bootstrap, prefix, state in
            typealias Step = TerminalSession.Step
            let outcome = try await TerminalSession.run(.init(
                command: [kafkactlBinary.path, "top", "--bootstrap-server", bootstrap, "--group", "^\(prefix)", "--interval", "0.5"],
                environment: isolatedEnvironment(home: state), bootstrap: bootstrap,
                steps: [
                    Step(name: "first frame", expect: "\(prefix)-current"),
                    Step(name: "rates", expect: "stalled"),
                    Step(name: "sort", send: "s", expect: "sort: consume-rate"),
                    Step(name: "back", send: "<", expect: "sort: time-lag"),
                    Step(name: "reverse", send: "r", expect: "sort: time-lag (reversed)"),
                    Step(name: "filter prompt", send: "/", expect: "filter (regex, Enter applies, Esc cancels): "),
                    Step(name: "filter", send: "behind\r", expect: "filter: behind"),
                    Step(name: "bad filter", send: "/(\r", expect: "is not a valid regular expression"),
                    Step(name: "pause", send: "p", expect: "PAUSED"),
                    Step(name: "quit", send: "q", eof: true, timeout: 10),
                ]))
            let comment = Self.comment(outcome)
            #expect(outcome.error == nil, comment)
            #expect(outcome.exitStatus == 0, comment)
            #expect(outcome.seen("first frame").contains(Self.enterAlternateScreen), comment)
            #expect(outcome.seen("first frame").contains("CONSUME/s PRODUCE/s ETA"), comment)
            // Largest lag first before rates; after two refreshes the lagging group that does not move is stalled.
            let first = outcome.seen("first frame")
            #expect(first.range(of: "\(prefix)-behind")!.lowerBound < first.range(of: "\(prefix)-current")!.lowerBound, comment)
            // The sort column's title is underlined on a terminal.
            #expect(first.contains("\u{1B}[4mTIME-LAG\u{1B}[24m"), comment)
            // The filter kept only `behind`: the frames after it (up to the refused filter's line) do not show `current`.
            let filtered = outcome.seen("bad filter")
            #expect(filtered.contains("\(prefix)-behind") && !filtered.contains("\(prefix)-current"), comment)
            // q put the terminal back: cursor shown, normal screen.
            #expect(outcome.seen("quit").contains(Self.showCursor + Self.leaveAlternateScreen), comment)
        }
    }

    @Test func ctrlCEndsTheViewAndRestoresTheTerminal() async throws {
        try await Self.withTwoGroups("top-pty-int") { bootstrap, prefix, state in
            typealias Step = TerminalSession.Step
            let outcome = try await TerminalSession.run(.init(
                command: [kafkactlBinary.path, "top", "--bootstrap-server", bootstrap, "--group", "^\(prefix)"],
                environment: isolatedEnvironment(home: state), bootstrap: bootstrap,
                steps: [
                    Step(name: "first frame", expect: "\(prefix)-current"),
                    Step(name: "ctrl-c", send: "\u{03}", eof: true, timeout: 10),
                ]))
            let comment = Self.comment(outcome)
            #expect(outcome.error == nil, comment)
            #expect(outcome.exitStatus == 0 && outcome.signalStatus == nil, comment)
            #expect(outcome.seen("ctrl-c").contains(Self.showCursor + Self.leaveAlternateScreen), comment)
        }
    }

    @Test func topInsideTheShellReturnsToThePromptOnQ() async throws {
        try await Self.withTwoGroups("top-shell") { bootstrap, prefix, state in
            let prompt = "kafkactl \(bootstrap)> "
            typealias Step = TerminalSession.Step
            let outcome = try await TerminalSession.run(.init(
                command: [kafkactlBinary.path], environment: ShellTerminalTests.environment(state), bootstrap: bootstrap,
                steps: [
                    Step(name: "start", expect: "kafkactl (not connected)> "),
                    Step(name: "connect", send: "connect \(bootstrap)\r", expect: "\n" + prompt),
                    Step(name: "top", send: "top --group ^\(prefix) --interval 0.5\r", expect: "\(prefix)-current"),
                    Step(name: "quit", send: "q", expect: prompt),
                    Step(name: "next command", send: "top --group ^\(prefix)-behind --output json --iterations 1\r", expect: "\n" + prompt),
                    Step(name: "exit", send: "exit\r", eof: true, timeout: 10),
                ]))
            let comment = Self.comment(outcome)
            #expect(outcome.error == nil, comment)
            #expect(outcome.exitStatus == 0, comment)
            #expect(outcome.seen("quit").contains(Self.leaveAlternateScreen), comment)
            // The prompt reads keys again as a line: the next command ran.
            #expect(outcome.seen("next command").contains(#""group":"\#(prefix)-behind""#), comment)
        }
    }
}

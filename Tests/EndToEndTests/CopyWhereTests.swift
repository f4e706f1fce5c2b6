import Foundation
import TestSupport
import Testing

/// `copy --where` from the built binary against the test broker: only the records the expression matches reach the
/// target, in order and exactly (the same records console-consumer --where prints from the source), a run killed
/// midway resumes with the same expression to exactly that set, and a resume with another expression is refused.
@Suite struct CopyWhereTests {
    /// Every third record (partition 0 of 3) and the first 4,000 by time: a filter no partition or bound push-down
    /// can answer alone.
    static let expression = "partition == 0 or timestamp < 1700000004000"

    static func expectedCount(_ total: Int) -> Int { (0..<total).filter { $0 % 3 == 0 || $0 < 4000 }.count }

    /// The records of `topic` as console-consumer --output json prints them, without the offsets (which differ
    /// between source and target), partition by partition in order.
    static func records(_ topic: String, where expression: String? = nil) async throws -> [String] {
        let result = try await kafkactl(["console-consumer", "--bootstrap-server", try await brokerAddress(), "--topic", topic,
                                         "--from-beginning", "--exit-at-end", "--output", "json"]
                                        + (expression.map { ["--where", $0] } ?? []), timeout: .seconds(120))
        try #require(result.exitCode == 0, "console-consumer: \(result.stderr)")
        return try result.stdout.split(separator: "\n").map { line in
            var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            object["offset"] = nil
            object["topic"] = nil
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }.sorted()
    }

    @Test func onlyTheMatchingRecordsAreCopiedExactly() async throws {
        let (source, target) = (BrokerHarness.uniqueName("e2e-cw-src"), BrokerHarness.uniqueName("e2e-cw-dst"))
        let checkpoint = CopyHarness.temporaryPath("copy-where")
        try await withTopics(source, target) {
            try await createTopic(source, partitions: 3)
            try await createTopic(target, partitions: 3)
            try await CopyHarness.seed(source, count: 12_000, partitions: 3)
            let result = try await CopyCommandTests.copy(["--from-topic", source, "--to-topic", target, "--checkpoint", checkpoint,
                                                          "--where", Self.expression, "--output", "json"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            let summary = try result.jsonObject()
            #expect(summary["records"] as? Int == Self.expectedCount(12_000))
            #expect(summary["filtered_out"] as? Int == 12_000 - Self.expectedCount(12_000))
            #expect(try await Self.records(target) == Self.records(source, where: Self.expression))
            let saved = try String(contentsOfFile: checkpoint, encoding: .utf8)
            #expect(saved.contains("\nwhere \(Self.expression)\n"))
        }
    }

    @Test func aKilledFilteredCopyResumesWithTheSameExpressionToExactlyTheMatchingRecords() async throws {
        let (source, target) = (BrokerHarness.uniqueName("e2e-cw-kill-src"), BrokerHarness.uniqueName("e2e-cw-kill-dst"))
        let checkpoint = CopyHarness.temporaryPath("copy-where-kill")
        try await withTopics(source, target) {
            try await createTopic(source, partitions: 3)
            try await createTopic(target, partitions: 3)
            try await CopyHarness.seed(source, count: 12_000, partitions: 3)
            let run = try OpenStdinProducer(["copy", "--from-bootstrap-server", try await brokerAddress(), "--from-topic", source,
                                             "--to-topic", target, "--checkpoint", checkpoint, "--where", Self.expression,
                                             "--rate", "3000/s"])
            let started = try await eventually(within: .seconds(30)) {
                ((try? String(contentsOfFile: checkpoint, encoding: .utf8)) ?? "").split(separator: "\n")
                    .filter { $0.hasPrefix("source ") }.map { Int($0.split(separator: " ")[2])! }.reduce(0, +) > 3000
            }
            try #require(started, "the copy made no progress: \(run.stderrSoFar)")
            try await Task.sleep(for: .milliseconds(300))
            run.send(SIGKILL)
            _ = try await run.finish(timeout: .seconds(10))

            let other = try await CopyCommandTests.copy(["--from-topic", source, "--to-topic", target, "--checkpoint", checkpoint, "--resume"])
            #expect(other.exitCode == 64)
            #expect(other.stderrLines.first == "Error: --resume: checkpoint '\(checkpoint)' is of a copy with --where '\(Self.expression)'; give the same --where to resume it")

            let resumed = try await CopyCommandTests.copy(["--from-topic", source, "--to-topic", target, "--checkpoint", checkpoint,
                                                           "--resume", "--where", Self.expression, "--output", "json"])
            #expect(resumed.exitCode == 0, "stderr: \(resumed.stderr)")
            let target = try await Self.records(target)
            #expect(target.count == Self.expectedCount(12_000), "exactly once: no record twice, none missing")
            #expect(target == (try await Self.records(source, where: Self.expression)))
        }
    }

    @Test(arguments: [
        (["--where", "key == "], "--where: column 8: "),
        (["--where", "offset > \"abc\""], "--where: column 10: offset is an integer and cannot be compared with text"),
        (["--where", "key == \"a\"\nor key == \"b\""], "--where: the expression must be on one line"),
    ])
    func aBadExpressionIsOneLineBeforeConnecting(arguments: [String], message: String) async throws {
        let result = try await kafkactl(["copy", "--from-bootstrap-server", "127.0.0.1:1", "--from-topic", "a", "--to-topic", "b"] + arguments)
        #expect(result.exitCode == 64 && result.stdout.isEmpty)
        #expect(result.stderrLines.first?.hasPrefix("Error: \(message)") == true, "stderr: \(result.stderr)")
        #expect(result.stderrLines.count == 2, "the error and the usage hint: \(result.stderr)")
    }
}

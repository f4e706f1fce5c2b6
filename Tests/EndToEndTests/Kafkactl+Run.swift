import Foundation
import TestSupport
import Testing

/// Runs `kafkactl topics` against the test broker: `--bootstrap-server` first, then `arguments`.
func topics(_ arguments: [String], timeout: Duration = .seconds(30)) throws -> ProcessResult {
    try runKafkactl(["topics", "--bootstrap-server", try BrokerHarness.bootstrap()] + arguments, timeout: timeout)
}

/// Creates a topic with kafkactl and requires that it worked.
func createTopic(_ name: String, partitions: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let result = try topics(["--create", "--topic", name, "--partitions", String(partitions), "--replication-factor", "1"])
    try #require(result.exitCode == 0, "creating \(name) failed: \(result.stderr)", sourceLocation: sourceLocation)
}

/// Deletes a topic at the end of a test; failures do not matter (the broker is discarded with the test process).
func deleteQuietly(_ names: String...) {
    for name in names { _ = try? topics(["--delete", "--topic", name]) }
}

/// The line kafkactl prints after a parse or rule error.
let usageHint = "See 'kafkactl topics --help' for usage."

extension ProcessResult {
    /// stderr split into lines, without the empty string after the final newline.
    var stderrLines: [String] {
        var lines = stderr.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// stdout parsed as one JSON object.
    func jsonObject(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: stdoutData)
        return try #require(object as? [String: Any], "stdout is not a JSON object: \(stdout)", sourceLocation: sourceLocation)
    }
}

/// The shape of every failure: the exit code, nothing on stdout, exactly one `Error: ` line on stderr (followed by
/// the usage hint for parse and rule errors, and nothing else). `message` is the whole text after `Error: `;
/// `containing` are pieces it must contain.
func expectFailure(
    _ result: ProcessResult, exitCode: Int32, message: String? = nil, containing: [String] = [],
    usageHint expectHint: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.exitCode == exitCode, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "stdout should be empty", sourceLocation: sourceLocation)
    let lines = result.stderrLines
    #expect(lines.count == (expectHint ? 2 : 1), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    guard let first = lines.first else { return }
    #expect(first.hasPrefix("Error: "), sourceLocation: sourceLocation)
    #expect(lines.dropFirst().allSatisfy { !$0.hasPrefix("Error: ") }, sourceLocation: sourceLocation)
    let text = String(first.dropFirst("Error: ".count))
    if let message { #expect(text == message, sourceLocation: sourceLocation) }
    for piece in containing {
        #expect(text.contains(piece), "'\(text)' should mention '\(piece)'", sourceLocation: sourceLocation)
    }
    if expectHint { #expect(lines.last == usageHint, sourceLocation: sourceLocation) }
}

/// Polls `condition` until it holds or `timeout` passes; returns whether it held.
func eventually(within timeout: Duration = .seconds(10), _ condition: () throws -> Bool) throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        usleep(50_000)
    }
    return try condition()
}

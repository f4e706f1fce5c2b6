import Foundation
import TestSupport
import Testing

/// The test broker's address. The first call starts the broker and every concurrent caller waits for it, so this
/// too runs off the shared threads.
func brokerAddress() async throws -> String {
    try await offThePool { try BrokerHarness.bootstrap() }
}

/// Runs the kafkactl binary with `arguments` (see `runKafkactl`).
func kafkactl(_ arguments: [String], timeout: Duration = .seconds(30)) async throws -> ProcessResult {
    try await offThePool { try runKafkactl(arguments, timeout: timeout) }
}

/// Runs `kafkactl topics` against the test broker: `--bootstrap-server` first, then `arguments`.
func topics(_ arguments: [String], timeout: Duration = .seconds(30)) async throws -> ProcessResult {
    try await kafkactl(["topics", "--bootstrap-server", try await brokerAddress()] + arguments, timeout: timeout)
}

/// Runs a Python script in the project venv with the broker's address as argv[1], then `arguments`.
func python(_ script: String, _ arguments: [String] = [], timeout: Duration = .seconds(60)) async throws -> ProcessResult {
    let bootstrap = try await brokerAddress()
    return try await offThePool { try runPython(script: script, args: [bootstrap] + arguments, timeout: timeout) }
}

/// Creates a topic with kafkactl and requires that it worked.
func createTopic(_ name: String, partitions: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let result = try await topics(["--create", "--topic", name, "--partitions", String(partitions), "--replication-factor", "1"])
    try #require(result.exitCode == 0, "creating \(name) failed: \(result.stderr)", sourceLocation: sourceLocation)
}

/// Runs `body`, then deletes `names` whether it succeeded or not (failures to delete do not matter: every name is
/// unique and the broker goes away with the test process).
func withTopics(_ names: String..., body: () async throws -> Void) async throws {
    try await withCleanup({ await deleteQuietly(names) }, body: body)
}

/// Runs `body`, then `cleanup`, whether `body` succeeded or not.
func withCleanup(_ cleanup: () async -> Void, body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch {
        await cleanup()
        throw error
    }
    await cleanup()
}

func deleteQuietly(_ names: [String]) async {
    for name in names { _ = try? await topics(["--delete", "--topic", name]) }
}

/// How long a run given `--timeout-ms 1000` may take, start-up included, on a loaded 2-core machine running the
/// other tests in parallel. Well under what the defaults would take (10 s of connect retries, a 30 s request
/// timeout), so a `--timeout-ms` that is not honoured still fails.
let honouredTimeoutBound = Duration.seconds(8)

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
func eventually(within timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}

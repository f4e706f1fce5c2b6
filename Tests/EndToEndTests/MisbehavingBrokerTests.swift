import TestSupport
import Testing

/// A "broker" that is not one, run in this test process: kafkactl must give one clear line and a non-zero exit
/// within seconds, never hang. Each run allows 1 s (`--timeout-ms 1000`): a dropped connection is retried until then.
@Suite struct MisbehavingBrokerTests {
    static func runAgainst(_ broker: ScriptedBroker) async throws -> (ProcessResult, Duration) {
        let result = try await kafkactl(
            ["topics", "--bootstrap-server", broker.address, "--list", "--timeout-ms", "1000"],
            timeout: .seconds(20))
        return (result, result.elapsed)
    }

    @Test func aListenerAnsweringGarbageGivesOneClearLine() async throws {
        // What an HTTP (or TLS) port sends back: the first four bytes read as an absurd frame size.
        let broker = try ScriptedBroker { _, _ in .raw(Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8)) }
        defer { broker.stop() }
        let (result, elapsed) = try await Self.runAgainst(broker)
        expectFailure(result, exitCode: 1, containing: [broker.address, "is this a Kafka listener"])
        #expect(elapsed < honouredTimeoutBound)
    }

    @Test func aBrokerClosingMidResponseGivesOneClearLine() async throws {
        // A frame header announcing 40 bytes, two of them, then the connection closes: on every attempt.
        let broker = try ScriptedBroker { _, _ in .rawThenClose([0, 0, 0, 40, 0, 0]) }
        defer { broker.stop() }
        let (result, elapsed) = try await Self.runAgainst(broker)
        expectFailure(result, exitCode: 69, containing: [broker.address, "lost the connection"])
        #expect(elapsed < honouredTimeoutBound)
    }

    @Test func aBrokerThatNeverAnswersTimesOutWithinTheTimeout() async throws {
        let broker = try ScriptedBroker { _, _ in .silence }
        defer { broker.stop() }
        let (result, elapsed) = try await Self.runAgainst(broker)
        expectFailure(result, exitCode: 75, containing: [broker.address])
        #expect(elapsed < honouredTimeoutBound)
    }
}

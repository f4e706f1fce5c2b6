import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Kafka broker that integration and end-to-end tests talk to.
///
/// `scripts/test` starts one broker and passes its address in `KAFKACTL_TEST_BOOTSTRAP`. Without it (a plain
/// `swift test`), the first call starts one Tansu broker for this test process with `scripts/broker start` in a
/// temporary state directory, and stops it when the process exits (a watchdog stops it if the process crashes).
/// If no broker can be had, `bootstrap()` throws: the test fails, it is never skipped.
public enum BrokerHarness {
    /// Why there is no broker to test against.
    public struct Unavailable: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The broker's `host:port`, starting it on first use when `KAFKACTL_TEST_BOOTSTRAP` is not set.
    public static func bootstrap() throws -> String {
        if let address = ProcessInfo.processInfo.environment["KAFKACTL_TEST_BOOTSTRAP"], !address.isEmpty {
            return address
        }
        return try started.get().address
    }

    /// `prefix` plus a random suffix, made only of characters Kafka allows in topic and group names.
    public static func uniqueName(_ prefix: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        let cleaned = String(prefix.prefix(200).map { allowed.contains($0) ? $0 : "-" })
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        let suffix = String((0..<10).map { _ in alphabet.randomElement()! })
        return cleaned.isEmpty ? suffix : "\(cleaned)-\(suffix)"
    }

    // MARK: - The broker this process started

    private struct Started: Sendable {
        var address: String
        var stateDir: URL
    }

    /// Swift runs a static's initializer exactly once, thread-safely: one broker per test process.
    private static let started: Result<Started, Unavailable> = start()

    private static var brokerScript: URL { repoRoot.appendingPathComponent("scripts/broker") }

    private static func start() -> Result<Started, Unavailable> {
        let stateDir = FileManager.default.temporaryDirectory
            .appendingPathComponent("kafkactl-test-broker-\(getpid())-\(UUID().uuidString.prefix(8))")
        let environment = [
            "KAFKACTL_BROKER_DIR": stateDir.path,
            "KAFKACTL_BROKER_OWNER_PID": String(getpid()),
        ]
        let hint = "Run scripts/setup (it installs the Tansu broker into .venv), or run the tests with scripts/test."
        let result: ProcessResult
        do {
            result = try runProcess(brokerScript, ["start"], timeout: .seconds(40), environment: environment)
        } catch {
            try? FileManager.default.removeItem(at: stateDir)
            return .failure(Unavailable(description: "could not start the test broker: \(error). \(hint)"))
        }
        let address = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.exitCode == 0, !address.isEmpty else {
            try? FileManager.default.removeItem(at: stateDir)
            let said = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            return .failure(Unavailable(description: """
                could not start the test broker: scripts/broker start exited \(result.exitCode). \(hint)
                \(said)
                """))
        }
        atexit { BrokerHarness.stopStartedBroker() }
        return .success(Started(address: address, stateDir: stateDir))
    }

    private static func stopStartedBroker() {
        guard case .success(let broker) = started else { return }
        _ = try? runProcess(
            brokerScript, ["stop"], timeout: .seconds(10), environment: ["KAFKACTL_BROKER_DIR": broker.stateDir.path])
        try? FileManager.default.removeItem(at: broker.stateDir)
    }
}

import Foundation
import TestSupport
import Testing

/// Helpers for the tests against a three-node `ClusterProxy` in front of the test broker.
enum ProxyCluster {
    /// Runs `body` with a fresh three-node proxy cluster in front of the test broker, and stops it afterwards.
    static func with<T: Sendable>(_ body: (ClusterProxy) async throws -> T) async throws -> T {
        let upstream = try await brokerAddress()
        let cluster = try ClusterProxy(upstream: upstream)
        do {
            let result = try await body(cluster)
            cluster.stop()
            return result
        } catch {
            cluster.stop()
            throw error
        }
    }

    /// Runs `kafkactl <command> --bootstrap-server <bootstrap> arguments` (with a state home of its own, so reset
    /// backups never land in the user's).
    static func run(
        _ command: String, _ bootstrap: String, _ arguments: [String], stdin: String? = nil,
        timeout: Duration = .seconds(60)
    ) async throws -> ProcessResult {
        let input = stdin.map { Data($0.utf8) }
        return try await offThePool {
            try runKafkactl([command, "--bootstrap-server", bootstrap] + arguments, stdin: input, timeout: timeout,
                            environment: ["XDG_STATE_HOME": GroupTestSupport.sharedStateHome])
        }
    }

    /// Like `run`, and requires exit code 0.
    @discardableResult
    static func succeed(
        _ command: String, _ bootstrap: String, _ arguments: [String], stdin: String? = nil,
        timeout: Duration = .seconds(60), sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> ProcessResult {
        let result = try await run(command, bootstrap, arguments, stdin: stdin, timeout: timeout)
        try #require(result.exitCode == 0, "kafkactl \(command) \(arguments.joined(separator: " ")) failed: \(result.stderr)",
                     sourceLocation: sourceLocation)
        return result
    }

    /// Lines of text, without the empty string after the final newline.
    static func lines(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Waits (polling) until `condition` holds, or fails the test after `timeout`.
    static func waitUntil(
        _ what: String, within timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: () async throws -> Bool
    ) async throws {
        let held = try await eventually(within: timeout, condition)
        try #require(held, "timed out waiting until \(what)", sourceLocation: sourceLocation)
    }

    /// Every `currentOffset` in a `consumer-groups --describe --output json` document (nil for "-"), wherever it is.
    static func currentOffsets(_ result: ProcessResult) throws -> [Int?] {
        func collect(_ value: Any) -> [Int?] {
            if let object = value as? [String: Any] {
                if object.keys.contains("currentOffset") { return [object["currentOffset"] as? Int] }
                return object.values.flatMap(collect)
            }
            if let array = value as? [Any] { return array.flatMap(collect) }
            return []
        }
        return collect(try JSONSerialization.jsonObject(with: result.stdoutData))
    }

    /// Values that occur more than once, with their counts.
    static func duplicates(_ values: [String]) -> [String: Int] {
        Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +).filter { $0.value > 1 }
    }
}

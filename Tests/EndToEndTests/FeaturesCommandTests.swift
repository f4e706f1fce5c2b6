import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `kafkactl features describe` from the built binary: on a scripted broker whose ApiVersions answer carries feature
/// flags as a KRaft broker's does, and on the test broker, which reports none.
@Suite struct FeaturesCommandTests {
    static let hint = "See 'kafkactl features --help' for usage."

    /// A one-node cluster whose ApiVersions v3 answer supports kraft.version 0-1, metadata.version 7-21 and
    /// transaction.version 0-2, with metadata.version finalized at 21 (epoch `epoch`, -1: none) and kraft.version at 1.
    static func broker(epoch: Int64 = 42) throws -> ScriptedBroker {
        let port = Mutex(0)
        let broker = try ScriptedBroker { header, body in
            switch header.apiKey {
            case .apiVersions:
                let version = min(header.apiVersion, 3)
                let response = ApiVersionsResponse(
                    errorCode: 0,
                    apiKeys: [.init(apiKey: 18, minVersion: 0, maxVersion: 3), .init(apiKey: 3, minVersion: 0, maxVersion: 12)],
                    supportedFeatures: [.init(name: "transaction.version", minVersion: 0, maxVersion: 2),
                                        .init(name: "metadata.version", minVersion: 7, maxVersion: 21),
                                        .init(name: "kraft.version", minVersion: 0, maxVersion: 1)],
                    finalizedFeaturesEpoch: epoch,
                    finalizedFeatures: [.init(name: "metadata.version", maxVersionLevel: 21, minVersionLevel: 21),
                                        .init(name: "kraft.version", maxVersionLevel: 1, minVersionLevel: 1)])
                return ScriptedBroker.reply(response, to: ApiVersionsRequest.self, version: version)
            case .metadata:
                return ScriptedBroker.oneNodeMetadataReply(port: port.withLock { $0 }, version: header.apiVersion)
            default:
                return .silence
            }
        }
        port.withLock { $0 = broker.port }
        return broker
    }

    static func run(_ broker: ScriptedBroker, _ arguments: [String]) async throws -> ProcessResult {
        try await kafkactl(["features", "--bootstrap-server", broker.address] + arguments, timeout: .seconds(20))
    }

    @Test func describeIsApachesLinePerFeatureSortedWithMetadataVersionByRelease() async throws {
        let broker = try Self.broker()
        defer { broker.stop() }
        let result = try await Self.run(broker, ["describe"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.split(separator: "\n") == [
            "Feature: kraft.version                             SupportedMinVersion: 0                SupportedMaxVersion: 1                FinalizedVersionLevel: 1                Epoch: 42",
            "Feature: metadata.version                          SupportedMinVersion: 3.3-IV3          SupportedMaxVersion: 3.9-IV0          FinalizedVersionLevel: 3.9-IV0          Epoch: 42",
            "Feature: transaction.version                       SupportedMinVersion: 0                SupportedMaxVersion: 2                FinalizedVersionLevel: 0                Epoch: 42",
        ])
    }

    @Test func withoutAFinalizedEpochTheEpochIsADashAndJsonIsNull() async throws {
        let broker = try Self.broker(epoch: -1)
        defer { broker.stop() }
        let text = try await Self.run(broker, ["describe", "--node-id", "1"])
        #expect(text.exitCode == 0, "stderr: \(text.stderr)")
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.hasSuffix("  Epoch: -") } && text.stdout.split(separator: "\n").count == 3)
        let json = try await Self.run(broker, ["describe", "--output", "json"])
        #expect(json.exitCode == 0, "stderr: \(json.stderr)")
        #expect(json.stdout == #"{"features":[{"name":"kraft.version","supportedMinVersion":0,"supportedMaxVersion":1,"finalizedVersionLevel":1,"epoch":null},{"name":"metadata.version","supportedMinVersion":7,"supportedMaxVersion":21,"finalizedVersionLevel":21,"epoch":null},{"name":"transaction.version","supportedMinVersion":0,"supportedMaxVersion":2,"finalizedVersionLevel":0,"epoch":null}]}"# + "\n")
    }

    @Test func aNodeNotInTheClusterIsOneLine() async throws {
        let broker = try Self.broker()
        defer { broker.stop() }
        expectFailure(try await Self.run(broker, ["describe", "--node-id", "7"]), exitCode: 1, message: "broker 7 is not in the cluster's metadata")
    }

    @Test func theTestBrokerReportsNoFeatures() async throws {
        let address = try await brokerAddress()
        let text = try await kafkactl(["features", "--bootstrap-server", address, "describe"])
        #expect(text.exitCode == 0 && text.stdout.isEmpty && text.stderr.isEmpty, "stderr: \(text.stderr)")
        let json = try await kafkactl(["features", "--bootstrap-server", address, "describe", "--output", "json"])
        #expect(json.exitCode == 0 && json.stdout == #"{"features":[]}"# + "\n", "stderr: \(json.stderr)")
    }

    @Test(arguments: [
        ([], "Missing command: describe"),
        (["upgrade", "--node-id", "1"], "'upgrade' is not a features command kafkactl has: use describe (upgrade, downgrade and disable are not supported)"),
        (["describe", "--node-id", "-1"], "Invalid node id -1: must be non-negative."),
    ])
    func aRuleBrokenOnTheCommandLineIsOneLineAndTheHint(arguments: [String], message: String) async throws {
        let result = try await kafkactl(["features", "--bootstrap-server", "127.0.0.1:1"] + arguments)
        #expect(result.exitCode == 64, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["Error: \(message)", Self.hint])
    }
}

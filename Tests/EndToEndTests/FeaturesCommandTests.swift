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
        ([], "Missing command: use describe, upgrade, downgrade, disable, version-mapping or feature-dependencies"),
        (["enable"], "'enable' is not a features command: use describe, upgrade, downgrade, disable, version-mapping or feature-dependencies"),
        (["feature-dependencies"], "argument --feature is required"),
        (["version-mapping", "--feature", "a=1"], "--feature is not an option of version-mapping"),
        (["feature-dependencies", "--feature", "a=1", "--release-version", "3.9"], "--release-version is not an option of feature-dependencies"),
        (["version-mapping", "--dry-run"], "--dry-run is not an option of version-mapping"),
        (["describe", "--node-id", "-1"], "Invalid node id -1: must be non-negative."),
        (["upgrade", "--node-id", "1", "--feature", "a=1"], "--node-id is a describe option, not one of upgrade"),
        (["describe", "--dry-run"], "--dry-run is not a describe option: use it with upgrade, downgrade or disable"),
        (["describe", "--feature", "a=1"], "--feature is not a describe option: use it with upgrade, downgrade or disable"),
        (["disable", "--metadata", "3.9"], "disable takes only --feature name, --unsafe and --dry-run"),
        (["upgrade", "--unsafe", "--feature", "a=1"], "--unsafe is a downgrade and disable option, not one of upgrade"),
        (["upgrade", "--release-version", "3.9-IV0", "--feature", "a=1"], "Can not specify `release-version` with other feature flags."),
        (["downgrade", "--release-version", "3.9-IV0", "--metadata", "3.9"], "Can not specify `release-version` with other feature flags."),
    ])
    func aRuleBrokenOnTheCommandLineIsOneLineAndTheHint(arguments: [String], message: String) async throws {
        let result = try await kafkactl(["features", "--bootstrap-server", "127.0.0.1:1"] + arguments)
        #expect(result.exitCode == 64, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["Error: \(message)", Self.hint])
    }

    @Test(arguments: [
        (["upgrade"], "You must specify at least one feature to upgrade"),
        (["disable"], "You must specify at least one feature to disable"),
        (["upgrade", "--feature", "group.version"], "Can't parse feature=level string group.version: equals sign not found."),
        (["upgrade", "--feature", "group.version=x"], "Can't parse feature=level string group.version=x: unable to parse x as a short."),
        (["upgrade", "--feature", "group.version=40000"], "Can't parse feature=level string group.version=40000: unable to parse 40000 as a short."),
        (["downgrade", "--feature", "a=1", "--feature", " a = 0"], "Feature a was specified more than once."),
        (["disable", "--feature", "a", "--feature", "a"], "Feature a was specified more than once."),
        (["upgrade", "--metadata", "3.9-IV0", "--feature", "metadata.version=20"], "Feature metadata.version was specified more than once."),
        (["upgrade", "--feature", " =1"], "Provided feature can not be empty."),
        (["upgrade", "--release-version", "2.8"], "Unknown metadata.version '2.8'. Supported metadata.version are: 3.3-IV3, 3.4-IV0, 3.5-IV0, 3.5-IV1, 3.5-IV2, 3.6-IV0, 3.6-IV1, 3.6-IV2, 3.7-IV0, 3.7-IV1, 3.7-IV2, 3.7-IV3, 3.7-IV4, 3.8-IV0, 3.9-IV0, 4.0-IV0, 4.0-IV1, 4.0-IV2, 4.0-IV3, 4.1-IV0, 4.1-IV1, 4.2-IV0, 4.2-IV1, 4.3-IV0, 4.4-IV0, 4.4-IV1, 4.4-IV2"),
        (["version-mapping", "--release-version", "5.0"], "Unknown metadata.version '5.0'. Supported metadata.version are: 3.3-IV3, 3.4-IV0, 3.5-IV0, 3.5-IV1, 3.5-IV2, 3.6-IV0, 3.6-IV1, 3.6-IV2, 3.7-IV0, 3.7-IV1, 3.7-IV2, 3.7-IV3, 3.7-IV4, 3.8-IV0, 3.9-IV0, 4.0-IV0, 4.0-IV1, 4.0-IV2, 4.0-IV3, 4.1-IV0, 4.1-IV1, 4.2-IV0, 4.2-IV1, 4.3-IV0, 4.4-IV0, 4.4-IV1, 4.4-IV2"),
        (["feature-dependencies", "--feature", "group.version=5"], "No feature:group.version with feature level 5"),
        (["feature-dependencies", "--feature", "mystery.version=1"], "Unknown feature: mystery.version"),
        (["feature-dependencies", "--feature", "metadata.version=3"], "Unknown metadata.version 3"),
        (["feature-dependencies", "--feature", "group.version"], "Can't parse feature=level string group.version: equals sign not found."),
        (["upgrade", "--metadata", "3.2-IV0"], "Unknown metadata.version '3.2-IV0'. Supported metadata.version are: 3.3-IV3, 3.4-IV0, 3.5-IV0, 3.5-IV1, 3.5-IV2, 3.6-IV0, 3.6-IV1, 3.6-IV2, 3.7-IV0, 3.7-IV1, 3.7-IV2, 3.7-IV3, 3.7-IV4, 3.8-IV0, 3.9-IV0, 4.0-IV0, 4.0-IV1, 4.0-IV2, 4.0-IV3, 4.1-IV0, 4.1-IV1, 4.2-IV0, 4.2-IV1, 4.3-IV0, 4.4-IV0, 4.4-IV1, 4.4-IV2"),
    ])
    func aBadFeatureIsOneLineBeforeAnythingIsSent(arguments: [String], message: String) async throws {
        expectFailure(try await kafkactl(["features", "--bootstrap-server", "127.0.0.1:1"] + arguments), exitCode: 64, message: message)
    }

    // MARK: upgrade, downgrade and disable (UpdateFeatures)

    /// What the scripted controller was sent: each UpdateFeatures' version, validate-only flag and updates
    /// ("name=level/type").
    final class Asked: Sendable {
        let entries = Mutex<[(version: Int16, validateOnly: Bool, updates: [String])]>([])
        var all: [(version: Int16, validateOnly: Bool, updates: [String])] { entries.withLock { $0 } }
    }

    /// A one-node cluster (node 1, the controller) answering UpdateFeatures as Kafka's controller does: `answer`
    /// says each feature's outcome; at v0-1 each feature is answered on its own, at v2 (Kafka 3.9+) the answer has
    /// only a top-level error, the first failure's, or NONE when every feature can change. `notControllerFirst`
    /// answers the first request NOT_CONTROLLER, as a controller that just lost the leadership does.
    static func controller(
        versions: ClosedRange<Int16> = 0...2, asked: Asked, notControllerFirst: Bool = false,
        answer: @escaping @Sendable (String, Int16) -> (ErrorCode, String?) = { _, _ in (.none, nil) }
    ) throws -> ScriptedBroker {
        let port = Mutex(0)
        let broker = try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 57: versions]) { header, body in
            var copy = body
            switch header.apiKey {
            case .metadata:
                return ScriptedBroker.oneNodeMetadataReply(port: port.withLock { $0 }, version: header.apiVersion)
            case .updateFeatures:
                guard let request = try? UpdateFeaturesRequest(from: &copy, version: header.apiVersion) else { return .close }
                let first = asked.entries.withLock { entries in
                    entries.append((header.apiVersion, request.validateOnly, request.featureUpdates.map {
                        "\($0.feature)=\($0.maxVersionLevel)/\(header.apiVersion == 0 ? ($0.allowDowngrade ? 2 : 1) : $0.upgradeType)"
                    }))
                    return entries.count == 1
                }
                if notControllerFirst && first {
                    return ScriptedBroker.reply(UpdateFeaturesResponse(errorCode: ErrorCode.notController.rawValue, errorMessage: "not the controller"),
                                                to: UpdateFeaturesRequest.self, version: header.apiVersion)
                }
                let outcomes = request.featureUpdates.map { ($0.feature, answer($0.feature, $0.maxVersionLevel)) }
                var response = UpdateFeaturesResponse()
                if header.apiVersion >= 2 {
                    if let failed = outcomes.first(where: { $0.1.0 != .none }) {
                        response.errorCode = failed.1.0.rawValue
                        response.errorMessage = failed.1.1
                    }
                } else {
                    response.results = outcomes.map { .init(feature: $0.0, errorCode: $0.1.0.rawValue, errorMessage: $0.1.1) }
                }
                return ScriptedBroker.reply(response, to: UpdateFeaturesRequest.self, version: header.apiVersion)
            default:
                return .silence
            }
        }
        port.withLock { $0 = broker.port }
        return broker
    }

    @Test(arguments: [1...1, 0...2] as [ClosedRange<Int16>])
    func anUpgradeSaysEachFeatureAsApacheDoes(versions: ClosedRange<Int16>) async throws {
        let asked = Asked()
        let broker = try Self.controller(versions: versions, asked: asked)
        defer { broker.stop() }
        let result = try await Self.run(broker, ["upgrade", "--metadata", "3.8", "--feature", "transaction.version=2"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == """
             `metadata` flag is deprecated and may be removed in a future release.
            metadata.version was upgraded to 20.
            transaction.version was upgraded to 2.

            """)
        #expect(asked.all.count == 1)
        #expect(asked.all.first?.version == versions.upperBound && asked.all.first?.validateOnly == false)
        #expect(asked.all.first?.updates == ["metadata.version=20/1", "transaction.version=2/1"])
    }

    /// upgrade --release-version: metadata.version at the release's level and every production feature at its default
    /// there, leaving out features at 0 (Kafka sends no upgrade to 0); downgrade keeps them, at 0.
    @Test func aReleaseVersionSetsEveryFeatureToThatReleasesDefaults() async throws {
        let asked = Asked()
        let broker = try Self.controller(asked: asked)
        defer { broker.stop() }
        let upgraded = try await Self.run(broker, ["upgrade", "--release-version", "4.0", "--dry-run"])
        #expect(upgraded.exitCode == 0, "stderr: \(upgraded.stderr)")
        #expect(upgraded.stdout == """
            group.version can be upgraded to 1.
            kraft.version can be upgraded to 1.
            metadata.version can be upgraded to 25.
            transaction.version can be upgraded to 2.

            """)
        #expect(asked.all.first?.validateOnly == true)
        #expect(asked.all.first?.updates == ["group.version=1/1", "kraft.version=1/1", "metadata.version=25/1", "transaction.version=2/1"])
        let downgraded = try await Self.run(broker, ["downgrade", "--release-version", "3.9-IV0"])
        #expect(downgraded.exitCode == 0, "stderr: \(downgraded.stderr)")
        #expect(asked.all.last?.updates == [
            "eligible.leader.replicas.version=0/2", "group.version=0/2", "kraft.version=1/2", "metadata.version=21/2", "share.version=0/2",
            "streams.version=0/2", "transaction.version=0/2",
        ])
    }

    @Test func aDryRunAsksTheControllerToValidateOnlyAndSaysCanBe() async throws {
        let asked = Asked()
        let broker = try Self.controller(asked: asked)
        defer { broker.stop() }
        let result = try await Self.run(broker, ["downgrade", "--feature", "group.version=0", "--feature", "metadata.version=14", "--dry-run"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "group.version can be downgraded to 0.\nmetadata.version can be downgraded to 14.\n")
        #expect(asked.all.first?.validateOnly == true && asked.all.first?.updates == ["group.version=0/2", "metadata.version=14/2"])
    }

    @Test func anUnsafeDisableIsLevelZeroWithUpgradeTypeThree() async throws {
        let asked = Asked()
        let broker = try Self.controller(asked: asked)
        defer { broker.stop() }
        let result = try await Self.run(broker, ["disable", "--feature", "share.version", "--unsafe"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "share.version was disabled.\n")
        #expect(asked.all.first?.updates == ["share.version=0/3"])
    }

    @Test func aFeatureTheControllerRefusesIsItsLineAndTheCommandExitsOne() async throws {
        let asked = Asked()
        let broker = try Self.controller(versions: 0...1, asked: asked) { name, _ in
            name == "group.version" ? (.invalidUpdateVersion, "Invalid update version 9 for feature group.version. Local controller 1 only supports versions 0-1") : (.none, nil)
        }
        defer { broker.stop() }
        let result = try await Self.run(broker, ["upgrade", "--feature", "group.version=9", "--feature", "kraft.version=1"])
        #expect(result.exitCode == 1)
        #expect(result.stdout == """
            Could not upgrade group.version to 9. Invalid update version 9 for feature group.version. Local controller 1 only supports versions 0-1 [INVALID_UPDATE_VERSION]
            kraft.version was upgraded to 1.

            """)
        #expect(result.stderrLines == ["Error: 1 out of 2 operation(s) failed."])
        let json = try await Self.run(broker, ["upgrade", "--feature", "group.version=9", "--feature", "kraft.version=1", "--dry-run", "--output", "json"])
        #expect(json.exitCode == 1)
        #expect(json.stdout == #"{"operation":"upgrade","dry_run":true,"features":[{"name":"group.version","level":9,"result":"failed","error":"Invalid update version 9 for feature group.version. Local controller 1 only supports versions 0-1 [INVALID_UPDATE_VERSION]"},{"name":"kraft.version","level":1,"result":"done"}]}"# + "\n")
    }

    @Test func atV2ARefusalNamesEveryFeatureAsKafkasClientDoes() async throws {
        let broker = try Self.controller(asked: Asked()) { name, _ in
            name == "a.version" ? (.invalidUpdateVersion, "a.version cannot be downgraded") : (.none, nil)
        }
        defer { broker.stop() }
        let result = try await Self.run(broker, ["downgrade", "--feature", "a.version=1", "--feature", "b.version=1", "--dry-run"])
        #expect(result.exitCode == 1)
        #expect(result.stdout == """
            Can not downgrade a.version to 1. a.version cannot be downgraded [INVALID_UPDATE_VERSION]
            Can not downgrade b.version to 1. a.version cannot be downgraded [INVALID_UPDATE_VERSION]

            """)
        #expect(result.stderrLines == ["Error: 2 out of 2 operation(s) failed."])
    }

    @Test func notControllerIsAskedAgain() async throws {
        let asked = Asked()
        let broker = try Self.controller(asked: asked, notControllerFirst: true)
        defer { broker.stop() }
        let result = try await Self.run(broker, ["upgrade", "--feature", "kraft.version=1"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "kraft.version was upgraded to 1.\n")
        #expect(asked.all.count == 2)
    }

    @Test(arguments: [
        (["--dry-run"], "the controller does not support --dry-run: it offers only UpdateFeatures v0 (Kafka before 3.3)"),
        (["--unsafe"], "the controller does not support downgrading or disabling a.version: it offers only UpdateFeatures v0 (Kafka before 3.3)"),
    ])
    func aV0ControllerCannotDryRunOrDowngradeAndNothingIsSent(extra: [String], message: String) async throws {
        let asked = Asked()
        let broker = try Self.controller(versions: 0...0, asked: asked)
        defer { broker.stop() }
        let command = extra == ["--unsafe"] ? "downgrade" : "upgrade"
        expectFailure(try await Self.run(broker, [command, "--feature", "a.version=1"] + extra), exitCode: 1, containing: [message])
        #expect(asked.all.isEmpty)
        // An upgrade at v0 goes through (AllowDowngrade false).
        let upgrade = try await Self.run(broker, ["upgrade", "--feature", "a.version=1"])
        #expect(upgrade.exitCode == 0 && upgrade.stdout == "a.version was upgraded to 1.\n", "stderr: \(upgrade.stderr)")
        #expect(asked.all.map(\.updates) == [["a.version=1/1"]])
    }

    @Test func theTestBrokerLacksUpdateFeaturesWhichIsOneLine() async throws {
        let result = try await kafkactl(["features", "--bootstrap-server", try await brokerAddress(), "upgrade", "--feature", "group.version=1"])
        expectFailure(result, exitCode: 1, containing: ["does not support updating features (UpdateFeatures)"])
    }

    // MARK: version-mapping and feature-dependencies (Kafka's tables; no broker)

    /// Kafka 4.3's tool prints these for the latest production release and for 3.9 (given as "3.9", printed as given).
    @Test func versionMappingPrintsEachFeaturesDefaultForTheRelease() async throws {
        let latest = try await kafkactl(["features", "version-mapping"])
        #expect(latest.exitCode == 0, "stderr: \(latest.stderr)")
        #expect(latest.stdout == """
            metadata.version=30 (4.3-IV0)
            kraft.version=1
            transaction.version=2
            group.version=1
            eligible.leader.replicas.version=1
            share.version=1
            streams.version=1

            """)
        let old = try await kafkactl(["features", "version-mapping", "--release-version", "3.9"])
        #expect(old.stdout.hasPrefix("metadata.version=21 (3.9)\nkraft.version=1\ntransaction.version=0\ngroup.version=0\n"), "\(old.stdout)")
        let json = try await kafkactl(["features", "version-mapping", "--release-version", "4.0-IV1", "--output", "json"])
        let object = try json.jsonObject()
        #expect((object["metadata_version"] as? [String: Any])?["level"] as? Int == 23)
        #expect((object["features"] as? [[String: Any]])?.first { $0["name"] as? String == "group.version" }?["level"] as? Int == 1)
    }

    @Test func featureDependenciesNamesWhatEachLevelNeeds() async throws {
        let result = try await kafkactl(["features", "feature-dependencies", "--feature", "eligible.leader.replicas.version=1",
                                         "--feature", "metadata.version=21", "--feature", "transaction.version=2"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == """
            eligible.leader.replicas.version=1 requires:
                metadata.version=23 (4.0-IV1)
            metadata.version=21 (3.9-IV0) has no dependencies.
            transaction.version=2 has no dependencies.

            """)
    }
}

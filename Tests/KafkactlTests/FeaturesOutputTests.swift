import AdminCore
import Testing

@testable import kafkactl

/// features describe's lines and metadata.version's release names as FeatureCommand prints them; the whole output
/// from the binary is proven in FeaturesCommandTests.
@Suite struct FeaturesOutputTests {
    @Test func metadataVersionLevelsAreReleaseVersionsAndOtherFeaturesNumbers() {
        #expect(MetadataVersions.levelToString(feature: "metadata.version", 1) == "3.0-IV1")
        #expect(MetadataVersions.levelToString(feature: "metadata.version", 7) == "3.3-IV3")
        #expect(MetadataVersions.levelToString(feature: "metadata.version", 21) == "3.9-IV0")
        #expect(MetadataVersions.levelToString(feature: "metadata.version", 0) == "UNKNOWN 0")
        #expect(MetadataVersions.levelToString(feature: "metadata.version", 99) == "UNKNOWN 99")
        #expect(MetadataVersions.levelToString(feature: "kraft.version", 21) == "21")
    }

    @Test func aNameLongerThanItsColumnIsNotCutAndAFeatureNotFinalizedIsAtZero() {
        let name = String(repeating: "f", count: 45)
        let lines = FeaturesRenderer.lines(FeatureMetadata(supported: [name: .init(min: 1, max: 2)], finalized: [:], finalizedEpoch: 3))
        #expect(lines == ["Feature: \(name)  SupportedMinVersion: 1                SupportedMaxVersion: 2                FinalizedVersionLevel: 0                Epoch: 3"])
    }
}

/// features upgrade/downgrade/disable: the flags read as FeatureCommand reads them, and its lines per feature.
@Suite struct FeatureUpdateTests {
    @Test func metadataVersionsAreNamesOrReleasesFromTheMinimumOn() {
        #expect(MetadataVersions.level(of: "3.9-IV0") == 21)
        #expect(MetadataVersions.level(of: "3.7") == 19, "a release is its latest production level: 3.7-IV4")
        #expect(MetadataVersions.level(of: "3.7.1") == 19, "a third segment is ignored")
        #expect(MetadataVersions.level(of: "4.3") == 30)
        #expect(MetadataVersions.level(of: "4.4-IV2") == 33, "unstable levels by name, as the tool allows them")
        #expect(MetadataVersions.level(of: "4.4") == nil, "no 4.4 level is production, so the release names none")
        #expect(MetadataVersions.level(of: "3.3-IV2") == nil, "below Kafka 4's minimum")
        #expect(MetadataVersions.level(of: "banana") == nil)
    }

    @Test func flagsBecomeUpdatesWithTheirUpgradeType() throws {
        let upgrade = try Features.updates(operation: "upgrade", metadata: "3.8", features: [" group.version = 1 "], unsafe: false)
        #expect(upgrade == ["metadata.version": .init(maxVersionLevel: 20, upgradeType: .upgrade),
                            "group.version": .init(maxVersionLevel: 1, upgradeType: .upgrade)])
        let downgrade = try Features.updates(operation: "downgrade", metadata: nil, features: ["kraft.version=0"], unsafe: false)
        #expect(downgrade == ["kraft.version": .init(maxVersionLevel: 0, upgradeType: .safeDowngrade)])
        let disable = try Features.updates(operation: "disable", metadata: nil, features: ["share.version"], unsafe: true)
        #expect(disable == ["share.version": .init(maxVersionLevel: 0, upgradeType: .unsafeDowngrade)])
    }

    @Test func linesAreSortedAndSayWhatHappenedOrWouldHappen() {
        let updates: [String: FeatureUpdate] = ["b": .init(maxVersionLevel: 2, upgradeType: .upgrade), "a": .init(maxVersionLevel: 1, upgradeType: .upgrade)]
        let outcomes: [String: KafkactlError?] = ["b": nil, "a": KafkactlError(.rejected, "no [INVALID_UPDATE_VERSION]")]
        #expect(FeatureUpdateRenderer(operation: "upgrade", dryRun: false).lines(updates, outcomes)
                == ["Could not upgrade a to 1. no [INVALID_UPDATE_VERSION]", "b was upgraded to 2."])
        #expect(FeatureUpdateRenderer(operation: "downgrade", dryRun: true).lines(updates, outcomes)
                == ["Can not downgrade a to 1. no [INVALID_UPDATE_VERSION]", "b can be downgraded to 2."])
        #expect(FeatureUpdateRenderer(operation: "disable", dryRun: false).lines(updates, outcomes)
                == ["Could not disable a. no [INVALID_UPDATE_VERSION]", "b was disabled."])
        #expect(FeatureUpdateRenderer(operation: "disable", dryRun: true).json(updates, outcomes).serialized()
                == #"{"operation":"disable","dry_run":true,"features":[{"name":"a","level":1,"result":"failed","error":"no [INVALID_UPDATE_VERSION]"},{"name":"b","level":2,"result":"done"}]}"#)
        #expect(FeatureUpdateRenderer.failureSummary(failed: 1, of: 2) == "1 out of 2 operation(s) failed.")
    }
}

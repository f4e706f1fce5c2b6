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

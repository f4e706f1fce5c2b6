import NIOCore
import Testing

@testable import AdminCore

/// An ApiVersions v3 answer carrying feature flags in its tagged fields (SupportedFeatures tag 0,
/// FinalizedFeaturesEpoch tag 1, FinalizedFeatures tag 2), encoded by kafka-python 3.0.12 from Kafka's JSON
/// definition, not by kafkactl's encoder: `ApiVersionsResponse(...).encode(version=3, header=False)` after the
/// response header written out (ApiVersions answers always use header v0: the correlation id alone). The test
/// broker answers these fields at their defaults (empty), so no capture holds them.
@Suite("ApiVersions feature flags golden frame")
struct ApiVersionsFeaturesGoldenTests {
    // "kraft.version" 6b 72 61 66 74 2e 76 65 72 73 69 6f 6e; "metadata.version" 6d 65 74 61 64 61 74 61 2e ...
    static let v3Response = "00 00 00 09 00 00 02 00 12 00 00 00 03 00 00 00 00 00 03 00 2a 03 0e 6b 72 61 66 74 2e 76 65 72 73 69 6f 6e 00 00 00 01 00 11 6d 65 74 61 64 61 74 61 2e 76 65 72 73 69 6f 6e 00 07 00 15 00 01 08 00 00 00 00 00 00 00 2a 02 17 02 11 6d 65 74 61 64 61 74 61 2e 76 65 72 73 69 6f 6e 00 15 00 15 00"

    @Test("an ApiVersions v3 answer: kraft.version 0-1 and metadata.version 7-21 supported, metadata.version 21 finalized at epoch 42")
    func features() throws {
        let response = try AclGoldenTests.decodeResponse(Self.v3Response, as: ApiVersionsRequest.self, version: 3)
        #expect(response.supportedFeatures.map { "\($0.name) \($0.minVersion)-\($0.maxVersion)" } == ["kraft.version 0-1", "metadata.version 7-21"])
        #expect(response.finalizedFeaturesEpoch == 42)
        #expect(response.finalizedFeatures.map { "\($0.name) \($0.minVersionLevel)-\($0.maxVersionLevel)" } == ["metadata.version 21-21"])
        #expect(response.apiKeys.map(\.apiKey) == [18] && !response.zkMigrationReady)
    }
}

import NIOCore
import Testing

@testable import AdminCore

/// Frames of UpdateFeatures (57) built by hand, field by field, from Kafka's JSON definitions
/// (clients/src/main/resources/common/message/UpdateFeaturesRequest.json and UpdateFeaturesResponse.json at the
/// confluentinc/kafka mirror's refs/heads/4.4), not by kafkactl's encoder: the test broker lacks the API, so no
/// capture can hold it, and kafka-python 3.0.12 (the pinned independent encoder) has no UpdateFeatures.
/// FixtureCoverageTests lists it as a gap. Every version is flexible (0+): request header v2 (api key 00 39,
/// version, correlation id, client id as an int16-length string "kafkactl" 00 08 6b..6c, no tags 00), compact
/// arrays and strings (length + 1), a tag buffer (00) after each struct; response header v1 (correlation id, 00).
@Suite("UpdateFeatures golden frames")
struct UpdateFeaturesGoldenTests {
    /// v0 (Kafka 2.7-3.2): TimeoutMs 60000 (00 00 ea 60); FeatureUpdates, one (02): Feature "mv" (03 6d 76),
    /// MaxVersionLevel 20 (00 14), AllowDowngrade false (00), tags (00); tags (00). 32 bytes after the size.
    static let v0Request = "00 00 00 20 00 39 00 00 00 00 00 29 00 08 6b 61 66 6b 61 63 74 6c 00 00 00 ea 60 02 03 6d 76 00 14 00 00 00"
    /// v1 (Kafka 3.3-3.8): "mv" to 14 (00 0e) as a safe downgrade (UpgradeType 02), tags; ValidateOnly true (01).
    static let v1Request = "00 00 00 21 00 39 00 01 00 00 00 2a 00 08 6b 61 66 6b 61 63 74 6c 00 00 00 ea 60 02 03 6d 76 00 0e 02 00 01 00"
    /// v2 (Kafka 3.9+): TimeoutMs 30000 (00 00 75 30); two updates (03): "a" (02 61) to 0 unsafe (03), "b" to 1 as an
    /// upgrade (01); ValidateOnly false (00).
    static let v2Request = "00 00 00 26 00 39 00 02 00 00 00 2b 00 08 6b 61 66 6b 61 63 74 6c 00 00 00 75 30 03 02 61 00 00 03 00 02 62 00 01 01 00 00 00"

    /// v0: correlation 41, tags; ThrottleTimeMs 0; ErrorCode 0; ErrorMessage null (00); Results, one (02): "mv" NONE,
    /// message null, tags; tags.
    static let v0Response = "00 00 00 29 00 00 00 00 00 00 00 00 02 03 6d 76 00 00 00 00 00"
    /// v1: Results, two (03): "mv" INVALID_UPDATE_VERSION (00 5f) "no" (03 6e 6f); "tv" NONE, null.
    static let v1Response = "00 00 00 2a 00 00 00 00 00 00 00 00 03 03 6d 76 00 5f 03 6e 6f 00 03 74 76 00 00 00 00 00"
    /// v2: no Results (versions 0-1): ErrorCode INVALID_UPDATE_VERSION, ErrorMessage "bad" (04 62 61 64), tags.
    static let v2Response = "00 00 00 2b 00 00 00 00 00 00 5f 04 62 61 64 00"

    @Test("UpdateFeatures v0 (an upgrade), v1 (a safe downgrade, validate only) and v2 (an unsafe disable and an upgrade)")
    func requests() throws {
        try AclGoldenTests.expectRequest(UpdateFeaturesRequest(timeoutMs: 60_000, featureUpdates: [.init(feature: "mv", maxVersionLevel: 20)]),
                                         version: 0, correlationId: 41, is: Self.v0Request)
        try AclGoldenTests.expectRequest(UpdateFeaturesRequest(timeoutMs: 60_000, featureUpdates: [.init(feature: "mv", maxVersionLevel: 14, upgradeType: 2)],
                                                               validateOnly: true),
                                         version: 1, correlationId: 42, is: Self.v1Request)
        try AclGoldenTests.expectRequest(UpdateFeaturesRequest(timeoutMs: 30_000, featureUpdates: [.init(feature: "a", maxVersionLevel: 0, upgradeType: 3),
                                                                                                   .init(feature: "b", maxVersionLevel: 1, upgradeType: 1)]),
                                         version: 2, correlationId: 43, is: Self.v2Request)
    }

    @Test("v0 has neither an upgrade type nor validate-only: a downgrade or a dry run cannot be encoded there")
    func downgradeAndDryRunNeedV1() {
        #expect(throws: WireError.self) {
            try UpdateFeaturesRequest(featureUpdates: [.init(feature: "a", maxVersionLevel: 1, upgradeType: 2)])
                .encodeFrame(version: 0, correlationId: 1, clientId: "kafkactl")
        }
        #expect(throws: WireError.self) {
            try UpdateFeaturesRequest(featureUpdates: [.init(feature: "a", maxVersionLevel: 1)], validateOnly: true)
                .encodeFrame(version: 0, correlationId: 1, clientId: "kafkactl")
        }
    }

    @Test("UpdateFeatures answers: v0 per feature, v1 one refused and one done, v2 only a top-level error")
    func responses() throws {
        let v0 = try AclGoldenTests.decodeResponse(Self.v0Response, as: UpdateFeaturesRequest.self, version: 0)
        #expect(v0.errorCode == 0 && v0.errorMessage == nil && v0.results.map(\.feature) == ["mv"] && v0.results[0].errorCode == 0)
        let v1 = try AclGoldenTests.decodeResponse(Self.v1Response, as: UpdateFeaturesRequest.self, version: 1)
        #expect(v1.results.map(\.feature) == ["mv", "tv"] && v1.results.map(\.errorCode) == [95, 0])
        #expect(v1.results[0].errorMessage == "no" && v1.results[1].errorMessage == nil)
        let v2 = try AclGoldenTests.decodeResponse(Self.v2Response, as: UpdateFeaturesRequest.self, version: 2)
        #expect(ErrorCode(rawValue: v2.errorCode) == .invalidUpdateVersion && v2.errorMessage == "bad" && v2.results.isEmpty)
    }

    @Test("Kafka's admin client's reading: v2 NONE with no results is every feature done; a missing feature failed")
    func outcomes() throws {
        let v2 = try AclGoldenTests.decodeResponse(Self.v2Response, as: UpdateFeaturesRequest.self, version: 2)
        let refused = AdminClient.featureOutcomes(v2, names: ["a", "b"])
        #expect(refused.count == 2 && refused.values.allSatisfy { $0?.message == "bad [INVALID_UPDATE_VERSION]" })
        let done = AdminClient.featureOutcomes(UpdateFeaturesResponse(), names: ["a"])
        #expect(done.count == 1 && done["a"] == .some(nil))
        let v1 = try AclGoldenTests.decodeResponse(Self.v1Response, as: UpdateFeaturesRequest.self, version: 1)
        let partial = AdminClient.featureOutcomes(v1, names: ["mv", "tv", "zz"])
        #expect(partial["mv"]??.message == "no [INVALID_UPDATE_VERSION]" && partial["tv"] == .some(nil))
        #expect(partial["zz"]??.message == "The controller response did not contain a result for feature zz")
    }
}

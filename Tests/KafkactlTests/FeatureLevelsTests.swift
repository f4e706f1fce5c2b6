import Testing

@testable import kafkactl

/// Facts of the feature table pinned against Kafka's source (server-common, refs/heads/4.4): a typo in the table
/// would change what upgrade --release-version sends.
@Suite struct FeatureLevelsTests {
    @Test func theProductionFeaturesAreKafkasInKafkasOrder() {
        #expect(FeatureLevels.production.map(\.name) == [
            "kraft.version", "transaction.version", "group.version", "eligible.leader.replicas.version", "share.version", "streams.version",
        ])
    }

    @Test(arguments: [
        // metadata.version level -> kraft, transaction, group, ELR, share, streams
        (Int16(7), [Int16(0), 0, 0, 0, 0, 0]),   // 3.3-IV3, the minimum
        (21, [1, 0, 0, 0, 0, 0]),                // 3.9-IV0: kraft.version 1 (KIP-853)
        (22, [1, 0, 1, 0, 0, 0]),                // 4.0-IV0: group.version 1 (KIP-848)
        (24, [1, 2, 1, 0, 0, 0]),                // 4.0-IV2: transaction.version 2 (KIP-890)
        (26, [1, 2, 1, 1, 0, 0]),                // 4.1-IV0: ELR
        (29, [1, 2, 1, 1, 1, 1]),                // 4.2-IV1: share groups and streams
        (31, [1, 2, 1, 1, 2, 1]),                // 4.4-IV0: share.version 2
    ] as [(Int16, [Int16])])
    func eachFeaturesDefaultFollowsItsBootstrapMetadataVersion(metadataLevel: Int16, expected: [Int16]) {
        #expect(FeatureLevels.mapping(metadataLevel: metadataLevel).map(\.level) == expected)
    }

    @Test func onlyEligibleLeaderReplicasDependsOnAMetadataVersion() {
        let dependencies = FeatureLevels.production.flatMap { feature in
            feature.levels.flatMap { level in level.dependencies.map { "\(feature.name)=\(level.level) needs \($0.feature)=\($0.level)" } }
        }
        #expect(dependencies == ["eligible.leader.replicas.version=1 needs metadata.version=23"])
    }
}

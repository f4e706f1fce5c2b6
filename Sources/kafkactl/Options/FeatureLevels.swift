/// Kafka's production features besides metadata.version (server-common's `Feature.PRODUCTION_FEATURES`, in its
/// order), each level with the metadata.version it is the default from (its "bootstrap metadata version") and the
/// levels it depends on. Read from the confluentinc/kafka mirror's refs/heads/4.4,
/// server-common/src/main/java/org/apache/kafka/server/common/: KRaftVersion.java, TransactionVersion.java,
/// GroupVersion.java, EligibleLeaderReplicasVersion.java, ShareVersion.java, StreamsVersion.java (metadata.version
/// levels as in MetadataVersions: 7 is 3.3-IV3, 21 3.9-IV0, 22 4.0-IV0, 23 4.0-IV1, 24 4.0-IV2, 26 4.1-IV0,
/// 28 4.2-IV0, 29 4.2-IV1, 31 4.4-IV0). A fact table, not fetched at run time.
enum FeatureLevels {
    struct Level: Sendable {
        var level: Int16
        /// The metadata.version level from which this is the feature's default.
        var bootstrapMetadataLevel: Int16
        /// Other features' minimum levels (metadata.version's too), as Kafka lists them.
        var dependencies: [(feature: String, level: Int16)] = []
    }

    struct Feature: Sendable {
        var name: String
        var levels: [Level]
        var latestProduction: Int16

        /// `Feature.defaultLevel(metadataVersion)`: the last level, in order, whose bootstrap metadata.version is at or
        /// below the given one (the first level when none is).
        func defaultLevel(metadataLevel: Int16) -> Int16 {
            var chosen = levels[0]
            for level in levels {
                guard level.bootstrapMetadataLevel <= metadataLevel else { break }
                chosen = level
            }
            return chosen.level
        }

        /// `Feature.fromFeatureLevel(level, true)`: unstable levels allowed, as kafka-features.sh asks.
        func level(_ value: Int16) -> Level? { levels.first { $0.level == value } }
    }

    static let minimum = MetadataVersions.minimumLevel

    static let production: [Feature] = [
        Feature(name: "kraft.version", levels: [Level(level: 0, bootstrapMetadataLevel: minimum), Level(level: 1, bootstrapMetadataLevel: 21)],
                latestProduction: 1),
        Feature(name: "transaction.version",
                levels: [Level(level: 0, bootstrapMetadataLevel: minimum), Level(level: 1, bootstrapMetadataLevel: 24),
                         Level(level: 2, bootstrapMetadataLevel: 24)],
                latestProduction: 2),
        Feature(name: "group.version", levels: [Level(level: 0, bootstrapMetadataLevel: minimum), Level(level: 1, bootstrapMetadataLevel: 22)],
                latestProduction: 1),
        Feature(name: "eligible.leader.replicas.version",
                levels: [Level(level: 0, bootstrapMetadataLevel: minimum),
                         Level(level: 1, bootstrapMetadataLevel: 26, dependencies: [(MetadataVersions.featureName, 23)])],
                latestProduction: 1),
        Feature(name: "share.version",
                levels: [Level(level: 0, bootstrapMetadataLevel: minimum), Level(level: 1, bootstrapMetadataLevel: 28),
                         Level(level: 2, bootstrapMetadataLevel: 31)],
                latestProduction: 2),
        Feature(name: "streams.version", levels: [Level(level: 0, bootstrapMetadataLevel: minimum), Level(level: 1, bootstrapMetadataLevel: 29)],
                latestProduction: 1),
    ]

    static func named(_ name: String) -> Feature? { production.first { $0.name == name } }

    /// version-mapping's answer: metadata.version's level for `release`, and each production feature's default there.
    static func mapping(metadataLevel: Int16) -> [(name: String, level: Int16)] {
        production.map { ($0.name, $0.defaultLevel(metadataLevel: metadataLevel)) }
    }
}

/// metadata.version's levels and the release versions Kafka names them by (MetadataVersion's enum: levels 1-6 from
/// Kafka 3.x's source, which 4.x dropped, and 7-33 from the confluentinc/kafka mirror's refs/heads/4.4,
/// server-common/src/main/java/org/apache/kafka/server/common/MetadataVersion.java, where IBP_4_3_IV0 (30) is the
/// latest production level and IBP_3_3_IV3 (7) the minimum). A fact table, read from that source, not fetched at
/// run time.
enum MetadataVersions {
    static let featureName = "metadata.version"

    static let names: [Int16: String] = [
        1: "3.0-IV1", 2: "3.1-IV0", 3: "3.2-IV0", 4: "3.3-IV0", 5: "3.3-IV1", 6: "3.3-IV2", 7: "3.3-IV3", 8: "3.4-IV0",
        9: "3.5-IV0", 10: "3.5-IV1", 11: "3.5-IV2", 12: "3.6-IV0", 13: "3.6-IV1", 14: "3.6-IV2", 15: "3.7-IV0",
        16: "3.7-IV1", 17: "3.7-IV2", 18: "3.7-IV3", 19: "3.7-IV4", 20: "3.8-IV0", 21: "3.9-IV0", 22: "4.0-IV0",
        23: "4.0-IV1", 24: "4.0-IV2", 25: "4.0-IV3", 26: "4.1-IV0", 27: "4.1-IV1", 28: "4.2-IV0", 29: "4.2-IV1",
        30: "4.3-IV0", 31: "4.4-IV0", 32: "4.4-IV1", 33: "4.4-IV2",
    ]

    /// Kafka 4.x's MINIMUM_VERSION (3.3-IV3) and LATEST_PRODUCTION (4.3-IV0); levels above it are unstable.
    static let minimumLevel: Int16 = 7
    static let latestProductionLevel: Int16 = 30

    /// FeatureCommand.levelToString: metadata.version's level as its release version ("UNKNOWN n" when not known),
    /// any other feature's as the number.
    static func levelToString(feature: String, _ level: Int16) -> String {
        guard feature == featureName else { return String(level) }
        return names[level] ?? "UNKNOWN \(level)"
    }

    /// MetadataVersion.fromVersionString with unstable versions allowed, as kafka-features.sh calls it: a full name
    /// ("3.7-IV2") from the minimum on, or a release ("3.7": its latest production level); a third segment is
    /// ignored ("3.7.1" is "3.7"). The level, or nil.
    static func level(of versionString: String) -> Int16? {
        let segments = versionString.split(separator: ".", omittingEmptySubsequences: false)
        let key = segments.count <= 2 ? versionString : segments.prefix(2).joined(separator: ".")
        let known = names.filter { $0.key >= minimumLevel }
        if let exact = known.first(where: { $0.value == key }) { return exact.key }
        return known.filter { $0.key <= latestProductionLevel && $0.value.hasPrefix(key + "-IV") }.keys.max()
    }

    /// Kafka's refusal of an unknown version, listing every level from the minimum to the latest (unstable too).
    static func unknownVersionMessage(_ versionString: String) -> String {
        let supported = names.keys.filter { $0 >= minimumLevel }.sorted().map { names[$0]! }.joined(separator: ", ")
        return "Unknown metadata.version '\(versionString)'. Supported metadata.version are: \(supported)"
    }
}

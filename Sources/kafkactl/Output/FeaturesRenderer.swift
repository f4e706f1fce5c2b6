import AdminCore

/// features' output: kafka-features.sh describe's line per supported feature (sorted by name), or one JSON document
/// `{"features":[{"name","supportedMinVersion","supportedMaxVersion","finalizedVersionLevel","epoch"(null: none)}]}`
/// with the levels as numbers.
enum FeaturesRenderer {
    static func lines(_ features: FeatureMetadata) -> [String] {
        let padded = { (text: String, width: Int) in text.count >= width ? text : text + String(repeating: " ", count: width - text.count) }
        let epoch = features.finalizedEpoch.map(String.init) ?? "-"
        return features.supported.keys.sorted().map { name in
            let range = features.supported[name]!
            let level = { (value: Int16) in MetadataVersions.levelToString(feature: name, value) }
            return "Feature: \(padded(name, 40))  SupportedMinVersion: \(padded(level(range.min), 15))  "
                + "SupportedMaxVersion: \(padded(level(range.max), 15))  "
                + "FinalizedVersionLevel: \(padded(level(features.finalized[name]?.max ?? 0), 15))  Epoch: \(epoch)"
        }
    }

    static func json(_ features: FeatureMetadata) -> JSON {
        .object([("features", .array(features.supported.keys.sorted().map { name in
            .object([
                ("name", .string(name)), ("supportedMinVersion", .int(features.supported[name]!.min)),
                ("supportedMaxVersion", .int(features.supported[name]!.max)),
                ("finalizedVersionLevel", .int(features.finalized[name]?.max ?? 0)),
                ("epoch", features.finalizedEpoch.map { JSON.int($0) } ?? .null),
            ])
        }))])
    }
}

/// metadata.version's levels and the release versions Kafka names them by (MetadataVersion's enum: levels 1-6 from
/// Kafka 3.x's source, which 4.x dropped, and 7-33 from the confluentinc/kafka mirror's refs/pull/1735/merge,
/// server-common/.../MetadataVersion.java). A fact table, read from that source, not fetched at run time.
enum MetadataVersions {
    static let featureName = "metadata.version"

    static let names: [Int16: String] = [
        1: "3.0-IV1", 2: "3.1-IV0", 3: "3.2-IV0", 4: "3.3-IV0", 5: "3.3-IV1", 6: "3.3-IV2", 7: "3.3-IV3", 8: "3.4-IV0",
        9: "3.5-IV0", 10: "3.5-IV1", 11: "3.5-IV2", 12: "3.6-IV0", 13: "3.6-IV1", 14: "3.6-IV2", 15: "3.7-IV0",
        16: "3.7-IV1", 17: "3.7-IV2", 18: "3.7-IV3", 19: "3.7-IV4", 20: "3.8-IV0", 21: "3.9-IV0", 22: "4.0-IV0",
        23: "4.0-IV1", 24: "4.0-IV2", 25: "4.0-IV3", 26: "4.1-IV0", 27: "4.1-IV1", 28: "4.2-IV0", 29: "4.2-IV1",
        30: "4.3-IV0", 31: "4.4-IV0", 32: "4.4-IV1", 33: "4.4-IV2",
    ]

    /// FeatureCommand.levelToString: metadata.version's level as its release version ("UNKNOWN n" when not known),
    /// any other feature's as the number.
    static func levelToString(feature: String, _ level: Int16) -> String {
        guard feature == featureName else { return String(level) }
        return names[level] ?? "UNKNOWN \(level)"
    }
}

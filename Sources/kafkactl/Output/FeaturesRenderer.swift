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

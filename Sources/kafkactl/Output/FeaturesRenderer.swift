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

    // MARK: version-mapping and feature-dependencies

    /// `metadata.version=30 (4.3-IV0)` (the release as given), then `name=level` per production feature.
    static func versionMappingLines(release: String, metadataLevel: Int16, _ mapping: [(name: String, level: Int16)]) -> [String] {
        ["metadata.version=\(metadataLevel) (\(release))"] + mapping.map { "\($0.name)=\($0.level)" }
    }

    static func versionMappingJSON(release: String, metadataLevel: Int16, _ mapping: [(name: String, level: Int16)]) -> JSON {
        .object([
            ("release_version", .string(release)),
            ("metadata_version", .object([("level", .int(metadataLevel)), ("version", .string(MetadataVersions.names[metadataLevel] ?? release))])),
            ("features", .array(mapping.map { .object([("name", .string($0.name)), ("level", .int($0.level))]) })),
        ])
    }

    struct Dependencies {
        var feature: String
        var level: Int16
        /// metadata.version's release version, for it alone.
        var version: String?
        var requires: [(feature: String, level: Int16)]
    }

    /// kafka-features.sh's lines: `x=1 has no dependencies.` (`metadata.version=21 (3.9-IV0) has no dependencies.`) or
    /// `x=1 requires:` and a line per dependency, indented four spaces, metadata.version's with its release version.
    static func dependencyLines(_ answers: [Dependencies]) -> [String] {
        answers.flatMap { answer -> [String] in
            let subject = "\(answer.feature)=\(answer.level)" + (answer.version.map { " (\($0))" } ?? "")
            if answer.requires.isEmpty { return ["\(subject) has no dependencies."] }
            return ["\(subject) requires:"] + answer.requires.map { dependency in
                "    \(dependency.feature)=\(dependency.level)"
                    + (dependency.feature == MetadataVersions.featureName ? " (\(MetadataVersions.levelToString(feature: dependency.feature, dependency.level)))" : "")
            }
        }
    }

    static func dependenciesJSON(_ answers: [Dependencies]) -> JSON {
        .object([("features", .array(answers.map { answer in
            .object([
                ("name", .string(answer.feature)), ("level", .int(answer.level)),
                ("requires", .array(answer.requires.map { .object([("name", .string($0.feature)), ("level", .int($0.level))]) })),
            ])
        }))])
    }
}

/// How a feature's finalized level may move (Kafka's FeatureUpdate.UpgradeType; the codes are UpdateFeatures v1's).
public enum FeatureUpgradeType: Int8, Sendable, Hashable {
    /// Raise the level (or set it the first time).
    case upgrade = 1
    /// Lower the level where the controller knows no metadata is lost.
    case safeDowngrade = 2
    /// Lower the level even when metadata may be lost (`--unsafe`).
    case unsafeDowngrade = 3
}

/// One feature's requested finalized level; level 0 disables (deletes) the feature.
public struct FeatureUpdate: Sendable, Equatable {
    public var maxVersionLevel: Int16
    public var upgradeType: FeatureUpgradeType

    public init(maxVersionLevel: Int16, upgradeType: FeatureUpgradeType) {
        self.maxVersionLevel = maxVersionLevel
        self.upgradeType = upgradeType
    }
}

extension AdminClient {
    /// Updates finalized feature levels (UpdateFeatures, key 57, at the controller) as Kafka's admin client does,
    /// or only validates them (`validateOnly`, v1+). Returns each feature's outcome: nil where it succeeded (or would
    /// succeed), else the controller's reason. A top-level error fails every feature with it; NOT_CONTROLLER is
    /// asked again at the controller fresh metadata names, under the one retry policy.
    public func updateFeatures(_ updates: [String: FeatureUpdate], validateOnly: Bool) async throws -> [String: KafkactlError?] {
        precondition(!updates.isEmpty, "updateFeatures needs at least one feature")
        let names = updates.keys.sorted()
        let timeoutMs = Int32(clamping: client.configuration.requestTimeout.milliseconds)
        let keys = names.map { name in
            UpdateFeaturesRequest.FeatureUpdateKey(
                feature: name, maxVersionLevel: updates[name]!.maxVersionLevel, upgradeType: updates[name]!.upgradeType.rawValue)
        }
        var backoff = RetryBackoff(client.configuration)
        while true {
            let response = try await client.send(feature: "updating features") { (version: Int16) -> UpdateFeaturesRequest in
                // v0 (Kafka 2.7-3.2) has neither an upgrade type nor validate-only: Kafka's client cannot send a
                // downgrade or a dry run there, and neither does kafkactl (nothing is sent).
                if version == 0 && validateOnly {
                    throw KafkactlError(.unsupported, "the controller does not support --dry-run: it offers only UpdateFeatures v0 (Kafka before 3.3)")
                }
                if version == 0, let name = names.first(where: { updates[$0]!.upgradeType != .upgrade }) {
                    throw KafkactlError(.unsupported, "the controller does not support downgrading or disabling \(name): it offers only UpdateFeatures v0 (Kafka before 3.3)")
                }
                return UpdateFeaturesRequest(timeoutMs: timeoutMs, featureUpdates: keys, validateOnly: validateOnly)
            }
            let code = ErrorCode(rawValue: response.errorCode)
            if code == .notController && backoff.canRetry {
                try await backoff.wait()
                _ = try await client.metadata(topics: [])
                continue
            }
            return Self.featureOutcomes(response, names: names)
        }
    }

    /// Reads an UpdateFeatures answer as Kafka's admin client does: v2 answers NONE with no results when all
    /// succeeded; v0-1 answer per feature; a feature the controller did not answer for failed.
    static func featureOutcomes(_ response: UpdateFeaturesResponse, names: [String]) -> [String: KafkactlError?] {
        let code = ErrorCode(rawValue: response.errorCode)
        var outcomes: [String: KafkactlError?] = [:]
        guard code == .none else {
            let failure = Self.featureError(code, response.errorMessage)
            for name in names { outcomes[name] = .some(failure) }
            return outcomes
        }
        if response.results.isEmpty {
            for name in names { outcomes[name] = .some(nil) }
            return outcomes
        }
        for result in response.results where names.contains(result.feature) {
            let code = ErrorCode(rawValue: result.errorCode)
            outcomes[result.feature] = .some(code == .none ? nil : Self.featureError(code, result.errorMessage))
        }
        for name in names where outcomes[name] == nil {
            outcomes[name] = .some(KafkactlError(.internal, "The controller response did not contain a result for feature \(name)"))
        }
        return outcomes
    }

    /// The controller's message (as Kafka's exception carries it), else the code's own; the code's name after it.
    private static func featureError(_ code: ErrorCode, _ message: String?) -> KafkactlError {
        let detail = message?.isEmpty == false ? message! : code.message
        return KafkactlError(KafkactlError.category(for: code), "\(detail) [\(code.name)]", code: code)
    }
}

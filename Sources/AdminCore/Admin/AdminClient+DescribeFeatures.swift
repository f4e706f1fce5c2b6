/// A broker's feature flags as its ApiVersions answer (v3+) carries them (Kafka's FeatureMetadata): the levels of
/// each feature it supports, and the levels the cluster has finalized.
public struct FeatureMetadata: Sendable, Equatable {
    public struct Range: Sendable, Equatable {
        public var min: Int16
        public var max: Int16

        public init(min: Int16, max: Int16) {
            self.min = min
            self.max = max
        }
    }

    /// By feature name; empty before v3 (Kafka 2.1-2.3) and on a broker that reports none.
    public var supported: [String: Range]
    /// The finalized min and max level by feature name; a supported feature missing here is at level 0.
    public var finalized: [String: Range]
    /// The epoch of the finalized levels; nil when the broker reports none (-1).
    public var finalizedEpoch: Int64?

    public init(supported: [String: Range], finalized: [String: Range], finalizedEpoch: Int64?) {
        self.supported = supported
        self.finalized = finalized
        self.finalizedEpoch = finalizedEpoch
    }
}

extension AdminClient {
    /// Describes feature flags (ApiVersions, key 18) as Kafka's admin client does: at node `node`, or at any broker.
    public func describeFeatures(node: Int32?) async throws -> FeatureMetadata {
        let request = ApiVersionsRequest(clientSoftwareName: "kafkactl", clientSoftwareVersion: KafkactlVersion.current)
        let response: ApiVersionsResponse
        if let node {
            response = try await client.send(request, to: node, feature: "describing features")
        } else {
            response = try await client.anyBrokerConnection().send(request, feature: "describing features")
        }
        let code = ErrorCode(rawValue: response.errorCode)
        guard code == .none else { throw KafkactlError.broker(code, "cannot describe features") }
        return FeatureMetadata(
            supported: Dictionary(response.supportedFeatures.map { ($0.name, .init(min: $0.minVersion, max: $0.maxVersion)) },
                                  uniquingKeysWith: { _, last in last }),
            finalized: Dictionary(response.finalizedFeatures.map { ($0.name, .init(min: $0.minVersionLevel, max: $0.maxVersionLevel)) },
                                  uniquingKeysWith: { _, last in last }),
            finalizedEpoch: response.finalizedFeaturesEpoch >= 0 ? response.finalizedFeaturesEpoch : nil)
    }
}

/// A configurable thing: a topic, a broker (by id, or "" for the cluster-wide default), a broker's loggers, a group.
public struct ConfigResource: Sendable, Hashable, CustomStringConvertible {
    public var type: ConfigResourceType
    public var name: String

    public init(_ type: ConfigResourceType, _ name: String) {
        self.type = type
        self.name = name
    }

    /// The broker that answers for this resource (see `ConfigResourceRequest`), or nil for any broker.
    var owner: Int32? { configOwner(type: type.rawValue, name: name) }

    public var description: String { "\(type.singular) \(name)" }

    /// The source of the configs set on this entity itself, which `configs --describe` lists without `--all`.
    public var ownConfigSource: ConfigEntry.Source {
        if type == .broker && name.isEmpty { return .dynamicDefaultBrokerConfig }
        switch type {
        case .topic: return .topicConfig
        case .broker: return .dynamicBrokerConfig
        case .brokerLogger: return .dynamicBrokerLoggerConfig
        case .clientMetrics: return .clientMetricsConfig
        case .group: return .groupConfig
        }
    }
}

extension ConfigResourceType {
    /// How Kafka's tools name the type in messages (`topic`, `broker`, `broker-logger`, `group`).
    public var singular: String {
        switch self {
        case .topic: return "topic"
        case .broker: return "broker"
        case .brokerLogger: return "broker-logger"
        case .clientMetrics: return "client-metric"
        case .group: return "group"
        }
    }
}

/// One change to a resource's configs.
public enum ConfigChange: Sendable, Hashable {
    case set(String, String)
    case delete(String)

    public var name: String {
        switch self {
        case .set(let name, _), .delete(let name): return name
        }
    }
}

extension AdminClient {
    /// Every config of each resource, with synonyms; one request per destination broker.
    public func describeConfigs(
        _ resources: [ConfigResource], includeSynonyms: Bool = true
    ) async throws -> [ConfigResource: Result<[ConfigEntry], KafkactlError>] {
        var results: [ConfigResource: Result<[ConfigEntry], KafkactlError>] = [:]
        for group in Dictionary(grouping: resources, by: \.owner).values {
            let request = DescribeConfigsRequest(
                resources: group.map { .init(resourceType: $0.type.rawValue, resourceName: $0.name, configurationKeys: nil) },
                includeSynonyms: includeSynonyms)
            let response = try await client.send(request, feature: "describing configs")
            for result in response.results {
                guard let type = ConfigResourceType(rawValue: result.resourceType) else { continue }
                let resource = ConfigResource(type, result.resourceName)
                let code = ErrorCode(rawValue: result.errorCode)
                if code == .none {
                    results[resource] = .success(result.configs.map(ConfigEntry.init))
                } else {
                    results[resource] = .failure(.broker(code, "cannot describe configs of \(resource)", brokerMessage: result.errorMessage))
                }
            }
        }
        return results
    }

    /// Fails with one line when the broker that owns `resource` can change no configs at all (neither API), so a
    /// caller can find out before it reads anything.
    public func requireConfigChanges(on resource: ConfigResource) async throws {
        let owner = try await client.versions(ofConfigOwner: resource.owner)
        guard owner.versions.supports(.incrementalAlterConfigs) || owner.versions.supports(.alterConfigs) else {
            throw KafkactlError(.unsupported, "the broker at \(owner.address) does not support changing configs (neither IncrementalAlterConfigs nor AlterConfigs)")
        }
    }

    /// Applies changes to one resource: IncrementalAlterConfigs where the broker has it (Kafka 2.3+), otherwise
    /// AlterConfigs as read, merge, write of the resource's dynamic configs. Either all changes apply or none.
    /// `current`: the resource's configs as the caller already read them, which the AlterConfigs path then merges
    /// into instead of reading them again.
    public func alterConfigs(
        _ resource: ConfigResource, changes: [ConfigChange], validateOnly: Bool = false, current known: [ConfigEntry]? = nil
    ) async throws {
        let owner = try await client.versions(ofConfigOwner: resource.owner)
        if owner.versions.supports(.incrementalAlterConfigs) {
            let request = IncrementalAlterConfigsRequest(
                resources: [.init(resourceType: resource.type.rawValue, resourceName: resource.name, configs: changes.map {
                    switch $0 {
                    case .set(let name, let value): return .init(name: name, configOperation: 0, value: value)
                    case .delete(let name): return .init(name: name, configOperation: 1, value: nil)
                    }
                })],
                validateOnly: validateOnly)
            let response = try await client.send(request)
            try check(response.responses.map { ($0.errorCode, $0.errorMessage) }, resource: resource)
            return
        }
        guard owner.versions.supports(.alterConfigs) else {
            throw KafkactlError(.unsupported, "the broker at \(owner.address) does not support changing configs (neither IncrementalAlterConfigs nor AlterConfigs)")
        }
        // AlterConfigs replaces every dynamic config: read the current ones, apply the changes, write them all.
        // Without the current set, writing would erase every config not being changed: stop instead.
        let current: [ConfigEntry]
        if let known {
            current = known
        } else {
            guard let described = try await describeConfigs([resource], includeSynonyms: false)[resource] else {
                throw KafkactlError(.internal, "the broker did not describe the configs of \(resource), so they cannot be rewritten with AlterConfigs; nothing was changed")
            }
            current = try described.get()
        }
        var desired: [(String, String?)] = current.filter { $0.source == resource.dynamicSource && !$0.isReadOnly }
            .map { ($0.name, $0.value) }
        for change in changes {
            desired.removeAll { $0.0 == change.name }
            if case .set(let name, let value) = change { desired.append((name, value)) }
        }
        // A sensitive value is described as null: writing the set back without it would erase it.
        let unreadable = desired.filter { $0.1 == nil }.map(\.0)
        guard unreadable.isEmpty else {
            throw KafkactlError(.usage, "this broker only supports AlterConfigs, which rewrites every config of \(resource), and it does not reveal the sensitive ones: give them with --add-config too (\(unreadable.joined(separator: ", "))); nothing was changed")
        }
        let request = AlterConfigsRequest(
            resources: [.init(resourceType: resource.type.rawValue, resourceName: resource.name,
                              configs: desired.map { .init(name: $0.0, value: $0.1) })],
            validateOnly: validateOnly)
        let response = try await client.send(request)
        try check(response.responses.map { ($0.errorCode, $0.errorMessage) }, resource: resource)
    }

    private func check(_ answers: [(Int16, String?)], resource: ConfigResource) throws {
        guard let (raw, message) = answers.first else {
            throw KafkactlError(.internal, "the broker did not answer for \(resource)")
        }
        let code = ErrorCode(rawValue: raw)
        if code != .none { throw KafkactlError.broker(code, "cannot alter configs of \(resource)", brokerMessage: message) }
    }
}

extension ConfigResource {
    /// The source of the configs set on this resource itself (the cluster-wide broker default has its own).
    var dynamicSource: ConfigEntry.Source {
        type == .broker && name.isEmpty ? .dynamicDefaultBrokerConfig : type.dynamicSource
    }
}

extension ConfigResourceType {
    /// The source of the configs set on this kind of resource itself.
    var dynamicSource: ConfigEntry.Source {
        switch self {
        case .topic: return .topicConfig
        case .broker: return .dynamicBrokerConfig
        case .brokerLogger: return .dynamicBrokerLoggerConfig
        case .clientMetrics: return .clientMetricsConfig
        case .group: return .groupConfig
        }
    }
}

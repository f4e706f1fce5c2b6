extension AdminClient {
    /// The quotas of every entity the filter matches (DescribeClientQuotas, Kafka 2.6+).
    public func describeClientQuotas(_ filter: ClientQuotaFilter) async throws -> [ClientQuotas] {
        let request = DescribeClientQuotasRequest(
            components: filter.components.map { component in
                switch component.match {
                case .name(let name): return .init(entityType: component.kind.rawValue, matchType: 0, match: name)
                case .defaultEntity: return .init(entityType: component.kind.rawValue, matchType: 1, match: nil)
                case .any: return .init(entityType: component.kind.rawValue, matchType: 2, match: nil)
                }
            },
            strict: filter.strict)
        let response = try await client.send(request, feature: "describing client quotas")
        let code = ErrorCode(rawValue: response.errorCode)
        guard code == .none else {
            throw KafkactlError.broker(code, "cannot describe client quotas", brokerMessage: response.errorMessage)
        }
        return try (response.entries ?? []).map { entry in
            ClientQuotas(entity: try Self.entity(entry.entity.map { ($0.entityType, $0.entityName) }),
                         values: entry.values.map { (key: $0.key, value: $0.value) })
        }
    }

    /// Sets and removes quotas of one entity in one request (AlterClientQuotas, Kafka 2.6+): all apply or none.
    public func alterClientQuotas(
        _ entity: ClientQuotaEntity, changes: [ClientQuotaChange], validateOnly: Bool = false
    ) async throws {
        let request = AlterClientQuotasRequest(
            entries: [.init(
                entity: entity.parts.map { .init(entityType: $0.kind.rawValue, entityName: $0.name) },
                ops: changes.map {
                    switch $0 {
                    case .set(let key, let value): return .init(key: key, value: value, remove: false)
                    case .remove(let key): return .init(key: key, value: 0, remove: true)
                    }
                })],
            validateOnly: validateOnly)
        let response = try await client.send(request, feature: "changing client quotas")
        guard let answer = response.entries.first else {
            throw KafkactlError(.internal, "the broker did not answer for the quotas of \(entity)")
        }
        let code = ErrorCode(rawValue: answer.errorCode)
        if code != .none {
            throw KafkactlError.broker(code, "cannot alter the quotas of \(entity)", brokerMessage: answer.errorMessage)
        }
    }

    /// An entity as the broker described it; a kind kafkactl does not know is the broker's mistake or a newer
    /// Kafka's, and is said rather than dropped.
    static func entity(_ parts: [(String, String?)]) throws -> ClientQuotaEntity {
        ClientQuotaEntity(try parts.map { kind, name in
            guard let known = ClientQuotaEntity.Kind(rawValue: kind) else {
                throw KafkactlError(.internal, "the broker described a quota of an unknown entity type '\(kind)'")
            }
            return .init(known, name)
        })
    }
}

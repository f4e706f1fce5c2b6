import AdminCore

/// broker-api-versions' output: Kafka's text (a broker's `Node.toString`, then `NodeApiVersions.toString(true)`) or
/// one JSON document.
enum BrokerApiVersionsFormatter {
    /// `host:port (id: 1 rack: null isFenced: false) -> (` and one tab-indented line per API, as Kafka's tool prints.
    /// isFenced is always false there too: the tool reads brokers from Metadata, which says nothing of fencing.
    static func text(_ brokers: [BrokerApiVersions]) -> String {
        var output = ""
        for answer in brokers {
            output += node(answer.broker) + " -> "
            switch answer.result {
            case .success(let apis):
                output += "(\n\t" + apis.map(line).joined(separator: ",\n\t") + "\n)\n"
            case .failure(let error):
                output += "ERROR: \(error.message)\n"
            }
        }
        return output
    }

    /// Kafka's `Node.toString`: the host as Metadata names it (no brackets), a null rack as "null".
    static func node(_ broker: ClusterMetadata.Broker) -> String {
        "\(broker.address.host):\(broker.address.port) (id: \(broker.nodeId) rack: \(broker.rack ?? "null") isFenced: false)"
    }

    /// One API as `NodeApiVersions.apiVersionToText` writes it: `Produce(0): 3 to 11 [usable: 11]`, `Vote(52): 0 to 1`
    /// style ranges (one number when min equals max), `UNSUPPORTED` for an API kafkactl speaks that the broker does not
    /// list, `UNKNOWN(key)` for a key without a name. Kafka's client knows every named key; kafkactl speaks only some,
    /// so an API it has no codec for says so instead of naming a usable version.
    static func line(_ api: ApiVersionSupport) -> String {
        let label = api.key.knownName.map { "\($0)(\(api.key.rawValue))" } ?? "UNKNOWN(\(api.key.rawValue))"
        guard let range = api.broker else { return "\(label): UNSUPPORTED" }
        let versions = range.lowerBound == range.upperBound
            ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
        switch api.usability {
        case .usable(let version): return "\(label): \(versions) [usable: \(version)]"
        case .nodeTooNew: return "\(label): \(versions) [unusable: node too new]"
        case .nodeTooOld: return "\(label): \(versions) [unusable: node too old]"
        case .notSpoken where api.key.knownName == nil: return "\(label): \(versions)"
        case .notSpoken: return "\(label): \(versions) [unusable: kafkactl does not speak it]"
        case .unsupported: return "\(label): UNSUPPORTED"
        }
    }

    /// `{"brokers":[{"id","host","port","rack","error","apis":[{"key","name","min","max","usable","status"}]}]}`:
    /// min and max null when the broker does not list the API, usable null when kafkactl cannot use it, status
    /// one of usable, node-too-new, node-too-old, not-spoken, unsupported (the text's bracket), error null unless
    /// the broker did not answer (then apis is empty).
    static func json(_ brokers: [BrokerApiVersions]) -> JSON {
        .object([("brokers", .array(brokers.map { answer in
            let apis: [ApiVersionSupport]
            let error: String?
            switch answer.result {
            case .success(let list): (apis, error) = (list, nil)
            case .failure(let failure): (apis, error) = ([], failure.message)
            }
            return .object([
                ("id", .int(answer.broker.nodeId)), ("host", .string(answer.broker.address.host)),
                ("port", .int(answer.broker.address.port)), ("rack", .optional(answer.broker.rack)),
                ("error", .optional(error)),
                ("apis", .array(apis.map { api in
                    .object([
                        ("key", .int(api.key.rawValue)), ("name", .optional(api.key.knownName)),
                        ("min", api.broker.map { .int($0.lowerBound) } ?? .null),
                        ("max", api.broker.map { .int($0.upperBound) } ?? .null),
                        ("usable", api.usableVersion.map { .int($0) } ?? .null),
                        ("status", .string(status(api.usability))),
                    ])
                })),
            ])
        }))])
    }

    static func status(_ usability: ApiVersionSupport.Usability) -> String {
        switch usability {
        case .usable: return "usable"
        case .nodeTooNew: return "node-too-new"
        case .nodeTooOld: return "node-too-old"
        case .notSpoken: return "not-spoken"
        case .unsupported: return "unsupported"
        }
    }
}

import AdminCore

/// `topics --list`: a name per line (one empty line when there is none, as Kafka's tool prints), or JSON.
struct TopicListOutput {
    struct Listed: Equatable {
        let name: String
        let isInternal: Bool
    }

    let topics: [Listed]

    init(_ topics: [Listed]) { self.topics = topics }
    init(_ topics: [ClusterMetadata.Topic]) { self.topics = topics.map { Listed(name: $0.name, isInternal: $0.isInternal) } }

    func lines() -> [String] { topics.isEmpty ? [""] : topics.map(\.name) }

    func json() -> JSON {
        .object([("topics", .array(topics.map { .object([("name", .string($0.name)), ("internal", .bool($0.isInternal))]) }))])
    }
}

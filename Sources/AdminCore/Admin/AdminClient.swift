/// Cluster administration as outcomes rather than requests: each method sends what it must, where it must,
/// and returns values, with a result per item so that one bad topic does not hide the others.
public struct AdminClient: Sendable {
    public let client: KafkaClient

    public init(client: KafkaClient) {
        self.client = client
    }
}

/// One item's outcome (a topic created, a group deleted).
public struct ItemResult<Value: Sendable>: Sendable {
    public var name: String
    public var result: Result<Value, KafkactlError>

    public init(name: String, result: Result<Value, KafkactlError>) {
        self.name = name
        self.result = result
    }
}

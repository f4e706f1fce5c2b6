extension AdminClient {
    /// Every broker of the cluster (from Metadata, not only the bootstrap servers) with the API versions it offers,
    /// set against what kafkactl speaks, in node-id order. The ranges are the ApiVersions answer each connection got
    /// when it opened, which is what kafkactl negotiates with; brokers are asked at the same time.
    ///
    /// A broker that cannot be reached or refuses ApiVersions gets its error in its own result, as Kafka's tool
    /// prints `-> ERROR:` for it and goes on; Metadata failing (no broker reachable at all) throws.
    public func brokerApiVersions() async throws -> [BrokerApiVersions] {
        let metadata = try await client.metadata(topics: [])
        let brokers = metadata.brokers.values.sorted { $0.nodeId < $1.nodeId }
        let client = self.client
        return try await withThrowingTaskGroup(of: (Int, BrokerApiVersions).self) { group in
            for (index, broker) in brokers.enumerated() {
                group.addTask {
                    let result: Result<[ApiVersionSupport], KafkactlError>
                    do {
                        let connection = try await client.connection(for: .node(broker.nodeId))
                        result = .success(ApiVersionSupport.rows(broker: connection.versions))
                    } catch let error as KafkactlError {
                        result = .failure(error)
                    } catch is CancellationError {
                        throw CancellationError()
                    } catch {
                        result = .failure(KafkactlError(.internal, "\(error)"))
                    }
                    return (index, BrokerApiVersions(broker: broker, result: result))
                }
            }
            var answers: [BrokerApiVersions?] = Array(repeating: nil, count: brokers.count)
            for try await (index, answer) in group { answers[index] = answer }
            return answers.compactMap { $0 }
        }
    }
}

extension AdminClient {
    /// Every broker of the cluster (from Metadata, not only the bootstrap servers) with the API versions it offers,
    /// set against what kafkactl speaks, in node-id order. The ranges are the ApiVersions answer each connection got
    /// when it opened, which is what kafkactl negotiates with; brokers are asked at the same time.
    ///
    /// A broker that cannot be reached or refuses ApiVersions gets its error in its own result, as Kafka's tool
    /// prints `-> ERROR:` for it and goes on; Metadata failing (no broker reachable at all) throws.
    public func brokerApiVersions() async throws -> [BrokerApiVersions] {
        let metadata = try await client.metadata(topics: [])
        let client = self.client
        let answers = try await client.onEveryBroker { node -> Result<[ApiVersionSupport], KafkactlError> in
            do {
                return .success(ApiVersionSupport.rows(broker: try await client.apiVersions(ofBroker: node)))
            } catch let error as KafkactlError {
                return .failure(error)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                return .failure(KafkactlError(.internal, "\(error)"))
            }
        }
        return metadata.brokers.values.sorted { $0.nodeId < $1.nodeId }.compactMap { broker in
            answers[broker.nodeId].map { BrokerApiVersions(broker: broker, result: $0) }
        }
    }
}

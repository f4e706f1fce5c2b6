extension AdminClient {
    /// Open transactions no coordinator will end, found as kafka-transactions.sh's find-hanging finds them:
    ///
    /// 1. the partitions to search: `partition` of `topic`; every partition of `topic`; or, with neither, every
    ///    partition of every topic (internal ones too); with `broker`, only those it holds a replica of;
    /// 2. DescribeProducers at their leaders (or at `broker`), 500 partitions a request round: a producer with an
    ///    open transaction whose last write is older than `maxTransactionTimeoutMs` is a candidate (a coordinator
    ///    aborts any transaction older than its timeout, which is at most the broker's maximum);
    /// 3. ListTransactions on every broker, filtered by the candidates' producer ids, names their transactional ids;
    /// 4. DescribeTransactions at each id's coordinator. A candidate is hanging when no coordinator lists its
    ///    producer, when its id is unknown there, or when the coordinator's transaction does not include the
    ///    partition (a transaction that does is still to be ended by its coordinator).
    public func findHangingTransactions(
        topic: String?, partition: Int32?, broker: Int32?, maxTransactionTimeoutMs: Int64, nowMs: Int64
    ) async throws -> [HangingTransaction] {
        let partitions = try await partitionsToSearch(topic: topic, partition: partition, broker: broker)
        var candidates: [HangingTransaction] = []
        for start in stride(from: 0, to: partitions.count, by: 500) {
            let batch = Array(partitions[start..<min(start + 500, partitions.count)])
            for (partition, result) in try await describeProducers(batch, broker: broker).sorted(by: { $0.key < $1.key }) {
                let producers: [ProducerState]
                switch result {
                case .success(let value): producers = value
                case .failure(let error): throw error
                }
                for producer in producers where producer.currentTransactionStartOffset != nil
                    && nowMs - producer.lastTimestamp > maxTransactionTimeoutMs {
                    candidates.append(HangingTransaction(partition: partition, producer: producer))
                }
            }
        }
        guard !candidates.isEmpty else { return [] }

        let producerIds = Set(candidates.map(\.producer.producerId))
        var transactionalIds: [Int64: String] = [:]
        for listings in try await listTransactions(TransactionListFilter(producerIds: producerIds.sorted())).values {
            for listing in listings where producerIds.contains(listing.producerId) {
                transactionalIds[listing.producerId] = listing.transactionalId
            }
        }
        var descriptions: [String: TransactionDescription] = [:]
        for (id, result) in await describeTransactions(Array(Set(transactionalIds.values))) {
            switch result {
            case .success(let description): descriptions[id] = description
            case .failure(let error) where error.code == .transactionalIdNotFound: continue
            case .failure(let error): throw error
            }
        }
        return candidates.filter { candidate in
            guard let id = transactionalIds[candidate.producer.producerId], let description = descriptions[id] else { return true }
            return !description.partitions.contains(candidate.partition)
        }.sorted { ($0.partition, $0.producer.producerId) < ($1.partition, $1.producer.producerId) }
    }

    private func partitionsToSearch(topic: String?, partition: Int32?, broker: Int32?) async throws -> [TopicPartition] {
        if let topic, let partition { return [TopicPartition(topic, partition)] }
        let metadata = try await client.metadata(topics: topic.map { [$0] })
        if let broker, metadata.brokers[broker] == nil {
            throw KafkactlError(.notFound, "broker \(broker) is not in the cluster: its brokers are \(metadata.brokers.keys.sorted().map(String.init).joined(separator: ", "))")
        }
        var partitions: [TopicPartition] = []
        for (name, described) in metadata.topics.sorted(by: { $0.key < $1.key }) {
            guard described.error == .none else {
                throw KafkactlError.broker(described.error, "cannot describe topic '\(name)'")
            }
            for info in described.partitions.sorted(by: { $0.partition < $1.partition })
            where broker.map({ info.replicas.contains($0) }) ?? true {
                partitions.append(TopicPartition(name, info.partition))
            }
        }
        return partitions
    }
}

extension AdminClient {
    /// The abort of the open transaction that starts at `startOffset` in `partition`: the producer DescribeProducers
    /// shows there with that start offset, as kafka-transactions.sh's abort --start-offset finds it (Kafka 3.0+
    /// brokers). A coordinator epoch the partition never saw (-1: no marker yet) becomes 0, which no leader refuses.
    public func abortSpec(partition: TopicPartition, startOffset: Int64) async throws -> AbortTransactionSpec {
        let producers = try await describeProducers([partition])[partition] ?? .failure(KafkactlError(.internal, "no answer for \(partition)"))
        let states: [ProducerState]
        switch producers {
        case .success(let value): states = value
        case .failure(let error):
            throw KafkactlError(error.category, "Failed to validate producer state for partition \(partition): \(error.message)", code: error.code)
        }
        guard let producer = states.first(where: { $0.currentTransactionStartOffset == startOffset }) else {
            throw KafkactlError(.notFound, "Could not find any open transactions starting at offset \(startOffset) on partition \(partition)")
        }
        return AbortTransactionSpec(partition: partition, producerId: producer.producerId,
                                    producerEpoch: Int16(truncatingIfNeeded: producer.producerEpoch),
                                    coordinatorEpoch: max(0, producer.coordinatorEpoch ?? 0))
    }

    /// Writes an ABORT marker for `spec`'s producer into its partition (WriteTxnMarkers at the partition's leader),
    /// which ends the transaction there as the coordinator would have: what kafka-transactions.sh's abort sends. A
    /// moved leader is found again and asked again within the API timeout; any other error fails the abort.
    public func abortTransaction(_ spec: AbortTransactionSpec) async throws {
        let results = try await client.onLeaders(
            [spec.partition], what: { "cannot write the ABORT marker into \($0)" },
            // Kafka's abort looks the leader up again on these four and fails on anything else.
            retries: { [ErrorCode.notLeaderOrFollower, .replicaNotAvailable, .brokerNotAvailable, .unknownTopicOrPartition].contains($0) },
            feature: "aborting transactions",
            build: { _, partitions in
                WriteTxnMarkersRequest(markers: [.init(
                    producerId: spec.producerId, producerEpoch: spec.producerEpoch, transactionResult: false,
                    topics: [.init(name: spec.partition.topic, partitionIndexes: partitions.map(\.partition))],
                    coordinatorEpoch: spec.coordinatorEpoch)])
            },
            answers: { response in
                response.markers.filter { $0.producerId == spec.producerId }.flatMap { marker in
                    marker.topics.flatMap { topic in
                        topic.partitions.map { (TopicPartition(topic.name, $0.partitionIndex), ErrorCode(rawValue: $0.errorCode), ()) }
                    }
                }
            })
        if case .failure(let error) = results[spec.partition] ?? .failure(KafkactlError(.internal, "no answer for \(spec.partition)")) {
            throw error
        }
    }
}

extension AdminClient {
    /// The transactions each broker coordinates (ListTransactions on every broker: each lists only its own), by the
    /// broker's node id. A filter a broker's version cannot carry is refused in one line before it is sent there, as
    /// Kafka's admin client refuses it (the duration filter needs v1, Kafka 3.8+; the id pattern v2, Kafka 4.1+).
    public func listTransactions(_ filter: TransactionListFilter = TransactionListFilter()) async throws -> [Int32: [TransactionListing]] {
        let client = self.client
        return try await client.onEveryBroker { node in
            let response = try await client.send(to: node, feature: "listing transactions") { (version: Int16) in
                if filter.minimumDurationMs != nil, version < 1 {
                    throw KafkactlError(.unsupported, "broker \(node) cannot filter transactions by duration: it speaks ListTransactions v\(version), the filter needs v1 (Kafka 3.8 or later)")
                }
                if filter.transactionalIdPattern != nil, version < 2 {
                    throw KafkactlError(.unsupported, "broker \(node) cannot filter transactions by transactional id pattern: it speaks ListTransactions v\(version), the filter needs v2 (Kafka 4.1 or later)")
                }
                return ListTransactionsRequest(stateFilters: filter.states, producerIdFilters: filter.producerIds,
                                               durationFilter: filter.minimumDurationMs ?? -1,
                                               transactionalIdPattern: filter.transactionalIdPattern)
            }
            let code = ErrorCode(rawValue: response.errorCode)
            guard code == .none else { throw KafkactlError.broker(code, "cannot list the transactions of broker \(node)") }
            return response.transactionStates.map {
                TransactionListing(transactionalId: $0.transactionalId, producerId: $0.producerId, state: $0.transactionState)
            }
        }
    }

    /// Fences the producers of `transactionalId` and aborts its open transaction, as Kafka's
    /// `Admin.forceTerminateTransaction` (kafka-transactions.sh forceTerminateTransaction, Kafka 4.x) and
    /// `fenceProducers` do: InitProducerId for the id at its coordinator, without a producer id or epoch, which bumps
    /// the epoch (a live producer of the id is fenced at its next request) and ends the transaction it left open with
    /// an ABORT. Works with any Kafka release that has transactions. Returns the new producer id and epoch.
    public func forceTerminateTransaction(_ transactionalId: String) async throws -> (producerId: Int64, producerEpoch: Int16) {
        // Kafka's admin client asks for a transaction timeout of its request timeout (the coordinator never keeps the
        // new epoch's transaction open: none is begun).
        let request = InitProducerIdRequest(
            transactionalId: transactionalId, transactionTimeoutMs: Int32(clamping: client.configuration.requestTimeout.milliseconds))
        let response = try await client.untilFinal(request, feature: "terminating a transaction", deadline: .now + client.configuration.apiTimeout,
                                                   errorCode: { ErrorCode(rawValue: $0.errorCode) })
        let code = ErrorCode(rawValue: response.errorCode)
        guard code == .none else {
            throw KafkactlError.broker(code, "InitProducerId for transactional id '\(transactionalId)' failed")
        }
        return (response.producerId, response.producerEpoch)
    }

    /// Each transactional id's state at its transaction coordinator (DescribeTransactions, one request per id, each
    /// at the coordinator FindCoordinator names for it), concurrently. A coordinator that moved or is loading is found
    /// again and asked again within the API timeout; an id the coordinator does not know fails as not found.
    public func describeTransactions(_ transactionalIds: [String]) async -> [String: Result<TransactionDescription, KafkactlError>] {
        // One id after another: the commands ask for one (find-hanging for a few). A task group here, each child
        // returning (id, Result), came back without the id's entry in the static release build (the debug build
        // was right), and the command's lookup trapped; a plain loop has nothing to get wrong.
        var results: [String: Result<TransactionDescription, KafkactlError>] = [:]
        for id in Set(transactionalIds) {
            do {
                results[id] = .success(try await describeTransaction(id))
            } catch {
                results[id] = .failure(error as? KafkactlError ?? KafkactlError(.internal, "\(error)"))
            }
        }
        return results
    }

    private func describeTransaction(_ transactionalId: String) async throws -> TransactionDescription {
        // The one loop for a transaction coordinator's answers: found again after NOT_COORDINATOR, loading waited out.
        let response = try await client.untilFinal(
            DescribeTransactionsRequest(transactionalIds: [transactionalId]), feature: "describing transactions",
            deadline: .now + client.configuration.apiTimeout,
            errorCode: { $0.transactionStates.first { $0.transactionalId == transactionalId }.map { ErrorCode(rawValue: $0.errorCode) } ?? .none })
        guard let state = response.transactionStates.first(where: { $0.transactionalId == transactionalId }) else {
            throw KafkactlError(.internal, "the coordinator did not answer DescribeTransactions for transactional id '\(transactionalId)'")
        }
        let code = ErrorCode(rawValue: state.errorCode)
        if code == .transactionalIdNotFound {
            throw KafkactlError(.notFound, "transactional id '\(transactionalId)' is not known to its coordinator: \(code.message) [\(code.name)]", code: code)
        }
        guard code == .none else { throw KafkactlError.broker(code, "cannot describe transactional id '\(transactionalId)'") }
        // The coordinator that answered, from the client's cache.
        let coordinator = try await client.transactionCoordinatorNode(transactionalId: transactionalId)
        return TransactionDescription(
            coordinatorId: coordinator, transactionalId: transactionalId, producerId: state.producerId,
            producerEpoch: state.producerEpoch, state: state.transactionState, timeoutMs: state.transactionTimeoutMs,
            startTimeMs: state.transactionStartTimeMs >= 0 ? state.transactionStartTimeMs : nil,
            partitions: state.topics.flatMap { topic in topic.partitions.map { TopicPartition(topic.topic, $0) } })
    }

    /// The producers each partition's leader (or, with `broker`, that replica) keeps state for (DescribeProducers,
    /// one request per broker). At the leaders a moved leader is found again and asked again; a named broker is
    /// asked once, as Kafka's admin client does, and its NOT_LEADER_OR_FOLLOWER means it holds no replica.
    public func describeProducers(
        _ partitions: [TopicPartition], broker: Int32? = nil
    ) async throws -> [TopicPartition: Result<[ProducerState], KafkactlError>] {
        let build: @Sendable (Int16, [TopicPartition]) -> DescribeProducersRequest = { _, partitions in
            DescribeProducersRequest(topics: Dictionary(grouping: partitions, by: \.topic).sorted { $0.key < $1.key }.map {
                .init(name: $0.key, partitionIndexes: $0.value.map(\.partition).sorted())
            })
        }
        let answers = { (response: DescribeProducersResponse) in
            response.topics.flatMap { topic in
                topic.partitions.map { partition in
                    (partition: TopicPartition(topic.name, partition.partitionIndex), code: ErrorCode(rawValue: partition.errorCode),
                     message: partition.errorMessage, value: partition.activeProducers.map(ProducerState.init))
                }
            }
        }
        let feature = "describing producers"
        guard let broker else {
            return try await client.onLeaders(
                partitions, what: { "cannot describe the producers of \($0) at its leader" },
                retries: { $0.retryAction != .fail && $0.retryAction != .findCoordinator },
                feature: feature, build: build, answers: { answers($0).map { ($0.partition, $0.code, $0.value) } })
        }
        var results: [TopicPartition: Result<[ProducerState], KafkactlError>] = [:]
        for shard in try await client.sendToLeaders([broker: partitions], feature: feature, build: build) {
            for answer in answers(shard.response) where partitions.contains(answer.partition) {
                results[answer.partition] = answer.code == .none
                    ? .success(answer.value)
                    : .failure(.broker(answer.code, "cannot describe the producers of \(answer.partition) at broker \(broker)", brokerMessage: answer.message))
            }
        }
        for partition in partitions where results[partition] == nil {
            results[partition] = .failure(KafkactlError(.internal, "broker \(broker) did not answer DescribeProducers for \(partition)"))
        }
        return results
    }
}

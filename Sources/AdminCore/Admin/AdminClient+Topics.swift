/// A topic to create.
public struct NewTopic: Sendable, Hashable {
    public var name: String
    /// nil: the broker's `num.partitions`.
    public var partitions: Int32?
    /// nil: the broker's `default.replication.factor`.
    public var replicationFactor: Int16?
    /// Broker ids per partition, when placing replicas by hand (then partitions and factor stay nil).
    public var replicaAssignment: [[Int32]]?
    public var configs: [ConfigSetting]

    public init(name: String, partitions: Int32? = nil, replicationFactor: Int16? = nil,
                replicaAssignment: [[Int32]]? = nil, configs: [ConfigSetting] = []) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.replicaAssignment = replicaAssignment
        self.configs = configs
    }
}

/// `name=value`, in the order the user gave it.
public struct ConfigSetting: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension AdminClient {
    /// Every topic in the cluster, from one Metadata request.
    public func listTopics() async throws -> [ClusterMetadata.Topic] {
        let metadata = try await client.metadata(topics: nil)
        return metadata.topics.values.filter { $0.error == .none }.sorted { $0.name < $1.name }
    }

    /// Partitions, replicas and non-default configs of the named topics. Topics that do not exist are left out;
    /// callers compare names to report them.
    ///
    /// - Parameter partitionsPerAnswer: page through DescribeTopicPartitions (Kafka 3.8+, KIP-966) with at most this
    ///   many partitions in one answer, as `kafka-topics.sh --partition-size-limit-per-response` does; its answers
    ///   also carry the eligible leader replicas. nil, or a broker without that API: one Metadata request.
    public func describeTopics(_ names: [String], partitionsPerAnswer: Int32? = nil) async throws -> [TopicDescription] {
        guard !names.isEmpty else { return [] }
        let found: [ClusterMetadata.Topic]
        var eligible: [String: [Int32: (elr: [Int32]?, lastKnown: [Int32]?)]] = [:]
        if let partitionsPerAnswer, try await client.supports(DescribeTopicPartitionsRequest.self) {
            (found, eligible) = try await pagedTopicPartitions(names, limit: partitionsPerAnswer)
        } else {
            let metadata = try await client.metadata(topics: names)
            found = names.compactMap { metadata.topics[$0] }
        }
        let existing = found.filter { $0.error != .unknownTopicOrPartition }
        if let failed = existing.first(where: { $0.error != .none && $0.error != .leaderNotAvailable }) {
            throw KafkactlError.broker(failed.error, "Topic '\(failed.name)'")
        }
        let configs = try await topicConfigs(existing.map(\.name))
        return existing.map { topic in
            TopicDescription(
                name: topic.name, topicId: topic.topicId, isInternal: topic.isInternal,
                partitions: topic.partitions.map {
                    .init(partition: $0.partition, leader: $0.leader >= 0 ? $0.leader : nil, replicas: $0.replicas,
                          isr: $0.isr, offlineReplicas: $0.offlineReplicas,
                          elr: eligible[topic.name]?[$0.partition]?.elr, lastKnownElr: eligible[topic.name]?[$0.partition]?.lastKnown)
                },
                configs: (configs[topic.name] ?? []).filter { $0.source != .defaultConfig },
                minInsyncReplicas: (configs[topic.name] ?? []).first { $0.name == "min.insync.replicas" }?
                    .value.flatMap { Int($0) } ?? 1)
        }
    }

    /// DescribeTopicPartitions page by page: each answer holds at most `limit` partitions and, while more are left,
    /// a cursor naming where the next page starts. A cursor that does not move on is the broker's fault, reported
    /// rather than followed for ever.
    private func pagedTopicPartitions(
        _ names: [String], limit: Int32
    ) async throws -> ([ClusterMetadata.Topic], [String: [Int32: (elr: [Int32]?, lastKnown: [Int32]?)]]) {
        var topics: [String: ClusterMetadata.Topic] = [:]
        var eligible: [String: [Int32: (elr: [Int32]?, lastKnown: [Int32]?)]] = [:]
        var cursor: DescribeTopicPartitionsRequest.Cursor?
        var seen: Set<String> = []
        repeat {
            let request = DescribeTopicPartitionsRequest(
                topics: names.sorted().map { .init(name: $0) }, responsePartitionLimit: limit, cursor: cursor)
            let response = try await client.send(request, feature: "describing topics a page at a time")
            for answer in response.topics {
                guard let name = answer.name else { continue }
                var topic = topics[name] ?? ClusterMetadata.Topic(
                    name: name, topicId: answer.topicId, isInternal: answer.isInternal, error: ErrorCode(rawValue: answer.errorCode),
                    partitions: [])
                for partition in answer.partitions {
                    topic.partitions.append(.init(
                        partition: partition.partitionIndex, leader: partition.leaderId, leaderEpoch: partition.leaderEpoch,
                        replicas: partition.replicaNodes, isr: partition.isrNodes, offlineReplicas: partition.offlineReplicas,
                        error: ErrorCode(rawValue: partition.errorCode)))
                    eligible[name, default: [:]][partition.partitionIndex] = (partition.eligibleLeaderReplicas, partition.lastKnownElr)
                }
                topics[name] = topic
            }
            cursor = response.nextCursor.map { DescribeTopicPartitionsRequest.Cursor(topicName: $0.topicName, partitionIndex: $0.partitionIndex) }
            if let cursor, !seen.insert("\(cursor.topicName)-\(cursor.partitionIndex)").inserted {
                throw KafkactlError(.internal, "the broker's DescribeTopicPartitions paging did not move on (cursor \(cursor.topicName)-\(cursor.partitionIndex) twice)")
            }
        } while cursor != nil
        let sorted = names.compactMap { topics[$0] }.map { topic in
            var topic = topic
            topic.partitions.sort { $0.partition < $1.partition }
            return topic
        }
        return (sorted, eligible)
    }

    /// Every config DescribeConfigs reports for each topic. A broker without DescribeConfigs gives none.
    public func topicConfigs(_ names: [String]) async throws -> [String: [ConfigEntry]] {
        guard !names.isEmpty else { return [:] }
        let request = DescribeConfigsRequest(
            resources: names.map { .init(resourceType: ConfigResourceType.topic.rawValue, resourceName: $0, configurationKeys: nil) },
            includeSynonyms: false)
        let response: DescribeConfigsResponse
        do {
            response = try await client.send(request, feature: "describing configs")
        } catch let error as KafkactlError where error.category == .unsupported {
            return [:]
        }
        var result: [String: [ConfigEntry]] = [:]
        for resource in response.results where resource.errorCode == 0 {
            result[resource.resourceName] = resource.configs.map(ConfigEntry.init)
        }
        return result
    }

    /// Creates topics on the controller. A per-topic result says which were created.
    public func createTopics(_ topics: [NewTopic], validateOnly: Bool = false) async throws -> [ItemResult<Void>] {
        try await askingTheController(
            about: topics.map(\.name),
            send: { names, timeoutMs in
                let asked = topics.filter { names.contains($0.name) }
                return try await client.send { (version: Int16) in
                    CreateTopicsRequest(
                        topics: asked.map { topic in
                            CreateTopicsRequest.CreatableTopic(
                                name: topic.name,
                                numPartitions: topic.replicaAssignment != nil ? -1 : (topic.partitions ?? -1),
                                replicationFactor: topic.replicaAssignment != nil ? -1 : (topic.replicationFactor ?? -1),
                                assignments: (topic.replicaAssignment ?? []).enumerated().map {
                                    .init(partitionIndex: Int32($0.offset), brokerIds: $0.element)
                                },
                                configs: topic.configs.map { .init(name: $0.name, value: $0.value) })
                        },
                        timeoutMs: timeoutMs, validateOnly: validateOnly)
                }
            },
            answer: { (response: CreateTopicsResponse, name) in
                response.topics.first { $0.name == name }.map { ($0.errorCode, $0.errorMessage) }
            },
            failure: { name, code, message in
                code == .topicAlreadyExists
                    ? KafkactlError(.conflict, "Topic '\(name)' already exists. [TOPIC_ALREADY_EXISTS]", code: code)
                    : .broker(code, "cannot create topic '\(name)'", brokerMessage: message)
            })
    }

    /// Deletes topics by name on the controller. Like `createTopics`, a NOT_CONTROLLER answer (the controller moved)
    /// refreshes the metadata and asks the new controller, within the API timeout.
    public func deleteTopics(_ names: [String]) async throws -> [ItemResult<Void>] {
        guard !names.isEmpty else { return [] }
        return try await askingTheController(
            about: names,
            send: { asked, timeoutMs in
                try await client.send { (version: Int16) in
                    version >= 6
                        ? DeleteTopicsRequest(topics: asked.map { .init(name: $0, topicId: .zero) }, timeoutMs: timeoutMs)
                        : DeleteTopicsRequest(topicNames: asked, timeoutMs: timeoutMs)
                }
            },
            answer: { (response: DeleteTopicsResponse, name) in
                response.responses.first { $0.name == name }.map { ($0.errorCode, $0.errorMessage) }
            },
            failure: { name, code, message in
                code == .unknownTopicOrPartition
                    ? KafkactlError(.notFound, "Topic '\(name)' does not exist [UNKNOWN_TOPIC_OR_PARTITION]", code: code)
                    : .broker(code, "cannot delete topic '\(name)'", brokerMessage: message)
            })
    }

    /// One request per round to the controller about `names`; the topics it answers NOT_CONTROLLER for (the
    /// controller moved) are asked again after a backoff and a metadata refresh, within the API timeout. `answer`
    /// reads a topic's error code and message from a response (nil: the broker did not answer for it); `failure`
    /// says what any other code than NONE means. Results come in the order of `names`.
    private func askingTheController<Response>(
        about names: [String],
        send: (_ names: [String], _ timeoutMs: Int32) async throws -> Response,
        answer: (Response, String) -> (errorCode: Int16, errorMessage: String?)?,
        failure: (String, ErrorCode, String?) -> KafkactlError
    ) async throws -> [ItemResult<Void>] {
        var results: [String: Result<Void, KafkactlError>] = [:]
        var remaining = names
        var backoff = RetryBackoff(client.configuration)
        while !remaining.isEmpty {
            let asked = remaining
            let response = try await send(asked, Int32(clamping: client.configuration.requestTimeout.milliseconds))
            remaining = []
            for name in asked {
                guard let (errorCode, errorMessage) = answer(response, name) else {
                    results[name] = .failure(KafkactlError(.internal, "the broker did not answer for topic '\(name)'"))
                    continue
                }
                let code = ErrorCode(rawValue: errorCode)
                switch code {
                case .none: results[name] = .success(())
                case .notController where backoff.canRetry: remaining.append(name)
                default: results[name] = .failure(failure(name, code, errorMessage))
                }
            }
            if !remaining.isEmpty {
                try await backoff.wait()
                _ = try await client.metadata(topics: [])
            }
        }
        return names.map { ItemResult(name: $0, result: results[$0]!) }
    }

    /// Raises a topic's partition count to `totalCount`.
    public func createPartitions(_ name: String, totalCount: Int32, assignments: [[Int32]]? = nil) async throws -> ItemResult<Void> {
        let request = CreatePartitionsRequest(
            topics: [.init(name: name, count: totalCount, assignments: assignments?.map { .init(brokerIds: $0) })],
            timeoutMs: Int32(clamping: client.configuration.requestTimeout.milliseconds))
        let response = try await client.send(request, feature: "adding partitions")
        guard let answer = response.results.first(where: { $0.name == name }) else {
            return ItemResult(name: name, result: .failure(KafkactlError(.internal, "the broker did not answer for topic '\(name)'")))
        }
        let code = ErrorCode(rawValue: answer.errorCode)
        if code == .none { return ItemResult(name: name, result: .success(())) }
        return ItemResult(name: name, result: .failure(.broker(code, "cannot add partitions to topic '\(name)'", brokerMessage: answer.errorMessage)))
    }
}

/// DescribeConfigs / AlterConfigs resource types.
public enum ConfigResourceType: Int8, Sendable {
    case topic = 2
    case broker = 4
    case brokerLogger = 8
    case clientMetrics = 16
    case group = 32
}

extension ConfigEntry {
    init(_ config: DescribeConfigsResponse.DescribeConfigsResourceResult) {
        self.init(name: config.name, value: config.value, source: Source(rawValue: config.configSource) ?? .unknown,
                  isReadOnly: config.readOnly, isSensitive: config.isSensitive,
                  synonyms: config.synonyms.map {
                      Synonym(name: $0.name, value: $0.value, source: Source(rawValue: $0.source) ?? .unknown)
                  })
    }
}

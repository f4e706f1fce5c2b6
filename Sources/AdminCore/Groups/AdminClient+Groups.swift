extension AdminClient {
    /// Every group of the cluster: each broker lists the groups it coordinates, so all are asked and merged.
    public func listGroups(states: [String] = []) async throws -> [GroupListing] {
        let client = self.client
        let listings = try await client.onEveryBroker { node -> [GroupListing] in
            // A broker still loading its groups (a coordinator that just moved there) is asked again within the API
            // timeout, as Kafka's admin client does, rather than failing the whole listing.
            var backoff = RetryBackoff(client.configuration)
            while true {
                let response = try await client.send(to: node) { (version: Int16) in
                    ListGroupsRequest(statesFilter: version >= 4 ? states : [])
                }
                let code = ErrorCode(rawValue: response.errorCode)
                if code == .none {
                    return response.groups.map {
                        GroupListing(groupId: $0.groupId, protocolType: $0.protocolType, state: $0.groupState, type: $0.groupType)
                    }
                }
                guard code.isCoordinatorError, backoff.canRetry else {
                    throw KafkactlError.broker(code, "cannot list groups")
                }
                try await backoff.wait()
            }
        }.values.flatMap { $0 }
        let wanted = Set(states.map { $0.lowercased() })
        // Brokers before ListGroups v4 ignore the filter; filter here too (a listing without a state is kept).
        return listings.filter { wanted.isEmpty || $0.state.isEmpty || wanted.contains($0.state.lowercased()) }
            .sorted { $0.groupId < $1.groupId }
    }

    /// State and members of each group, from its coordinator. A group that does not exist comes back in state
    /// Dead (or as GROUP_ID_NOT_FOUND from newer brokers, which is reported the same way).
    ///
    /// DescribeGroups answers for classic groups; Kafka 4.x's coordinator answers it with Dead for a consumer-protocol
    /// (KIP-848) group, so a group DescribeGroups does not know is asked again with ConsumerGroupDescribe where the
    /// coordinator offers it. Kafka's admin client asks in the other order (ConsumerGroupDescribe first, DescribeGroups
    /// on GROUP_ID_NOT_FOUND), with the same outcome on Kafka; asking DescribeGroups first keeps a classic group's
    /// description exactly what it was on brokers whose ConsumerGroupDescribe is partial.
    public func describeGroups(_ groups: [String]) async throws -> [String: Result<GroupDescription, KafkactlError>] {
        // One DescribeGroups per coordinator, naming all of its groups.
        let described = try await client.onCoordinators(
            groups, build: { _, groups in DescribeGroupsRequest(groups: groups) },
            answers: { (response: DescribeGroupsResponse, asked: [String]) in
                response.groups.enumerated().map { index, group in
                    // A broker that leaves the id empty answers in the order asked.
                    let name = group.groupId.isEmpty && index < asked.count ? asked[index] : group.groupId
                    return GroupAnswer(group: name, code: ErrorCode(rawValue: group.errorCode), value: group)
                }
            })
        var results: [String: Result<GroupDescription, KafkactlError>] = [:]
        for group in groups {
            do {
                guard let outcome = described[group] else {
                    throw KafkactlError(.internal, "the broker did not describe group '\(group)'")
                }
                let described = try outcome.get()
                let code = ErrorCode(rawValue: described.errorCode)
                if code == .groupIdNotFound || (code == .none && described.groupState == "Dead") {
                    results[group] = .success(try await describeConsumerGroup(group)
                        ?? GroupDescription(groupId: group, state: "Dead", protocolType: "", protocolName: "", members: []))
                    continue
                }
                guard code == .none else {
                    throw KafkactlError.broker(code, "cannot describe group '\(group)'", brokerMessage: described.errorMessage)
                }
                let (coordinator, coordinatorId) = await coordinatorOf(group)
                results[group] = .success(GroupDescription(
                    groupId: group, state: described.groupState, protocolType: described.protocolType,
                    protocolName: described.protocolData,
                    members: described.members.map { member in
                        GroupDescription.Member(
                            memberId: member.memberId, groupInstanceId: member.groupInstanceId, clientId: member.clientId,
                            host: member.clientHost,
                            assignment: (try? ConsumerProtocol.decodeAssignment(member.memberAssignment).partitions) ?? [])
                    },
                    coordinator: coordinator, coordinatorId: coordinatorId))
            } catch let error as KafkactlError {
                results[group] = .failure(error)
            }
        }
        return results
    }

    /// A consumer-protocol group as ConsumerGroupDescribe reports it; nil when the coordinator does not offer the API
    /// (before Kafka 3.7) or does not know the group as one (GROUP_ID_NOT_FOUND: no such group, or a classic one).
    func describeConsumerGroup(_ group: String) async throws -> GroupDescription? {
        guard try await client.versions(ofCoordinatorOf: group).versions.version(for: ConsumerGroupDescribeRequest.self) != nil else { return nil }
        let response = try await client.onCoordinator(
            of: group, build: { _ in ConsumerGroupDescribeRequest(groupIds: [group]) },
            coordinatorError: { response in response.groups.map { ErrorCode(rawValue: $0.errorCode) }.first(where: \.isCoordinatorError) })
        guard let described = response.groups.first(where: { $0.groupId == group }) ?? response.groups.first else {
            throw KafkactlError(.internal, "the broker did not describe group '\(group)'")
        }
        let code = ErrorCode(rawValue: described.errorCode)
        if code == .groupIdNotFound { return nil }
        guard code == .none else {
            throw KafkactlError.broker(code, "cannot describe group '\(group)'", brokerMessage: described.errorMessage)
        }
        func partitions(_ assignment: ConsumerGroupDescribeResponse.Assignment) -> [TopicPartition] {
            assignment.topicPartitions.flatMap { topic in topic.partitions.map { TopicPartition(topic.topicName, $0) } }
        }
        let (coordinator, coordinatorId) = await coordinatorOf(group)
        return GroupDescription(
            groupId: group, state: described.groupState, protocolType: "consumer", protocolName: described.assignorName,
            members: described.members.map { member in
                GroupDescription.Member(
                    memberId: member.memberId, groupInstanceId: member.instanceId, clientId: member.clientId,
                    host: member.clientHost, assignment: partitions(member.assignment), memberEpoch: member.memberEpoch,
                    targetAssignment: partitions(member.targetAssignment),
                    upgraded: member.memberType == 1 ? true : member.memberType == 0 ? false : nil)
            },
            coordinator: coordinator, coordinatorId: coordinatorId, type: .consumer,
            groupEpoch: described.groupEpoch, assignmentEpoch: described.assignmentEpoch)
    }

    /// The group's coordinator and (Kafka's tool shows it as `host:port  (id)`) its node id from the metadata.
    private func coordinatorOf(_ group: String) async -> (BrokerAddress?, Int32?) {
        let coordinator = try? await client.coordinatorAddress(group: group)
        var coordinatorId: Int32?
        if let coordinator, let metadata = try? await client.cachedMetadata() {
            coordinatorId = metadata.brokers.values.first { $0.address == coordinator }?.nodeId
        }
        return (coordinator, coordinatorId)
    }

    /// A group's committed offsets (every partition that has one, or just `partitions`). Partitions without a
    /// commit are left out.
    public func committedOffsets(group: String, partitions: [TopicPartition]? = nil) async throws -> [TopicPartition: CommittedOffset] {
        guard let outcome = try await committedOffsets(groups: [group], partitions: partitions)[group] else {
            throw KafkactlError(.internal, "the broker did not answer OffsetFetch for group '\(group)'")
        }
        return try outcome.get()
    }

    /// Several groups' committed offsets, a result per group: one OffsetFetch per coordinator naming all of its
    /// groups where it speaks v8 (Kafka 3.0+), one per group before.
    public func committedOffsets(
        groups: [String], partitions: [TopicPartition]? = nil
    ) async throws -> [String: Result<[TopicPartition: CommittedOffset], KafkactlError>] {
        let byTopic = partitions.map { Dictionary(grouping: $0, by: \.topic) }
        let fetched = try await client.onCoordinators(
            groups, batches: { $0 >= 8 },
            build: { version, groups in
                if version >= 8 {
                    return OffsetFetchRequest(groups: groups.map { group in
                        .init(groupId: group, topics: byTopic?.map { .init(name: $0.key, partitionIndexes: $0.value.map(\.partition)) })
                    })
                }
                return OffsetFetchRequest(groupId: groups[0], topics: byTopic?.map {
                    .init(name: $0.key, partitionIndexes: $0.value.map(\.partition))
                })
            },
            answers: { (response: OffsetFetchResponse, asked: [String]) in
                // Before v8 the answer is one group's, its error for the whole response; from v8 on, per group.
                guard !response.groups.isEmpty else {
                    let code = ErrorCode(rawValue: response.errorCode)
                    let rows = response.topics.flatMap { topic in
                        topic.partitions.map { CommittedRow(topic.name, $0.partitionIndex, $0.committedOffset, $0.committedLeaderEpoch, $0.metadata, $0.errorCode) }
                    }
                    return [GroupAnswer(group: asked[0], code: code, value: Self.committed(group: asked[0], code: code, rows))]
                }
                return response.groups.map { group in
                    let code = ErrorCode(rawValue: group.errorCode)
                    let rows = group.topics.flatMap { topic in
                        topic.partitions.map { CommittedRow(topic.name, $0.partitionIndex, $0.committedOffset, $0.committedLeaderEpoch, $0.metadata, $0.errorCode) }
                    }
                    return GroupAnswer(group: group.groupId, code: code, value: Self.committed(group: group.groupId, code: code, rows))
                }
            })
        return fetched.mapValues { $0.flatMap { $0 } }
    }

    /// One partition of an OffsetFetch answer, whichever version's shape it came in.
    private struct CommittedRow {
        var topic: String, partition: Int32, offset: Int64, epoch: Int32, metadata: String?, code: Int16
        init(_ topic: String, _ partition: Int32, _ offset: Int64, _ epoch: Int32, _ metadata: String?, _ code: Int16) {
            (self.topic, self.partition, self.offset, self.epoch, self.metadata, self.code) = (topic, partition, offset, epoch, metadata, code)
        }
    }

    /// A group's committed offsets from its answer: partitions without a commit (-1) are left out, an unknown topic
    /// or partition is no commit, any other error fails the group.
    private static func committed(
        group: String, code: ErrorCode, _ rows: [CommittedRow]
    ) -> Result<[TopicPartition: CommittedOffset], KafkactlError> {
        guard code == .none else { return .failure(.broker(code, "cannot fetch offsets of group '\(group)'")) }
        var result: [TopicPartition: CommittedOffset] = [:]
        for row in rows {
            let error = ErrorCode(rawValue: row.code)
            if error != .none && error != .unknownTopicOrPartition {
                return .failure(.broker(error, "cannot fetch offsets of group '\(group)' for \(row.topic)-\(row.partition)"))
            }
            if row.offset >= 0 {
                result[TopicPartition(row.topic, row.partition)] = CommittedOffset(offset: row.offset, metadata: row.metadata, leaderEpoch: row.epoch)
            }
        }
        return .success(result)
    }

    /// Commits offsets as an admin (generation -1, no member id), which the coordinator accepts only for a group
    /// without members, each with its `metadata` string (empty where none is given). A result per partition.
    public func commitOffsets(group: String, _ offsets: [TopicPartition: Int64], metadata: [TopicPartition: String] = [:]) async throws -> [TopicPartition: Result<Void, KafkactlError>] {
        let byTopic = Dictionary(grouping: offsets.keys, by: \.topic)
        let request = OffsetCommitRequest(
            groupId: group, generationIdOrMemberEpoch: -1, memberId: "",
            topics: byTopic.keys.sorted().map { topic in
                .init(name: topic, partitions: byTopic[topic]!.sorted().map {
                    .init(partitionIndex: $0.partition, committedOffset: offsets[$0]!, committedLeaderEpoch: -1, committedMetadata: metadata[$0] ?? "")
                })
            })
        let response = try await client.onCoordinator(of: group, build: { _ in request }, coordinatorError: OffsetCommitResponse.coordinatorError)
        var results: [TopicPartition: Result<Void, KafkactlError>] = [:]
        for topic in response.topics {
            for partition in topic.partitions {
                let code = ErrorCode(rawValue: partition.errorCode)
                let key = TopicPartition(topic.name, partition.partitionIndex)
                results[key] = code == .none ? .success(()) : .failure(.broker(code, "cannot commit the offset of group '\(group)' for \(key)"))
            }
        }
        return results
    }

    /// Deletes groups (they must be empty). A result per group; one DeleteGroups per coordinator.
    public func deleteGroups(_ groups: [String]) async throws -> [String: Result<Void, KafkactlError>] {
        let deleted = try await client.onCoordinators(
            groups, feature: "deleting groups", build: { _, groups in DeleteGroupsRequest(groupsNames: groups) },
            answers: { (response: DeleteGroupsResponse, _) in
                response.results.map { GroupAnswer(group: $0.groupId, code: ErrorCode(rawValue: $0.errorCode), value: ErrorCode(rawValue: $0.errorCode)) }
            })
        var results: [String: Result<Void, KafkactlError>] = [:]
        for group in groups {
            switch deleted[group] {
            case .success(.none)?: results[group] = .success(())
            case .success(.groupIdNotFound)?:
                results[group] = .failure(KafkactlError(.notFound, "Group '\(group)' does not exist [GROUP_ID_NOT_FOUND]", code: .groupIdNotFound))
            case .success(.nonEmptyGroup)?:
                results[group] = .failure(KafkactlError(.conflict, "Group '\(group)' is not empty: stop its members first [NON_EMPTY_GROUP]", code: .nonEmptyGroup))
            case .success(let code)?: results[group] = .failure(.broker(code, "cannot delete group '\(group)'"))
            case .failure(let error)?: results[group] = .failure(error)
            case nil: results[group] = .failure(KafkactlError(.internal, "the broker did not answer for group '\(group)'"))
            }
        }
        return results
    }

    /// Deletes a group's committed offsets for some partitions (Kafka 2.4+).
    public func deleteOffsets(group: String, partitions: [TopicPartition]) async throws -> [TopicPartition: Result<Void, KafkactlError>] {
        let byTopic = Dictionary(grouping: partitions, by: \.topic)
        let request = OffsetDeleteRequest(groupId: group, topics: byTopic.keys.sorted().map { topic in
            .init(name: topic, partitions: byTopic[topic]!.map { .init(partitionIndex: $0.partition) })
        })
        let response = try await client.onCoordinator(
            of: group, feature: "deleting committed offsets", build: { _ in request },
            coordinatorError: { response in ErrorCode(rawValue: response.errorCode).isCoordinatorError ? ErrorCode(rawValue: response.errorCode) : nil })
        let groupCode = ErrorCode(rawValue: response.errorCode)
        if groupCode == .groupIdNotFound {
            throw KafkactlError(.notFound, "Group '\(group)' does not exist [GROUP_ID_NOT_FOUND]", code: groupCode)
        }
        if groupCode != .none { throw KafkactlError.broker(groupCode, "cannot delete offsets of group '\(group)'") }
        var results: [TopicPartition: Result<Void, KafkactlError>] = [:]
        for topic in response.topics {
            for partition in topic.partitions {
                let code = ErrorCode(rawValue: partition.errorCode)
                let key = TopicPartition(topic.name, partition.partitionIndex)
                results[key] = code == .none ? .success(()) : .failure(.broker(code, "cannot delete the offset of group '\(group)' for \(key)"))
            }
        }
        return results
    }
}

extension OffsetCommitResponse {
    /// The first partition error that says the coordinator moved or is loading: the commit is to be sent again.
    static func coordinatorError(_ response: OffsetCommitResponse) -> ErrorCode? {
        response.topics.flatMap(\.partitions).map { ErrorCode(rawValue: $0.errorCode) }.first(where: \.isCoordinatorError)
    }
}

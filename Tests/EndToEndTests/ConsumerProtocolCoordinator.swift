import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// A one-node scripted cluster whose coordinator holds consumer-protocol (KIP-848) groups the way Kafka 4.x's does:
/// ListGroups v5 reports their type as "consumer", DescribeGroups answers Dead for them (they are not classic groups),
/// ConsumerGroupDescribe reports members, epochs and assignments, an admin OffsetCommit (member epoch -1) is accepted
/// only while the group is empty (UNKNOWN_MEMBER_ID otherwise) and DeleteGroups refuses a group with members
/// (NON_EMPTY_GROUP). The local test broker cannot hold such groups (it lacks ConsumerGroupHeartbeat), so these
/// semantics are proven here; every request is decoded with the generated codecs and must use all its bytes.
final class ConsumerProtocolCoordinator: Sendable {
    struct Member: Sendable {
        var memberId: String
        var instanceId: String? = nil
        var clientId: String
        var host: String
        var memberEpoch: Int32
        var subscribed: [String]
        var assignment: [TopicPartition]
        var target: [TopicPartition]
        var memberType: Int8 = 1
    }

    struct Group: Sendable {
        var state: String
        var groupEpoch: Int32
        var assignmentEpoch: Int32
        var assignor: String = "uniform"
        /// ListGroups v5's GroupType; only listing looks at it (the rest of the script treats every group as a
        /// consumer-protocol group).
        var type = "consumer"
        var members: [Member] = []
        var committed: [TopicPartition: Int64] = [:]
    }

    struct State: Sendable {
        var port = 0
        var requests: [(RequestHeader, ByteBuffer)] = []
        var groups: [String: Group] = [:]
        /// Topics: partition count and log end offset of every partition.
        var topics: [String: (partitions: Int, logEnd: Int64)] = [:]
        /// Record values per partition, from offset 0, for Fetch (their count is the partition's log end).
        var records: [TopicPartition: [String]] = [:]
        /// Errors to answer the next ConsumerGroupHeartbeats with (taken first to last), before the normal answer.
        var heartbeatErrors: [ErrorCode] = []
        /// Answered by ConsumerGroupDescribe for every group, when set.
        var describeError: ErrorCode?
        /// The interval handed to members.
        var heartbeatIntervalMs: Int32 = 200
        /// After this many regular heartbeats, the member is told (at the next epoch) to keep only these partitions,
        /// as when another member joins and the coordinator moves the rest to it.
        var shrinkAfter: (heartbeats: Int, keep: [TopicPartition])?
    }

    /// Kafka 4.0's ranges for the APIs these tests use (ListGroups v5 carries the group type).
    static let kafka40Versions: [Int16: ClosedRange<Int16>] = [
        18: 0...4, 3: 0...12, 2: 0...9, 8: 0...9, 9: 0...9, 10: 0...6, 15: 0...6, 16: 0...5, 42: 0...2,
        68: 0...1, 69: 0...1,
    ]

    /// What the coordinator holds, shared with the scripted broker's answering closure.
    final class Store: Sendable {
        let state = Mutex(State())
    }

    let store = Store()
    let scripted: ScriptedBroker

    init(versions: [Int16: ClosedRange<Int16>] = ConsumerProtocolCoordinator.kafka40Versions) throws {
        let store = self.store
        scripted = try ScriptedBroker(apiVersions: versions) { header, body in
            store.state.withLock { $0.requests.append((header, body)) }
            return Self.answer(store, header, body)
        }
        store.state.withLock { $0.port = scripted.port }
    }

    deinit { scripted.stop() }

    var address: String { scripted.address }
    var apiKeys: [ApiKey] { store.state.withLock { $0.requests.map(\.0.apiKey) } }

    static func topicId(_ name: String) -> KafkaUUID {
        // A stable id per name (not all-zero, which means "no id").
        var hash: UInt64 = 1_469_598_103_934_665_603
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return KafkaUUID(mostSignificantBits: hash, leastSignificantBits: ~hash)
    }

    /// Every request of type `R`, decoded at its version; each must use all its bytes.
    func all<R: KafkaRequest>(_ type: R.Type) throws -> [R] {
        try store.state.withLock { $0.requests }.filter { $0.0.apiKey == R.apiKey }.map { header, body in
            var copy = body
            let request = try R(from: &copy, version: header.apiVersion)
            #expect(copy.readableBytes == 0, "\(R.self) left \(copy.readableBytes) bytes")
            return request
        }
    }

    static func answer(_ store: Store, _ header: RequestHeader, _ body: ByteBuffer) -> ScriptedBroker.Reply {
        let port = store.state.withLock { $0.port }
        var copy = body
        let version = header.apiVersion
        switch header.apiKey {
        case .metadata:
            guard let request = try? MetadataRequest(from: &copy, version: version) else { return .close }
            let topics = store.state.withLock { $0.topics }
            let names = request.topics.map { $0.compactMap(\.name) } ?? topics.keys.sorted()
            let response = MetadataResponse(
                brokers: [.init(nodeId: 1, host: "127.0.0.1", port: Int32(port))], clusterId: "scripted", controllerId: 1,
                topics: names.map { name in
                    guard let topic = topics[name] else {
                        return .init(errorCode: ErrorCode.unknownTopicOrPartition.rawValue, name: name)
                    }
                    return .init(name: name, topicId: Self.topicId(name), partitions: (0..<topic.partitions).map {
                        .init(partitionIndex: Int32($0), leaderId: 1, leaderEpoch: 0, replicaNodes: [1], isrNodes: [1])
                    })
                })
            return ScriptedBroker.reply(response, to: MetadataRequest.self, version: version)
        case .findCoordinator:
            guard let request = try? FindCoordinatorRequest(from: &copy, version: version) else { return .close }
            let response = version >= 4
                ? FindCoordinatorResponse(coordinators: request.coordinatorKeys.map { .init(key: $0, nodeId: 1, host: "127.0.0.1", port: Int32(port)) })
                : FindCoordinatorResponse(nodeId: 1, host: "127.0.0.1", port: Int32(port))
            return ScriptedBroker.reply(response, to: FindCoordinatorRequest.self, version: version)
        case .listGroups:
            let groups = store.state.withLock { $0.groups }
            let response = ListGroupsResponse(groups: groups.keys.sorted().map {
                .init(groupId: $0, protocolType: "consumer", groupState: groups[$0]!.state, groupType: groups[$0]!.type)
            })
            return ScriptedBroker.reply(response, to: ListGroupsRequest.self, version: version)
        case .describeGroups:
            guard let request = try? DescribeGroupsRequest(from: &copy, version: version) else { return .close }
            // Kafka 4.x: a group that is not a classic group is not found as one, which DescribeGroups reports as Dead.
            let response = DescribeGroupsResponse(groups: request.groups.map { .init(groupId: $0, groupState: "Dead") })
            return ScriptedBroker.reply(response, to: DescribeGroupsRequest.self, version: version)
        case .consumerGroupDescribe:
            guard let request = try? ConsumerGroupDescribeRequest(from: &copy, version: version) else { return .close }
            let (groups, describeError) = store.state.withLock { ($0.groups, $0.describeError) }
            let response = ConsumerGroupDescribeResponse(groups: request.groupIds.map { id in
                if let describeError {
                    return .init(errorCode: describeError.rawValue, errorMessage: "scripted refusal", groupId: id)
                }
                guard let group = groups[id] else {
                    return .init(errorCode: ErrorCode.groupIdNotFound.rawValue, errorMessage: "Group \(id) not found.", groupId: id)
                }
                return .init(
                    groupId: id, groupState: group.state, groupEpoch: group.groupEpoch, assignmentEpoch: group.assignmentEpoch,
                    assignorName: group.assignor,
                    members: group.members.map { member in
                        .init(memberId: member.memberId, instanceId: member.instanceId, memberEpoch: member.memberEpoch,
                              clientId: member.clientId, clientHost: member.host, subscribedTopicNames: member.subscribed,
                              assignment: Self.assignment(member.assignment), targetAssignment: Self.assignment(member.target),
                              memberType: member.memberType)
                    })
            })
            return ScriptedBroker.reply(response, to: ConsumerGroupDescribeRequest.self, version: version)
        case .offsetFetch:
            guard let request = try? OffsetFetchRequest(from: &copy, version: version) else { return .close }
            let groups = store.state.withLock { $0.groups }
            func topics(_ group: String) -> [(String, [(Int32, Int64)])] {
                let committed = groups[group]?.committed ?? [:]
                return Dictionary(grouping: committed.keys, by: \.topic).sorted { $0.key < $1.key }.map { topic, partitions in
                    (topic, partitions.sorted().map { ($0.partition, committed[$0]!) })
                }
            }
            if version >= 8 {
                let response = OffsetFetchResponse(groups: request.groups.map { group in
                    .init(groupId: group.groupId, topics: topics(group.groupId).map { name, partitions in
                        .init(name: name, partitions: partitions.map { .init(partitionIndex: $0.0, committedOffset: $0.1, metadata: "") })
                    })
                })
                return ScriptedBroker.reply(response, to: OffsetFetchRequest.self, version: version)
            }
            let response = OffsetFetchResponse(topics: topics(request.groupId).map { name, partitions in
                .init(name: name, partitions: partitions.map { .init(partitionIndex: $0.0, committedOffset: $0.1, metadata: "") })
            })
            return ScriptedBroker.reply(response, to: OffsetFetchRequest.self, version: version)
        case .listOffsets:
            guard let request = try? ListOffsetsRequest(from: &copy, version: version) else { return .close }
            let topics = store.state.withLock { $0.topics }
            let response = ListOffsetsResponse(topics: request.topics.map { topic in
                .init(name: topic.name, partitions: topic.partitions.map { partition in
                    let end = topics[topic.name]?.logEnd ?? 0
                    return .init(partitionIndex: partition.partitionIndex, timestamp: -1,
                                 offset: partition.timestamp == -2 ? 0 : end, leaderEpoch: 0)
                })
            })
            return ScriptedBroker.reply(response, to: ListOffsetsRequest.self, version: version)
        case .offsetCommit:
            guard let request = try? OffsetCommitRequest(from: &copy, version: version) else { return .close }
            let code: ErrorCode = store.state.withLock { state in
                guard var group = state.groups[request.groupId] else { return .groupIdNotFound }
                // Kafka's ConsumerGroup.validateOffsetCommit: an admin commit (epoch < 0) only while nobody is in
                // the group; a member's commit must carry its current epoch.
                if request.generationIdOrMemberEpoch < 0 {
                    if !group.members.isEmpty { return .unknownMemberId }
                } else {
                    guard let member = group.members.first(where: { $0.memberId == request.memberId }) else { return .unknownMemberId }
                    if member.memberEpoch != request.generationIdOrMemberEpoch { return .staleMemberEpoch }
                }
                for topic in request.topics {
                    for partition in topic.partitions {
                        group.committed[TopicPartition(topic.name, partition.partitionIndex)] = partition.committedOffset
                    }
                }
                state.groups[request.groupId] = group
                return .none
            }
            let response = OffsetCommitResponse(topics: request.topics.map { topic in
                .init(name: topic.name, partitions: topic.partitions.map { .init(partitionIndex: $0.partitionIndex, errorCode: code.rawValue) })
            })
            return ScriptedBroker.reply(response, to: OffsetCommitRequest.self, version: version)
        case .deleteGroups:
            guard let request = try? DeleteGroupsRequest(from: &copy, version: version) else { return .close }
            let results: [DeleteGroupsResponse.DeletableGroupResult] = store.state.withLock { state in
                request.groupsNames.map { name in
                    guard let group = state.groups[name] else { return .init(groupId: name, errorCode: ErrorCode.groupIdNotFound.rawValue) }
                    if !group.members.isEmpty { return .init(groupId: name, errorCode: ErrorCode.nonEmptyGroup.rawValue) }
                    state.groups[name] = nil
                    return .init(groupId: name, errorCode: 0)
                }
            }
            return ScriptedBroker.reply(DeleteGroupsResponse(results: results), to: DeleteGroupsRequest.self, version: version)
        case .consumerGroupHeartbeat:
            guard let request = try? ConsumerGroupHeartbeatRequest(from: &copy, version: version) else { return .close }
            let response = store.state.withLock { state in Self.heartbeat(request, &state) }
            return ScriptedBroker.reply(response, to: ConsumerGroupHeartbeatRequest.self, version: version)
        case .fetch:
            guard let request = try? FetchRequest(from: &copy, version: version) else { return .close }
            let records = store.state.withLock { $0.records }
            let response = FetchResponse(responses: request.topics.map { topic in
                .init(topic: topic.topic, partitions: topic.partitions.map { partition in
                    let values = records[TopicPartition(topic.topic, partition.partition)] ?? []
                    let end = Int64(values.count)
                    guard partition.fetchOffset < end else {
                        return .init(partitionIndex: partition.partition, highWatermark: end, lastStableOffset: end, logStartOffset: 0,
                                     records: ByteBuffer())
                    }
                    return .init(partitionIndex: partition.partition, highWatermark: end, lastStableOffset: end, logStartOffset: 0,
                                 records: Self.batch(partition.fetchOffset, Array(values[Int(partition.fetchOffset)...])))
                })
            })
            return ScriptedBroker.reply(response, to: FetchRequest.self, version: version)
        default:
            return .silence
        }
    }

    /// A record batch v2 of `values` starting at `baseOffset`.
    static func batch(_ baseOffset: Int64, _ values: [String]) -> ByteBuffer {
        var builder = RecordBatchBuilder()
        for value in values { builder.append(key: nil, value: ByteBuffer(string: value), timestamp: 1_000) }
        var batch = try! builder.build(producer: .none, isTransactional: false)
        batch.setInteger(baseOffset, at: 0)
        return batch
    }

    /// Kafka 4.x's coordinator, reduced to what one member at a time does: epoch 0 joins (the request must carry the
    /// subscription, a rebalance timeout and an empty owned list) and is given every partition of its topics at the
    /// next group epoch; a later heartbeat must carry the member's id and current epoch (FENCED_MEMBER_EPOCH otherwise);
    /// epoch -1 or -2 leaves.
    static func heartbeat(_ request: ConsumerGroupHeartbeatRequest, _ state: inout State) -> ConsumerGroupHeartbeatResponse {
        if !state.heartbeatErrors.isEmpty {
            let code = state.heartbeatErrors.removeFirst()
            return .init(errorCode: code.rawValue, errorMessage: "scripted \(code.name)", memberEpoch: -1)
        }
        var group = state.groups[request.groupId] ?? Group(state: "Empty", groupEpoch: 0, assignmentEpoch: 0)
        defer { state.groups[request.groupId] = group }
        let interval = state.heartbeatIntervalMs
        switch request.memberEpoch {
        case 0:
            guard let subscribed = request.subscribedTopicNames, request.rebalanceTimeoutMs != -1,
                  request.topicPartitions == [], !request.memberId.isEmpty else {
                return .init(errorCode: ErrorCode.invalidRequest.rawValue, errorMessage: "a join needs its subscription", memberEpoch: -1)
            }
            group.groupEpoch += 1
            group.assignmentEpoch = group.groupEpoch
            group.state = "Stable"
            let partitions = subscribed.sorted().flatMap { topic in
                (0..<(state.topics[topic]?.partitions ?? 0)).map { TopicPartition(topic, Int32($0)) }
            }
            group.members.removeAll { $0.memberId == request.memberId }
            group.members.append(Member(memberId: request.memberId, instanceId: request.instanceId, clientId: "console-consumer",
                                        host: "/127.0.0.1", memberEpoch: group.groupEpoch, subscribed: subscribed,
                                        assignment: partitions, target: partitions))
            group.assignor = request.serverAssignor ?? "uniform"
            return .init(memberId: request.memberId, memberEpoch: group.groupEpoch, heartbeatIntervalMs: interval,
                         assignment: .init(topicPartitions: Dictionary(grouping: partitions, by: \.topic).sorted { $0.key < $1.key }.map {
                             .init(topicId: topicId($0.key), partitions: $0.value.map(\.partition))
                         }))
        case -1, -2:
            group.members.removeAll { $0.memberId == request.memberId }
            if group.members.isEmpty { group.state = "Empty" }
            return .init(memberId: request.memberId, memberEpoch: request.memberEpoch, heartbeatIntervalMs: 0)
        default:
            guard let member = group.members.first(where: { $0.memberId == request.memberId }) else {
                return .init(errorCode: ErrorCode.unknownMemberId.rawValue, memberEpoch: -1)
            }
            guard member.memberEpoch == request.memberEpoch else {
                return .init(errorCode: ErrorCode.fencedMemberEpoch.rawValue, memberEpoch: -1)
            }
            if let shrink = state.shrinkAfter {
                if shrink.heartbeats > 1 {
                    state.shrinkAfter = (shrink.heartbeats - 1, shrink.keep)
                } else {
                    state.shrinkAfter = nil
                    group.groupEpoch += 1
                    group.assignmentEpoch = group.groupEpoch
                    let index = group.members.firstIndex { $0.memberId == request.memberId }!
                    group.members[index].memberEpoch = group.groupEpoch
                    group.members[index].target = shrink.keep
                    return .init(memberId: request.memberId, memberEpoch: group.groupEpoch, heartbeatIntervalMs: interval,
                                 assignment: .init(topicPartitions: Dictionary(grouping: shrink.keep, by: \.topic).sorted { $0.key < $1.key }.map {
                                     .init(topicId: topicId($0.key), partitions: $0.value.map(\.partition))
                                 }))
                }
            }
            return .init(memberId: request.memberId, memberEpoch: member.memberEpoch, heartbeatIntervalMs: interval)
        }
    }

    static func assignment(_ partitions: [TopicPartition]) -> ConsumerGroupDescribeResponse.Assignment {
        .init(topicPartitions: Dictionary(grouping: partitions, by: \.topic).sorted { $0.key < $1.key }.map { topic, partitions in
            .init(topicId: topicId(topic), topicName: topic, partitions: partitions.map(\.partition).sorted())
        })
    }
}

import AdminCore
import NIOCore

/// The answers a virtual node gives on its own, built with the generated codecs at the request's version: an error
/// code for each partition (or group) a request names, as a real broker answers a request it cannot serve.
enum ProxyRefusals {
    // MARK: Partition-scoped requests

    static func partitions(of request: ProduceRequest) -> [TopicPartition] {
        request.topicData.flatMap { topic in topic.partitionData.map { TopicPartition(topic.name, $0.index) } }
    }

    static func partitions(of request: FetchRequest) -> [TopicPartition] {
        request.topics.flatMap { topic in topic.partitions.map { TopicPartition(topic.topic, $0.partition) } }
    }

    static func partitions(of request: ListOffsetsRequest) -> [TopicPartition] {
        request.topics.flatMap { topic in topic.partitions.map { TopicPartition(topic.name, $0.partitionIndex) } }
    }

    static func keeping(_ kept: Set<TopicPartition>, of request: ProduceRequest) -> ProduceRequest {
        var request = request
        request.topicData = request.topicData.compactMap { topic in
            var topic = topic
            topic.partitionData.removeAll { !kept.contains(TopicPartition(topic.name, $0.index)) }
            return topic.partitionData.isEmpty ? nil : topic
        }
        return request
    }

    static func keeping(_ kept: Set<TopicPartition>, of request: FetchRequest) -> FetchRequest {
        var request = request
        request.topics = request.topics.compactMap { topic in
            var topic = topic
            topic.partitions.removeAll { !kept.contains(TopicPartition(topic.topic, $0.partition)) }
            return topic.partitions.isEmpty ? nil : topic
        }
        return request
    }

    static func keeping(_ kept: Set<TopicPartition>, of request: ListOffsetsRequest) -> ListOffsetsRequest {
        var request = request
        request.topics = request.topics.compactMap { topic in
            var topic = topic
            topic.partitions.removeAll { !kept.contains(TopicPartition(topic.name, $0.partitionIndex)) }
            return topic.partitions.isEmpty ? nil : topic
        }
        return request
    }

    /// Adds an answer with `code` for each of `refused` (sorted, so answers are stable).
    static func add(_ refused: [TopicPartition], _ code: ErrorCode, to response: inout ProduceResponse) {
        for partition in refused.sorted() {
            let answer = ProduceResponse.PartitionProduceResponse(
                index: partition.partition, errorCode: code.rawValue, baseOffset: -1, logAppendTimeMs: -1, logStartOffset: -1)
            if let index = response.responses.firstIndex(where: { $0.name == partition.topic }) {
                response.responses[index].partitionResponses.append(answer)
            } else {
                response.responses.append(.init(name: partition.topic, partitionResponses: [answer]))
            }
        }
    }

    static func add(_ refused: [TopicPartition], _ code: ErrorCode, to response: inout FetchResponse) {
        for partition in refused.sorted() {
            let answer = FetchResponse.PartitionData(
                partitionIndex: partition.partition, errorCode: code.rawValue, highWatermark: -1, lastStableOffset: -1,
                logStartOffset: -1, records: ByteBuffer())
            if let index = response.responses.firstIndex(where: { $0.topic == partition.topic }) {
                response.responses[index].partitions.append(answer)
            } else {
                response.responses.append(.init(topic: partition.topic, partitions: [answer]))
            }
        }
    }

    static func add(_ refused: [TopicPartition], _ code: ErrorCode, to response: inout ListOffsetsResponse) {
        for partition in refused.sorted() {
            let answer = ListOffsetsResponse.ListOffsetsPartitionResponse(
                partitionIndex: partition.partition, errorCode: code.rawValue, timestamp: -1, offset: -1, leaderEpoch: -1)
            if let index = response.topics.firstIndex(where: { $0.name == partition.topic }) {
                response.topics[index].partitions.append(answer)
            } else {
                response.topics.append(.init(name: partition.topic, partitions: [answer]))
            }
        }
    }

    // MARK: Group requests

    /// The groups a group request names (a request for groups coordinated by different nodes is refused whole).
    static func groups(in frame: ByteBuffer, api: ApiKey) throws -> [String]? {
        switch api {
        case .joinGroup: return [try ProxyCodec.request(JoinGroupRequest.self, from: frame).1.groupId]
        case .syncGroup: return [try ProxyCodec.request(SyncGroupRequest.self, from: frame).1.groupId]
        case .heartbeat: return [try ProxyCodec.request(HeartbeatRequest.self, from: frame).1.groupId]
        case .leaveGroup: return [try ProxyCodec.request(LeaveGroupRequest.self, from: frame).1.groupId]
        case .offsetCommit: return [try ProxyCodec.request(OffsetCommitRequest.self, from: frame).1.groupId]
        case .offsetFetch:
            let request = try ProxyCodec.request(OffsetFetchRequest.self, from: frame).1
            return request.groups.isEmpty ? [request.groupId] : request.groups.map(\.groupId)
        case .describeGroups: return try ProxyCodec.request(DescribeGroupsRequest.self, from: frame).1.groups
        case .deleteGroups: return try ProxyCodec.request(DeleteGroupsRequest.self, from: frame).1.groupsNames
        default: return nil
        }
    }

    /// The whole answer to a request whose every partition or group gets `code`; nil for an API the proxy cannot
    /// answer on its own (the caller then closes the connection, as a broker in trouble would).
    static func answer(_ frame: ByteBuffer, api: ApiKey, code: ErrorCode) throws -> ByteBuffer? {
        let error = code.rawValue
        switch api {
        case .produce:
            let (header, request) = try ProxyCodec.request(ProduceRequest.self, from: frame)
            var response = ProduceResponse()
            add(partitions(of: request), code, to: &response)
            return try ProxyCodec.responseFrame(ProduceRequest.self, to: header, response)
        case .fetch:
            let (header, request) = try ProxyCodec.request(FetchRequest.self, from: frame)
            var response = FetchResponse(sessionId: 0)
            add(partitions(of: request), code, to: &response)
            return try ProxyCodec.responseFrame(FetchRequest.self, to: header, response)
        case .listOffsets:
            let (header, request) = try ProxyCodec.request(ListOffsetsRequest.self, from: frame)
            var response = ListOffsetsResponse()
            add(partitions(of: request), code, to: &response)
            return try ProxyCodec.responseFrame(ListOffsetsRequest.self, to: header, response)
        case .findCoordinator:
            let (header, request) = try ProxyCodec.request(FindCoordinatorRequest.self, from: frame)
            let response = header.apiVersion >= 4
                ? FindCoordinatorResponse(coordinators: request.coordinatorKeys.map {
                    .init(key: $0, nodeId: -1, host: "", port: -1, errorCode: error)
                })
                : FindCoordinatorResponse(errorCode: error, nodeId: -1, host: "", port: -1)
            return try ProxyCodec.responseFrame(FindCoordinatorRequest.self, to: header, response)
        case .joinGroup:
            let (header, request) = try ProxyCodec.request(JoinGroupRequest.self, from: frame)
            let response = JoinGroupResponse(errorCode: error, generationId: -1, protocolName: "", leader: "", memberId: request.memberId)
            return try ProxyCodec.responseFrame(JoinGroupRequest.self, to: header, response)
        case .syncGroup:
            let header = try ProxyCodec.request(SyncGroupRequest.self, from: frame).0
            return try ProxyCodec.responseFrame(SyncGroupRequest.self, to: header, SyncGroupResponse(errorCode: error))
        case .heartbeat:
            let header = try ProxyCodec.request(HeartbeatRequest.self, from: frame).0
            return try ProxyCodec.responseFrame(HeartbeatRequest.self, to: header, HeartbeatResponse(errorCode: error))
        case .leaveGroup:
            let header = try ProxyCodec.request(LeaveGroupRequest.self, from: frame).0
            return try ProxyCodec.responseFrame(LeaveGroupRequest.self, to: header, LeaveGroupResponse(errorCode: error))
        case .offsetCommit:
            let (header, request) = try ProxyCodec.request(OffsetCommitRequest.self, from: frame)
            let response = OffsetCommitResponse(topics: request.topics.map { topic in
                .init(name: topic.name, partitions: topic.partitions.map { .init(partitionIndex: $0.partitionIndex, errorCode: error) })
            })
            return try ProxyCodec.responseFrame(OffsetCommitRequest.self, to: header, response)
        case .offsetFetch:
            let (header, request) = try ProxyCodec.request(OffsetFetchRequest.self, from: frame)
            let response = header.apiVersion >= 8
                ? OffsetFetchResponse(groups: request.groups.map { .init(groupId: $0.groupId, errorCode: error) })
                : OffsetFetchResponse(errorCode: error)
            return try ProxyCodec.responseFrame(OffsetFetchRequest.self, to: header, response)
        case .describeGroups:
            let (header, request) = try ProxyCodec.request(DescribeGroupsRequest.self, from: frame)
            let response = DescribeGroupsResponse(groups: request.groups.map { .init(errorCode: error, groupId: $0) })
            return try ProxyCodec.responseFrame(DescribeGroupsRequest.self, to: header, response)
        case .createTopics:
            let (header, request) = try ProxyCodec.request(CreateTopicsRequest.self, from: frame)
            let response = CreateTopicsResponse(topics: request.topics.map {
                .init(name: $0.name, errorCode: error, numPartitions: -1, replicationFactor: -1)
            })
            return try ProxyCodec.responseFrame(CreateTopicsRequest.self, to: header, response)
        case .deleteTopics:
            let (header, request) = try ProxyCodec.request(DeleteTopicsRequest.self, from: frame)
            let names = header.apiVersion >= 6 ? request.topics.compactMap(\.name) : request.topicNames
            let response = DeleteTopicsResponse(responses: names.map { .init(name: $0, errorCode: error) })
            return try ProxyCodec.responseFrame(DeleteTopicsRequest.self, to: header, response)
        case .initProducerId:
            let header = try ProxyCodec.request(InitProducerIdRequest.self, from: frame).0
            let response = InitProducerIdResponse(errorCode: error, producerId: -1, producerEpoch: -1)
            return try ProxyCodec.responseFrame(InitProducerIdRequest.self, to: header, response)
        case .listGroups:
            let header = try ProxyCodec.request(ListGroupsRequest.self, from: frame).0
            return try ProxyCodec.responseFrame(ListGroupsRequest.self, to: header, ListGroupsResponse(errorCode: error))
        case .deleteGroups:
            let (header, request) = try ProxyCodec.request(DeleteGroupsRequest.self, from: frame)
            let response = DeleteGroupsResponse(results: request.groupsNames.map { .init(groupId: $0, errorCode: error) })
            return try ProxyCodec.responseFrame(DeleteGroupsRequest.self, to: header, response)
        default:
            return nil
        }
    }
}

import AdminCore
import NIOCore
import Synchronization

/// What a virtual node does with one request frame.
struct ProxyPlan {
    enum Action {
        /// Send `frame` to the real broker; `transform` edits its answer (nil: passed on as it is). No answer is
        /// expected when `expectsResponse` is false (Produce with acks=0).
        case forward(ByteBuffer, expectsResponse: Bool, transform: ResponseTransform?)
        /// Answer with this frame without asking the real broker.
        case answer(ByteBuffer)
        /// Close the client's connection.
        case close
    }

    var action: Action
    /// Hold the answer this long before writing it.
    var delay: Duration?
    /// Forward the request (so the broker acts on it) but close the connection instead of answering: the client
    /// cannot know whether its request took effect.
    var closeInsteadOfAnswering = false

    static func forward(_ frame: ByteBuffer, transform: ResponseTransform? = nil) -> ProxyPlan {
        ProxyPlan(action: .forward(frame, expectsResponse: true, transform: transform))
    }
}

typealias ResponseTransform = @Sendable (ByteBuffer) throws -> ByteBuffer

/// Decides, for each request a virtual node receives, whether it is forwarded (and how its answer is rewritten),
/// refused as a real cluster member would refuse it, or hit by an injected fault.
final class ProxyRouter: Sendable {
    let cluster: Mutex<VirtualCluster>
    /// The Kafka release every node presents; nil: the real broker's own versions.
    let release: ProxyRelease?

    init(nodeIds: [Int32], release: ProxyRelease? = nil) {
        cluster = Mutex(VirtualCluster(nodeIds: nodeIds))
        self.release = release
    }

    func plan(_ frame: ByteBuffer, node: Int32) -> ProxyPlan {
        guard let key = frame.getInteger(at: frame.readerIndex, as: Int16.self) else { return ProxyPlan(action: .close) }
        let api = ApiKey(rawValue: key)
        let (isDown, fault) = cluster.withLock { cluster in
            cluster.received[.init(node: node, api: api), default: 0] += 1
            cluster.arrivals.append(api)
            if let version = frame.getInteger(at: frame.readerIndex + 2, as: Int16.self) {
                cluster.versionsReceived[api, default: []].insert(version)
            }
            return (cluster.down.contains(node), cluster.takeFault(api: api, node: node))
        }
        if isDown { return ProxyPlan(action: .close) }
        do {
            if let release, let refused = try release.intercept(frame, api: api) { return refused }
            let bridge = release.flatMap { release in
                frame.getInteger(at: frame.readerIndex + 2, as: Int16.self).flatMap {
                    ProxyBridge.needed(api: api, version: $0, broker: release.broker)
                }
            }
            if let bridge { return try bridged(bridge, frame, fault: fault, node: node) }
            switch fault {
            case nil:
                return try route(frame, api: api, node: node)
            case .error(let code):
                guard let answer = try ProxyRefusals.answer(frame, api: api, code: code) else { return ProxyPlan(action: .close) }
                countRefusal(code)
                return ProxyPlan(action: .answer(answer))
            case .delay(let delay):
                var plan = try route(frame, api: api, node: node)
                plan.delay = delay
                return plan
            case .loseAnswer:
                var plan = try route(frame, api: api, node: node)
                plan.closeInsteadOfAnswering = true
                return plan
            case .closeConnection:
                return ProxyPlan(action: .close)
            case .trigger(let action):
                action()
                return try route(frame, api: api, node: node)
            }
        } catch {
            // A frame the codecs cannot read: a real broker would close the connection too.
            return ProxyPlan(action: .close)
        }
    }

    /// Routes the request at the broker's version (faults other than triggers are not combined with a bridge) and
    /// turns whatever answer comes back into one at the client's version.
    private func bridged(_ bridge: ProxyBridge, _ frame: ByteBuffer, fault: ClusterProxy.Fault?, node: Int32) throws -> ProxyPlan {
        if case .trigger(let action) = fault { action() }
        var plan = try route(try bridge.request(frame), api: bridge.api, node: node)
        switch plan.action {
        case .forward(let forwarded, let expectsResponse, let transform):
            plan.action = .forward(forwarded, expectsResponse: expectsResponse) { answer in
                try bridge.response(try transform.map { try $0(answer) } ?? answer)
            }
        case .answer(let answer):
            plan.action = .answer(try bridge.response(answer))
        case .close:
            break
        }
        return plan
    }

    /// Requests whose connection closed before they were answered (a killed node, a lost answer).
    func countCutOff(_ apis: some Sequence<ApiKey>) {
        cluster.withLock { cluster in
            for api in apis { cluster.cutOff[api, default: 0] += 1 }
        }
    }

    private func countRefusal(_ code: ErrorCode) {
        cluster.withLock { $0.refusals[code, default: 0] += 1 }
    }

    private func route(_ frame: ByteBuffer, api: ApiKey, node: Int32) throws -> ProxyPlan {
        switch api {
        case .metadata:
            let version = try ProxyCodec.request(MetadataRequest.self, from: frame).0.apiVersion
            return .forward(frame) { answer in
                try ProxyCodec.rewriteResponse(MetadataRequest.self, version: version, frame: answer) { response in
                    self.cluster.withLock { $0.rewrite(&response) }
                }
            }
        case .describeCluster:
            let version = try ProxyCodec.request(DescribeClusterRequest.self, from: frame).0.apiVersion
            return .forward(frame) { answer in
                try ProxyCodec.rewriteResponse(DescribeClusterRequest.self, version: version, frame: answer) { response in
                    self.cluster.withLock { $0.rewrite(&response) }
                }
            }
        case .findCoordinator:
            let (header, request) = try ProxyCodec.request(FindCoordinatorRequest.self, from: frame)
            let key = header.apiVersion < 4 ? request.key : nil
            return .forward(frame) { answer in
                try ProxyCodec.rewriteResponse(FindCoordinatorRequest.self, version: header.apiVersion, frame: answer) { response in
                    self.cluster.withLock { $0.rewrite(&response, key: key) }
                }
            }
        case .listGroups:
            let version = try ProxyCodec.request(ListGroupsRequest.self, from: frame).0.apiVersion
            return .forward(frame) { answer in
                try ProxyCodec.rewriteResponse(ListGroupsRequest.self, version: version, frame: answer) { response in
                    self.cluster.withLock { $0.rewrite(&response, node: node) }
                }
            }
        case .produce:
            let (header, request) = try ProxyCodec.request(ProduceRequest.self, from: frame)
            let refused = misrouted(ProxyRefusals.partitions(of: request), node: node)
            if refused.isEmpty { return ProxyPlan(action: .forward(frame, expectsResponse: request.acks != 0, transform: nil)) }
            // A broker closes the connection when a Produce with acks=0 fails: there is no answer to carry the error.
            if request.acks == 0 { return ProxyPlan(action: .close) }
            return try partial(ProduceRequest.self, original: frame, header: header, refused: refused,
                               all: ProxyRefusals.partitions(of: request),
                               kept: { ProxyRefusals.keeping($0, of: request) }, add: ProxyRefusals.add)
        case .fetch:
            let (header, request) = try ProxyCodec.request(FetchRequest.self, from: frame)
            self.cluster.withLock { $0.fetchedPartitions.formUnion(ProxyRefusals.partitions(of: request)) }
            let refused = misrouted(ProxyRefusals.partitions(of: request), node: node)
            if refused.isEmpty { return .forward(frame) }
            return try partial(FetchRequest.self, original: frame, header: header, refused: refused,
                               all: ProxyRefusals.partitions(of: request),
                               kept: { ProxyRefusals.keeping($0, of: request) }, add: ProxyRefusals.add)
        case .listOffsets:
            let (header, request) = try ProxyCodec.request(ListOffsetsRequest.self, from: frame)
            let refused = misrouted(ProxyRefusals.partitions(of: request), node: node)
            if refused.isEmpty { return .forward(frame) }
            return try partial(ListOffsetsRequest.self, original: frame, header: header, refused: refused,
                               all: ProxyRefusals.partitions(of: request),
                               kept: { ProxyRefusals.keeping($0, of: request) }, add: ProxyRefusals.add)
        default:
            if let groups = try ProxyRefusals.groups(in: frame, api: api) {
                let elsewhere = self.cluster.withLock { cluster in groups.contains { cluster.coordinator($0) != node } }
                if elsewhere, let answer = try ProxyRefusals.answer(frame, api: api, code: .notCoordinator) {
                    countRefusal(.notCoordinator)
                    return ProxyPlan(action: .answer(answer))
                }
            }
            if api == .offsetCommit {
                let request = try ProxyCodec.request(OffsetCommitRequest.self, from: frame).1
                self.cluster.withLock { $0.remember(request) }
            }
            if api == .offsetFetch {
                let (header, request) = try ProxyCodec.request(OffsetFetchRequest.self, from: frame)
                let group = header.apiVersion < 8 ? request.groupId : nil
                let restore: @Sendable (inout OffsetFetchResponse) -> Void = { response in
                    self.cluster.withLock { $0.restoreMetadata(&response, group: group) }
                }
                if let upgraded = try OffsetFetchUpgrade.plan(frame, restore: restore) { return upgraded }
                return .forward(frame) { answer in
                    try ProxyCodec.rewriteResponse(OffsetFetchRequest.self, version: header.apiVersion, frame: answer, restore)
                }
            }
            // Everything else any broker may answer (or, like CreateTopics, forwards to the controller itself).
            return .forward(frame)
        }
    }

    /// The partitions of a request that `node` does not lead.
    private func misrouted(_ partitions: [TopicPartition], node: Int32) -> [TopicPartition] {
        cluster.withLock { cluster in partitions.filter { cluster.leader($0) != node } }
    }

    /// Refuses `refused` with NOT_LEADER_OR_FOLLOWER: answered at once when that is every partition, else the rest
    /// is forwarded and the refusals are added to the broker's answer.
    private func partial<R: KafkaRequest>(
        _ type: R.Type, original: ByteBuffer, header: RequestHeader, refused: [TopicPartition], all: [TopicPartition],
        kept: (Set<TopicPartition>) -> R, add: @escaping @Sendable ([TopicPartition], ErrorCode, inout R.Response) -> Void
    ) throws -> ProxyPlan {
        cluster.withLock { $0.refusals[.notLeaderOrFollower, default: 0] += refused.count }
        let keptPartitions = Set(all).subtracting(refused)
        if keptPartitions.isEmpty, let answer = try ProxyRefusals.answer(original, api: R.apiKey, code: .notLeaderOrFollower) {
            return ProxyPlan(action: .answer(answer))
        }
        let frame = try ProxyCodec.requestFrame(header, kept(keptPartitions))
        let version = header.apiVersion
        return .forward(frame) { answer in
            try ProxyCodec.rewriteResponse(R.self, version: version, frame: answer) { add(refused, .notLeaderOrFollower, &$0) }
        }
    }
}

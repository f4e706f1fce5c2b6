import AdminCore

/// What the proxied cluster looks like at this moment: which virtual nodes are up, which node leads each partition,
/// which coordinates each group, and the faults still to be injected. A value guarded by `ClusterProxy`'s lock;
/// everything here is pure bookkeeping, with no I/O.
///
/// Without overrides, partition `p` of a topic is led by the node at `(hash(topic) + p) mod N` in node order, so a
/// topic's partitions are spread over every node, and a group's coordinator is the node at `hash(group) mod N`.
/// Every node replicates every partition (the virtual replication factor is N), so when a leader goes down its
/// partitions fail over to the next live replica, as a real controller would elect them.
struct VirtualCluster {
    let nodeIds: [Int32]
    /// The loopback port of each node's listener (kept across kill and revive).
    var ports: [Int32: Int] = [:]
    var down: Set<Int32> = []
    var leaderOverrides: [TopicPartition: Int32] = [:]
    /// Partitions between leaders (an election under way): no node leads them.
    var leaderless: Set<TopicPartition> = []
    var coordinatorOverrides: [String: Int32] = [:]
    var faults: [FaultRule] = []
    /// Requests received, by node and API key.
    var received: [RequestKind: Int] = [:]
    /// Every request's API key, in the order the nodes received them (for "how many Metadata before the first Fetch").
    var arrivals: [ApiKey] = []
    /// The metadata string of each committed offset, by group: the test broker drops it (OffsetFetch answers null),
    /// Kafka keeps it, so the nodes keep it and put it back into OffsetFetch answers.
    var committedMetadata: [String: [TopicPartition: String]] = [:]
    /// Every partition a Fetch asked for, at any node.
    var fetchedPartitions: Set<TopicPartition> = []
    /// The versions each API was asked at (what the client negotiated with the release the nodes present).
    var versionsReceived: [ApiKey: Set<Int16>] = [:]
    /// Errors the proxy answered itself (routing refusals and injected errors), by error code.
    var refusals: [ErrorCode: Int] = [:]
    /// Requests left unanswered when their connection closed, by API key.
    var cutOff: [ApiKey: Int] = [:]

    struct RequestKind: Hashable {
        var node: Int32
        var api: ApiKey
    }

    init(nodeIds: [Int32]) {
        self.nodeIds = nodeIds
    }

    mutating func remember(_ commit: OffsetCommitRequest) {
        for topic in commit.topics {
            for partition in topic.partitions {
                committedMetadata[commit.groupId, default: [:]][TopicPartition(topic.name, partition.partitionIndex)] = partition.committedMetadata
            }
        }
    }

    /// Puts the kept metadata back where the broker answered none.
    func restoreMetadata(_ response: inout OffsetFetchResponse, group: String?) {
        if let group, let kept = committedMetadata[group] {
            for t in response.topics.indices {
                for p in response.topics[t].partitions.indices where (response.topics[t].partitions[p].metadata ?? "").isEmpty {
                    response.topics[t].partitions[p].metadata = kept[TopicPartition(response.topics[t].name, response.topics[t].partitions[p].partitionIndex)]
                        ?? response.topics[t].partitions[p].metadata
                }
            }
        }
        for g in response.groups.indices {
            guard let kept = committedMetadata[response.groups[g].groupId] else { continue }
            for t in response.groups[g].topics.indices {
                for p in response.groups[g].topics[t].partitions.indices where (response.groups[g].topics[t].partitions[p].metadata ?? "").isEmpty {
                    let key = TopicPartition(response.groups[g].topics[t].name, response.groups[g].topics[t].partitions[p].partitionIndex)
                    response.groups[g].topics[t].partitions[p].metadata = kept[key] ?? response.groups[g].topics[t].partitions[p].metadata
                }
            }
        }
    }

    // MARK: Who does what

    /// Every node, the preferred leader first: a stable list per partition.
    func replicas(_ partition: TopicPartition) -> [Int32] {
        let start = (Self.stableHash(partition.topic) + Int(partition.partition)) % nodeIds.count
        return (0..<nodeIds.count).map { nodeIds[(start + $0) % nodeIds.count] }
    }

    /// The node that leads `partition` now: the chosen (or preferred) one while it is up, else the next live replica.
    func leader(_ partition: TopicPartition) -> Int32? {
        if leaderless.contains(partition) { return nil }
        let replicas = replicas(partition)
        let chosen = leaderOverrides[partition] ?? replicas[0]
        if !down.contains(chosen) { return chosen }
        return replicas.first { !down.contains($0) }
    }

    /// The node that coordinates `group` now (the chosen one while it is up, else the next live node in ring order).
    func coordinator(_ group: String) -> Int32? {
        let chosen = coordinatorOverrides[group] ?? nodeIds[Self.stableHash(group) % nodeIds.count]
        let start = nodeIds.firstIndex(of: chosen) ?? 0
        return (0..<nodeIds.count).map { nodeIds[(start + $0) % nodeIds.count] }.first { !down.contains($0) }
    }

    /// The lowest live node, as a stand-in for the active controller.
    var controller: Int32 { nodeIds.first { !down.contains($0) } ?? -1 }

    var liveNodes: [Int32] { nodeIds.filter { !down.contains($0) } }

    /// A hash that is the same in every run (Swift's `hashValue` is seeded per process).
    static func stableHash(_ text: String) -> Int {
        text.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) & 0x7fff_ffff }
    }

    // MARK: Faults

    /// The fault to apply to the next request of `api` received by `node`, used up one at a time.
    mutating func takeFault(api: ApiKey, node: Int32) -> ClusterProxy.Fault? {
        guard let index = faults.firstIndex(where: { $0.api == api && ($0.node == nil || $0.node == node) && $0.remaining > 0 })
        else { return nil }
        faults[index].remaining -= 1
        let fault = faults[index].fault
        if faults[index].remaining == 0 { faults.remove(at: index) }
        return fault
    }

    // MARK: Rewriting the real broker's answers

    /// Lists the live virtual nodes instead of the real broker, and gives each partition its virtual leader,
    /// replicas and in-sync replicas.
    func rewrite(_ response: inout MetadataResponse) {
        response.brokers = liveNodes.map { .init(nodeId: $0, host: "127.0.0.1", port: Int32(ports[$0] ?? 0), rack: nil) }
        response.controllerId = controller
        for topicIndex in response.topics.indices {
            guard let name = response.topics[topicIndex].name else { continue }
            for index in response.topics[topicIndex].partitions.indices {
                var partition = response.topics[topicIndex].partitions[index]
                guard partition.errorCode == 0 || partition.leaderId >= 0 else { continue }
                let key = TopicPartition(name, partition.partitionIndex)
                let replicas = replicas(key)
                partition.leaderId = leader(key) ?? -1
                // Kafka names a partition without a leader LEADER_NOT_AVAILABLE in Metadata.
                partition.errorCode = partition.leaderId < 0 ? ErrorCode.leaderNotAvailable.rawValue : 0
                partition.replicaNodes = replicas
                partition.isrNodes = replicas.filter { !down.contains($0) }
                partition.offlineReplicas = replicas.filter { down.contains($0) }
                response.topics[topicIndex].partitions[index] = partition
            }
        }
    }

    func rewrite(_ response: inout DescribeClusterResponse) {
        response.brokers = liveNodes.map { .init(brokerId: $0, host: "127.0.0.1", port: Int32(ports[$0] ?? 0), rack: nil) }
        response.controllerId = controller
    }

    /// Names the virtual coordinator of each key (`key` is the request's single key, for versions before 4).
    func rewrite(_ response: inout FindCoordinatorResponse, key: String?) {
        for index in response.coordinators.indices where response.coordinators[index].errorCode == 0 {
            let node = coordinator(response.coordinators[index].key) ?? -1
            response.coordinators[index].nodeId = node
            response.coordinators[index].host = "127.0.0.1"
            response.coordinators[index].port = Int32(ports[node] ?? -1)
        }
        if let key, response.errorCode == 0 {
            let node = coordinator(key) ?? -1
            response.nodeId = node
            response.host = "127.0.0.1"
            response.port = Int32(ports[node] ?? -1)
        }
    }

    /// Each broker lists only the groups it coordinates.
    func rewrite(_ response: inout ListGroupsResponse, node: Int32) {
        response.groups.removeAll { coordinator($0.groupId) != node }
    }
}

/// A fault waiting to be injected.
struct FaultRule {
    var api: ApiKey
    /// nil: whichever node receives the request.
    var node: Int32?
    var remaining: Int
    var fault: ClusterProxy.Fault
}

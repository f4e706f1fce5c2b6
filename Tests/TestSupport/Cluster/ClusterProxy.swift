import AdminCore
import NIOCore
import NIOPosix
import Synchronization

/// A Kafka cluster of several virtual brokers, for tests: each node id listens on a loopback port of its own and
/// forwards to the one real broker, so the data is real, while Metadata, FindCoordinator, DescribeCluster and
/// ListGroups are rewritten so that partition leaders and group coordinators are spread over the virtual nodes.
/// Like a real cluster it refuses a Produce, Fetch or ListOffsets partition sent to a node that does not lead it
/// (NOT_LEADER_OR_FOLLOWER) and a group request sent to a node that does not coordinate the group (NOT_COORDINATOR).
///
/// From the test: move a partition's leader or a group's coordinator, kill a node (its listener and connections
/// close; its partitions and groups fail over to live nodes) and revive it, and inject faults into the next
/// requests of an API (an error code, a delay, a lost answer, a dropped connection).
///
///     let cluster = try ClusterProxy(upstream: try BrokerHarness.bootstrap())
///     defer { cluster.stop() }
///     kafkactl topics --bootstrap-server \(cluster.address(of: 2)) ...
public final class ClusterProxy: Sendable {
    /// What to do to a request instead of (or besides) serving it.
    public enum Fault: Sendable {
        /// Answer every partition or group it names with this error, without forwarding it.
        case error(ErrorCode)
        /// Forward it and hold the answer this long.
        case delay(Duration)
        /// Forward it (the broker acts on it) and close the connection instead of answering.
        case loseAnswer
        /// Close the connection without forwarding it.
        case closeConnection
        /// Run `action` when the request arrives, then serve the request as usual: e.g. move a coordinator just as
        /// a request reaches it, which a client cannot see coming. It runs on the proxy's event loop, so it must
        /// not kill or revive nodes (those wait for that loop).
        case trigger(@Sendable () -> Void)
    }

    public let nodeIds: [Int32]
    private let group: MultiThreadedEventLoopGroup
    private let upstream: SocketAddress
    private let router: ProxyRouter
    private let listeners = Mutex<[Int32: Listener]>([:])
    /// The ports of killed nodes, held by a socket that does not listen: connecting is refused, and no listener of a
    /// test running alongside can take the port (it came from the ephemeral range) and answer in the node's place.
    private let heldPorts = Mutex<[Int32: HeldPort]>([:])

    private struct Listener {
        var server: Channel
        var connections: [ObjectIdentifier: Channel] = [:]
    }

    /// Starts `nodes` virtual brokers (ids 1...nodes) in front of the broker at `upstream` (`host:port`), presenting
    /// `release`'s API versions (see `ProxyRelease`; `brokerVersions`, the real broker's own ranges, says which
    /// requests need a `ProxyBridge`) or, when nil, the broker's own.
    public init(
        upstream: String, nodes: Int = 3, release: KafkaReleases.Release? = nil, brokerVersions: ApiVersionTable? = nil
    ) throws {
        guard let address = BrokerAddress(upstream) else { throw ProxyError("bad upstream address \(upstream)") }
        self.upstream = try SocketAddress.makeAddressResolvingHost(address.host, port: address.port)
        nodeIds = (1...nodes).map(Int32.init)
        router = ProxyRouter(nodeIds: nodeIds, release: release.map {
            ProxyRelease(release: $0, broker: brokerVersions ?? ApiVersionTable(ranges: $0.table.ranges))
        })
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            for node in nodeIds { try listen(node, port: 0) }
        } catch {
            stop()
            throw error
        }
    }

    /// The API version ranges the broker at `upstream` lists, to hand to `init(release:brokerVersions:)`.
    public static func brokerVersions(of upstream: String) async throws -> ApiVersionTable {
        guard let address = BrokerAddress(upstream) else { throw ProxyError("bad upstream address \(upstream)") }
        let client = KafkaClient(configuration: ClientConfiguration(bootstrapServers: [address]))
        do {
            let versions = try await client.anyBrokerConnection().versions
            await client.shutdown()
            return versions
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// Closes every listener and connection.
    public func stop() {
        for node in nodeIds { kill(node) }
        heldPorts.withLock { held in held.values.forEach { $0.release() }; held = [:] }
        try? group.syncShutdownGracefully()
    }

    // MARK: Addresses

    /// `127.0.0.1:<port>` of a node.
    public func address(of node: Int32) -> String {
        "127.0.0.1:\(router.cluster.withLock { $0.ports[node] ?? 0 })"
    }

    /// Every node's address, comma-separated, as `--bootstrap-server` takes a list.
    public var bootstrapList: String { nodeIds.map(address(of:)).joined(separator: ",") }

    // MARK: Moving leaders and coordinators

    public func leader(of topic: String, partition: Int32) -> Int32? {
        router.cluster.withLock { $0.leader(TopicPartition(topic, partition)) }
    }

    /// Makes `node` the leader of a partition (as a preferred-leader election or a reassignment would).
    public func moveLeader(of topic: String, partition: Int32, to node: Int32) {
        electLeader(of: topic, partition: partition, node: node)
    }

    /// Takes a partition's leader away (an election under way) until `moveLeader` or `electLeader` gives it one:
    /// Metadata says LEADER_NOT_AVAILABLE and every node refuses it with NOT_LEADER_OR_FOLLOWER.
    public func dropLeader(of topic: String, partition: Int32) {
        router.cluster.withLock { _ = $0.leaderless.insert(TopicPartition(topic, partition)) }
    }

    /// Ends an election: the partition is led by `node` (or its preferred replica).
    public func electLeader(of topic: String, partition: Int32, node: Int32? = nil) {
        router.cluster.withLock { cluster in
            let key = TopicPartition(topic, partition)
            cluster.leaderless.remove(key)
            if let node { cluster.leaderOverrides[key] = node }
        }
    }

    public func coordinator(of group: String) -> Int32? {
        router.cluster.withLock { $0.coordinator(group) }
    }

    public func moveCoordinator(of group: String, to node: Int32) {
        router.cluster.withLock { $0.coordinatorOverrides[group] = node }
    }

    // MARK: Nodes going away

    /// Stops a node: its listener closes (connecting is refused) and so does every connection to it. Its
    /// partitions and groups move to live nodes.
    public func kill(_ node: Int32) {
        router.cluster.withLock { _ = $0.down.insert(node) }
        guard let listener = listeners.withLock({ $0.removeValue(forKey: node) }) else { return }
        try? listener.server.close().wait()
        if let port = router.cluster.withLock({ $0.ports[node] }), let held = HeldPort(port: port) {
            heldPorts.withLock { $0[node] = held }
        }
        // Connections accepted from now on find no listener entry and are closed at once.
        for connection in listener.connections.values { try? connection.close().wait() }
    }

    /// Starts a killed node again on its old port.
    public func revive(_ node: Int32) throws {
        let port = router.cluster.withLock { $0.ports[node] ?? 0 }
        heldPorts.withLock { $0.removeValue(forKey: node) }?.release()
        try listen(node, port: port)
        router.cluster.withLock { _ = $0.down.remove(node) }
    }

    // MARK: Faults and counts

    /// Applies `fault` to the next `times` requests of `api` that `node` (nil: any node) receives.
    public func inject(_ fault: Fault, on api: ApiKey, node: Int32? = nil, times: Int = 1) {
        router.cluster.withLock { $0.faults.append(FaultRule(api: api, node: node, remaining: times, fault: fault)) }
    }

    /// Requests of `api` received so far (by `node`, or by every node).
    public func requestCount(_ api: ApiKey, node: Int32? = nil) -> Int {
        router.cluster.withLock { cluster in
            cluster.received.filter { $0.key.api == api && (node == nil || $0.key.node == node) }.values.reduce(0, +)
        }
    }

    /// Every partition of `topic` a Fetch asked for, at any node.
    public func fetchedPartitions(of topic: String) -> Set<Int32> {
        Set(router.cluster.withLock { $0.fetchedPartitions }.filter { $0.topic == topic }.map(\.partition))
    }

    /// The versions `api` was asked at, by any node.
    public func versionsReceived(_ api: ApiKey) -> Set<Int16> {
        router.cluster.withLock { $0.versionsReceived[api] ?? [] }
    }

    /// Requests of `api` received (by every node) before the first request of `before`, or in all if none came.
    public func requestCount(_ api: ApiKey, before: ApiKey) -> Int {
        router.cluster.withLock { cluster in
            let upTo = cluster.arrivals.firstIndex(of: before) ?? cluster.arrivals.endIndex
            return cluster.arrivals[..<upTo].filter { $0 == api }.count
        }
    }

    /// How many times the proxy itself answered `code` (routing refusals count each partition or request).
    public func refusalCount(_ code: ErrorCode) -> Int {
        router.cluster.withLock { $0.refusals[code, default: 0] }
    }

    /// Requests of `api` whose connection closed before they were answered: the client cannot know their fate.
    /// Injected faults on `api` not yet used: 0 once every one has hit a request.
    public func pendingFaults(on api: ApiKey) -> Int {
        router.cluster.withLock { $0.faults.filter { $0.api == api }.reduce(0) { $0 + $1.remaining } }
    }

    public func cutOffCount(_ api: ApiKey) -> Int {
        router.cluster.withLock { $0.cutOff[api, default: 0] }
    }

    // MARK: Listening

    private func listen(_ node: Int32, port: Int) throws {
        let router = self.router
        let upstream = self.upstream
        let server = try ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                let id = ObjectIdentifier(channel)
                let accepted = self.listeners.withLock { listeners in
                    guard listeners[node] != nil else { return false }
                    listeners[node]!.connections[id] = channel
                    return true
                }
                guard accepted else { return channel.close() }
                channel.closeFuture.whenComplete { _ in
                    self.listeners.withLock { _ = $0[node]?.connections.removeValue(forKey: id) }
                }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(KafkaFrameDecoder(maximumFrameSize: 512 << 20)))
                    try channel.pipeline.syncOperations.addHandler(ProxyConnectionHandler(node: node, router: router, upstream: upstream))
                }
            }
            .bind(host: "127.0.0.1", port: port).wait()
        listeners.withLock { $0[node] = Listener(server: server) }
        let bound = server.localAddress?.port ?? port
        router.cluster.withLock { $0.ports[node] = bound }
    }
}

public struct ProxyError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}

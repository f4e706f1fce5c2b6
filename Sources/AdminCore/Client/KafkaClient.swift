import NIOCore
import NIOPosix

/// The façade the rest of AdminCore uses: send a request and get its response, routed to the broker that must
/// answer it, at the version both sides speak, over a connection that is opened and kept for you.
public final class KafkaClient: Sendable {
    /// The broker a request resolves to. Only the client's files choose one: everyone else sends a request whose
    /// type says where it goes (see `KafkaClient+Routing.swift`).
    enum Destination: Sendable, Hashable {
        /// Any broker (the first seed that answers, or a connection already open).
        case any
        /// The controller named in Metadata (any broker when it names none).
        case controller
        /// A broker by node id.
        case node(Int32)
        /// The coordinator of a consumer group (FindCoordinator, cached until NOT_COORDINATOR).
        case coordinator(group: String)
        /// The transaction coordinator of a transactional id (FindCoordinator with key type 1, cached likewise).
        case transactionCoordinator(transactionalId: String)
    }

    /// What FindCoordinator is asked about: its key type and key. Groups and transactional ids are found and cached
    /// the same way, each kind in its own namespace (a group and a transactional id may share a name).
    struct CoordinatorKey: Sendable, Hashable {
        enum Kind: Int8, Sendable {
            case group = 0
            case transaction = 1
        }
        var kind: Kind
        var key: String

        /// How error lines name it: "group 'g'" or "transactional id 't'".
        var described: String { kind == .group ? "group '\(key)'" : "transactional id '\(key)'" }
    }

    public let configuration: ClientConfiguration
    private let eventLoopGroup: any EventLoopGroup
    /// Its own group is stopped by `shutdown`; a loop the caller runs is the caller's to stop.
    private let ownsEventLoopGroup: Bool
    private let pool: BrokerPool
    private let metadataCache = MetadataCache()

    /// One event-loop thread is plenty for a command-line run and starts fastest.
    public init(configuration: ClientConfiguration, threads: Int = 1) {
        self.configuration = configuration
        self.eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: threads)
        self.ownsEventLoopGroup = true
        self.pool = BrokerPool(configuration: configuration, eventLoopGroup: eventLoopGroup)
    }

    /// A client whose connections live on `eventLoop`, run by the caller.
    public init(configuration: ClientConfiguration, eventLoop: any EventLoop) {
        self.configuration = configuration
        self.eventLoopGroup = eventLoop
        self.ownsEventLoopGroup = false
        self.pool = BrokerPool(configuration: configuration, eventLoopGroup: eventLoop)
    }

    /// Closes every connection and stops the event loop (when the client made it). Call once, when done.
    public func shutdown() async {
        await pool.closeAll()
        if ownsEventLoopGroup { try? await eventLoopGroup.shutdownGracefully() }
    }

    /// Runs `body` with a new client for `configuration` and shuts the client down afterwards, whether `body`
    /// returned or threw: a client left running keeps its event-loop thread alive.
    public static func withClient<T: Sendable>(
        _ configuration: ClientConfiguration, _ body: (KafkaClient) async throws -> T
    ) async throws -> T {
        let client = KafkaClient(configuration: configuration)
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }

    // MARK: Sending

    /// Sends `request` to `destination` on `lane`, waiting `timeout` (the request timeout when nil) for the answer.
    func sendRouted<R: KafkaRequest>(
        _ request: R, to destination: Destination, feature: String? = nil, lane: Lane = .general, timeout: Duration? = nil
    ) async throws -> R.Response {
        try await withTransportRetries(R.apiKey, destination) {
            let connection = try await self.connection(for: destination, lane: lane)
            return try await self.settingAsideIfStalled(connection) {
                try await connection.send(request, feature: feature, timeout: timeout)
            }
        }
    }

    /// Sends a request built for the version the destination will use; for APIs whose fields change shape
    /// between versions (DeleteTopics names topics one way before v6 and another way after).
    func sendRouted<R: KafkaRequest>(
        to destination: Destination, feature: String? = nil, lane: Lane = .general, timeout: Duration? = nil,
        _ build: (Int16) throws -> R
    ) async throws -> R.Response {
        try await withTransportRetries(R.apiKey, destination) {
            let connection = try await self.connection(for: destination, lane: lane)
            let version = try connection.version(for: R.self, feature: feature)
            return try await self.settingAsideIfStalled(connection) {
                try await connection.send(build(version), version: version, timeout: timeout)
            }
        }
    }

    /// The connection a destination resolves to now.
    ///
    /// - Parameter lane: separate connections keep long requests (Produce, a long-polling Fetch, JoinGroup)
    ///   from delaying short ones on the same broker.
    func connection(for destination: Destination, lane: Lane = .general) async throws -> BrokerConnection {
        switch destination {
        case .any:
            return try await pool.anySeedConnection(orKnown: await knownBrokers())
        case .controller:
            let metadata = try await cachedMetadata()
            guard metadata.controllerId >= 0, metadata.brokers[metadata.controllerId] != nil else {
                return try await pool.anySeedConnection(orKnown: await knownBrokers())
            }
            return try await connection(for: .node(metadata.controllerId), lane: lane)
        case .node(let id):
            var metadata = try await cachedMetadata()
            if metadata.brokers[id] == nil { metadata = try await self.metadata(topics: []) }
            guard let broker = metadata.brokers[id] else {
                throw KafkactlError(.notFound, "broker \(id) is not in the cluster's metadata")
            }
            return try await pool.connection(to: broker.address, lane: lane)
        case .coordinator(let group):
            let address = try await coordinatorAddress(of: CoordinatorKey(kind: .group, key: group))
            return try await pool.connection(to: address, lane: lane)
        case .transactionCoordinator(let transactionalId):
            let address = try await coordinatorAddress(of: CoordinatorKey(kind: .transaction, key: transactionalId))
            return try await pool.connection(to: address, lane: lane)
        }
    }

    /// The brokers the last metadata named: once the cluster is known, any of them will do when the bootstrap
    /// servers are gone (a client bootstrapped from one broker must outlive that broker, as Kafka's clients do).
    private func knownBrokers() async -> [BrokerAddress] {
        await metadataCache.latest?.brokers.values.sorted { $0.nodeId < $1.nodeId }.map(\.address) ?? []
    }

    // MARK: Coordinators (groups and transactions)

    /// The address of a group's coordinator, from the cache or FindCoordinator (retrying while the coordinator is
    /// still loading or not yet elected, within the API timeout).
    public func coordinatorAddress(group: String) async throws -> BrokerAddress {
        try await coordinatorAddress(of: CoordinatorKey(kind: .group, key: group))
    }

    /// The node id of a transactional id's transaction coordinator (FindCoordinator key type 1, found and cached as
    /// a group's coordinator is), which Kafka's tools print beside its answer.
    public func transactionCoordinatorNode(transactionalId: String) async throws -> Int32 {
        let key = CoordinatorKey(kind: .transaction, key: transactionalId)
        _ = try await coordinatorAddress(of: key)
        return await metadataCache.coordinatorNode(of: key) ?? -1
    }

    /// The coordinator of `coordinator`, from the cache or FindCoordinator (v4+ names its keys in a list, earlier
    /// versions one key), retrying a retriable error under the one backoff.
    func coordinatorAddress(of coordinator: CoordinatorKey) async throws -> BrokerAddress {
        if let cached = await metadataCache.coordinator(of: coordinator) { return cached }
        var backoff = RetryBackoff(configuration)
        while true {
            let response = try await send { (version: Int16) in
                version >= 4
                    ? FindCoordinatorRequest(keyType: coordinator.kind.rawValue, coordinatorKeys: [coordinator.key])
                    : FindCoordinatorRequest(key: coordinator.key, keyType: coordinator.kind.rawValue)
            }
            let (code, message, node, host, port): (ErrorCode, String?, Int32, String, Int32)
            if let entry = response.coordinators.first {
                (code, message, node, host, port) = (ErrorCode(rawValue: entry.errorCode), entry.errorMessage, entry.nodeId, entry.host, entry.port)
            } else {
                (code, message, node, host, port) = (ErrorCode(rawValue: response.errorCode), response.errorMessage, response.nodeId, response.host, response.port)
            }
            if code == .none {
                let address = BrokerAddress(host: host, port: Int(port))
                await metadataCache.storeCoordinator(address, nodeId: node, for: coordinator)
                return address
            }
            guard code.isRetriable, backoff.canRetry else {
                throw KafkactlError.broker(code, "cannot find the coordinator of \(coordinator.described)", brokerMessage: message)
            }
            try await backoff.wait()
        }
    }

    /// Looks up every group whose coordinator is not cached in one FindCoordinator where the broker speaks v4+
    /// (KIP-699, Kafka 3.0+: a list of keys), as Kafka's admin client batches them: 1,000 groups are one request,
    /// not 1,000. What it finds is cached; a key answered with an error, or every key but the first before v4, is
    /// left to the per-group lookup, which retries under the one backoff.
    func findCoordinatorsAtOnce(_ groups: Set<String>) async {
        var uncached: [String] = []
        for group in groups.sorted() where await metadataCache.coordinator(of: CoordinatorKey(kind: .group, key: group)) == nil {
            uncached.append(group)
        }
        guard uncached.count > 1 else { return }
        let keys = uncached
        guard let response = try? await send({ (version: Int16) in
            version >= 4
                ? FindCoordinatorRequest(keyType: CoordinatorKey.Kind.group.rawValue, coordinatorKeys: keys)
                : FindCoordinatorRequest(key: keys[0], keyType: CoordinatorKey.Kind.group.rawValue)
        }) else { return }
        if response.coordinators.isEmpty {
            guard ErrorCode(rawValue: response.errorCode) == .none else { return }
            await metadataCache.storeCoordinator(BrokerAddress(host: response.host, port: Int(response.port)), nodeId: response.nodeId,
                                                 for: CoordinatorKey(kind: .group, key: keys[0]))
            return
        }
        for entry in response.coordinators where ErrorCode(rawValue: entry.errorCode) == .none && !entry.key.isEmpty {
            await metadataCache.storeCoordinator(BrokerAddress(host: entry.host, port: Int(entry.port)), nodeId: entry.nodeId,
                                                 for: CoordinatorKey(kind: .group, key: entry.key))
        }
    }

    /// Forgets a group's coordinator after NOT_COORDINATOR (or a lost connection), so the next request finds it anew.
    public func invalidateCoordinator(group: String) async {
        await metadataCache.forgetCoordinator(of: CoordinatorKey(kind: .group, key: group))
    }

    /// Forgets a transactional id's coordinator after NOT_COORDINATOR, as `invalidateCoordinator(group:)` does.
    public func invalidateTransactionCoordinator(transactionalId: String) async {
        await metadataCache.forgetCoordinator(of: CoordinatorKey(kind: .transaction, key: transactionalId))
    }

    /// Requests that change nothing may be sent again after a connection drops; changes are not, since the
    /// broker may have applied them, and a repeat could turn success into an error (or do it twice).
    private static let mutatingApis: Set<ApiKey> = [
        .produce, .createTopics, .deleteTopics, .createPartitions, .alterConfigs, .incrementalAlterConfigs,
        .offsetCommit, .deleteGroups, .deleteRecords, .offsetDelete, .initProducerId, .joinGroup, .syncGroup,
        .leaveGroup, .consumerGroupHeartbeat, .writeTxnMarkers,
    ]

    /// A broker that leaves a request unanswered past `request.timeout.ms` is stalled: its connection is closed
    /// (a late answer would otherwise hold up every later request on it) and, for requests any broker can answer,
    /// its address is tried last, as Kafka's clients disconnect a node whose request timed out.
    private func settingAsideIfStalled<T>(_ connection: BrokerConnection, _ send: () async throws -> T) async throws -> T {
        do {
            return try await send()
        } catch let error as KafkactlError where error.category == .timeout {
            await pool.setAside(connection)
            throw SetAside(error: error, address: connection.address)
        }
    }

    /// A request timed out on an open connection, which was then closed (see `settingAsideIfStalled`).
    private struct SetAside: Error {
        var error: KafkactlError
        var address: BrokerAddress
    }

    /// Whether a broker other than `address` is known (a seed, or named by metadata).
    private func knowsAnotherBroker(than address: BrokerAddress) async -> Bool {
        (configuration.bootstrapServers + (await knownBrokers())).contains { $0 != address }
    }

    private func withTransportRetries<T>(
        _ apiKey: ApiKey, _ destination: Destination, _ operation: () async throws -> T
    ) async throws -> T {
        var attempt = 1
        var backoff = RetryBackoff(configuration)
        while true {
            do {
                return try await operation()
            } catch let stalled as SetAside {
                // A stalled broker was set aside: another one may answer a request for any broker (no backoff, the
                // timeout was the wait). With no other broker known, or for anything else, the timeout stands.
                guard attempt < 3, destination == .any, !Self.mutatingApis.contains(apiKey), !backoff.expired,
                    await knowsAnotherBroker(than: stalled.address)
                else { throw stalled.error }
                attempt += 1
            } catch let error as KafkactlError where error.transport != nil && attempt < 3 {
                // The pool already tried every address for the connect timeout; a change may have reached the broker
                // before its connection dropped, so it is not sent twice.
                if error.transport == .noBrokerReachable || Self.mutatingApis.contains(apiKey) { throw error }
                attempt += 1
                try await backoff.wait()
            }
        }
    }

    // MARK: Metadata

    /// Fresh metadata for `topics` (nil: every topic; empty: brokers only). Never creates topics.
    /// - Parameter allowAutoTopicCreation: what producers send (true), so that a broker that auto-creates
    ///   topics does so; admin commands never ask for it.
    public func metadata(topics: [String]?, allowAutoTopicCreation: Bool = false) async throws -> ClusterMetadata {
        let request = MetadataRequest(
            topics: topics?.map { MetadataRequest.MetadataRequestTopic(name: $0) },
            allowAutoTopicCreation: allowAutoTopicCreation)
        let metadata = ClusterMetadata(try await send(request))
        await metadataCache.store(metadata, allTopics: topics == nil)
        return metadata
    }

    /// Metadata naming every one of `topics` (nil: every topic), each with a leader for every partition: the answer
    /// this client already holds when it is younger than `maxAge` and not marked stale, else a fresh one.
    ///
    /// The steps of one command that each need the leaders (the partitions to read, their start offsets, the first
    /// Fetch) share one Metadata round trip this way. A step that met a stale answer (NOT_LEADER_OR_FOLLOWER, an
    /// unknown partition) asks `metadata(topics:)` for a fresh one, as Kafka's clients refresh on those errors.
    public func metadata(covering topics: [String]?, maxAge: Duration = .seconds(30)) async throws -> ClusterMetadata {
        if let cached = await metadataCache.fresh(covering: topics, maxAge: maxAge) { return cached }
        return try await metadata(topics: topics)
    }

    /// Makes the next `metadata(covering:)` ask the cluster again: the shell calls this before each command, so a
    /// command never plans from what an earlier one saw.
    public func markMetadataStale() async {
        await metadataCache.markStale()
    }

    /// The last metadata seen, fetched (brokers only) if there is none yet.
    public func cachedMetadata() async throws -> ClusterMetadata {
        if let metadata = await metadataCache.latest { return metadata }
        return try await metadata(topics: [])
    }
}

public typealias Lane = BrokerPool.Lane

/// The newest metadata this client has seen, for routing.
actor MetadataCache {
    private(set) var latest: ClusterMetadata?
    /// When `latest` arrived; nil once it is marked stale (it still routes, but plans nothing).
    private var fetchedAt: ContinuousClock.Instant?
    /// Whether `latest` answered a request for every topic, so it also says which topics do not exist.
    private var coversAllTopics = false
    private var coordinators: [KafkaClient.CoordinatorKey: BrokerAddress] = [:]
    private var coordinatorNodes: [KafkaClient.CoordinatorKey: Int32] = [:]

    func store(_ metadata: ClusterMetadata, allTopics: Bool) {
        latest = metadata
        fetchedAt = .now
        coversAllTopics = allTopics
    }

    func markStale() {
        fetchedAt = nil
    }

    /// `latest`, if it is young enough and names each of `topics` (nil: all) with a leader for every partition.
    func fresh(covering topics: [String]?, maxAge: Duration) -> ClusterMetadata? {
        guard let latest, let fetchedAt, ContinuousClock.now - fetchedAt < maxAge else { return nil }
        guard let topics else { return coversAllTopics ? latest : nil }
        let complete = topics.allSatisfy { name in
            guard let topic = latest.topics[name], topic.error == .none, !topic.partitions.isEmpty else { return false }
            return topic.partitions.allSatisfy { $0.leader >= 0 && $0.error == .none }
        }
        return complete ? latest : nil
    }

    func coordinator(of key: KafkaClient.CoordinatorKey) -> BrokerAddress? { coordinators[key] }

    func coordinatorNode(of key: KafkaClient.CoordinatorKey) -> Int32? { coordinatorNodes[key] }

    func storeCoordinator(_ address: BrokerAddress, nodeId: Int32, for key: KafkaClient.CoordinatorKey) {
        coordinators[key] = address
        coordinatorNodes[key] = nodeId
    }

    func forgetCoordinator(of key: KafkaClient.CoordinatorKey) {
        coordinators[key] = nil
        coordinatorNodes[key] = nil
    }
}

/// One `send` per route marker (see `KafkaMessage.swift`): the request's type decides where it goes, so no call site
/// outside the client picks a broker. Each resolves the broker, negotiates the version and applies the client's
/// transport retries (`sendRouted`).
extension KafkaClient {
    // MARK: Any broker

    public func send<R: AnyBrokerRequest>(_ request: R, feature: String? = nil) async throws -> R.Response {
        try await sendRouted(request, to: .any, feature: feature)
    }

    /// Builds the request for the version the broker will speak (for APIs whose fields change between versions).
    public func send<R: AnyBrokerRequest>(feature: String? = nil, _ build: (Int16) throws -> R) async throws -> R.Response {
        try await sendRouted(to: .any, feature: feature, build)
    }

    /// Whether the broker such a request would reach offers the API at a version kafkactl speaks.
    public func supports<R: AnyBrokerRequest>(_ type: R.Type) async throws -> Bool {
        try await connection(for: .any).versions.version(for: R.self) != nil
    }

    /// A connection to any broker, for tests of connecting and for reading its offered versions.
    public func anyBrokerConnection() async throws -> BrokerConnection {
        try await connection(for: .any)
    }

    // MARK: The controller

    public func send<R: ControllerRequest>(_ request: R, feature: String? = nil) async throws -> R.Response {
        try await sendRouted(request, to: .controller, feature: feature)
    }

    public func send<R: ControllerRequest>(feature: String? = nil, _ build: (Int16) throws -> R) async throws -> R.Response {
        try await sendRouted(to: .controller, feature: feature, build)
    }

    // MARK: A group's coordinator

    /// - Parameters:
    ///   - lane: `.group` for a member's JoinGroup/SyncGroup, which the coordinator holds for a whole rebalance.
    ///   - timeout: how long the coordinator may hold it (the request timeout when nil).
    public func send<R: GroupCoordinatorRequest>(
        _ request: R, feature: String? = nil, lane: Lane = .general, timeout: Duration? = nil
    ) async throws -> R.Response {
        try await sendRouted(request, to: .coordinator(group: request.coordinatorGroup), feature: feature, lane: lane, timeout: timeout)
    }

    /// Builds the request for the version `group`'s coordinator will speak.
    public func send<R: GroupCoordinatorRequest>(
        coordinatorOf group: String, feature: String? = nil, lane: Lane = .general, timeout: Duration? = nil,
        _ build: (Int16) throws -> R
    ) async throws -> R.Response {
        try await sendRouted(to: .coordinator(group: group), feature: feature, lane: lane, timeout: timeout) { version in
            let request = try build(version)
            precondition(request.coordinatorGroup == group, "a request for \(group)'s coordinator names \(request.coordinatorGroup)")
            return request
        }
    }

    /// The API versions (and address, for messages) of `group`'s coordinator, to choose between APIs before sending.
    public func versions(ofCoordinatorOf group: String) async throws -> (versions: ApiVersionTable, address: BrokerAddress) {
        let connection = try await connection(for: .coordinator(group: group))
        return (connection.versions, connection.address)
    }

    // MARK: A transactional id's coordinator

    public func send<R: TransactionCoordinatorRequest>(_ request: R, feature: String? = nil) async throws -> R.Response {
        let destination = request.coordinatorTransactionalId.map { Destination.transactionCoordinator(transactionalId: $0) } ?? .any
        return try await sendRouted(request, to: destination, feature: feature)
    }

    /// Sends `request` until its answer is final: after NOT_COORDINATOR or COORDINATOR_NOT_AVAILABLE the coordinator is
    /// found again, and the answers Kafka's producer waits out (the coordinator loading, the previous transaction
    /// still being completed: CONCURRENT_TRANSACTIONS, any other retriable code) are asked again with the client's
    /// backoff, until `deadline`. Returns the last answer: its code (`errorCode`) is the caller's to read.
    public func untilFinal<R: TransactionCoordinatorRequest>(
        _ request: R, feature: String? = nil, deadline: ContinuousClock.Instant, errorCode: (R.Response) -> ErrorCode
    ) async throws -> R.Response {
        var backoff = RetryBackoff(configuration, deadline: deadline)
        while true {
            let response = try await send(request, feature: feature)
            let code = errorCode(response)
            let askAgain = code.retryAction != .fail || code == .concurrentTransactions
            guard code != .none, askAgain, backoff.canRetry else { return response }
            if code == .notCoordinator || code == .coordinatorNotAvailable, let id = request.coordinatorTransactionalId {
                await invalidateTransactionCoordinator(transactionalId: id)
            }
            try await backoff.wait()
        }
    }

    /// The API versions (and address, for messages) of `transactionalId`'s coordinator, to check before sending.
    public func versions(ofTransactionCoordinatorOf transactionalId: String) async throws -> (versions: ApiVersionTable, address: BrokerAddress) {
        let connection = try await connection(for: .transactionCoordinator(transactionalId: transactionalId))
        return (connection.versions, connection.address)
    }

    // MARK: One broker's own answer

    public func send<R: BrokerLocalRequest>(_ request: R, to node: Int32, feature: String? = nil) async throws -> R.Response {
        try await sendRouted(request, to: .node(node), feature: feature)
    }

    public func send<R: BrokerLocalRequest>(
        to node: Int32, feature: String? = nil, _ build: (Int16) throws -> R
    ) async throws -> R.Response {
        try await sendRouted(to: .node(node), feature: feature, build)
    }

    /// The versions a broker offered when kafkactl connected to it (its ApiVersions answer), which are what kafkactl
    /// negotiates with there.
    public func apiVersions(ofBroker node: Int32) async throws -> ApiVersionTable {
        try await connection(for: .node(node)).versions
    }

    /// Runs `body` for every broker in the cluster's metadata, concurrently, and returns each broker's value by node
    /// id; the first failure fails the call. Kafka's tools ask every broker for what each one holds alone (its
    /// groups, its API versions, its log directories).
    public func onEveryBroker<T: Sendable>(
        _ body: @escaping @Sendable (_ node: Int32) async throws -> T
    ) async throws -> [Int32: T] {
        let nodes = try await metadata(covering: []).brokers.keys
        return try await withThrowingTaskGroup(of: (Int32, T).self) { group in
            for node in nodes { group.addTask { (node, try await body(node)) } }
            var values: [Int32: T] = [:]
            for try await (node, value) in group { values[node] = value }
            return values
        }
    }

    // MARK: A config resource's owner

    public func send<R: ConfigResourceRequest>(_ request: R, feature: String? = nil) async throws -> R.Response {
        try await sendRouted(request, to: Self.destination(ofConfigOwner: request.configOwner), feature: feature)
    }

    /// The API versions (and address, for messages) of the broker that answers for a config resource of `owner`.
    public func versions(ofConfigOwner owner: Int32?) async throws -> (versions: ApiVersionTable, address: BrokerAddress) {
        let connection = try await connection(for: Self.destination(ofConfigOwner: owner))
        return (connection.versions, connection.address)
    }

    private static func destination(ofConfigOwner owner: Int32?) -> Destination {
        owner.map { .node($0) } ?? .any
    }

    // MARK: Partition leaders

    /// The connection to a partition leader, which the producer and consumer keep for their own Produce and Fetch
    /// loops (one per leader, on their own lane).
    public func leaderConnection(_ leader: Int32, lane: Lane) async throws -> BrokerConnection {
        try await connection(for: .node(leader), lane: lane)
    }
}

import NIOCore
import NIOSSL

/// The connections of one client: one per broker and lane, opened on first use (single-flight, so concurrent
/// callers share one connect) and reopened when they close.
public actor BrokerPool {
    /// Separate connections keep slow requests from delaying quick ones: a long-polling Fetch or a
    /// JoinGroup that waits for a rebalance must not hold up a heartbeat or a metadata refresh.
    public enum Lane: Hashable, Sendable { case general, produce, fetch, group }

    private struct Key: Hashable {
        var address: BrokerAddress
        var lane: Lane
    }

    private let configuration: ClientConfiguration
    private let eventLoopGroup: EventLoopGroup
    private var connections: [Key: Task<BrokerConnection, Error>] = [:]
    /// The seed that answered last, tried first next time.
    private var preferredSeed: BrokerAddress?
    /// The seed search under way, which later callers join (see `anySeedConnection`).
    private var seedSearch: Task<BrokerConnection, Error>?
    /// A broker whose request timed out, tried last by `anySeedConnection` (see `setAside`).
    private var stalled: BrokerAddress?
    /// Loaded once (CAs, client certificate and key) and shared by every TLS connection of this client.
    private var tlsContext: NIOSSLContext?

    init(configuration: ClientConfiguration, eventLoopGroup: EventLoopGroup) {
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
    }

    /// A connection to `address`, opened if needed.
    func connection(to address: BrokerAddress, lane: Lane = .general) async throws -> BrokerConnection {
        let key = Key(address: address, lane: lane)
        if let existing = connections[key] {
            if let connection = try? await existing.value, connection.isActive { return connection }
            // Re-check after the await: another caller may already have replaced the dead connection.
            if let current = connections[key], current != existing {
                return try await current.value
            }
        }
        let configuration = self.configuration
        let group = eventLoopGroup
        let tls = try sharedTLSContext()
        let task = Task {
            try await BrokerConnection.connect(to: address, configuration: configuration, eventLoopGroup: group, tlsContext: tls)
        }
        connections[key] = task
        do {
            return try await task.value
        } catch {
            if connections[key] == task { connections[key] = nil }
            throw error
        }
    }

    /// A connection to any seed broker, trying them in order (the last one that answered first), then the brokers
    /// in `known` (from metadata) that are not seeds, and all again with backoff until
    /// `socket.connection.setup.timeout.ms` has passed. Names every address on failure.
    ///
    /// Callers that arrive while a search is under way wait for it instead of starting their own: requests made
    /// together (a producer's first batches, the shell's name cache next to a command) share one outcome, and a
    /// cluster that is down is reported once, after one connect timeout.
    func anySeedConnection(orKnown known: [BrokerAddress] = []) async throws -> BrokerConnection {
        for (key, task) in connections where key.lane == .general {
            if let connection = try? await task.value, connection.isActive { return connection }
        }
        let search: Task<BrokerConnection, Error>
        if let current = seedSearch {
            search = current
        } else {
            search = Task { try await self.searchSeeds(orKnown: known) }
            seedSearch = search
        }
        do {
            let connection = try await withTaskCancellationHandler { try await search.value } onCancel: { search.cancel() }
            if seedSearch == search { seedSearch = nil }
            return connection
        } catch is CancellationError where !Task.isCancelled {
            // Another caller was cancelled (Ctrl-C in the shell) and the search with it; this one still wants a
            // connection.
            if seedSearch == search { seedSearch = nil }
            return try await anySeedConnection(orKnown: known)
        } catch {
            if seedSearch == search { seedSearch = nil }
            throw error
        }
    }

    /// How long a search keeps retrying while every address refuses the connection.
    static let refusedRetryWindow: Duration = .seconds(1)

    /// The search itself: every seed, then the known brokers, with backoff until the connect timeout (or, while
    /// every address refuses, `refusedRetryWindow`).
    private func searchSeeds(orKnown known: [BrokerAddress]) async throws -> BrokerConnection {
        var seeds = configuration.bootstrapServers
        seeds += known.filter { !seeds.contains($0) }
        if let preferred = preferredSeed, let index = seeds.firstIndex(of: preferred) {
            seeds.insert(seeds.remove(at: index), at: 0)
        }
        if let stalled, let index = seeds.firstIndex(of: stalled) {
            seeds.append(seeds.remove(at: index))
        }
        let started = ContinuousClock.now
        var backoff = RetryBackoff(configuration, deadline: started + configuration.connectTimeout)
        var failures: [String] = []
        while true {
            failures.removeAll()
            var everyOneRefused = true
            for seed in seeds {
                do {
                    let connection = try await connection(to: seed)
                    preferredSeed = seed
                    return connection
                } catch let error as KafkactlError where error.category == .unreachable {
                    failures.append(error.message.replacingPrefix("cannot connect to ", with: ""))
                    if error.connectFailure != .refused { everyOneRefused = false }
                }
            }
            try Task.checkCancellation()
            // Refused everywhere is an answer: nothing listens. A broker restarting gets a brief retry, not the
            // whole connect timeout, which is for addresses that do not answer at all.
            let giveUp = everyOneRefused ? min(backoff.deadline, started + Self.refusedRetryWindow) : backoff.deadline
            if ContinuousClock.now + backoff.next >= giveUp { break }
            try await backoff.wait()
        }
        throw KafkactlError(
            .unreachable,
            "no broker reachable at \(seeds.map(\.description).joined(separator: ",")) (\(failures.joined(separator: "; "))); check --bootstrap-server and that the broker is running",
            transport: .noBrokerReachable)
    }

    /// Closes a connection whose request timed out, so no later request waits behind the late answer, and has
    /// `anySeedConnection` try its broker last.
    func setAside(_ connection: BrokerConnection) async {
        for (key, task) in connections {
            if let open = try? await task.value, open === connection { connections[key] = nil }
        }
        stalled = connection.address
        if preferredSeed == connection.address { preferredSeed = nil }
        await connection.close()
    }

    private func sharedTLSContext() throws -> NIOSSLContext? {
        guard let settings = configuration.security.tls else { return nil }
        if let tlsContext { return tlsContext }
        let context = try settings.makeContext()
        tlsContext = context
        return context
    }

    func closeAll() async {
        let tasks = connections.values
        connections.removeAll()
        for task in tasks {
            if let connection = try? await task.value { await connection.close() }
        }
    }
}

extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}

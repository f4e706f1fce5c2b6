/// The one retry policy of AdminCore (issue 17): what a broker's error code asks of the client, and how long to
/// wait before asking again. Every retry loop uses these two, so the backoff, its cap and the deadline mean the same
/// everywhere: `retry.backoff.ms` doubling up to `retry.backoff.max.ms`, within the operation's deadline
/// (`default.api.timeout.ms`, or the producer's `max.block.ms` / `delivery.timeout.ms`).
public enum RetryAction: Sendable, Equatable {
    /// The request may succeed as it is, after a backoff.
    case retry
    /// The partition's leader moved or is being elected: refresh the metadata, then send to the new leader.
    case refreshMetadata
    /// The group's coordinator moved or is loading: find it again, then retry.
    case findCoordinator
    /// Sending again will not help.
    case fail
}

extension ErrorCode {
    /// What the client does after this code. Kafka's own table (`isRetriable`) decides whether a retry can help;
    /// these codes say where the request must go next.
    public var retryAction: RetryAction {
        switch self {
        case .notLeaderOrFollower, .leaderNotAvailable, .fencedLeaderEpoch, .unknownLeaderEpoch, .notController,
             .unknownTopicOrPartition:
            return .refreshMetadata
        case .notCoordinator, .coordinatorNotAvailable, .coordinatorLoadInProgress:
            return .findCoordinator
        default:
            return isRetriable ? .retry : .fail
        }
    }

    /// NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE or COORDINATOR_LOAD_IN_PROGRESS.
    public var isCoordinatorError: Bool { retryAction == .findCoordinator }
}

/// The wait between attempts: `retry.backoff.ms`, doubled after each wait up to `retry.backoff.max.ms`, and never
/// past the deadline.
public struct RetryBackoff: Sendable {
    public let deadline: ContinuousClock.Instant
    private let initial: Duration
    private let maximum: Duration
    /// The wait `wait()` will take next.
    public private(set) var next: Duration

    public init(_ configuration: ClientConfiguration, deadline: ContinuousClock.Instant) {
        self.deadline = deadline
        initial = configuration.retryBackoff
        maximum = configuration.retryBackoffMax
        next = initial
    }

    /// Within the API timeout (`default.api.timeout.ms`) from now.
    public init(_ configuration: ClientConfiguration) {
        self.init(configuration, deadline: .now + configuration.apiTimeout)
    }

    /// Whether another attempt still fits: the next wait ends before the deadline.
    public var canRetry: Bool { ContinuousClock.now + next < deadline }

    /// Whether the deadline has passed.
    public var expired: Bool { ContinuousClock.now >= deadline }

    /// Waits the next backoff, then doubles it (up to the cap). Throws CancellationError when cancelled.
    public mutating func wait() async throws {
        try await Task.sleep(for: next)
        next = min(next * 2, maximum)
    }

    /// The wait before attempt `attempt + 1` of something that keeps its own count (a producer batch): the same
    /// doubling, from the same start, to the same cap.
    public static func delay(afterAttempt attempt: Int, _ configuration: ClientConfiguration) -> Duration {
        min(configuration.retryBackoff * (1 << min(max(attempt - 1, 0), 20)), configuration.retryBackoffMax)
    }

    /// Back to the first, shortest wait: after progress, the next failure is a new one.
    public mutating func reset() {
        next = initial
    }
}

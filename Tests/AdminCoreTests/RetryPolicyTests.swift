import Testing

@testable import AdminCore

/// The one retry policy (issue 17): the error table's decision and the backoff every retry loop waits.
@Suite struct RetryPolicyTests {
    @Test func theErrorCodeSaysWhereTheRequestGoesNext() {
        #expect(ErrorCode.notLeaderOrFollower.retryAction == .refreshMetadata)
        #expect(ErrorCode.leaderNotAvailable.retryAction == .refreshMetadata)
        #expect(ErrorCode.fencedLeaderEpoch.retryAction == .refreshMetadata)
        #expect(ErrorCode.notController.retryAction == .refreshMetadata)
        #expect(ErrorCode.notCoordinator.retryAction == .findCoordinator)
        #expect(ErrorCode.coordinatorLoadInProgress.retryAction == .findCoordinator)
        #expect(ErrorCode.coordinatorNotAvailable.retryAction == .findCoordinator)
        #expect(ErrorCode.requestTimedOut.retryAction == .retry)
        #expect(ErrorCode.topicAlreadyExists.retryAction == .fail)
        #expect(ErrorCode.groupAuthorizationFailed.retryAction == .fail)
        #expect(ErrorCode(rawValue: 9999).retryAction == .fail)
        // Whatever the client does about it, a code Kafka calls non-retriable is never retried as it is.
        for raw in Int16(-1)...Int16(133) {
            let code = ErrorCode(rawValue: raw)
            if code.retryAction == .retry { #expect(code.isRetriable, "\(code.name)") }
        }
    }

    @Test func theBackoffDoublesUpToTheCapAndStopsBeforeTheDeadline() async throws {
        var configuration = ClientConfiguration(bootstrapServers: [])
        configuration.retryBackoff = .milliseconds(10)
        configuration.retryBackoffMax = .milliseconds(40)
        #expect((1...5).map { RetryBackoff.delay(afterAttempt: $0, configuration) }
            == [.milliseconds(10), .milliseconds(20), .milliseconds(40), .milliseconds(40), .milliseconds(40)])
        #expect(RetryBackoff.delay(afterAttempt: 200, configuration) == .milliseconds(40))

        // The instance waits the same sequence (no wall-clock assertions: this machine is busy).
        var backoff = RetryBackoff(configuration, deadline: .now + .seconds(3600))
        var seen: [Duration] = []
        for _ in 0..<4 {
            seen.append(backoff.next)
            try await backoff.wait()
        }
        #expect(seen == (1...4).map { RetryBackoff.delay(afterAttempt: $0, configuration) })
        #expect(backoff.canRetry)
        backoff.reset()
        #expect(backoff.next == .milliseconds(10))
        // A wait that would end past the deadline is not offered.
        #expect(!RetryBackoff(configuration, deadline: .now + .milliseconds(5)).canRetry)

        var fresh = RetryBackoff(configuration, deadline: .now - .milliseconds(1))
        #expect(fresh.expired && !fresh.canRetry)
        fresh.reset()
        #expect(!fresh.canRetry)
    }
}

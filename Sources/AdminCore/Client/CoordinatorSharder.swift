/// One group's answer within a coordinator's response: its error code (read for "the coordinator moved") and the
/// value the caller keeps.
public struct GroupAnswer<Value: Sendable>: Sendable {
    public var group: String
    public var code: ErrorCode
    public var value: Value

    public init(group: String, code: ErrorCode, value: Value) {
        self.group = group
        self.code = code
        self.value = value
    }
}

extension KafkaClient {
    /// A per-group operation at the groups' coordinators, to completion, as Kafka's admin client runs DescribeGroups
    /// and DeleteGroups: the groups are split by coordinator (FindCoordinator for those not cached, concurrently),
    /// one request per coordinator names all of its groups, and the coordinators are asked at the same time. A group
    /// whose answer says its coordinator moved or is loading, or whose coordinator's connection was lost, is found
    /// again and asked again under the one backoff, within the API timeout.
    ///
    /// - Parameters:
    ///   - feature: what the user asked for, named when the coordinator lacks the API.
    ///   - batches: whether a request at this version may name several groups (OffsetFetch only from v8); when
    ///     not, the coordinator gets one request per group.
    ///   - answers: each group's answer in a response; `groups` are the groups the request named, for brokers that
    ///     answer without echoing a group's id.
    /// - Returns: each group's value, whatever its code other than a coordinator error; a failure for a group whose
    ///   coordinator could not be found, did not settle or could not be reached.
    public func onCoordinators<R: GroupCoordinatorRequest, Value: Sendable>(
        _ groups: [String],
        feature: String? = nil,
        batches: @escaping @Sendable (_ version: Int16) -> Bool = { _ in true },
        build: @escaping @Sendable (_ version: Int16, _ groups: [String]) -> R,
        answers: @escaping @Sendable (_ response: R.Response, _ groups: [String]) -> [GroupAnswer<Value>]
    ) async throws -> [String: Result<Value, KafkactlError>] {
        var results: [String: Result<Value, KafkactlError>] = [:]
        var remaining = Set(groups)
        var backoff = RetryBackoff(configuration)
        while !remaining.isEmpty {
            let (shards, unfound) = await groupsByCoordinator(remaining)
            for (group, error) in unfound {
                results[group] = .failure(error)
                remaining.remove(group)
            }
            var retry = false
            for (shard, outcome) in try await askCoordinators(shards, feature: feature, batches: batches, build: build, answers: answers) {
                switch outcome {
                case .failure(let error):
                    for group in shard { await invalidateCoordinator(group: group) }
                    if backoff.canRetry {
                        retry = true
                    } else {
                        for group in shard { results[group] = .failure(error) }
                        remaining.subtract(shard)
                    }
                case .success(let answered):
                    for answer in answered where remaining.contains(answer.group) {
                        if answer.code.isCoordinatorError {
                            await invalidateCoordinator(group: answer.group)
                            if backoff.canRetry { retry = true; continue }
                            results[answer.group] = .failure(.broker(answer.code, "the coordinator of group '\(answer.group)' did not settle"))
                        } else {
                            results[answer.group] = .success(answer.value)
                        }
                        remaining.remove(answer.group)
                    }
                }
            }
            guard !remaining.isEmpty else { break }
            if !retry {
                // A coordinator that answered without naming a group it was asked about.
                for group in remaining {
                    results[group] = .failure(KafkactlError(.internal, "the broker did not answer \(R.apiKey.name) for group '\(group)'"))
                }
                break
            }
            try await backoff.wait()
        }
        return results
    }

    /// One group's request at its coordinator, under the same finding-again and backoff as `onCoordinators`: for
    /// requests about a single group (a commit, an offset deletion, ConsumerGroupDescribe).
    ///
    /// - Parameter coordinatorError: the answer's coordinator error (NOT_COORDINATOR, COORDINATOR_LOAD_IN_PROGRESS,
    ///   ...), if any, which sends the request again; every other code is the caller's to read.
    public func onCoordinator<R: GroupCoordinatorRequest>(
        of group: String,
        feature: String? = nil,
        build: @escaping @Sendable (_ version: Int16) -> R,
        coordinatorError: @escaping @Sendable (R.Response) -> ErrorCode?
    ) async throws -> R.Response where R.Response: Sendable {
        let answered = try await onCoordinators(
            [group], feature: feature, build: { version, _ in build(version) },
            answers: { (response: R.Response, groups: [String]) in
                [GroupAnswer(group: groups[0], code: coordinatorError(response) ?? .none, value: response)]
            })
        guard let result = answered[group] else {
            throw KafkactlError(.internal, "the broker did not answer \(R.apiKey.name) for group '\(group)'")
        }
        return try result.get()
    }

    /// The groups by coordinator address; a group whose coordinator cannot be found comes back with the error.
    private func groupsByCoordinator(
        _ groups: Set<String>
    ) async -> (shards: [[String]], unfound: [String: KafkactlError]) {
        await findCoordinatorsAtOnce(groups)
        let found = await withTaskGroup(of: (String, Result<BrokerAddress, KafkactlError>).self) { tasks in
            for group in groups {
                tasks.addTask {
                    do {
                        return (group, .success(try await self.coordinatorAddress(group: group)))
                    } catch let error as KafkactlError {
                        return (group, .failure(error))
                    } catch {
                        return (group, .failure(KafkactlError(.internal, "\(error)")))
                    }
                }
            }
            var all: [(String, Result<BrokerAddress, KafkactlError>)] = []
            for await entry in tasks { all.append(entry) }
            return all
        }
        var byAddress: [BrokerAddress: [String]] = [:]
        var unfound: [String: KafkactlError] = [:]
        for (group, result) in found {
            switch result {
            case .success(let address): byAddress[address, default: []].append(group)
            case .failure(let error): unfound[group] = error
            }
        }
        return (byAddress.values.map { $0.sorted() }, unfound)
    }

    /// Sends each shard to its coordinator, concurrently. A lost or refused connection is that shard's outcome (to be
    /// retried); any other failure fails the call, as a failed `send` would.
    private func askCoordinators<R: GroupCoordinatorRequest, Value: Sendable>(
        _ shards: [[String]],
        feature: String?,
        batches: @escaping @Sendable (Int16) -> Bool,
        build: @escaping @Sendable (Int16, [String]) -> R,
        answers: @escaping @Sendable (R.Response, [String]) -> [GroupAnswer<Value>]
    ) async throws -> [([String], Result<[GroupAnswer<Value>], KafkactlError>)] {
        try await withThrowingTaskGroup(of: ([String], Result<[GroupAnswer<Value>], KafkactlError>).self) { tasks in
            for shard in shards {
                tasks.addTask {
                    do {
                        let version = try await self.connection(for: .coordinator(group: shard[0])).version(for: R.self, feature: feature)
                        var answered: [GroupAnswer<Value>] = []
                        for requestGroups in batches(version) ? [shard] : shard.map({ [$0] }) {
                            let response = try await self.sendRouted(to: .coordinator(group: requestGroups[0])) { version in
                                build(version, requestGroups)
                            }
                            answered += answers(response, requestGroups)
                        }
                        return (shard, .success(answered))
                    } catch let error as KafkactlError where error.category == .unreachable {
                        return (shard, .failure(error))
                    }
                }
            }
            var outcomes: [([String], Result<[GroupAnswer<Value>], KafkactlError>)] = []
            for try await outcome in tasks { outcomes.append(outcome) }
            return outcomes
        }
    }
}

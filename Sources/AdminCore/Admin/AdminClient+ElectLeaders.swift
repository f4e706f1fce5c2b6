/// Which replica an election may choose: the preferred one (the first in the replica list), or, unclean, any live
/// replica when no in-sync one is left (records may be lost).
public enum ElectionType: Int8, Sendable, Hashable, CaseIterable {
    case preferred = 0
    case unclean = 1

    /// Kafka's ElectionType name, as kafka-leader-election.sh prints it.
    public var name: String { self == .preferred ? "PREFERRED" : "UNCLEAN" }
}

/// What an election did for one partition; a failure's message is the broker's reason and code, without the
/// partition.
public enum ElectionOutcome: Sendable, Equatable {
    case elected
    /// The partition already has the leader the election would choose (ELECTION_NOT_NEEDED).
    case notNeeded
    case failed(KafkactlError)
}

extension AdminClient {
    /// Elects leaders (ElectLeaders, key 43, at the controller) for `partitions`, or every partition when nil.
    /// Kafka 2.2-2.3 offer only v0 (ElectPreferredLeaders), which cannot ask for an unclean election.
    public func electLeaders(_ type: ElectionType, partitions: [TopicPartition]?) async throws -> [TopicPartition: ElectionOutcome] {
        let request = ElectLeadersRequest(
            electionType: type.rawValue,
            topicPartitions: partitions.map { partitions in
                Dictionary(grouping: partitions, by: \.topic).sorted { $0.key < $1.key }.map { topic, partitions in
                    .init(topic: topic, partitions: partitions.map(\.partition).sorted())
                }
            },
            // The controller waits up to this long for the new leaders to be in place.
            timeoutMs: Int32(clamping: client.configuration.requestTimeout.milliseconds))
        let response = try await client.send(feature: "electing leaders") { (version: Int16) -> ElectLeadersRequest in
            // v0 has no ElectionType: refuse before anything is sent rather than elect the preferred leader instead.
            if type == .unclean && version == 0 {
                throw KafkactlError(.unsupported, "the controller does not support unclean leader election: it offers only ElectLeaders v0 (Kafka 2.2-2.3's ElectPreferredLeaders); use --election-type preferred")
            }
            return request
        }
        let code = ErrorCode(rawValue: response.errorCode)
        guard code == .none else { throw KafkactlError.broker(code, "cannot elect leaders") }
        var outcomes: [TopicPartition: ElectionOutcome] = [:]
        for topic in response.replicaElectionResults {
            for result in topic.partitionResult {
                let partition = TopicPartition(topic.topic, result.partitionId)
                let code = ErrorCode(rawValue: result.errorCode)
                switch code {
                case .none: outcomes[partition] = .elected
                case .electionNotNeeded: outcomes[partition] = .notNeeded
                default:
                    // The partition is said by whoever prints the outcome; the error is the broker's word and code.
                    let detail = result.errorMessage?.isEmpty == false ? result.errorMessage! : code.message
                    outcomes[partition] = .failed(KafkactlError(KafkactlError.category(for: code), "\(detail) [\(code.name)]", code: code))
                }
            }
        }
        return outcomes
    }
}

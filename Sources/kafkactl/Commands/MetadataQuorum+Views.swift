import AdminCore

/// What `describe --status` shows, computed as MetadataQuorumCommand.handleDescribeStatus does.
struct QuorumStatus {
    var clusterId: String?
    var quorum: QuorumInfo
    /// The leader's log end offset less the furthest-behind voter's (the leader itself counts).
    var maxFollowerLag: Int64
    /// How much longer ago that voter last caught up than the leader did; 0 when the leader is the one furthest
    /// behind, -1 when either time is unknown.
    var maxFollowerLagTimeMs: Int64

    init(clusterId: String?, quorum: QuorumInfo) throws {
        let leader = try QuorumReplicationRow.leader(of: quorum)
        // Like Java's Stream.min, the first of equal offsets: a tie is the leader only when it is listed first.
        let behind = quorum.voters.indices.min { quorum.voters[$0].logEndOffset < quorum.voters[$1].logEndOffset }!
        let laggard = quorum.voters[behind]
        self.clusterId = clusterId
        self.quorum = quorum
        maxFollowerLag = leader.logEndOffset - laggard.logEndOffset
        if behind == quorum.voters.firstIndex(where: { $0.id == quorum.leaderId }) {
            maxFollowerLagTimeMs = 0
        } else if let leaderTime = leader.lastCaughtUpTimestamp, let laggardTime = laggard.lastCaughtUpTimestamp {
            maxFollowerLagTimeMs = leaderTime - laggardTime
        } else {
            maxFollowerLagTimeMs = -1
        }
    }
}

/// One row of `describe --replication`: a replica, how far its log trails the leader's, and its part.
struct QuorumReplicationRow {
    enum Status: String { case leader = "Leader", follower = "Follower", observer = "Observer" }

    var replica: QuorumInfo.Replica
    var lag: Int64
    var status: Status

    /// The leader, then the other voters, then the observers, each in the order the answer lists them.
    static func rows(of quorum: QuorumInfo) throws -> [QuorumReplicationRow] {
        let leader = try leader(of: quorum)
        let row = { (replica: QuorumInfo.Replica, status: Status) in
            QuorumReplicationRow(replica: replica, lag: leader.logEndOffset - replica.logEndOffset, status: status)
        }
        return [row(leader, .leader)] + quorum.voters.filter { $0.id != quorum.leaderId }.map { row($0, .follower) }
            + quorum.observers.map { row($0, .observer) }
    }

    /// The leading voter; the lags are measured from it, so without one (an election under way) nothing can be shown.
    static func leader(of quorum: QuorumInfo) throws -> QuorumInfo.Replica {
        guard let leader = quorum.leader else {
            throw KafkactlError(.rejected, "the metadata quorum has no leader among its voters (leader id \(quorum.leaderId), epoch \(quorum.leaderEpoch)): an election may be under way; try again")
        }
        return leader
    }

    /// Apache's relative time for --human-readable: a timestamp after now, or not after the epoch, means a clock is
    /// off, which Apache refuses rather than print a negative age.
    static func millisecondsAgo(_ timestamp: Int64, now: Int64, what: String) throws -> Int64 {
        guard timestamp > 0, timestamp <= now else {
            throw KafkactlError(.rejected, "Error while computing relative time, possible drift in system clock. Current timestamp is \(now), \(what) timestamp is \(timestamp)")
        }
        return now - timestamp
    }
}

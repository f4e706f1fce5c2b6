import Foundation
import TestSupport
import Testing

/// console-producer (acks=all, idempotent: the defaults) against the three-node cluster while leaders move, a node
/// dies mid-stream and answers get lost or delayed. Every input line must be acknowledged exactly once, in order
/// within its partition, or be named as failed with a non-zero exit; the records are counted by confluent-kafka
/// reading the real broker directly.
/// One test at a time: each runs several processes, and the rest of the suite runs beside them on 2 cores.
@Suite("Cluster: console-producer under leader moves and node failures", .serialized)
struct ClusterProducerTests {
    static let partitions: Int32 = 3
    static let chunks = 6
    static let linesPerChunk = 400

    /// The outcome of one run: the producer's result, what was read back, and what it means.
    struct Audit: CustomStringConvertible {
        var result: ProcessResult
        var read: ProducerHarness.ReadBack
        var total: Int
        /// Input line numbers the producer named as failed (lines `line N: ...` on stderr; it names the first ten).
        var failed: Set<Int>
        /// How many records the producer said were not delivered (`Error: N of M records were not delivered`).
        var failedCount: Int

        var readIndices: [Int] { read.values.compactMap { $0.flatMap { Int($0.dropFirst("v".count)) } } }
        var duplicates: [String: Int] { ProxyCluster.duplicates(read.values.compactMap { $0 }) }
        /// Lines neither read back nor counted as failed: silently lost. (Below zero when a line reported as failed
        /// was written after all, which a timed-out request allows: the tool said it is not known to be delivered.)
        var lost: Int { total - Set(readIndices).count - failedCount }
        /// Partitions whose records are not in input order.
        var reordered: [Int32] {
            read.partitions.filter { _, records in
                let indices = records.compactMap { $0.value.flatMap { Int($0.dropFirst("v".count)) } }
                return indices != indices.sorted()
            }.map(\.key)
        }

        var description: String {
            "exit \(result.exitCode), \(total) lines, \(read.count) read back, \(duplicates.count) duplicated, "
                + "\(failedCount) failed (\(failed.count) named), \(lost) lost, partitions out of order: \(reordered)"
        }
    }

    /// Feeds `chunks` chunks of lines `k0:v0, k1:v1, ...` to a console-producer bootstrapped from `bootstrap`, calling
    /// `between(i)` after chunk `i` has been read by the producer; then reads the topic back from the real broker.
    static func produce(
        _ cluster: ClusterProxy, topic: String, bootstrap: String, extra: [String] = [],
        between: (Int) async throws -> Void
    ) async throws -> Audit {
        let total = chunks * linesPerChunk
        // Keyed lines, so that every chunk has records for every partition (and so for every leader).
        let producer = try OpenStdinProducer(["console-producer", "--bootstrap-server", bootstrap, "--topic", topic,
                                              "--property", "parse.key=true", "--property", "key.separator=:"] + extra)
        for chunk in 0..<chunks {
            let lines = (chunk * linesPerChunk..<(chunk + 1) * linesPerChunk).map { "k\($0):v\($0)\n" }.joined()
            #expect(await producer.write(lines), "the producer stopped reading at chunk \(chunk): \(producer.stderrSoFar)")
            try await ProxyCluster.waitUntil("the producer read chunk \(chunk)") { producer.unreadInputBytes == 0 || !producer.isRunning }
            try await Task.sleep(for: .milliseconds(150))
            try await between(chunk)
        }
        producer.closeInput()
        let result = try await producer.finish(timeout: .seconds(120))
        let read = try await ProducerHarness.readBack(topic, expecting: total, within: .seconds(30))
        var failed = Set<Int>()
        for line in ProxyCluster.lines(result.stderr) where !line.hasPrefix("Error: ") {
            // console-producer names failed input lines by their line number (1-based).
            let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            if line.contains("line"), let number = numbers.first { failed.insert(number - 1) }
        }
        let summary = ProxyCluster.lines(result.stderr).last { $0.hasPrefix("Error: ") && $0.contains(" records were not delivered") }
        let failedCount = summary.flatMap { Int($0.dropFirst("Error: ".count).prefix { $0.isNumber }) } ?? 0
        return Audit(result: result, read: read, total: total, failed: failed, failedCount: failedCount)
    }

    static func createTopic(_ cluster: ClusterProxy, _ name: String) async throws {
        try await ProxyCluster.succeed("topics", cluster.bootstrapList,
                                       ["--create", "--topic", name, "--partitions", String(partitions), "--replication-factor", "1"])
    }

    /// Moves every partition's leader to the next node.
    static func rotateLeaders(_ cluster: ClusterProxy, _ topic: String) {
        for partition in 0..<partitions {
            let current = cluster.leader(of: topic, partition: partition) ?? 1
            cluster.moveLeader(of: topic, partition: partition, to: current % Int32(cluster.nodeIds.count) + 1)
        }
    }

    @Test func everyLineIsAcknowledgedOnceWhileLeadersMove() async throws {
        try await ProxyCluster.with { cluster in
            let topic = BrokerHarness.uniqueName("cluster-produce-moves")
            try await Self.createTopic(cluster, topic)
            let started = ContinuousClock.now
            let audit = try await Self.produce(cluster, topic: topic, bootstrap: cluster.address(of: 2)) { _ in
                Self.rotateLeaders(cluster, topic)
            }
            print("leader moves: \(audit); NOT_LEADER answers: \(cluster.refusalCount(.notLeaderOrFollower)); \(ContinuousClock.now - started)")
            #expect(audit.result.exitCode == 0, "\(audit.result.stderr)")
            #expect(audit.read.count == audit.total, "\(audit)")
            #expect(audit.duplicates.isEmpty, "\(audit)")
            #expect(audit.lost <= 0, "\(audit)")
            #expect(audit.reordered.isEmpty, "\(audit)")
            // The producer kept sending to the old leaders until they refused: the moves were exercised.
            #expect(cluster.refusalCount(.notLeaderOrFollower) > 0)
        }
    }

    @Test func noLineIsSilentlyLostWhenTheBootstrapNodeDiesMidStream() async throws {
        try await ProxyCluster.with { cluster in
            let topic = BrokerHarness.uniqueName("cluster-produce-kill")
            try await Self.createTopic(cluster, topic)
            let victim = try #require(cluster.leader(of: topic, partition: 0))
            let started = ContinuousClock.now
            // Bootstrapped from the node that dies: from then on only the nodes learnt from metadata are left.
            let audit = try await Self.produce(cluster, topic: topic, bootstrap: cluster.address(of: victim)) { chunk in
                if chunk == 1 { cluster.kill(victim) }
            }
            print("node \(victim) killed: \(audit); \(ContinuousClock.now - started)")
            #expect(audit.duplicates.isEmpty, "\(audit)")
            #expect(audit.lost <= 0, "\(audit)")
            #expect(audit.reordered.isEmpty, "\(audit)")
            if audit.result.exitCode == 0 {
                #expect(audit.read.count == audit.total, "\(audit)")
            } else {
                #expect(!audit.failed.isEmpty, "a failed run names the lines it could not deliver: \(audit.result.stderr)")
            }
            // With the other nodes up, nothing needs to fail.
            #expect(audit.result.exitCode == 0, "\(audit.result.stderr)")
        }
    }

    /// A rolling restart: one partition at a time has no leader for a while (Metadata says LEADER_NOT_AVAILABLE, every
    /// node refuses it), then a new one. The producer waits for each election; nothing fails, repeats or reorders.
    @Test func everyLineIsAcknowledgedOnceThroughLeaderElections() async throws {
        try await ProxyCluster.with { cluster in
            let topic = BrokerHarness.uniqueName("cluster-produce-elections")
            try await Self.createTopic(cluster, topic)
            // After chunk i, partition i mod 3 loses its leader, so chunk i + 1 is produced during the election;
            // the election ends after chunk i + 1 (on the next node). The last chunk ends the last election.
            var electing: (partition: Int32, next: Int32)?
            let audit = try await Self.produce(cluster, topic: topic, bootstrap: cluster.bootstrapList) { chunk in
                if let (partition, next) = electing {
                    try await Task.sleep(for: .milliseconds(300))
                    cluster.electLeader(of: topic, partition: partition, node: next)
                    electing = nil
                }
                guard chunk < Self.chunks - 1 else { return }
                let partition = Int32(chunk % Int(Self.partitions))
                let next = (cluster.leader(of: topic, partition: partition) ?? 1) % 3 + 1
                cluster.dropLeader(of: topic, partition: partition)
                electing = (partition, next)
            }
            print("leader elections: \(audit); NOT_LEADER answers: \(cluster.refusalCount(.notLeaderOrFollower))")
            #expect(audit.result.exitCode == 0, "\(audit.result.stderr)")
            #expect(audit.read.count == audit.total, "\(audit)")
            #expect(audit.duplicates.isEmpty, "\(audit)")
            #expect(audit.reordered.isEmpty, "\(audit)")
        }
    }

    /// After chunk 0, answers from `victim` to Produce are held (the broker has written the records); after chunk 1,
    /// once a Produce has reached it since, `victim` dies with that request in flight.
    static func holdThenKill(_ cluster: ClusterProxy, _ victim: Int32, chunk: Int, heldFrom: inout Int) async throws {
        if chunk == 0 {
            cluster.inject(.delay(.seconds(5)), on: .produce, node: victim, times: 1000)
            heldFrom = cluster.requestCount(.produce, node: victim)
        }
        if chunk == 1 {
            let before = heldFrom
            try await ProxyCluster.waitUntil("a Produce reached node \(victim) after its answers were held") {
                cluster.requestCount(.produce, node: victim) > before
            }
            cluster.kill(victim)
        }
    }

    /// Requests held in flight (the broker has written them, the answers are delayed) when their leader dies: their
    /// fate is unknown to the producer, and idempotence must make the retry at the new leader safe.
    @Test func requestsInFlightWhenTheirLeaderDiesAreWrittenOnce() async throws {
        try await ProxyCluster.with { cluster in
            let topic = BrokerHarness.uniqueName("cluster-produce-inflight")
            try await Self.createTopic(cluster, topic)
            let victim = try #require(cluster.leader(of: topic, partition: 0))
            var heldFrom = 0
            let audit = try await Self.produce(cluster, topic: topic, bootstrap: cluster.bootstrapList) { chunk in
                try await Self.holdThenKill(cluster, victim, chunk: chunk, heldFrom: &heldFrom)
            }
            print("in flight at the kill of node \(victim): \(audit); Produce requests cut off: \(cluster.cutOffCount(.produce))")
            #expect(cluster.cutOffCount(.produce) > 0, "requests were in flight when the node died")
            #expect(audit.result.exitCode == 0, "\(audit.result.stderr)")
            #expect(audit.read.count == audit.total, "\(audit)")
            #expect(audit.duplicates.isEmpty, "\(audit)")
            #expect(audit.reordered.isEmpty, "\(audit)")
        }
    }

    /// Without idempotence a request whose answer is lost cannot be retried safely, so its lines fail, named, with
    /// a non-zero exit; lines that were never sent (their leader was already gone) are retried at the new leader.
    @Test func withoutIdempotenceOnlyRequestsInFlightFail() async throws {
        try await ProxyCluster.with { cluster in
            let topic = BrokerHarness.uniqueName("cluster-produce-plain")
            try await Self.createTopic(cluster, topic)
            let victim = try #require(cluster.leader(of: topic, partition: 0))
            var heldFrom = 0
            let audit = try await Self.produce(
                cluster, topic: topic, bootstrap: cluster.bootstrapList,
                extra: ["--producer-property", "enable.idempotence=false"]
            ) { chunk in
                try await Self.holdThenKill(cluster, victim, chunk: chunk, heldFrom: &heldFrom)
            }
            print("no idempotence, node \(victim) killed with requests in flight: \(audit); Produce requests cut off: \(cluster.cutOffCount(.produce))")
            #expect(audit.result.exitCode != 0, "requests in flight at the kill cannot be known delivered")
            #expect(audit.failedCount > 0 && !audit.failed.isEmpty, "\(audit.result.stderr)")
            #expect(audit.lost <= 0, "\(audit)")
            // Only what was in flight when the node died may fail: the later chunks are delivered.
            let lateLines = Set((Self.linesPerChunk * 3)..<audit.total)
            #expect(lateLines.isSubset(of: Set(audit.readIndices)), "lines sent after the kill were delivered: \(audit)")
        }
    }

    /// A broker still fetching a block of producer ids from the controller answers InitProducerId with
    /// COORDINATOR_LOAD_IN_PROGRESS (KIP-730); the producer asks again, as Kafka's does.
    @Test func theProducerWaitsForProducerIds() async throws {
        try await ProxyCluster.with { cluster in
            let topic = BrokerHarness.uniqueName("cluster-produce-pid")
            try await Self.createTopic(cluster, topic)
            cluster.inject(.error(.coordinatorLoadInProgress), on: .initProducerId, times: 2)
            let result = try await ProxyCluster.run("console-producer", cluster.bootstrapList, ["--topic", topic], stdin: "a\nb\nc\n")
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(cluster.refusalCount(.coordinatorLoadInProgress) == 2)
            let read = try await ProducerHarness.readBack(topic, expecting: 3)
            #expect(read.values.compactMap { $0 }.sorted() == ["a", "b", "c"])
        }
    }

    @Test func lostAndRefusedAnswersAreRetriedWithoutDuplicates() async throws {
        try await ProxyCluster.with { cluster in
            let topic = BrokerHarness.uniqueName("cluster-produce-faults")
            try await Self.createTopic(cluster, topic)
            let audit = try await Self.produce(cluster, topic: topic, bootstrap: cluster.bootstrapList) { chunk in
                switch chunk {
                case 0: cluster.inject(.error(.notEnoughReplicas), on: .produce, times: 2)
                case 1: cluster.inject(.error(.requestTimedOut), on: .produce)
                case 2: cluster.inject(.delay(.seconds(1)), on: .produce, times: 2)
                // The broker writes the batch but the answer is lost with the connection: only idempotence
                // keeps the retry from writing it twice.
                case 3: cluster.inject(.loseAnswer, on: .produce)
                default: break
                }
            }
            print("faults: \(audit); injected errors answered: \(cluster.refusalCount(.notEnoughReplicas) + cluster.refusalCount(.requestTimedOut))")
            #expect(audit.result.exitCode == 0, "\(audit.result.stderr)")
            #expect(audit.read.count == audit.total, "\(audit)")
            #expect(audit.duplicates.isEmpty, "\(audit)")
            #expect(audit.reordered.isEmpty, "\(audit)")
            #expect(cluster.refusalCount(.notEnoughReplicas) == 2)
            #expect(cluster.refusalCount(.requestTimedOut) == 1)
            #expect(cluster.cutOffCount(.produce) >= 1, "the lost answer")
        }
    }
}

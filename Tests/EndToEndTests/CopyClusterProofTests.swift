import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 21's proof of `copy`, from the built binary through the three-node test cluster: 1,000,000 records with
/// binary keys and values, repeated and null headers, nulls and empties and explicit timestamps over 6 partitions,
/// checkpointed as a consumer group's committed offsets (`--checkpoint-group`); a connection cut at about 40% (the
/// proxy forwards a Produce and drops the connection instead of answering) and the process killed at about 60%;
/// `--resume` finishes, confluent-kafka finds the target identical record by record, and `topics --diff` agrees.
@Suite struct CopyClusterProofTests {
    static func committedTotal(_ group: String, _ topic: String) async throws -> Int64 {
        let offsets = try await GroupTestSupport.committed(group: group, topic: topic, partitions: 6)
        return offsets.values.compactMap { $0 }.reduce(0, +)
    }

    @Test func aMillionRecordsSurviveACutAndAKillAndResumeExactlyOnceWithAGroupCheckpoint() async throws {
        let (source, target) = (BrokerHarness.uniqueName("proof-copy-src"), BrokerHarness.uniqueName("proof-copy-dst"))
        let group = BrokerHarness.uniqueName("proof-copy-checkpoint")
        let total = 1_000_000
        try await withTopics(source, target) {
            try await createTopic(source, partitions: 6)
            try await createTopic(target, partitions: 6)
            try await CopyHarness.seed(source, count: total, partitions: 6, valueSize: 40)
            try await ProxyCluster.with { cluster in
                let arguments = ["copy", "--from-bootstrap-server", cluster.bootstrapList, "--from-topic", source, "--to-topic", target,
                                 "--checkpoint-group", group]
                let run = try OpenStdinProducer(arguments + ["--rate", "100000/s"])
                let cut = try await eventually(within: .seconds(120)) { (try? await Self.committedTotal(group, source)) ?? 0 >= 400_000 }
                try #require(cut, "the copy did not reach 40%: \(run.stderrSoFar)")
                cluster.inject(.loseAnswer, on: .produce)
                let killable = try await eventually(within: .seconds(120)) { (try? await Self.committedTotal(group, source)) ?? 0 >= 600_000 }
                try #require(killable, "the copy did not reach 60% after the cut: \(run.stderrSoFar)")
                run.send(SIGKILL)
                _ = try await run.finish(timeout: .seconds(10))
                #expect(cluster.cutOffCount(.produce) >= 1, "the cut did not happen")

                // The group shows where the copy stopped, like any consumer's position.
                let described = try await kafkactl(["consumer-groups", "--bootstrap-server", cluster.bootstrapList, "--describe", "--group", group])
                #expect(described.stdout.contains(source), "\(described.stdout) \(described.stderr)")

                let resumed = try await kafkactl(arguments + ["--resume", "--output", "json"], timeout: .seconds(300))
                #expect(resumed.exitCode == 0, "\(resumed.stderr)")
                let summary = try resumed.jsonObject()
                #expect(summary["checkpoint"] as? String == "group \(group)", "\(summary)")
                #expect(summary["complete"] as? Bool == true, "\(summary)")
            }
            let compared = try await CopyHarness.compare(source, target, expecting: total)
            #expect(compared.sourceTotal == total)
            #expect(compared.target == compared.source)
            #expect(compared.difference == nil, "\(compared.difference ?? "")")
            let diff = try await topics(["--diff", "--topic", source, "--to-topic", target], timeout: .seconds(300))
            #expect(diff.exitCode == 0, "\(diff.stdout) \(diff.stderr)")
        }
    }
}

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
/// `--resume` finishes, confluent-kafka finds the target identical record by record, and `topics --diff` agrees; with
/// one value changed in partition 2, the diff names exactly that partition and offset.
@Suite struct CopyClusterProofTests {
    static func committedTotal(_ group: String, _ topic: String) async throws -> Int64 {
        let offsets = try await GroupTestSupport.committed(group: group, topic: topic, partitions: 6)
        return offsets.values.compactMap { $0 }.reduce(0, +)
    }

    /// Writes partition P of topic A into partition P of topic B record by record (key, value, headers, timestamp),
    /// with the value of the record at offset N replaced.
    static let alterOneValueScript = """
        import sys, uuid
        from confluent_kafka import Consumer, Producer, TopicPartition
        source, target, partition, changed = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
        consumer = Consumer({"bootstrap.servers": sys.argv[1], "group.id": "alter-" + uuid.uuid4().hex, "enable.auto.commit": False})
        low, high = consumer.get_watermark_offsets(TopicPartition(source, partition), timeout=20)
        consumer.assign([TopicPartition(source, partition, low)])
        producer = Producer({"bootstrap.servers": sys.argv[1], "enable.idempotence": True, "linger.ms": 20})
        done = 0
        while done < high - low:
            for message in consumer.consume(10000, 5.0):
                if message.error():
                    continue
                value = b"CHANGED" if message.offset() == changed else message.value()
                while True:
                    try:
                        producer.produce(target, key=message.key(), value=value, headers=message.headers(), partition=partition,
                                         timestamp=message.timestamp()[1])
                        break
                    except BufferError:
                        producer.poll(0.05)
                done += 1
        consumer.close()
        if producer.flush(120) != 0:
            sys.exit("not all records were delivered")
        """

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
                // The cut happened: a Produce was forwarded and its connection closed instead of the answer.
                let cutDone = try await eventually(within: .seconds(60)) { cluster.pendingFaults(on: .produce) == 0 }
                try #require(cutDone, "no Produce reached the cluster after 40%: \(run.stderrSoFar)")
                let killable = try await eventually(within: .seconds(120)) { (try? await Self.committedTotal(group, source)) ?? 0 >= 600_000 }
                try #require(killable, "the copy did not reach 60% after the cut: \(run.stderrSoFar)")
                run.send(SIGKILL)
                _ = try await run.finish(timeout: .seconds(10))

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

            // One value changed in partition 2 (a copy of the target with record 100,000 of that partition
            // altered, written by confluent-kafka): the diff names exactly that partition and offset.
            let altered = BrokerHarness.uniqueName("proof-copy-altered")
            try await createTopic(altered, partitions: 6)
            try await withTopics(altered) {
                let copied = try await kafkactl(["copy", "--from-bootstrap-server", try await brokerAddress(), "--from-topic", target,
                                                 "--to-topic", altered, "--partition", "0,1,3,4,5",
                                                 "--checkpoint", CopyHarness.temporaryPath("proof-altered")], timeout: .seconds(300))
                try #require(copied.exitCode == 0, "\(copied.stderr)")
                let rewritten = try await python(Self.alterOneValueScript, [target, altered, "2", "100000"], timeout: .seconds(240))
                try #require(rewritten.exitCode == 0, "\(rewritten.stderr)")
                let changed = try await topics(["--diff", "--topic", source, "--to-topic", altered], timeout: .seconds(300))
                #expect(changed.exitCode == 1, "\(changed.stdout) \(changed.stderr)")
                #expect(changed.stderrLines == ["Error: topics '\(source)' and '\(altered)' differ in 1 of 6 partitions: 2"], "\(changed.stderr)")
                #expect(changed.stdout.contains("Partition 2 differs first at record 100000 (offset 100000 in '\(source)', offset 100000 in '\(altered)'):"),
                        "\(changed.stdout)")
            }
        }
    }
}

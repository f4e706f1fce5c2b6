import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `kafkactl copy` from the built binary against the live broker, checked by confluent-kafka: exact copies (binary
/// keys and values, nulls and empties, repeated and null headers, timestamps, several partitions), resumes after
/// SIGKILL and SIGINT without duplicates or gaps, the reconciliation of records written after the last checkpoint,
/// and each refused input (one line, exit code, nothing written).
@Suite struct CopyCommandTests {
    static func copy(_ arguments: [String], timeout: Duration = .seconds(60)) async throws -> ProcessResult {
        try await kafkactl(["copy", "--from-bootstrap-server", try await brokerAddress()] + arguments, timeout: timeout)
    }

    @Test func copiesEveryRecordExactlyAcrossPartitions() async throws {
        let (source, target) = (BrokerHarness.uniqueName("e2e-copy-src"), BrokerHarness.uniqueName("e2e-copy-dst"))
        let checkpoint = CopyHarness.temporaryPath("copy-exact")
        try await withTopics(source, target) {
            try await createTopic(source, partitions: 3)
            try await createTopic(target, partitions: 3)
            try await CopyHarness.seed(source, count: 600, partitions: 3)
            let result = try await Self.copy(["--from-topic", source, "--to-topic", target, "--checkpoint", checkpoint, "--output", "json"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stderr.isEmpty)
            let summary = try result.jsonObject()
            #expect(summary["records"] as? Int == 600)
            #expect(summary["complete"] as? Bool == true)
            #expect(summary["reconciled"] as? Int == 0)
            let compared = try await CopyHarness.compare(source, target, expecting: 600)
            #expect(compared.source == ["0": 200, "1": 200, "2": 200])
            #expect(compared.target == compared.source)
            #expect(compared.difference == nil)

            // Done is done: resuming a finished copy copies nothing more.
            let again = try await Self.copy(["--from-topic", source, "--to-topic", target, "--checkpoint", checkpoint, "--resume", "--output", "json"])
            #expect(again.exitCode == 0, "stderr: \(again.stderr)")
            #expect(try again.jsonObject()["records"] as? Int == 0)
            #expect(try await CopyHarness.compare(source, target, expecting: 600).targetTotal == 600)
        }
    }

    @Test func rangesPartitionsAndMaxMessagesChooseTheRecords() async throws {
        let (source, target) = (BrokerHarness.uniqueName("e2e-copy-range-src"), BrokerHarness.uniqueName("e2e-copy-range-dst"))
        try await withTopics(source, target) {
            try await createTopic(source, partitions: 3)
            try await CopyHarness.seed(source, count: 300, partitions: 3)
            let dry = try await Self.copy(["--from-topic", source, "--to-topic", target, "--create-topic", "--partition", "0,2",
                                           "--from", "10", "--until", "90", "--max-messages", "50", "--dry-run",
                                           "--checkpoint", CopyHarness.temporaryPath("copy-dry")])
            #expect(dry.exitCode == 0, "stderr: \(dry.stderr)")
            #expect(dry.stdout == """
                Dry run: nothing copied. The copy would write 100 records from '\(source)' to '\(target)' (created with 3 partitions):
                PARTITION  FROM  UNTIL  RECORDS  TARGET-PARTITION
                0          10    60     50       0
                2          10    60     50       2

                """)
            // The dry run created nothing.
            let described = try await topics(["--describe", "--topic", target])
            #expect(described.exitCode != 0)

            let result = try await Self.copy(["--from-topic", source, "--to-topic", target, "--create-topic", "--partition", "1",
                                              "--from", "5", "--until", "20", "--checkpoint", CopyHarness.temporaryPath("copy-range"),
                                              "--output", "json"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(try result.jsonObject()["records"] as? Int == 15)
            let compared = try await CopyHarness.compare(source, target, expecting: 300)
            #expect(compared.target == ["1": 15])
        }
    }

    @Test func hashPlacesKeyedRecordsByMurmur2() async throws {
        let (source, target) = (BrokerHarness.uniqueName("e2e-copy-hash-src"), BrokerHarness.uniqueName("e2e-copy-hash-dst"))
        try await withTopics(source, target) {
            try await createTopic(source, partitions: 1)
            try await createTopic(target, partitions: 4)
            try await CopyHarness.seed(source, count: 200, partitions: 1)
            let result = try await Self.copy(["--from-topic", source, "--to-topic", target, "--partition-map", "hash",
                                              "--checkpoint", CopyHarness.temporaryPath("copy-hash"), "--output", "json"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(try result.jsonObject()["records"] as? Int == 200)
            // librdkafka's murmur2 partitioner (Java's) must agree with where each keyed record landed.
            let check = try await python("""
                import json, sys, time, uuid
                from confluent_kafka import Consumer, TopicPartition, OFFSET_BEGINNING
                from confluent_kafka.admin import AdminClient
                consumer = Consumer({"bootstrap.servers": sys.argv[1], "group.id": uuid.uuid4().hex, "enable.auto.commit": False})
                partitions = consumer.list_topics(sys.argv[2], timeout=10).topics[sys.argv[2]].partitions
                consumer.assign([TopicPartition(sys.argv[2], p, OFFSET_BEGINNING) for p in partitions])
                def murmur2(data):
                    length, seed, m, r = len(data), 0x9747b28c, 0x5bd1e995, 24
                    h = (seed ^ length) & 0xffffffff
                    for i in range(0, length - length % 4, 4):
                        k = int.from_bytes(data[i:i + 4], "little")
                        k = (k * m) & 0xffffffff; k ^= k >> r; k = (k * m) & 0xffffffff
                        h = (h * m) & 0xffffffff; h ^= k
                    rest = length % 4; tail = data[length - rest:]
                    if rest == 3: h ^= tail[2] << 16
                    if rest >= 2: h ^= tail[1] << 8
                    if rest >= 1: h ^= tail[0]; h = (h * m) & 0xffffffff
                    h ^= h >> 13; h = (h * m) & 0xffffffff; h ^= h >> 15
                    return h
                seen, wrong, idle = 0, 0, time.time()
                while time.time() - idle < 3:
                    message = consumer.poll(0.2)
                    if message is None or message.error(): continue
                    idle = time.time(); seen += 1
                    if message.key() is not None and (murmur2(message.key()) & 0x7fffffff) % len(partitions) != message.partition():
                        wrong += 1
                print(json.dumps({"partitions": len(partitions), "seen": seen, "wrong": wrong}))
                """, [target])
            #expect(check.exitCode == 0, "\(check.stderr)")
            let seen = try check.jsonObject()
            #expect(seen["partitions"] as? Int == 4)
            #expect(seen["seen"] as? Int == 200)
            #expect(seen["wrong"] as? Int == 0)
        }
    }

    // MARK: Resuming

    @Test func aRunKilledMidwayResumesToExactlyOnce() async throws {
        let (source, target) = (BrokerHarness.uniqueName("e2e-copy-kill-src"), BrokerHarness.uniqueName("e2e-copy-kill-dst"))
        let checkpoint = CopyHarness.temporaryPath("copy-kill")
        try await withTopics(source, target) {
            try await createTopic(source, partitions: 3)
            try await createTopic(target, partitions: 3)
            try await CopyHarness.seed(source, count: 20_000, partitions: 3, valueSize: 100)
            let run = try OpenStdinProducer(["copy", "--from-bootstrap-server", try await brokerAddress(), "--from-topic", source,
                                             "--to-topic", target, "--checkpoint", checkpoint, "--rate", "4000/s"])
            // Kill it once a good part is in the target, between two checkpoints.
            let started = try await eventually(within: .seconds(20)) {
                ((try? String(contentsOfFile: checkpoint, encoding: .utf8)) ?? "").split(separator: "\n")
                    .filter { $0.hasPrefix("source ") }.map { Int($0.split(separator: " ")[2])! }.reduce(0, +) > 6000
            }
            try #require(started, "the copy made no progress: \(run.stderrSoFar)")
            try await Task.sleep(for: .milliseconds(300))
            run.send(SIGKILL)
            _ = try await run.finish(timeout: .seconds(10))
            let partial = try await CopyHarness.compare(source, target, expecting: 6000)
            #expect(partial.targetTotal > 6000 && partial.targetTotal < 20_000)

            let resumed = try await Self.copy(["--from-topic", source, "--to-topic", target, "--checkpoint", checkpoint, "--resume", "--output", "json"])
            #expect(resumed.exitCode == 0, "stderr: \(resumed.stderr)")
            let summary = try resumed.jsonObject()
            #expect((summary["records"] as? Int ?? 0) + partial.targetTotal - (summary["reconciled"] as? Int ?? 0) >= 0)
            let compared = try await CopyHarness.compare(source, target, expecting: 20_000)
            #expect(compared.sourceTotal == 20_000)
            #expect(compared.target == compared.source)
            #expect(compared.difference == nil)
        }
    }

    @Test func sigintFlushesAndCheckpointsThenResumeFinishes() async throws {
        let (source, target) = (BrokerHarness.uniqueName("e2e-copy-int-src"), BrokerHarness.uniqueName("e2e-copy-int-dst"))
        let checkpoint = CopyHarness.temporaryPath("copy-int")
        try await withTopics(source, target) {
            try await createTopic(source, partitions: 2)
            try await createTopic(target, partitions: 2)
            try await CopyHarness.seed(source, count: 10_000, partitions: 2)
            let run = try OpenStdinProducer(["copy", "--from-bootstrap-server", try await brokerAddress(), "--from-topic", source,
                                             "--to-topic", target, "--checkpoint", checkpoint, "--rate", "1000/s"])
            // 10 s at 1,000/s: on a loaded machine the polling below may see the first checkpoint late, and the
            // interrupt must still find the copy running (at 3,000/s it once arrived after the end).
            let started = try await eventually(within: .seconds(20)) {
                ((try? String(contentsOfFile: checkpoint, encoding: .utf8)) ?? "").contains("source 0 ") &&
                    !(((try? String(contentsOfFile: checkpoint, encoding: .utf8)) ?? "").contains("source 0 0 "))
            }
            try #require(started, "the copy made no progress: \(run.stderrSoFar)")
            run.send(SIGINT)
            let result = try await run.finish(timeout: .seconds(15))
            #expect(result.exitCode == 130, "stderr: \(result.stderr)")
            #expect(result.stderrLines.count == 1)
            #expect(result.stderr.hasPrefix("Error: interrupted: "))
            #expect(result.stderr.contains("continue with --resume"))
            // Everything acknowledged is behind the saved cut: nothing is left for a resume to reconcile.
            let written = try await CopyHarness.compare(source, target, expecting: 1)
            let text = try String(contentsOfFile: checkpoint, encoding: .utf8)
            let next = text.split(separator: "\n").filter { $0.hasPrefix("source ") }.map { Int($0.split(separator: " ")[2])! }.reduce(0, +)
            #expect(next == written.targetTotal)
            #expect(next < 10_000)

            let resumed = try await Self.copy(["--from-topic", source, "--to-topic", target, "--checkpoint", checkpoint, "--resume", "--output", "json"])
            #expect(resumed.exitCode == 0, "stderr: \(resumed.stderr)")
            let summary = try resumed.jsonObject()
            #expect(summary["reconciled"] as? Int == 0)
            #expect(summary["records"] as? Int == 10_000 - next)
            let compared = try await CopyHarness.compare(source, target, expecting: 10_000)
            #expect(compared.target == compared.source)
            #expect(compared.difference == nil)
        }
    }

    @Test func recordsWrittenAfterTheLastCheckpointAreReconciledNotCopiedAgain() async throws {
        let (source, target) = (BrokerHarness.uniqueName("e2e-copy-rec-src"), BrokerHarness.uniqueName("e2e-copy-rec-dst"))
        let checkpoint = CopyHarness.temporaryPath("copy-rec")
        try await withTopics(source, target) {
            try await createTopic(source, partitions: 2)
            try await createTopic(target, partitions: 2)
            try await CopyHarness.seed(source, count: 1000, partitions: 2)
            let first = try await Self.copy(["--from-topic", source, "--to-topic", target, "--checkpoint", checkpoint])
            #expect(first.exitCode == 0, "stderr: \(first.stderr)")
            // The cut a run would have left had it died after the target acknowledged 300 and 200 records of each
            // partition but before it saved them.
            try CopyHarness.writeCheckpoint(checkpoint, source: source, target: target, targetPartitions: 2,
                                            sources: [(0, 200, 500), (1, 300, 500)], targets: [(0, 200), (1, 300)])
            let resumed = try await Self.copy(["--from-topic", source, "--to-topic", target, "--checkpoint", checkpoint, "--resume", "--output", "json"])
            #expect(resumed.exitCode == 0, "stderr: \(resumed.stderr)")
            let summary = try resumed.jsonObject()
            #expect(summary["reconciled"] as? Int == 500)
            #expect(summary["records"] as? Int == 0)
            let compared = try await CopyHarness.compare(source, target, expecting: 1000)
            #expect(compared.target == ["0": 500, "1": 500])
            #expect(compared.difference == nil)

            // A record someone else wrote past the cut is not the copy's: refused, naming partition and offset.
            let foreign = try await python("""
                import sys
                from confluent_kafka import Producer
                producer = Producer({"bootstrap.servers": sys.argv[1]})
                producer.produce(sys.argv[2], key=b"intruder", value=b"x", partition=1)
                producer.flush(10)
                """, [target])
            #expect(foreign.exitCode == 0)
            try CopyHarness.writeCheckpoint(checkpoint, source: source, target: target, targetPartitions: 2,
                                            sources: [(0, 500, 500), (1, 499, 500)], targets: [(0, 500), (1, 499)])
            let refused = try await Self.copy(["--from-topic", source, "--to-topic", target, "--checkpoint", checkpoint, "--resume"])
            expectFailure(refused, exitCode: 1, containing: ["\(target)-1", "offset 500", "someone else wrote"])
            #expect(try await CopyHarness.compare(source, target, expecting: 1000).targetTotal == 1001)
        }
    }

    // MARK: Refused inputs

    @Test func refusedInputsAreOneLineAndWriteNothing() async throws {
        let (source, target, small) = (BrokerHarness.uniqueName("e2e-copy-bad-src"), BrokerHarness.uniqueName("e2e-copy-bad-dst"),
                                       BrokerHarness.uniqueName("e2e-copy-bad-small"))
        try await withTopics(source, target, small) {
            try await createTopic(source, partitions: 3)
            try await createTopic(small, partitions: 2)
            try await CopyHarness.seed(source, count: 30, partitions: 3)
            let checkpoint = CopyHarness.temporaryPath("copy-bad")

            expectFailure(try await Self.copy(["--from-topic", source, "--to-topic", source, "--checkpoint", checkpoint]), exitCode: 64,
                          containing: ["same topic", source])
            expectFailure(try await Self.copy(["--from-topic", source, "--to-topic", target, "--checkpoint", checkpoint]), exitCode: 1,
                          containing: ["target topic '\(target)' does not exist", "--create-topic"])
            expectFailure(try await Self.copy(["--from-topic", source, "--to-topic", small, "--checkpoint", checkpoint]), exitCode: 64,
                          containing: ["--partition-map same", "2 partitions"])
            expectFailure(try await Self.copy(["--from-topic", source, "--to-topic", small, "--checkpoint", checkpoint, "--resume"]),
                          exitCode: 64, containing: ["--resume", "no checkpoint", checkpoint])
            let badRate = try await Self.copy(["--from-topic", source, "--to-topic", small, "--rate", "fast"])
            #expect(badRate.exitCode == 64)
            #expect(badRate.stderrLines.first == "Error: --rate 'fast' is not a rate: use records per second (5000/s) or bytes per second (10MB/s, 512KB/s)")
            try "kafkactl copy checkpoint 1\nsource-topic x\nchecksum 00000000\n".write(toFile: checkpoint, atomically: true, encoding: .utf8)
            expectFailure(try await Self.copy(["--from-topic", source, "--to-topic", small, "--partition-map", "hash",
                                               "--checkpoint", checkpoint, "--resume"]),
                          exitCode: 1, containing: ["checkpoint '\(checkpoint)' is corrupt", "nothing was copied"])
            expectFailure(try await Self.copy(["--from-topic", source, "--to-topic", small, "--checkpoint", checkpoint]), exitCode: 64,
                          containing: ["exists", "--resume"])
            // A checkpoint group: given with a file, refused; holding someone else's offsets, refused before anything is
            // copied (the group's offsets stay as they were).
            let both = try await Self.copy(["--from-topic", source, "--to-topic", small, "--checkpoint", checkpoint, "--checkpoint-group", "g"])
            #expect(both.exitCode == 64)
            #expect(both.stderrLines.first == "Error: --checkpoint and --checkpoint-group both name where the checkpoint is kept; give one")
            let foreign = BrokerHarness.uniqueName("e2e-copy-foreign-group")
            try await GroupTestSupport.commit(group: foreign, [source: [0: 3]])
            expectFailure(try await Self.copy(["--from-topic", source, "--to-topic", small, "--partition-map", "hash", "--checkpoint-group", foreign]),
                          exitCode: 64, containing: ["checkpoint in group '\(foreign)' exists", "--resume"])
            expectFailure(try await Self.copy(["--from-topic", source, "--to-topic", small, "--partition-map", "hash", "--checkpoint-group", foreign, "--resume"]),
                          exitCode: 1, containing: ["group '\(foreign)' has committed offsets for '\(source)' that are not a kafkactl copy's checkpoint", "nothing was copied"])
            #expect(try await GroupTestSupport.committed(group: foreign, topic: source, partitions: 3)[0] == 3)
            expectFailure(try await Self.copy(["--from-topic", source, "--to-topic", small, "--partition-map", "hash",
                                               "--checkpoint-group", BrokerHarness.uniqueName("e2e-copy-no-group"), "--resume"]),
                          exitCode: 64, containing: ["--resume: there is no checkpoint in group"])
            // Nothing reached any target.
            #expect(try await CopyHarness.compare(source, small, expecting: 30).targetTotal == 0)
            let missing = try await topics(["--describe", "--topic", target])
            #expect(missing.exitCode != 0)
        }
    }
}

import Foundation
import TestSupport
import Testing

/// `topics --verify` and `topics --diff` from the built binary against the live broker, data written by an
/// independent client (confluent-kafka): binary keys and values, nulls and empties, repeated headers and null header
/// values, explicit timestamps, several partitions. The census is checked against confluent-kafka's own count and a
/// digest recomputed in Python from the framing documented in RecordDigest.swift.
@Suite struct TopicsDiffCommandTests {
    /// Produces the test data set to argv[2] (4 partitions x 60 records), changed as argv[3] says.
    static let produce = """
        import sys
        from confluent_kafka import Producer
        topic, mutation = sys.argv[2], sys.argv[3]
        producer = Producer({"bootstrap.servers": sys.argv[1], "linger.ms": 5})
        def record(p, i):
            key = None if i % 11 == 0 else b"" if i % 13 == 0 else bytes([i % 5, 0, 255, p])
            value = None if i % 7 == 0 else b"" if i % 9 == 0 else bytes([(i * 31 + p) % 256 for _ in range(i % 17)]) + b"\\x00\\xff"
            headers = [("h", b"1"), ("h", b"1"), ("n", None), ("e", b"")] if i % 3 == 0 else []
            return key, value, headers, 1_700_000_000_000 + p * 1000 + i
        for p in range(4):
            for i in range(60):
                key, value, headers, ts = record(p, i)
                if mutation == "change-value" and (p, i) == (2, 17): value = b"CHANGED"
                if mutation == "drop" and (p, i) == (1, 20): continue
                if mutation == "header-order" and (p, i) == (0, 3): headers = list(reversed(headers))
                if mutation == "null-vs-empty" and (p, i) == (2, 9): value = None
                producer.produce(topic, key=key, value=value, headers=headers, partition=p, timestamp=ts)
            if mutation == "extra" and p == 3:
                producer.produce(topic, key=b"late", value=b"extra", partition=p, timestamp=1_700_000_009_999)
            producer.flush(10)
        producer.flush(10)
        """

    /// Reads argv[2] to its end with read_committed and prints each partition's census as kafkactl's JSON names it.
    static let census = """
        import json, struct, sys
        from confluent_kafka import Consumer, KafkaError, TopicPartition
        P, B, M = 0x100000001b3, 0xcbf29ce484222325, (1 << 64) - 1
        def fnv(data, h):
            for b in data: h = ((h ^ b) * P) & M
            return h
        def framed(x): return struct.pack(">i", -1) if x is None else struct.pack(">i", len(x)) + x
        topic, partitions = sys.argv[2], int(sys.argv[3])
        consumer = Consumer({"bootstrap.servers": sys.argv[1], "group.id": "census-" + topic, "isolation.level": "read_committed",
                             "enable.auto.commit": False, "fetch.queue.backoff.ms": 10, "enable.partition.eof": True})
        result = []
        for p in range(partitions):
            # The end is where librdkafka reports partition EOF (the fetch's high watermark, or last stable offset),
            # not ListOffsets: the test broker answers ListOffsets(latest) with the last batch's base offset + 1.
            consumer.assign([TopicPartition(topic, p, -2)])
            c = {"partition": p, "records": 0, "tombstones": 0, "firstOffset": None, "lastOffset": None,
                 "firstTimestamp": None, "lastTimestamp": None}
            h = B
            while True:
                m = consumer.poll(10)
                if m is None: raise SystemExit("no end of partition %d within 10 s" % p)
                if m.partition() != p: continue
                if m.error():
                    if m.error().code() == KafkaError._PARTITION_EOF: break
                    raise SystemExit(str(m.error()))
                headers = m.headers() or []
                frame = framed(m.key()) + framed(m.value()) + struct.pack(">i", len(headers))
                for k, v in headers: frame += framed(k.encode()) + framed(v)
                h = fnv(frame + struct.pack(">q", m.timestamp()[1]), h)
                c["records"] += 1
                c["tombstones"] += m.value() is None
                if c["firstOffset"] is None: c["firstOffset"], c["firstTimestamp"] = m.offset(), m.timestamp()[1]
                c["lastOffset"], c["lastTimestamp"] = m.offset(), m.timestamp()[1]
            c["digest"] = "%016x" % h
            result.append(c)
        consumer.close()
        print(json.dumps(result))
        """

    static func produce(_ topic: String, _ mutation: String = "none") async throws {
        let result = try await python(produce, [topic, mutation])
        try #require(result.exitCode == 0, "producing failed: \(result.stderr)")
    }

    static func topicsWithData(_ names: String..., mutations: [String]) async throws {
        for (name, mutation) in zip(names, mutations) {
            try await createTopic(name, partitions: 4)
            try await produce(name, mutation)
        }
    }

    @Test func identicalTopicsAreEqualAndAChangedValueIsNamedWithBothSides() async throws {
        let (a, b, c) = (BrokerHarness.uniqueName("diff-a"), BrokerHarness.uniqueName("diff-b"), BrokerHarness.uniqueName("diff-c"))
        try await withTopics(a, b, c) {
            try await Self.topicsWithData(a, b, c, mutations: ["none", "none", "change-value"])

            let equal = try await topics(["--diff", "--topic", a, "--to-topic", b])
            #expect(equal.exitCode == 0, "stderr: \(equal.stderr)")
            #expect(equal.stderr.isEmpty)
            let lines = equal.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("PARTITION SOURCE-RECORDS TARGET-RECORDS") == true)
            #expect(lines.count == 6)
            #expect(lines[1...4].allSatisfy { $0.hasSuffix(" same") })
            #expect(lines.last == "Topics '\(a)' and '\(b)' hold the same records (240 in 4 partitions).")

            // The other side named by its own bootstrap flag (a second client; here the same broker).
            let viaFlag = try await topics(["--diff", "--topic", a, "--to-bootstrap-server", try await brokerAddress(), "--to-topic", b])
            #expect(viaFlag.exitCode == 0, "stderr: \(viaFlag.stderr)")
            #expect(viaFlag.stdout == equal.stdout)

            let changed = try await topics(["--diff", "--topic", a, "--to-topic", c])
            #expect(changed.exitCode == 1)
            #expect(changed.stderrLines == ["Error: topics '\(a)' and '\(c)' differ in 1 of 4 partitions: 2"])
            #expect(changed.stdout.contains("Partition 2 differs first at record 17 (offset 17 in '\(a)', offset 17 in '\(c)'):"))
            #expect(changed.stdout.contains("  target: {\"topic\":\"\(c)\",\"partition\":2,\"offset\":17,\"timestamp\":1700000002017,\"timestampType\":\"CreateTime\""))
            #expect(changed.stdout.contains("\"value\":\"CHANGED\""))

            let json = try await topics(["--diff", "--topic", a, "--to-topic", c, "--output", "json"])
            #expect(json.exitCode == 1)
            let document = try json.jsonObject()
            #expect(document["equal"] as? Bool == false)
            let partitions = try #require(document["partitions"] as? [[String: Any]])
            #expect(partitions.map { $0["equal"] as? Bool } == [true, true, false, true])
            let difference = try #require(partitions[2]["firstDifference"] as? [String: Any])
            #expect(difference["position"] as? Int == 17)
            #expect((difference["source"] as? [String: Any])?["offset"] as? Int == 17)
            #expect((difference["target"] as? [String: Any])?["value"] as? String == "CHANGED")
            #expect((partitions[2]["source"] as? [String: Any])?["records"] as? Int == 60)
        }
    }

    @Test(arguments: [
        ("drop", 1, 20, "offset 20 in 'SOURCE', offset 20 in 'TARGET'"),
        ("extra", 3, 60, "'SOURCE' has no record there, offset 60 in 'TARGET'"),
        ("header-order", 0, 3, "offset 3 in 'SOURCE', offset 3 in 'TARGET'"),
        ("null-vs-empty", 2, 9, "offset 9 in 'SOURCE', offset 9 in 'TARGET'"),
    ])
    func eachKindOfDifferenceIsFound(mutation: String, partition: Int, position: Int, where place: String) async throws {
        let (a, b) = (BrokerHarness.uniqueName("diff-src"), BrokerHarness.uniqueName("diff-\(mutation)"))
        try await withTopics(a, b) {
            try await Self.topicsWithData(a, b, mutations: ["none", mutation])
            let result = try await topics(["--diff", "--topic", a, "--to-topic", b])
            #expect(result.exitCode == 1)
            #expect(result.stderrLines == ["Error: topics '\(a)' and '\(b)' differ in 1 of 4 partitions: \(partition)"])
            let place = place.replacingOccurrences(of: "SOURCE", with: a).replacingOccurrences(of: "TARGET", with: b)
            #expect(result.stdout.contains("Partition \(partition) differs first at record \(position) (\(place)):"), "\(result.stdout)")
        }
    }

    /// A difference past the first checkpoints (every 10,000 records) is found by re-reading only from the last
    /// checkpoint both sides agree on, and still named at its exact position.
    @Test func aDifferenceDeepInAPartitionIsFoundFromTheLastCommonCheckpoint() async throws {
        let (a, b) = (BrokerHarness.uniqueName("deep-a"), BrokerHarness.uniqueName("deep-b"))
        try await withTopics(a, b) {
            try await createTopic(a, partitions: 1)
            try await createTopic(b, partitions: 1)
            let produced = try await python("""
                import sys
                from confluent_kafka import Producer
                producer = Producer({"bootstrap.servers": sys.argv[1], "linger.ms": 20})
                for topic, changed in ((sys.argv[2], -1), (sys.argv[3], 25003)):
                    for i in range(30000):
                        producer.produce(topic, value=b"changed" if i == changed else b"value-%d" % i, partition=0, timestamp=1_700_000_000_000 + i)
                    producer.flush(30)
                """, [a, b])
            try #require(produced.exitCode == 0, "python: \(produced.stderr)")
            let result = try await topics(["--diff", "--topic", a, "--to-topic", b, "--output", "json"])
            #expect(result.exitCode == 1, "stderr: \(result.stderr)")
            let partition = try #require((try result.jsonObject()["partitions"] as? [[String: Any]])?.first)
            let difference = try #require(partition["firstDifference"] as? [String: Any])
            #expect(difference["position"] as? Int == 25003)
            #expect((difference["source"] as? [String: Any])?["value"] as? String == "value-25003")
            #expect((difference["target"] as? [String: Any])?["value"] as? String == "changed")
            #expect((difference["target"] as? [String: Any])?["offset"] as? Int == 25003)
        }
    }

    @Test func verifyAgreesWithConfluentKafkaAndTheDigestRecomputedInPython() async throws {
        let name = BrokerHarness.uniqueName("verify")
        try await withTopics(name) {
            try await Self.topicsWithData(name, mutations: ["none"])
            let ours = try await topics(["--verify", "--topic", name, "--output", "json"])
            #expect(ours.exitCode == 0, "stderr: \(ours.stderr)")
            let document = try ours.jsonObject()
            #expect(document["records"] as? Int == 240)
            let partitions = try #require(document["partitions"] as? [[String: Any]])
            let theirs = try await python(Self.census, [name, "4"])
            try #require(theirs.exitCode == 0, "python: \(theirs.stderr)")
            let expected = try #require(try JSONSerialization.jsonObject(with: Data(theirs.stdout.utf8)) as? [[String: Any]])
            #expect(expected.count == 4)
            for (mine, other) in zip(partitions, expected) {
                for field in ["partition", "records", "tombstones", "firstOffset", "lastOffset", "firstTimestamp", "lastTimestamp"] {
                    #expect(mine[field] as? Int == other[field] as? Int, "\(field): \(mine) vs \(other)")
                }
                #expect(mine["digest"] as? String == other["digest"] as? String)
            }
            #expect(partitions.map { $0["tombstones"] as? Int } == Array(repeating: 9, count: 4))

            let text = try await topics(["--verify", "--topic", name])
            #expect(text.exitCode == 0)
            let lines = text.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "PARTITION RECORDS TOMBSTONES FIRST-OFFSET LAST-OFFSET FIRST-TIMESTAMP LAST-TIMESTAMP DIGEST")
            #expect(lines.last == "Topic: \(name)\tPartitions: 4\tRecords: 240\tTombstones: 36")
        }
    }

    @Test func byKeyATopicRepartitionedByMurmur2IsEqualAndASwapNamesTheKey() async throws {
        let (a, b, c) = (BrokerHarness.uniqueName("bykey-3"), BrokerHarness.uniqueName("bykey-5"), BrokerHarness.uniqueName("bykey-swap"))
        try await withTopics(a, b, c) {
            try await createTopic(a, partitions: 3)
            try await createTopic(b, partitions: 5)
            try await createTopic(c, partitions: 5)
            let produced = try await python("""
                import sys
                from confluent_kafka import Producer
                producer = Producer({"bootstrap.servers": sys.argv[1], "partitioner": "murmur2_random", "linger.ms": 5})
                records = [(("key-%d" % (i % 12)).encode(), ("value-%d" % i).encode(), 1_700_000_000_000 + i) for i in range(300)]
                swapped = list(records)
                swapped[5], swapped[29] = swapped[29], swapped[5]  # two records of key-5
                for topic, rows in ((sys.argv[2], records), (sys.argv[3], records), (sys.argv[4], swapped)):
                    for key, value, ts in rows: producer.produce(topic, key=key, value=value, timestamp=ts)
                    producer.flush(10)
                """, [a, b, c])
            try #require(produced.exitCode == 0, "python: \(produced.stderr)")

            let samePartitions = try await topics(["--diff", "--topic", a, "--to-topic", b])
            #expect(samePartitions.exitCode == 1, "3 against 5 partitions differ partition by partition")

            let equal = try await topics(["--diff", "--topic", a, "--to-topic", b, "--partition-map", "hash"])
            #expect(equal.exitCode == 0, "stderr: \(equal.stderr)")
            #expect(equal.stdout.hasSuffix("hold the same records in the same order per key (300 records, 12 keys).\n"))

            let swapped = try await topics(["--diff", "--topic", a, "--to-topic", c, "--partition-map", "hash"])
            #expect(swapped.exitCode == 1)
            #expect(swapped.stderrLines == ["Error: topics '\(a)' and '\(c)' differ in 1 keys, first key \"key-5\""])
            let json = try await topics(["--diff", "--topic", a, "--to-topic", c, "--partition-map", "hash", "--output", "json"])
            #expect(json.exitCode == 1)
            let first = try #require(try json.jsonObject()["firstDifference"] as? [String: Any])
            #expect(first["key"] as? String == "key-5")
        }
    }

    @Test func abortedTransactionsAndControlRecordsAreNotCounted() async throws {
        let name = BrokerHarness.uniqueName("verify-txn")
        try await withTopics(name) {
            try await createTopic(name, partitions: 1)
            let produced = try await python("""
                import sys
                from confluent_kafka import Producer
                producer = Producer({"bootstrap.servers": sys.argv[1], "transactional.id": "txn-" + sys.argv[2]})
                producer.init_transactions(10)
                for commit, count in ((True, 5), (False, 3), (True, 2)):
                    producer.begin_transaction()
                    for i in range(count):
                        producer.produce(sys.argv[2], key=b"k", value=(b"committed" if commit else b"aborted"), partition=0)
                    producer.commit_transaction(10) if commit else producer.abort_transaction(10)
                """, [name])
            try #require(produced.exitCode == 0, "python: \(produced.stderr)")
            let ours = try await topics(["--verify", "--topic", name, "--output", "json"])
            #expect(ours.exitCode == 0, "stderr: \(ours.stderr)")
            let partition = try #require((try ours.jsonObject()["partitions"] as? [[String: Any]])?.first)
            #expect(partition["records"] as? Int == 7)
            let theirs = try await python(Self.census, [name, "1"])
            let expected = try #require((try JSONSerialization.jsonObject(with: Data(theirs.stdout.utf8)) as? [[String: Any]])?.first)
            #expect(expected["records"] as? Int == 7)
            #expect(partition["digest"] as? String == expected["digest"] as? String)
        }
    }

    @Test func badInputIsOneLineWithExitCode64() async throws {
        let name = BrokerHarness.uniqueName("diff-bad")
        try await withTopics(name) {
            try await createTopic(name, partitions: 1)
            expectFailure(try await topics(["--diff", "--topic", name]), exitCode: 64,
                          message: "Missing required argument \"[to-topic]\": --diff compares --topic with --to-topic", usageHint: true)
            expectFailure(try await topics(["--diff", "--topic", name, "--to-topic", name]), exitCode: 64,
                          containing: ["--topic and --to-topic name the same topic '\(name)' on the same cluster"])
            expectFailure(try await topics(["--diff", "--topic", name, "--to-topic", name, "--to-bootstrap-server", try await brokerAddress()]),
                          exitCode: 64, containing: ["the same topic '\(name)' on the same cluster"])
            expectFailure(try await topics(["--verify", "--topic", name, "--partition-map", "hash"]), exitCode: 64,
                          message: "Option \"[partition-map]\" can't be used with option \"[verify]\"; it needs --diff", usageHint: true)
            expectFailure(try await topics(["--verify", "--topic", name, "--to-topic", "x"]), exitCode: 64,
                          message: "Option \"[to-topic]\" can't be used with option \"[verify]\"; it needs --diff", usageHint: true)
            expectFailure(try await topics(["--diff", "--topic", name, "--to-topic", "x", "--partition-map", "random"]), exitCode: 64,
                          containing: ["partition-map"], usageHint: true)
            expectFailure(try await topics(["--diff", "--topic", name, "--to-topic", "no-such-topic-\(name)"]), exitCode: 64,
                          message: "Topic 'no-such-topic-\(name)' does not exist [UNKNOWN_TOPIC_OR_PARTITION] (--to-topic)")
            expectFailure(try await topics(["--verify", "--topic", "no-such-\(name)"]), exitCode: 64,
                          message: "Topic 'no-such-\(name)' does not exist [UNKNOWN_TOPIC_OR_PARTITION]")
            expectFailure(try await topics(["--diff", "--topic", "orders|payments", "--to-topic", name]), exitCode: 64,
                          containing: ["orders|payments"], usageHint: true)
        }
    }
}

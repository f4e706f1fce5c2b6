import AdminCore
import Foundation
import TestSupport
import Testing

/// `kafkactl console-producer` as a user runs it, against the real broker, with confluent-kafka (librdkafka) as the
/// independent client that reads back what kafkactl wrote.
@Suite struct ConsoleProducerTests {
    typealias Record = ProducerHarness.ReadRecord

    // MARK: Plain lines

    @Test func seqIntoThreePartitionsArrivesExactlyOnceInOrderWithNoOutput() async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-seq")
        let count = 100_000
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 3)
            let result = try await ProducerHarness.produce(topic, input: ProducerHarness.seq(1...count))
            try #require(result.exitCode == 0, "stderr: \(result.stderr)")
            // stdin is a pipe: no `>` prompt; stderr is a pipe: no progress.
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.isEmpty)

            let read = try await ProducerHarness.readBack(topic, expecting: count)
            #expect(read.count == count)
            var seen = [Bool](repeating: false, count: count + 1)
            var duplicates = 0
            for (partition, records) in read.partitions {
                let numbers = records.map { Int($0.value ?? "") ?? 0 }
                #expect(zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 }, "partition \(partition) is out of order")
                for number in numbers where number >= 1 && number <= count {
                    if seen[number] { duplicates += 1 }
                    seen[number] = true
                }
                #expect(records.allSatisfy { $0.key == nil && $0.headers.isEmpty })
            }
            #expect(duplicates == 0)
            #expect(seen.dropFirst().allSatisfy { $0 }, "every line arrives")
        }
    }

    @Test func keylessRecordsStickToAPartitionPerBatchAndSpreadOverAllOfThem() async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-sticky")
        let count = 20_000
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 3)
            let result = try await ProducerHarness.produce(topic, ["--batch-size", "2000"], input: ProducerHarness.seq(1...count))
            try #require(result.exitCode == 0, "stderr: \(result.stderr)")
            let read = try await ProducerHarness.readBack(topic, expecting: count)
            #expect(read.count == count)
            #expect(Set(read.values.compactMap { $0 }).count == count, "every line once")
            #expect(read.partitions.values.filter { !$0.isEmpty }.count == 3, "about 50 batches should use all 3 partitions")
            for (partition, records) in read.partitions {
                let numbers = records.map { Int($0.value ?? "") ?? 0 }
                #expect(zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 }, "partition \(partition) is out of order")
            }
        }
    }

    @Test func theLastLineWithoutNewlineAndEmptyLinesAreRecordsToo() async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-lines")
        try await withTopics(topic) {
            try await createTopic(topic)
            let result = try await ProducerHarness.produce(topic, input: "first\r\n\nthird with spaces  \nlast")
            try #require(result.exitCode == 0, "stderr: \(result.stderr)")
            let read = try await ProducerHarness.readBack(topic, expecting: 4)
            #expect(read.partitions[0] == [
                Record(key: nil, value: "first"), Record(key: nil, value: ""), Record(key: nil, value: "third with spaces  "),
                Record(key: nil, value: "last"),
            ])
        }
    }

    // MARK: Keys, headers and null

    @Test func keysHeadersAndNullsArriveExactlyAndKeysLandWhereJavasMurmur2PutsThem() async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-keyed")
        let partitions = 4
        var lines: [String] = []
        var expected: [Record] = []
        for index in 0..<200 {
            let key = "user-\(index % 37)"
            lines.append("seq=\(index),seq=again,kind=k\t\(key):value \(index)")
            expected.append(Record(key: key, value: "value \(index)", headers: [("seq", "\(index)"), ("seq", "again"), ("kind", "k")]))
        }
        let special: [(String, Record)] = [
            ("trace=NULL\tuser-1:NULL", Record(key: "user-1", value: nil, headers: [("trace", nil)])),  // a tombstone
            ("NULL\tuser-2:no headers", Record(key: "user-2", value: "no headers")),
            ("a=1\tuser-3:", Record(key: "user-3", value: "", headers: [("a", "1")])),
            ("a=\tuser-4:a:b:c", Record(key: "user-4", value: "a:b:c", headers: [("a", "")])),
            ("a=x=y\t:empty key", Record(key: "", value: "empty key", headers: [("a", "x=y")])),
        ]
        for (line, record) in special {
            lines.append(line)
            expected.append(record)
        }
        let keyless = Record(key: nil, value: "keyless", headers: [("h", "v")])
        lines.append("h=v\tNULL:keyless")

        try await withTopics(topic) {
            try await createTopic(topic, partitions: partitions)
            let result = try await ProducerHarness.produce(
                topic,
                ["--property", "parse.key=true", "--property", "key.separator=:", "--property", "parse.headers=true",
                 "--property", "headers.key.separator==", "--property", "null.marker=NULL"],
                input: lines.joined(separator: "\n") + "\n")
            try #require(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stderr.isEmpty)

            let read = try await ProducerHarness.readBack(topic, expecting: lines.count)
            #expect(read.count == lines.count)
            for partition in 0..<Int32(partitions) {
                // Keyed records: exactly the expected ones in input order, on Java's partition for their key.
                let want = expected.filter {
                    Murmur2.partition(forKey: Array($0.key!.utf8), partitionCount: partitions) == partition
                }
                let got = (read.partitions[partition] ?? []).filter { $0.key != nil }
                #expect(got == want, "partition \(partition)")
            }
            let keylessRead = read.partitions.values.flatMap { $0 }.filter { $0.key == nil }
            #expect(keylessRead == [keyless])
        }
    }

    @Test func confluentKafkaWithMurmur2PlacesEveryKeyWhereKafkactlDid() async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-murmur")
        let peerTopic = BrokerHarness.uniqueName("e2e-produce-murmur-peer")
        let keys = (0..<100).map { "key-\($0)-\(String(repeating: "x", count: $0 % 9))" }
        try await withTopics(topic, peerTopic) {
            try await createTopic(topic, partitions: 5)
            try await createTopic(peerTopic, partitions: 5)
            let result = try await ProducerHarness.produce(
                topic, ["--property", "parse.key=true", "--property", "key.separator=\t"],
                input: keys.map { "\($0)\tv" }.joined(separator: "\n") + "\n")
            try #require(result.exitCode == 0, "stderr: \(result.stderr)")
            let read = try await ProducerHarness.readBack(topic, expecting: keys.count)
            var ours: [String: Int32] = [:]
            for (partition, records) in read.partitions {
                for record in records { ours[record.key!] = partition }
            }

            let peer = try await python("""
                import json, sys
                from confluent_kafka import Producer
                producer = Producer({"bootstrap.servers": sys.argv[1], "partitioner": "murmur2_random"})
                placed = {}
                def delivered(error, message):
                    if error: raise Exception(str(error))
                    placed[message.key().decode()] = message.partition()
                for key in sys.argv[3:]:
                    producer.produce(sys.argv[2], key=key.encode(), value=b"v", on_delivery=delivered)
                producer.flush(10)
                print(json.dumps(placed))
                """, [peerTopic] + keys)
            try #require(peer.exitCode == 0, "confluent-kafka failed: \(peer.stderr)")
            let theirs = try #require(try JSONSerialization.jsonObject(with: Data(peer.stdout.utf8)) as? [String: Int])
            #expect(ours.count == keys.count)
            #expect(theirs.count == keys.count)
            for key in keys {
                #expect(ours[key].map(Int.init) == theirs[key], "\(key)")
                #expect(ours[key] == Murmur2.partition(forKey: Array(key.utf8), partitionCount: 5), "\(key)")
            }
            #expect(Set(ours.values).count == 5, "100 keys should reach all 5 partitions")
        }
    }

    // MARK: Compression

    @Test(arguments: ["gzip", "snappy", "lz4", "zstd"])
    func everyCodecRoundTripsThroughConfluentKafka(codec: String) async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-\(codec)")
        let count = 5000
        // Repetitive values, so compressing actually changes the bytes.
        let lines = (1...count).map { "key-\($0 % 50):value \($0) \(String(repeating: "abc", count: $0 % 40))" }
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 2)
            let result = try await ProducerHarness.produce(
                topic, ["--compression-codec", codec, "--property", "parse.key=true", "--property", "key.separator=:"],
                input: lines.joined(separator: "\n") + "\n")
            try #require(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stderr.isEmpty)
            let read = try await ProducerHarness.readBack(topic, expecting: count)
            #expect(read.count == count)
            let expected = Set(lines)
            let got = Set(read.partitions.values.flatMap { $0 }.map { "\($0.key ?? "<null>"):\($0.value ?? "<null>")" })
            #expect(got.count == expected.count)
            #expect(expected.subtracting(got).isEmpty, "\(expected.subtracting(got).count) records missing or changed")
        }
    }

    // MARK: acks

    @Test(arguments: [
        ["--request-required-acks", "all"], ["--request-required-acks", "-1"], ["--request-required-acks", "1"],
        ["--request-required-acks", "0"], ["--producer-property", "acks=all"], ["--producer-property", "acks=1"],
        ["--producer-property", "acks=0"],
    ])
    func everyAcksSettingDeliversEveryRecord(flags: [String]) async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-acks")
        let count = 3000
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 2)
            let result = try await ProducerHarness.produce(topic, flags, input: ProducerHarness.seq(1...count))
            try #require(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stderr.isEmpty)
            // With acks=0 the broker answers nothing: poll until the records are there.
            let read = try await ProducerHarness.readBack(topic, expecting: count)
            #expect(read.count == count)
            let missing = Set((1...count).map(String.init)).subtracting(read.values.compactMap { $0 })
            #expect(missing.isEmpty, "\(missing.count) records missing")
        }
    }

    // MARK: Partition and sync

    @Test func partitionPinsEveryRecordKeyedOrNot() async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-pinned")
        let lines = (0..<500).map { $0 % 2 == 0 ? "k\($0):v\($0)" : "NULL:v\($0)" }
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 3)
            let result = try await ProducerHarness.produce(
                topic, ["--partition", "2", "--property", "parse.key=true", "--property", "key.separator=:",
                        "--property", "null.marker=NULL"],
                input: lines.joined(separator: "\n") + "\n")
            try #require(result.exitCode == 0, "stderr: \(result.stderr)")
            let read = try await ProducerHarness.readBack(topic, expecting: lines.count)
            #expect(read.partitions[0] == [])
            #expect(read.partitions[1] == [])
            #expect(read.partitions[2]?.map(\.value) == (0..<500).map { "v\($0)" })
            #expect(read.partitions[2]?.filter { $0.key == nil }.count == 250)
        }
    }

    @Test func syncDeliversEveryLineInOrder() async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-sync")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 3)
            let result = try await ProducerHarness.produce(topic, ["--sync"], input: ProducerHarness.seq(1...200))
            try #require(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stderr.isEmpty)
            let read = try await ProducerHarness.readBack(topic, expecting: 200)
            #expect(read.count == 200)
            for (partition, records) in read.partitions {
                let numbers = records.map { Int($0.value ?? "") ?? 0 }
                #expect(zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 }, "partition \(partition)")
            }
        }
    }

    @Test func syncStopsAtTheFirstRecordNotAcknowledgedAndReadsNoFurther() async throws {
        // Each line is acknowledged before the next is read: a record the producer refuses (line 3, larger than
        // max.request.size) ends the run there, as Kafka's --sync does; lines 1-2 are in the topic, 4-5 never sent.
        let topic = BrokerHarness.uniqueName("e2e-produce-sync-stop")
        let big = String(repeating: "x", count: 5000)
        try await withTopics(topic) {
            try await createTopic(topic)
            let result = try await ProducerHarness.produce(
                topic, ["--sync", "--producer-property", "max.request.size=1000"],
                input: "one\ntwo\n\(big)\nfour\nfive\n")
            let message = ProducerHarness.expectOneErrorLine(result, exitCode: 1)
            #expect(message.contains("line 3"), "\(message)")
            #expect(message.contains("max.request.size"), "\(message)")
            let read = try await ProducerHarness.readBack(topic, expecting: 2)
            #expect(read.partitions[0]?.map(\.value) == ["one", "two"])
        }
    }
}

import Foundation
import TestSupport
import Testing

/// Seeds source topics and compares topics record by record with confluent-kafka (librdkafka), an independent
/// client: what kafkactl copy writes is read back by someone else's decoder.
enum CopyHarness {
    /// Produces `count` records round-robin over `partitions` partitions of `topic` with confluent-kafka: binary
    /// keys and values (nulls and empties among them), repeated and null headers, explicit timestamps.
    static func seed(_ topic: String, count: Int, partitions: Int, valueSize: Int = 40) async throws {
        let result = try await python("""
            import sys
            from confluent_kafka import Producer
            count, partitions, size = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
            producer = Producer({"bootstrap.servers": sys.argv[1], "enable.idempotence": True, "linger.ms": 20})
            for i in range(count):
                key = None if i % 7 == 0 else (b"" if i % 11 == 0 else bytes([i % 256, 0, 255]) + i.to_bytes(4, "big"))
                value = None if i % 13 == 0 else (b"" if i % 17 == 0 else bytes((i + j) % 256 for j in range(size)))
                headers = [] if i % 3 == 0 else [("h", b"\\x00\\xff"), ("h", None), ("empty", b""), ("h", bytes([i % 256]))]
                while True:
                    try:
                        producer.produce(sys.argv[2], key=key, value=value, headers=headers, partition=i % partitions,
                                         timestamp=1_700_000_000_000 + i)
                        break
                    except BufferError:  # the local queue is full (100,000 records): let deliveries drain it
                        producer.poll(0.05)
                if i % 10000 == 0:
                    producer.poll(0)
            if producer.flush(120) != 0:
                sys.exit("not all records were delivered")
            """, [topic, String(count), String(partitions), String(valueSize)],
            // A minute, plus a minute per 300,000 records: a million took about a minute under the full suite.
            timeout: .seconds(60 + count / 5_000))
        try #require(result.exitCode == 0, "seeding \(topic) failed: \(result.stderr)")
    }

    /// Reads both topics to the end with confluent-kafka and compares them partition by partition: same order, key,
    /// value, headers and timestamp. Returns the counts per partition and the first difference.
    static func compare(_ source: String, _ target: String, expecting: Int) async throws -> Comparison {
        let result = try await python("""
            import json, sys, time, uuid
            from confluent_kafka import Consumer, TopicPartition, OFFSET_BEGINNING
            def read(topic, expected):
                consumer = Consumer({"bootstrap.servers": sys.argv[1], "group.id": "copy-check-" + uuid.uuid4().hex,
                                     "enable.auto.commit": False, "auto.offset.reset": "earliest"})
                metadata = consumer.list_topics(topic, timeout=10).topics[topic]
                consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in metadata.partitions])
                records, idle_since, total = {}, time.time(), 0
                while time.time() - idle_since < (1.5 if total >= expected else 10):
                    message = consumer.poll(0.2)
                    if message is None or message.error():
                        continue
                    idle_since = time.time()
                    total += 1
                    headers = [[k, v.hex() if v is not None else None] for k, v in (message.headers() or [])]
                    records.setdefault(message.partition(), []).append([
                        message.key().hex() if message.key() is not None else None,
                        message.value().hex() if message.value() is not None else None,
                        headers, message.timestamp()[1], message.offset()])
                consumer.close()
                return records
            expected = int(sys.argv[4])
            source, target = read(sys.argv[2], expected), read(sys.argv[3], expected)
            difference = None
            for partition in sorted(set(source) | set(target)):
                left, right = source.get(partition, []), target.get(partition, [])
                for index in range(max(len(left), len(right))):
                    a = left[index][:4] if index < len(left) else None
                    b = right[index][:4] if index < len(right) else None
                    if a != b:
                        difference = {"partition": partition, "index": index, "source": a, "target": b}
                        break
                if difference:
                    break
            print(json.dumps({"source": {str(p): len(r) for p, r in source.items()},
                              "target": {str(p): len(r) for p, r in target.items()}, "difference": difference}))
            """, [source, target, String(expecting)],
            // Both topics are read: a minute, plus a minute per 150,000 records expected.
            timeout: .seconds(60 + expecting / 2_500))
        try #require(result.exitCode == 0, "comparing failed: \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return Comparison(source: object["source"] as? [String: Int] ?? [:], target: object["target"] as? [String: Int] ?? [:],
                          difference: object["difference"] is NSNull ? nil : "\(object["difference"]!)")
    }

    struct Comparison {
        var source: [String: Int]
        var target: [String: Int]
        var difference: String?
        var sourceTotal: Int { source.values.reduce(0, +) }
        var targetTotal: Int { target.values.reduce(0, +) }
    }

    /// A checkpoint as kafkactl writes it (same text, CRC32C over it), for the tests that resume from a cut chosen
    /// by hand: the one a run that died before its next save would have left.
    static func writeCheckpoint(
        _ path: String, source: String, target: String, partitionMap: String = "same", targetPartitions: Int,
        sources: [(partition: Int, next: Int64, end: Int64)], targets: [(partition: Int, end: Int64)]
    ) throws {
        var lines = ["kafkactl copy checkpoint 1", "source-topic \(source)", "target-topic \(target)",
                     "partition-map \(partitionMap)", "target-partitions \(targetPartitions)"]
        lines += sources.map { "source \($0.partition) \($0.next) \($0.end)" }
        lines += targets.map { "target \($0.partition) \($0.end)" }
        let body = lines.joined(separator: "\n") + "\n"
        let hex = String(crc32c(Array(body.utf8)), radix: 16)
        try (body + "checksum " + String(repeating: "0", count: 8 - hex.count) + hex + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// CRC-32C (Castagnoli), bit by bit: independent of kafkactl's table-driven one.
    static func crc32c(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        }
        return ~crc
    }

    static func temporaryPath(_ name: String) -> String {
        NSTemporaryDirectory() + "/" + BrokerHarness.uniqueName(name) + ".checkpoint"
    }
}

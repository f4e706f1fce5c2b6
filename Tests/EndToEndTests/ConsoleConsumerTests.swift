import Foundation
import TestSupport
import Testing

/// `kafkactl console-consumer` as a user runs it, against the real broker, on data written by an independent client
/// (confluent-kafka 2.16 with Java's murmur2 partitioner): exact output for every codec, keys, headers and nulls;
/// the start positions; the ways it stops; JSON; the formatter properties byte for byte; pipes and large topics.
@Suite struct ConsoleConsumerTests {
    typealias Outgoing = ConsumerTestSupport.Outgoing
    typealias Phase = ConsumerTestSupport.Phase

    static func consume(_ arguments: [String], timeout: Duration = .seconds(30)) async throws -> ProcessResult {
        try await ConsumerTestSupport.consume(arguments, timeout: timeout)
    }

    static func lines(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The Kafka formatter's line for a record with `print.partition`, `print.offset`, `print.headers`, `print.key`.
    static func expectedLine(_ record: Outgoing, at delivered: ConsumerTestSupport.Delivered) -> String {
        let headers = record.headers.isEmpty
            ? "NO_HEADERS" : record.headers.map { "\($0.0):\($0.1 ?? "null")" }.joined(separator: ",")
        return ["Partition:\(delivered.partition)", "Offset:\(delivered.offset)", headers, record.key ?? "null",
                record.value ?? "null"].joined(separator: "\t")
    }

    static let detailProperties = ["--property", "print.partition=true", "--property", "print.offset=true",
                                   "--property", "print.headers=true", "--property", "print.key=true"]

    /// "Partition:p\tOffset:o\t..." -> (p, o)
    static func position(_ line: String) -> (Int, Int64)? {
        let fields = line.components(separatedBy: "\t")
        guard fields.count >= 2, let partition = Int(fields[0].dropFirst("Partition:".count)),
              let offset = Int64(fields[1].dropFirst("Offset:".count)) else { return nil }
        return (partition, offset)
    }

    @Test func fromBeginningToTheEndPrintsExactlyWhatThePeerWroteWithEveryCodec() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-codecs")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 3)
            var phases: [Phase] = []
            for codec in ["none", "gzip", "snappy", "lz4", "zstd"] {
                let records = (0..<12).map { index in
                    Outgoing(
                        topic: topic,
                        key: index % 4 == 3 ? nil : "\(codec)-key-\(index % 5)",
                        value: index % 6 == 5 ? nil : "\(codec) value \(index) ünïcödé ✓",
                        headers: index % 3 == 0 ? [] : [("trace", "\(codec)-\(index)"), ("dup", "a"), ("dup", nil)])
                }
                phases.append(Phase(config: ["compression.type": codec], records: records))
            }
            let delivered = try await ConsumerTestSupport.produce(phases)
            let sent = phases.flatMap(\.records)
            #expect(Set(delivered.map(\.partition)).count > 1, "the data should span partitions")

            let result = try await Self.consume(["--topic", topic, "--from-beginning", "--exit-at-end"] + Self.detailProperties)
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(result.stderr == ConsumerTestSupport.processed(sent.count) + "\n")
            let lines = Self.lines(result.stdout)
            let expected = zip(sent, delivered).sorted { ($0.1.partition, $0.1.offset) < ($1.1.partition, $1.1.offset) }
                .map { Self.expectedLine($0.0, at: $0.1) }
            let positions = lines.compactMap(Self.position)
            #expect(positions.count == lines.count)
            #expect(lines.sorted { Self.position($0)! < Self.position($1)! } == expected)
            // Within a partition, records come in offset order.
            for partition in Set(positions.map(\.0)) {
                let offsets = positions.filter { $0.0 == partition }.map(\.1)
                #expect(offsets == offsets.sorted(), "partition \(partition) out of order")
            }
        }
    }

    @Test func maxMessagesStopsAfterThatManyAndSaysSo() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-max")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 1)
            _ = try await ConsumerTestSupport.produce([Phase(records: (0..<10).map { Outgoing(topic: topic, value: "m\($0)") })])
            let result = try await Self.consume(["--topic", topic, "--from-beginning", "--max-messages", "4"])
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(result.stdout == "m0\nm1\nm2\nm3\n")
            #expect(result.stderr == ConsumerTestSupport.processed(4) + "\n")
        }
    }

    @Test func aPartitionAndOffsetStartExactlyThereEvenInsideABatch() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-offset")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 3)
            // A batch of 10 records in partition 1, so offset 6 starts in the middle of it; then two one-record
            // batches, because the test broker's ListOffsets(latest) (which bounds --offset) is exact only after those.
            let delivered = try await ConsumerTestSupport.produce([
                Phase(records: (0..<10).map { Outgoing(topic: topic, partition: 1, key: "k\($0)", value: "p1-\($0)") }),
                Phase(flushEach: true, records: (10..<12).map { Outgoing(topic: topic, partition: 1, key: "k\($0)", value: "p1-\($0)") }),
                Phase(records: (0..<3).map { Outgoing(topic: topic, partition: 2, value: "p2-\($0)") }),
            ])
            #expect(delivered.prefix(12).map(\.offset) == Array(0..<12))
            let result = try await Self.consume(["--topic", topic, "--partition", "1", "--offset", "6", "--exit-at-end",
                                                 "--property", "print.offset=true", "--property", "print.key=true"])
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(result.stdout == (6..<12).map { "Offset:\($0)\tk\($0)\tp1-\($0)\n" }.joined())
            #expect(result.stderr == ConsumerTestSupport.processed(6) + "\n")
        }
    }

    @Test func offsetEarliestWithAPartitionReadsItAll() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-earliest")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 2)
            _ = try await ConsumerTestSupport.produce([
                Phase(records: (0..<5).map { Outgoing(topic: topic, partition: 0, value: "zero-\($0)") }
                    + (0..<5).map { Outgoing(topic: topic, partition: 1, value: "one-\($0)") }),
            ])
            let result = try await Self.consume(["--topic", topic, "--partition", "0", "--offset", "earliest", "--exit-at-end"])
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(result.stdout == (0..<5).map { "zero-\($0)\n" }.joined())
            let fromBeginning = try await Self.consume(["--topic", topic, "--partition", "1", "--from-beginning", "--exit-at-end"])
            #expect(fromBeginning.stdout == (0..<5).map { "one-\($0)\n" }.joined())
        }
    }

    @Test func offsetLatestToTheEndPrintsNothing() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-latest-end")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 1)
            // One-record batches: the test broker's ListOffsets(latest) is exact only for those.
            _ = try await ConsumerTestSupport.produce([Phase(flushEach: true, records: (0..<4).map { Outgoing(topic: topic, value: "old-\($0)") })])
            for arguments in [["--partition", "0", "--offset", "latest"], []] {
                let result = try await Self.consume(["--topic", topic, "--exit-at-end"] + arguments)
                #expect(result.exitCode == 0, "\(result.stderr)")
                #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
                #expect(result.stderr == ConsumerTestSupport.processed(0) + "\n")
            }
        }
    }

    /// Tails from the end through a pipe: records written after it started show up at once (each chunk is flushed,
    /// not held in a 64 KiB buffer), and nothing from before it started.
    @Test(.timeLimit(.minutes(1)))
    func offsetLatestTailsNewRecordsThroughAPipeAsTheyArrive() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-tail")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 1)
            _ = try await ConsumerTestSupport.produce([Phase(flushEach: true, records: (0..<3).map { Outgoing(topic: topic, value: "old-\($0)") })])
            let address = try await ConsumerTestSupport.bootstrap()
            let consumer = try LiveKafkactl(["console-consumer", "--bootstrap-server", address, "--topic", topic,
                                             "--partition", "0", "--offset", "latest"])
            defer { consumer.kill() }
            // We cannot see when it has found its start, so write a new record until one comes out (at most 30 s).
            var line: [String] = []
            var written = 0
            let deadline = ContinuousClock.now + .seconds(30)
            while line.isEmpty && ContinuousClock.now < deadline {
                _ = try await ConsumerTestSupport.produce([Phase(records: [Outgoing(topic: topic, value: "new-\(written)")])])
                written += 1
                line = try await offThePool { consumer.readLines(1, within: .milliseconds(500)) }
            }
            let first = try #require(line.first, "no record came out; stderr: \(consumer.stderr)")
            #expect(first.hasPrefix("new-"), "a record from before the start came out: \(first)")
        }
    }

    @Test func offsetMinusThreeReadsTheLastThreeOfEachPartition() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-last3")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 3)
            let counts = [5, 2, 7]  // partition 1 has fewer than three
            var records: [Outgoing] = []
            for (partition, count) in counts.enumerated() {
                records += (0..<count).map { Outgoing(topic: topic, partition: partition, value: "p\(partition)-\($0)") }
            }
            _ = try await ConsumerTestSupport.produce([Phase(flushEach: true, records: records)])
            let result = try await Self.consume(["--topic", topic, "--offset=-3", "--exit-at-end"])
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(Set(Self.lines(result.stdout)) == ["p0-2", "p0-3", "p0-4", "p1-0", "p1-1", "p2-4", "p2-5", "p2-6"])
            #expect(Self.lines(result.stdout).count == 8)
            let onePartition = try await Self.consume(["--topic", topic, "--partition", "2", "--offset", "-3", "--exit-at-end"])
            #expect(onePartition.stdout == "p2-4\np2-5\np2-6\n")
        }
    }

    @Test func aTimeBeforeTheFirstRecordStartsAtTheBeginning() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-time")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 2)
            let sent = (0..<6).map { Outgoing(topic: topic, key: "key-\($0)", value: "v\($0)") }
            _ = try await ConsumerTestSupport.produce([Phase(records: sent)])
            let result = try await Self.consume(["--topic", topic, "--offset", "2020-01-01T00:00:00Z", "--exit-at-end"])
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(Set(Self.lines(result.stdout)) == Set(sent.map { $0.value! }))
            #expect(Self.lines(result.stdout).count == 6)
            let relative = try await Self.consume(["--topic", topic, "--offset", "-30d", "--exit-at-end"])
            #expect(Self.lines(relative.stdout).count == 6)
        }
    }

    @Test func timeoutMsEndsAnIdleConsumerWithExitZero() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-idle")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 1)
            _ = try await ConsumerTestSupport.produce([Phase(records: (0..<3).map { Outgoing(topic: topic, value: "i\($0)") })])
            // 3 s: the idle clock runs from the start, as Kafka's first poll does, so on a loaded machine a shorter
            // timeout can end the run before the first fetch is answered.
            let result = try await Self.consume(["--topic", topic, "--from-beginning", "--timeout-ms", "3000"])
            let elapsed = result.elapsed
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(result.stdout == "i0\ni1\ni2\n")
            #expect(result.stderr == ConsumerTestSupport.processed(3) + "\n")
            #expect(elapsed >= .milliseconds(3000))
            #expect(elapsed < honouredTimeoutBound + .seconds(2))
        }
    }

    @Test func includeReadsEveryMatchingTopicAndNoOther() async throws {
        let prefix = BrokerHarness.uniqueName("e2e-cc-incl")
        let (first, second, other) = ("\(prefix).orders", "\(prefix).payments", "\(prefix)x-other")
        try await withTopics(first, second, other) {
            try await createTopic(first, partitions: 2)
            try await createTopic(second, partitions: 1)
            try await createTopic(other, partitions: 1)
            _ = try await ConsumerTestSupport.produce([Phase(records:
                (0..<4).map { Outgoing(topic: first, key: "k\($0)", value: "orders-\($0)") }
                + (0..<3).map { Outgoing(topic: second, value: "payments-\($0)") }
                + [Outgoing(topic: other, value: "other-0")])])
            let pattern = prefix.replacingOccurrences(of: ".", with: "\\.") + "\\..*"
            let result = try await Self.consume(["--include", pattern, "--from-beginning", "--exit-at-end"])
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(Set(Self.lines(result.stdout))
                == ["orders-0", "orders-1", "orders-2", "orders-3", "payments-0", "payments-1", "payments-2"])
            #expect(Self.lines(result.stdout).count == 7)
            #expect(result.stderr == ConsumerTestSupport.processed(7) + "\n")
        }
    }

    @Test func jsonOutputCarriesExactKeysValuesHeadersAndOffsets() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-json")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 2)
            let sent = [
                Outgoing(topic: topic, partition: 0, key: "alpha", value: "{\"n\":1}", headers: [("h", "1"), ("h", "2"), ("z", nil)]),
                Outgoing(topic: topic, partition: 0, key: nil, value: nil),
                Outgoing(topic: topic, partition: 1, key: "bin", binaryValue: [0xff, 0x00, 0xfe, 0x80]),
                Outgoing(topic: topic, partition: 1, key: "tab\tand\nnewline", value: "ünïcödé ✓", headers: [("empty", "")]),
            ]
            let delivered = try await ConsumerTestSupport.produce([Phase(config: ["compression.type": "zstd"], records: sent)])
            let result = try await Self.consume(["--topic", topic, "--from-beginning", "--exit-at-end", "--output", "json"])
            #expect(result.exitCode == 0, "\(result.stderr)")
            let objects = try Self.lines(result.stdout).map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
            }
            #expect(objects.count == 4)
            for (record, landed) in zip(sent, delivered) {
                let object = try #require(objects.first { ($0["partition"] as? Int) == landed.partition && ($0["offset"] as? Int).map(Int64.init) == landed.offset })
                #expect(object["topic"] as? String == topic)
                #expect((object["timestamp"] as? Int).map(Int64.init) == landed.timestamp)
                #expect(object["timestampType"] as? String == "CreateTime")
                if let key = record.key { #expect(object["key"] as? String == key) } else { #expect(object["key"] is NSNull) }
                if let binary = record.binaryValue {
                    #expect((object["value"] as? [String: Any])?["base64"] as? String == Data(binary).base64EncodedString())
                } else if let value = record.value {
                    #expect(object["value"] as? String == value)
                } else {
                    #expect(object["value"] is NSNull)
                }
                let headers = try #require(object["headers"] as? [[String: Any]])
                #expect(headers.map { $0["key"] as? String } == record.headers.map(\.0))
                for (header, sentHeader) in zip(headers, record.headers) {
                    if let value = sentHeader.1 { #expect(header["value"] as? String == value) } else { #expect(header["value"] is NSNull) }
                }
            }
        }
    }

    @Test func aFormatterPropertyCombinationMatchesKafkasLayoutByteForByte() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-layout")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 1)
            let sent = [
                Outgoing(topic: topic, key: "k1", value: "hello", headers: [("h1", "v1"), ("h2", nil)]),
                Outgoing(topic: topic, key: nil, value: "no key"),
                Outgoing(topic: topic, key: "tombstone", value: nil, headers: [("h1", "x")]),
            ]
            let delivered = try await ConsumerTestSupport.produce([Phase(config: ["compression.type": "snappy"], records: sent)])
            let result = try await Self.consume([
                "--topic", topic, "--from-beginning", "--exit-at-end",
                "--property", "print.timestamp=true", "--property", "print.offset=true", "--property", "print.headers=true",
                "--property", "print.key=true", "--property", "print.epoch=TRUE", "--property", "key.separator= | ",
                "--property", "line.separator=;\n", "--property", "headers.separator=&", "--property", "null.literal=NIL",
            ])
            #expect(result.exitCode == 0, "\(result.stderr)")
            let t = delivered.map(\.timestamp)
            let expected = """
                CreateTime:\(t[0]) | Offset:0 | Epoch:NOT_PRESENT | h1:v1&h2:NIL | k1 | hello;
                CreateTime:\(t[1]) | Offset:1 | Epoch:NOT_PRESENT | NO_HEADERS | NIL | no key;
                CreateTime:\(t[2]) | Offset:2 | Epoch:NOT_PRESENT | h1:x | tombstone | NIL;

                """
            #expect(result.stdoutData == Data(expected.utf8))
        }
    }

    @Test func aLongValueDeserializerPrintsNumbersThePeerWrote() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-long")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 1)
            // 8-byte big-endian longs, as Java's LongSerializer writes them: 1, -2, 2^40.
            let values: [Int64] = [1, -2, 1 << 40]
            let sent = values.map { value in
                Outgoing(topic: topic, binaryValue: withUnsafeBytes(of: value.bigEndian) { Array($0) })
            }
            _ = try await ConsumerTestSupport.produce([Phase(records: sent)])
            let result = try await Self.consume(["--topic", topic, "--from-beginning", "--exit-at-end",
                                                 "--value-deserializer", "org.apache.kafka.common.serialization.LongDeserializer"])
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(result.stdout == "1\n-2\n1099511627776\n")
        }
    }

    @Test func readCommittedOnPlainDataShowsEverything() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-rc")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 2)
            let sent = (0..<8).map { Outgoing(topic: topic, key: "key\($0)", value: "rc-\($0)") }
            _ = try await ConsumerTestSupport.produce([Phase(records: sent)])
            let result = try await Self.consume(["--topic", topic, "--from-beginning", "--exit-at-end",
                                                 "--isolation-level", "read_committed"])
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(Set(Self.lines(result.stdout)) == Set(sent.map { $0.value! }))
            #expect(Self.lines(result.stdout).count == 8)
        }
    }

    /// `kafkactl console-consumer ... | head -5`: once the reader has its lines and closes the pipe, kafkactl stops at
    /// its next write, quietly, with exit 0.
    @Test(.timeLimit(.minutes(1)))
    func aReaderThatClosesThePipeEarlyEndsItQuietlyWithExitZero() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-head")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 1)
            try await ConsumerTestSupport.produceBulk(topic: topic, count: 30_000)  // ~360 KB of output: more than a pipe holds
            let address = try await ConsumerTestSupport.bootstrap()
            // No --exit-at-end: only the closed pipe can end it.
            let consumer = try LiveKafkactl(["console-consumer", "--bootstrap-server", address, "--topic", topic, "--from-beginning"])
            defer { consumer.kill() }
            let lines = try await offThePool { consumer.readLines(5, within: .seconds(20)) }
            #expect(lines == (0..<5).map { String(format: "record-%07d", $0) }, "stderr: \(consumer.stderr)")
            consumer.closeStdout()
            let clock = ContinuousClock()
            let start = clock.now
            let status = try await offThePool { consumer.waitForExit(within: .seconds(10)) }
            #expect(status == 0, "stderr: \(consumer.stderr)")
            #expect(clock.now - start < .seconds(5))
            #expect(!consumer.stderr.contains("Error"), "\(consumer.stderr)")
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func aLargeTopicIsReadCompletelyToTheEnd() async throws {
        let topic = BrokerHarness.uniqueName("e2e-cc-large")
        let count = 200_000
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 3)
            try await ConsumerTestSupport.produceBulk(topic: topic, count: count)
            let result = try await Self.consume(["--topic", topic, "--from-beginning", "--exit-at-end"], timeout: .seconds(60))
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(result.stderr == ConsumerTestSupport.processed(count) + "\n")
            let lines = Self.lines(result.stdout)
            #expect(lines.count == count)
            #expect(Set(lines).count == count, "no record twice")
            #expect(lines.allSatisfy { $0.hasPrefix("record-") && $0.count == 14 })
        }
    }
}

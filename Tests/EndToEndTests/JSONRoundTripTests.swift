import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The byte-exact JSON round trip (issue 11): confluent-kafka writes a topic full of awkward records, kafkactl copies
/// it with `console-consumer --output json | console-producer --input-format json`, and confluent-kafka compares the
/// two topics record by record, partition by partition.
@Suite struct JSONRoundTripTests {
    /// Writes the records of the spec on stdin (base64 bytes, None for null) with confluent-kafka, one batch per
    /// partition, and prints how many landed in each partition.
    static let producerScript = """
        import base64, json, sys
        from confluent_kafka import Producer
        spec = json.load(sys.stdin)
        unb = lambda v: None if v is None else base64.b64decode(v)
        producer = Producer({"bootstrap.servers": sys.argv[1], "linger.ms": 5})
        errors, counts = [], {}
        def done(err, msg):
            if err is not None:
                errors.append(str(err))
            else:
                counts[msg.partition()] = counts.get(msg.partition(), 0) + 1
        for r in spec["records"]:
            headers = [(k, unb(v)) for k, v in r["headers"]]
            producer.produce(spec["topic"], key=unb(r["key"]), value=unb(r["value"]), headers=headers or None,
                             partition=r["partition"], timestamp=r["timestamp"], on_delivery=done)
        producer.flush(30)
        if errors or sum(counts.values()) != len(spec["records"]):
            print(json.dumps({"errors": errors, "counts": counts}), file=sys.stderr)
            sys.exit(1)
        print(json.dumps({str(p): n for p, n in counts.items()}))
        """

    /// Reads every partition of each topic given from the beginning to its end (partition EOF) and prints, per
    /// topic and partition, each record's key, value and headers (base64, None kept), timestamp type and value.
    static let readerScript = """
        import base64, json, sys, time
        from confluent_kafka import Consumer, TopicPartition, KafkaError, OFFSET_BEGINNING
        b = lambda v: None if v is None else base64.b64encode(v).decode()
        partitions = int(sys.argv[2])
        result = {}
        for topic in sys.argv[3:]:
            consumer = Consumer({"bootstrap.servers": sys.argv[1], "group.id": "roundtrip-reader", "enable.auto.commit": False,
                                 "enable.partition.eof": True, "fetch.queue.backoff.ms": 10, "fetch.wait.max.ms": 10})
            consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in range(partitions)])
            records = {str(p): [] for p in range(partitions)}
            at_end = set()
            deadline = time.time() + 30
            while len(at_end) < partitions and time.time() < deadline:
                msg = consumer.poll(0.2)
                if msg is None:
                    continue
                if msg.error():
                    if msg.error().code() == KafkaError._PARTITION_EOF:
                        at_end.add(msg.partition())
                        continue
                    print(str(msg.error()), file=sys.stderr)
                    sys.exit(1)
                at_end.discard(msg.partition())
                records[str(msg.partition())].append({
                    "offset": msg.offset(), "partition": msg.partition(), "key": b(msg.key()), "value": b(msg.value()),
                    "headers": [[k, b(v)] for k, v in (msg.headers() or [])], "timestamp": list(msg.timestamp())})
            consumer.close()
            if len(at_end) < partitions:
                print("did not reach the end of %s: %s" % (topic, sorted(at_end)), file=sys.stderr)
                sys.exit(1)
            result[topic] = records
        print(json.dumps(result))
        """

    struct Outgoing {
        var partition: Int
        var key: [UInt8]?
        var value: [UInt8]?
        var headers: [(String, [UInt8]?)] = []

        func json(timestamp: Int64) -> [String: Any] {
            let encode = { (bytes: [UInt8]?) -> Any in bytes.map { Data($0).base64EncodedString() } ?? NSNull() }
            return ["partition": partition, "key": encode(key), "value": encode(value), "timestamp": timestamp,
                    "headers": headers.map { [$0.0, encode($0.1)] as [Any] }]
        }
    }

    /// Every kind of record the envelope must keep apart, in each of three partitions.
    static func records() -> [Outgoing] {
        let text = { (s: String) in Array(s.utf8) }
        var records: [Outgoing] = []
        for partition in 0..<3 {
            records += [
                Outgoing(partition: partition, key: [0xFF, 0xFE, 0x00, 0x80, UInt8(partition)], value: text("binary key \(partition)")),
                Outgoing(partition: partition, key: text("k"), value: text("repeated headers"),
                         headers: [("h", text("1")), ("h", text("2")), ("nul", nil), ("h", text("3")), ("empty", [])]),
                Outgoing(partition: partition, key: text("k"), value: nil),  // a tombstone
                Outgoing(partition: partition, key: text("k"), value: []),  // empty, not null
                Outgoing(partition: partition, key: nil, value: text("null key")),
                Outgoing(partition: partition, key: [], value: text("empty key")),
                Outgoing(partition: partition, key: nil, value: nil),
                Outgoing(partition: partition, key: text("bin"), value: [0xC3, 0x28, 0x00, 0xFF, 0xA0, 0xA1],
                         headers: [("b", [0xE2, 0x82]), ("b", nil)]),
                Outgoing(partition: partition, key: text("{\"base64\":\"AAAA\"}"),
                         value: text("quote \" backslash \\ newline \n tab \t nul \u{0} é 😀 \u{2028} {\"base64\":\"AAAA\"}"),
                         headers: [("ünï", text("\u{1}\u{1F}"))]),
            ]
        }
        return records
    }

    /// Runs `console-consumer ... | console-producer ...` as two processes joined by a pipe, to both their ends.
    static func pipeline(from source: String, to target: String, bootstrap: String) async throws
        -> (consumer: Int32, producer: Int32, consumerError: String, producerError: String)
    {
        try await offThePool {
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("kafkactl-roundtrip-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: state) }
            let environment = ProcessInfo.processInfo.environment.merging(["XDG_STATE_HOME": state.path]) { _, new in new }
            let consumerErr = state.appendingPathComponent("consumer.err")
            let producerErr = state.appendingPathComponent("producer.err")
            FileManager.default.createFile(atPath: consumerErr.path, contents: nil)
            FileManager.default.createFile(atPath: producerErr.path, contents: nil)

            let pipe = Pipe()
            let consumer = ChildProcess()
            consumer.executableURL = kafkactlBinary
            consumer.arguments = ["console-consumer", "--bootstrap-server", bootstrap, "--topic", source,
                                  "--from-beginning", "--exit-at-end", "--output", "json"]
            consumer.environment = environment
            consumer.standardInput = FileHandle.nullDevice
            consumer.standardOutput = pipe.fileHandleForWriting
            consumer.standardError = try FileHandle(forWritingTo: consumerErr)
            let producer = ChildProcess()
            producer.executableURL = kafkactlBinary
            producer.arguments = ["console-producer", "--bootstrap-server", bootstrap, "--topic", target, "--input-format", "json"]
            producer.environment = environment
            producer.standardInput = pipe.fileHandleForReading
            producer.standardOutput = FileHandle.nullDevice
            producer.standardError = try FileHandle(forWritingTo: producerErr)

            let consumerDone = DispatchSemaphore(value: 0)
            let producerDone = DispatchSemaphore(value: 0)
            consumer.terminationHandler = { _ in consumerDone.signal() }
            producer.terminationHandler = { _ in producerDone.signal() }
            try producer.run()
            do {
                try consumer.run()
            } catch {
                producer.sendSignal(SIGKILL)
                throw error
            }
            // Only the children may hold the pipe now, so the producer sees its end when the consumer exits.
            try pipe.fileHandleForReading.close()
            try pipe.fileHandleForWriting.close()

            let deadline = DispatchTime.now() + 60
            let finished = consumerDone.wait(timeout: deadline) == .success && producerDone.wait(timeout: deadline) == .success
            if !finished {
                for process in [consumer, producer] { process.sendSignal(SIGKILL) }
                consumerDone.wait()
                producerDone.wait()
            }
            let consumerError = (try? String(contentsOf: consumerErr, encoding: .utf8)) ?? ""
            let producerError = (try? String(contentsOf: producerErr, encoding: .utf8)) ?? ""
            guard finished else {
                throw ProcessRunnerError.timedOut(command: "console-consumer | console-producer", timeout: .seconds(60),
                                                  killed: true, stdout: "", stderr: consumerError + producerError)
            }
            return (consumer.terminationStatus, producer.terminationStatus, consumerError, producerError)
        }
    }

    @Test func aTopicCopiedThroughTheJSONEnvelopeIsByteForByteTheSame() async throws {
        let bootstrap = try await brokerAddress()
        let source = BrokerHarness.uniqueName("json-src")
        let target = BrokerHarness.uniqueName("json-dst")
        try await createTopic(source, partitions: 3)
        try await createTopic(target, partitions: 3)
        try await withTopics(source, target) {
            let base = Int64(Date().timeIntervalSince1970 * 1000) - 3_600_000
            let records = Self.records()
            let spec: [String: Any] = ["topic": source, "records": records.enumerated().map { index, record in
                record.json(timestamp: base + Int64(index) * 1001)
            }]
            let input = try JSONSerialization.data(withJSONObject: spec)
            let written = try await offThePool {
                try runPython(script: Self.producerScript, args: [bootstrap], stdin: input)
            }
            try #require(written.exitCode == 0, "confluent-kafka could not write: \(written.stderr)")

            let run = try await Self.pipeline(from: source, to: target, bootstrap: bootstrap)
            #expect(run.consumer == 0, "console-consumer: \(run.consumerError)")
            #expect(run.producer == 0, "console-producer: \(run.producerError)")
            #expect(run.consumerError.hasSuffix("Processed a total of \(records.count) messages\n"), "\(run.consumerError)")

            let read = try await offThePool {
                try runPython(script: Self.readerScript, args: [bootstrap, "3", source, target], timeout: .seconds(90))
            }
            try #require(read.exitCode == 0, "confluent-kafka could not read: \(read.stderr)")
            let topics = try #require(try JSONSerialization.jsonObject(with: read.stdoutData) as? [String: [String: [[String: Any]]]])
            let original = try #require(topics[source])
            let copy = try #require(topics[target])
            for partition in 0..<3 {
                let expected = try #require(original[String(partition)])
                let actual = try #require(copy[String(partition)])
                #expect(expected.count == records.count / 3, "partition \(partition) of the source holds \(expected.count)")
                #expect(actual.count == expected.count, "partition \(partition): \(actual.count) copied of \(expected.count)")
                for (index, (want, got)) in zip(expected, actual).enumerated() {
                    let what = "partition \(partition) record \(index)"
                    #expect(got["partition"] as? Int == partition, "\(what)")
                    #expect(got["offset"] as? Int == want["offset"] as? Int, "\(what): offsets in the same order")
                    #expect(got["key"] as? String == want["key"] as? String, "\(what) key")
                    #expect((got["key"] is NSNull) == (want["key"] is NSNull), "\(what): null key vs empty key")
                    #expect(got["value"] as? String == want["value"] as? String, "\(what) value")
                    #expect((got["value"] is NSNull) == (want["value"] is NSNull), "\(what): null value vs empty value")
                    let headers = { (record: [String: Any]) in
                        (record["headers"] as? [[Any]] ?? []).map { "\($0[0]):\(($0[1] as? String) ?? "None")" }
                    }
                    #expect(headers(got) == headers(want), "\(what) headers")
                    #expect(got["timestamp"] as? [Int] == want["timestamp"] as? [Int], "\(what) timestamp (type, ms)")
                }
            }
            // And the source is what confluent-kafka was asked to write (so the comparison compares something).
            let first = try #require(original["1"]?.first)
            #expect(first["key"] as? String == Data([0xFF, 0xFE, 0x00, 0x80, 1]).base64EncodedString())
            #expect(first["timestamp"] as? [Int] == [1, Int(base + 9 * 1001)])
            let tombstone = try #require(original["0"]?[2])
            #expect(tombstone["value"] is NSNull)
            let empty = try #require(original["0"]?[3])
            #expect(empty["value"] as? String == "")
            let repeated = try #require(original["2"]?[1])
            #expect((repeated["headers"] as? [[Any]])?.map { $0[0] as? String } == ["h", "h", "nul", "h", "empty"])
        }
    }
}

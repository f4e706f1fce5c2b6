import Foundation
import TestSupport
import Testing

/// `console-consumer --where` from the built binary against the test broker: for a set of expressions the records
/// printed are exactly those an independent filter (Python, over `--output json` of the whole topic) selects; a key
/// lookup reads one partition of six, the one Java's murmur2 (here confluent-kafka's murmur2_random) chose; bad
/// expressions are one line and exit 64, and nothing is read.
@Suite(.serialized) struct WhereCommandTests {
    static let producerScript = """
        import json, sys
        from confluent_kafka import Producer
        producer = Producer({"bootstrap.servers": sys.argv[1], "partitioner": "murmur2_random", "linger.ms": 20})
        failed = []
        def done(err, msg):
            if err is not None:
                failed.append(str(err))
        for i in range(3000):
            value = json.dumps({"order": {"id": i, "total": (i * 37) % 500, "who": ["ann", "bob", "cy"][i % 3],
                                          "paid": i % 4 == 0}, "tags": ["x"] * (i % 3)})
            if i % 97 == 0:
                value = None
            headers = [("source", b"web" if i % 3 else b"app")] if i % 5 else []
            producer.produce(sys.argv[2], key=("k%d" % (i % 50)).encode(), value=value, headers=headers,
                             timestamp=1_700_000_000_000 + i * 1000, on_delivery=done)
            producer.poll(0)
        producer.flush(30)
        sys.exit(1 if failed else 0)
        """

    /// Reads JSON lines (kafkactl's envelope) on stdin and prints the partition-offset of each record the named
    /// Python predicate selects.
    static let oracleScript = """
        import json, re, sys
        def value(r):
            return None if r["value"] is None else json.loads(r["value"])
        def header(r, name):
            found = [h["value"] for h in r["headers"] if h["key"] == name]
            return found[-1] if found else None
        tests = {
            "key": lambda r: r["key"] == "k7",
            "keys": lambda r: r["key"] in ("k3", "k44"),
            "total": lambda r: value(r) is not None and 100 < value(r)["order"]["total"] <= 200 and value(r)["order"]["who"] == "ann",
            "paid": lambda r: value(r) is not None and value(r)["order"]["paid"] and header(r, "source") == "web",
            "tombstone": lambda r: r["value"] is None,
            "regex": lambda r: value(r) is not None and re.search("^(ann|cy)$", value(r)["order"]["who"]) is not None and len(value(r)["tags"]) == 2,
            "time": lambda r: 1_700_000_500_000 <= r["timestamp"] < 1_700_000_600_000,
            "offset": lambda r: r["partition"] == 2 and r["offset"] >= 100,
            "noheader": lambda r: header(r, "source") is None and r["key"] != "k1",
        }
        test = tests[sys.argv[1]]
        for line in sys.stdin:
            record = json.loads(line)
            if test(record):
                print("%d-%d" % (record["partition"], record["offset"]))
        """

    static let expressions: [(String, String)] = [
        ("key", #"key == "k7""#),
        ("keys", #"key in ("k3", "k44")"#),
        ("total", #"value.order.total > 100 and value.order.total <= 200 and value.order.who == "ann""#),
        ("paid", #"value.order.paid and headers["source"] == "web""#),
        ("tombstone", "value is null"),
        ("regex", #"value.order.who matches "^(ann|cy)$" and value.tags[1] == "x" and value.tags[2] is null"#),
        // Under `not` the time bounds are not pushed down: the test broker answers ListOffsets by time with offset 0
        // for any time, which would stop every partition at 0 (the push-down is proven by WhereTests' plan).
        ("time", #"not (timestamp < 1700000500000 or timestamp >= "2023-11-14T22:23:20Z")"#),
        ("offset", "partition == 2 and offset >= 100"),
        ("noheader", #"headers["source"] is null and key != "k1""#),
    ]

    static func kafkactl(_ arguments: [String]) async throws -> ProcessResult {
        try await offThePool { try runKafkactl(arguments, timeout: .seconds(60)) }
    }

    static func positions(_ jsonLines: String) throws -> Set<String> {
        Set(try jsonLines.split(separator: "\n").map { line in
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return "\(record["partition"] as! Int)-\(record["offset"] as! Int)"
        })
    }

    @Test func everyExpressionSelectsWhatAnIndependentFilterSelects() async throws {
        let bootstrap = try await brokerAddress()
        let topic = "where-\(UUID().uuidString.prefix(8))"
        let created = try await Self.kafkactl(["topics", "--bootstrap-server", bootstrap, "--create", "--topic", topic, "--partitions", "6"])
        try #require(created.exitCode == 0, "\(created.stderr)")
        let produced = try await offThePool { try runPython(script: Self.producerScript, args: [bootstrap, topic], timeout: .seconds(60)) }
        try #require(produced.exitCode == 0, "\(produced.stderr)")
        let all = try await Self.kafkactl(["console-consumer", "--bootstrap-server", bootstrap, "--topic", topic, "--from-beginning",
                                           "--exit-at-end", "--output", "json"])
        try #require(all.exitCode == 0, "\(all.stderr)")
        try #require(all.stdout.split(separator: "\n").count == 3000)
        for (name, expression) in Self.expressions {
            let oracle = try await offThePool {
                try runPython(script: Self.oracleScript, args: [name], stdin: Data(all.stdout.utf8), timeout: .seconds(60))
            }
            try #require(oracle.exitCode == 0, "\(oracle.stderr)")
            let expected = Set(oracle.stdout.split(separator: "\n").map(String.init))
            #expect(!expected.isEmpty, "\(name): the data should hold matches")
            let filtered = try await Self.kafkactl(["console-consumer", "--bootstrap-server", bootstrap, "--topic", topic, "--from-beginning",
                                                    "--exit-at-end", "--output", "json", "--where", expression, "--stats"])
            #expect(filtered.exitCode == 0, "\(name): \(filtered.stderr)")
            #expect(try Self.positions(filtered.stdout) == expected, "\(name): \(expression)")
            #expect(filtered.stderr.contains("matched \(expected.count);"), "\(name): \(filtered.stderr)")
            switch name {
            case "key":
                // k7 lands in partition 4 of 6 by murmur2 (kafka-python 3.0.12's murmur2 says so too).
                #expect(filtered.stderr.contains("read 1 of 6 partitions"), "\(filtered.stderr)")
                #expect(expected.allSatisfy { $0.hasPrefix("4-") })
            case "keys", "offset":
                #expect(filtered.stderr.contains(name == "keys" ? "read 2 of 6 partitions" : "read 1 of 6 partitions"), "\(filtered.stderr)")
            case "total":
                #expect(filtered.stderr.contains("Scanned 3000 records"), "a filter on the value reads everything: \(filtered.stderr)")
            default:
                break
            }
        }
        // --max-messages counts matches; the key's partition only is read.
        let limited = try await Self.kafkactl(["console-consumer", "--bootstrap-server", bootstrap, "--topic", topic, "--from-beginning",
                                               "--where", #"key == "k7""#, "--max-messages", "3", "--property", "print.key=true"])
        #expect(limited.exitCode == 0, "\(limited.stderr)")
        #expect(limited.stdout.split(separator: "\n").count == 3)
        #expect(limited.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("k7\t") })
        // --partitioner none reads every partition and finds the same records.
        let unpruned = try await Self.kafkactl(["console-consumer", "--bootstrap-server", bootstrap, "--topic", topic, "--from-beginning",
                                                "--exit-at-end", "--output", "json", "--where", #"key == "k7""#, "--partitioner", "none", "--stats"])
        #expect(unpruned.stderr.contains("read 6 of 6 partitions"), "\(unpruned.stderr)")
        let pruned = try await Self.kafkactl(["console-consumer", "--bootstrap-server", bootstrap, "--topic", topic, "--from-beginning",
                                              "--exit-at-end", "--output", "json", "--where", #"key == "k7""#])
        #expect(try Self.positions(unpruned.stdout) == Self.positions(pruned.stdout))
        _ = try await Self.kafkactl(["topics", "--bootstrap-server", bootstrap, "--delete", "--topic", topic])
    }

    /// Issue 22's proof: in a 12-partition topic of 1,000,000 JSON records, a key lookup fetches from exactly one
    /// partition, as the three-node test cluster's request log shows, and finds every record of the key (the data
    /// holds exactly 1,000 per key, ids 7, 1007, 2007, ... for k7). Its time is printed, not asserted
    /// (BENCHMARKS.md has it from the release build: 64 ms).
    @Test func aKeyLookupInAMillionRecordsFetchesOneOfTwelvePartitionsAtTheTestCluster() async throws {
        let bootstrap = try await brokerAddress()
        let topic = "where-million-\(UUID().uuidString.prefix(8))"
        let created = try await Self.kafkactl(["topics", "--bootstrap-server", bootstrap, "--create", "--topic", topic, "--partitions", "12"])
        try #require(created.exitCode == 0, "\(created.stderr)")
        var input = ""
        input.reserveCapacity(41_000_000)
        for id in 0..<1_000_000 { input += "k\(id % 1000)\t{\"order\":{\"id\":\(id),\"total\":\((id * 37) % 500)}}\n" }
        let data = Data(input.utf8)
        let produced = try await offThePool {
            try runKafkactl(["console-producer", "--bootstrap-server", bootstrap, "--topic", topic, "--property", "parse.key=true"],
                            stdin: data, timeout: .seconds(180))
        }
        try #require(produced.exitCode == 0, "\(produced.stderr)")
        try await ProxyCluster.with { cluster in
            let started = ContinuousClock.now
            let found = try await ProxyCluster.succeed(
                "console-consumer", cluster.bootstrapList,
                ["--topic", topic, "--from-beginning", "--exit-at-end", "--where", #"key == "k7""#, "--stats",
                 "--property", "print.partition=true"])
            let elapsed = ContinuousClock.now - started
            let lines = ProxyCluster.lines(found.stdout)
            let ids = Set(lines.compactMap { line -> Int? in
                guard let start = line.range(of: #""id":"#)?.upperBound else { return nil }
                return Int(line[start...].prefix { $0.isNumber })
            })
            #expect(ids == Set(stride(from: 7, to: 1_000_000, by: 1000)), "\(lines.count) records: \(lines.prefix(3))")
            let partitions = Set(lines.compactMap { $0.split(separator: "\t").first })
            #expect(partitions.count == 1, "\(partitions)")
            let fetched = cluster.fetchedPartitions(of: topic)
            #expect(fetched.count == 1, "fetched from \(fetched.sorted())")
            #expect(partitions == Set(fetched.map { "Partition:\($0)" }), "\(partitions) \(fetched)")
            #expect(found.stderr.contains("matched 1000; read 1 of 12 partitions"), "\(found.stderr)")
            print("key lookup in 1,000,000 records through the test cluster: \(elapsed) (partition \(fetched.sorted()))")
        }
        _ = try await Self.kafkactl(["topics", "--bootstrap-server", bootstrap, "--delete", "--topic", topic])
    }

    @Test("a bad expression or flag is one line and exit 64", arguments: [
        (["--where", "key = = 3"], "--where: column 7: expected a field or a value"),
        (["--where", "foo == 3"], "--where: column 1: unknown name 'foo'"),
        (["--where", #"offset > "abc""#], "--where: column 10: offset is an integer and cannot be compared with text"),
        (["--where", #"timestamp > "yesterday""#], "--where: column 13: 'yesterday' is not a time"),
        (["--where", #"key matches "((""#], "--where: column 13: not a regular expression"),
        (["--where", #"key == "a"#], "--where: column 8: the string is not closed"),
        (["--where", ""], "--where: column 1: the expression is empty"),
        (["--where", #"key == "a""#, "--partitioner", "java"], "--partitioner must be murmur2, consistent, fnv1a or none, not 'java'"),
        (["--stats"], "--stats goes with --where"),
    ] as [([String], String)])
    func badInputIsOneLine(arguments: [String], message: String) async throws {
        let result = try await Self.kafkactl(["console-consumer", "--bootstrap-server", "127.0.0.1:1", "--topic", "t"] + arguments)
        #expect(result.exitCode == 64, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first.map { $0.hasPrefix("Error: ") && $0.contains(message) } == true, "\(result.stderr)")
        #expect(lines.count <= 2, "one line and the usage hint: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}

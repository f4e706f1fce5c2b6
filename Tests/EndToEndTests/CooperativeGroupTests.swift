import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `console-consumer --group` with `partition.assignment.strategy=cooperative-sticky` against the real broker, from
/// the built binary, while confluent-kafka writes a steady stream of records to every partition: two members split
/// the topic and print every record exactly once; the first keeps reading the partitions it keeps while the second
/// joins (an eager member stops everything for the whole join); and a librdkafka member with cooperative-sticky
/// shares the group with kafkactl.
@Suite(.serialized) struct CooperativeGroupTests {
    static let cooperative = GroupTestSupport.fastGroupProperties + [
        "--consumer-property", "partition.assignment.strategy=cooperative-sticky", "--property", "print.partition=true",
    ]

    static func consumer(_ topic: String, _ group: String) async throws -> BackgroundProcess {
        try BackgroundProcess.kafkactl([
            "console-consumer", "--bootstrap-server", try await brokerAddress(), "--topic", topic, "--group", group,
            "--from-beginning",
        ] + Self.cooperative)
    }

    @Test func twoMembersSplitTheTopicAndTheFirstKeepsReadingWhatItKeepsWhileTheSecondJoins() async throws {
        let topic = BrokerHarness.uniqueName("e2e-coop-split")
        let group = BrokerHarness.uniqueName("coop-split")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 4)
            try await withBackgroundProcesses { processes in
                let ticker = processes.add(try await SteadyProducer.start(topic, partitions: 4))
                let first = processes.add(try await Self.consumer(topic, group))
                let firstLines = LineClock(first)
                defer { firstLines.stop() }
                let alone = try await eventually(within: .seconds(40)) { firstLines.partitions() == [0, 1, 2, 3] }
                try #require(alone, "the first member never read all four partitions; stderr: \(first.stderr)")

                let joinStarted = ContinuousClock.now
                let second = processes.add(try await Self.consumer(topic, group))
                let secondLines = LineClock(second)
                defer { secondLines.stop() }
                let shared = try await eventually(within: .seconds(60)) { !secondLines.stamped.isEmpty }
                try #require(shared, "the second member printed nothing; stderr: \(second.stderr)")
                let secondFirstRecord = secondLines.stamped[0].at
                try await Task.sleep(for: .seconds(2))  // both read side by side for a while

                let delivered = try await ticker.finish()
                let all = try await eventually(within: .seconds(30)) {
                    firstLines.stamped.count + secondLines.stamped.count >= delivered.count
                }
                first.send(SIGINT)
                second.send(SIGINT)
                #expect(await first.waitForExit(within: .seconds(15)) == 130, "stderr: \(first.stderr)")
                #expect(await second.waitForExit(within: .seconds(15)) == 130, "stderr: \(second.stderr)")
                #expect(all, "\(firstLines.stamped.count) + \(secondLines.stamped.count) of \(delivered.count) records printed")

                // Together: every record exactly once (the revoked partitions were committed before they moved).
                let printedA = firstLines.stamped.map(\.record)
                let printedB = secondLines.stamped.map(\.record)
                #expect((printedA + printedB).map(\.value).sorted() == delivered.map(\.value).sorted())
                #expect(Set(printedA.map(\.value)).isDisjoint(with: printedB.map(\.value)))

                // After the second member's first record, each reads two partitions of its own; the first member's
                // are partitions it had all along.
                let keptA = Set(firstLines.stamped.filter { $0.at > secondFirstRecord + .seconds(1) }.map(\.record.partition))
                let partitionsB = Set(printedB.map(\.partition))
                #expect(keptA.count == 2 && partitionsB.count == 2, "first \(keptA.sorted()), second \(partitionsB.sorted())")
                #expect(keptA.isDisjoint(with: partitionsB))

                // Cooperative: the kept partitions were read on through the rebalance. The longest silence on them
                // while the second member joined is the restart of the fetch loop, not the join (which an eager
                // member spends with everything stopped).
                let during = firstLines.stamped.filter { keptA.contains($0.record.partition) && $0.at >= joinStarted && $0.at <= secondFirstRecord }
                let silence = LineClock.longestGap(during.map(\.at), from: joinStarted, to: secondFirstRecord)
                print("[measured] cooperative join of \(group): the second member's first record \(secondFirstRecord - joinStarted) after it started; the first member's kept partitions \(keptA.sorted()) printed \(during.count) records meanwhile, longest silence \(silence); \(delivered.count) records in all")
                #expect(silence < .seconds(2), "the first member stopped reading its kept partitions for \(silence) during the rebalance")
                #expect(secondFirstRecord - joinStarted > silence, "the join was too short to tell an eager pause from a cooperative one")
            }
        }
    }

    @Test func aConfluentKafkaCooperativeMemberSharesTheGroupWithKafkactl() async throws {
        let topic = BrokerHarness.uniqueName("e2e-coop-interop")
        let group = BrokerHarness.uniqueName("coop-interop")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 4)
            try await withBackgroundProcesses { processes in
                let ticker = processes.add(try await SteadyProducer.start(topic, partitions: 4))
                let kafkactl = processes.add(try await Self.consumer(topic, group))
                let kafkactlLines = LineClock(kafkactl)
                defer { kafkactlLines.stop() }
                let alone = try await eventually(within: .seconds(40)) { kafkactlLines.partitions() == [0, 1, 2, 3] }
                try #require(alone, "kafkactl never read all four partitions; stderr: \(kafkactl.stderr)")

                let joinStarted = ContinuousClock.now
                let librdkafka = processes.add(try await CooperativePythonConsumer.start(topic, group))
                let librdkafkaLines = LineClock(librdkafka)
                defer { librdkafkaLines.stop() }
                let shared = try await eventually(within: .seconds(60)) { !librdkafkaLines.stamped.isEmpty }
                try #require(shared, "confluent-kafka printed nothing; stderr: \(librdkafka.stderr)")
                let librdkafkaFirstRecord = librdkafkaLines.stamped[0].at
                try await Task.sleep(for: .seconds(2))

                let delivered = try await ticker.finish()
                let wanted = Set(delivered.map(\.value))
                let all = try await eventually(within: .seconds(30)) {
                    wanted.isSubset(of: Set((kafkactlLines.stamped + librdkafkaLines.stamped).map(\.record.value)))
                }
                kafkactl.send(SIGINT)
                librdkafka.closeStdin()
                #expect(await kafkactl.waitForExit(within: .seconds(15)) == 130, "stderr: \(kafkactl.stderr)")
                #expect(await librdkafka.waitForExit(within: .seconds(20)) == 0, "stderr: \(librdkafka.stderr)")
                #expect(all, "records missing: \(wanted.subtracting((kafkactlLines.stamped + librdkafkaLines.stamped).map(\.record.value)).count)")

                let printedK = kafkactlLines.stamped.map(\.record)
                let printedL = librdkafkaLines.stamped.map(\.record)
                // No loss; a record may be printed twice only where a partition changed hands (at-least-once).
                #expect(Set((printedK + printedL).map(\.value)) == wanted)
                let twice = Dictionary(grouping: printedK + printedL, by: \.value).filter { $0.value.count > 1 }
                let movedPartitions = Set(printedL.map(\.partition))
                #expect(twice.values.allSatisfy { movedPartitions.contains($0[0].partition) }, "duplicates outside moved partitions: \(twice.keys.sorted().prefix(5))")
                let keptK = Set(kafkactlLines.stamped.filter { $0.at > librdkafkaFirstRecord + .seconds(1) }.map(\.record.partition))
                #expect(!keptK.isEmpty && !movedPartitions.isEmpty, "kafkactl \(keptK.sorted()), confluent-kafka \(movedPartitions.sorted())")
                #expect(keptK.isDisjoint(with: movedPartitions))
                #expect(keptK.union(movedPartitions) == [0, 1, 2, 3])
                #expect(librdkafka.stderr.contains("ASSIGN"), "stderr: \(librdkafka.stderr)")
                print("[measured] kafkactl + confluent-kafka in \(group): kafkactl kept \(keptK.sorted()), confluent-kafka got \(movedPartitions.sorted()) \(librdkafkaFirstRecord - joinStarted) after it started; \(delivered.count) records, \(twice.count) printed twice")
            }
        }
    }
}

/// A confluent-kafka producer in the background that writes `tick-<n>` to partition n % partitions every 40 ms
/// until its stdin closes, then reports where every record landed.
enum SteadyProducer {
    static let script = """
        import json, sys, threading, time
        from confluent_kafka import Producer
        topic, partitions = sys.argv[2], int(sys.argv[3])
        producer = Producer({"bootstrap.servers": sys.argv[1], "linger.ms": 0})
        stop = threading.Event()
        threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
        reports, errors = [], []
        def done(err, msg):
            if err is not None:
                errors.append(str(err))
            else:
                reports.append({"value": msg.value().decode(), "partition": msg.partition(), "offset": msg.offset()})
        n = 0
        while not stop.is_set():
            producer.produce(topic, value=f"tick-{n}".encode(), partition=n % partitions, on_delivery=done)
            producer.poll(0)
            n += 1
            time.sleep(0.04)
        producer.flush(30)
        if errors or len(reports) != n:
            print(json.dumps({"errors": errors[:5], "delivered": len(reports), "sent": n}), file=sys.stderr)
            sys.exit(1)
        print(json.dumps(reports))
        """

    static func start(_ topic: String, partitions: Int) async throws -> BackgroundProcess {
        try BackgroundProcess(pythonVenv.appendingPathComponent("bin/python"),
                              ["-c", script, try await brokerAddress(), topic, String(partitions)])
    }
}

extension BackgroundProcess {
    /// Stops a `SteadyProducer` and returns what it wrote.
    func finish(sourceLocation: SourceLocation = #_sourceLocation) async throws -> [GroupTestSupport.Delivered] {
        closeStdin()
        let status = await waitForExit(within: .seconds(40))
        try #require(status == 0, "the producer failed: \(stderr)", sourceLocation: sourceLocation)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [[String: Any]], sourceLocation: sourceLocation)
        return reports.map {
            GroupTestSupport.Delivered(value: $0["value"] as! String, partition: $0["partition"] as! Int, offset: Int64($0["offset"] as! Int))
        }
    }
}

/// A confluent-kafka consumer with `partition.assignment.strategy=cooperative-sticky`, printing records as kafkactl
/// does with print.partition=true, and its assignment changes on stderr; it commits, leaves and exits 0 when its
/// stdin closes.
enum CooperativePythonConsumer {
    static let script = """
        import sys, threading
        from confluent_kafka import Consumer
        consumer = Consumer({"bootstrap.servers": sys.argv[1], "group.id": sys.argv[3], "auto.offset.reset": "earliest",
                             "partition.assignment.strategy": "cooperative-sticky", "session.timeout.ms": 6000,
                             "heartbeat.interval.ms": 1000, "fetch.queue.backoff.ms": 10, "auto.commit.interval.ms": 500})
        def assigned(c, partitions):
            print("ASSIGN", sorted(p.partition for p in partitions), file=sys.stderr, flush=True)
        def revoked(c, partitions):
            print("REVOKE", sorted(p.partition for p in partitions), file=sys.stderr, flush=True)
        consumer.subscribe([sys.argv[2]], on_assign=assigned, on_revoke=revoked)
        stop = threading.Event()
        threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
        while not stop.is_set():
            message = consumer.poll(0.1)
            if message is None or message.error():
                continue
            print(f"Partition:{message.partition()}\\t{message.value().decode()}", flush=True)
        consumer.close()
        """

    static func start(_ topic: String, _ group: String) async throws -> BackgroundProcess {
        try BackgroundProcess(pythonVenv.appendingPathComponent("bin/python"), ["-c", script, try await brokerAddress(), topic, group])
    }
}

/// When each stdout line of a background process appeared, sampled every 20 ms on a thread of its own; lines are
/// `Partition:<n>\t<value>` (print.partition=true).
final class LineClock: @unchecked Sendable {
    struct Record: Hashable, Sendable {
        var partition: Int
        var value: String
    }

    private let lock = NSLock()
    private var lines: [(record: Record, at: ContinuousClock.Instant)] = []
    private var stopped = false

    init(_ process: BackgroundProcess) {
        Thread.detachNewThread { [self] in
            var seen = 0
            while !lock.withLock({ stopped }) {
                let now = ContinuousClock.now
                let current = process.lines
                if current.count > seen {
                    let new = current[seen...].map { (record: Self.parse($0), at: now) }
                    lock.withLock { lines += new }
                    seen = current.count
                }
                usleep(20_000)
            }
        }
    }

    static func parse(_ line: String) -> Record {
        let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
        return Record(partition: Int(fields.first?.dropFirst("Partition:".count) ?? "") ?? -1, value: fields.last ?? "")
    }

    var stamped: [(record: Record, at: ContinuousClock.Instant)] { lock.withLock { lines } }
    func partitions() -> Set<Int> { Set(stamped.map(\.record.partition)) }
    func stop() { lock.withLock { stopped = true } }

    /// The longest stretch between `start`, the given times and `end`.
    static func longestGap(_ times: [ContinuousClock.Instant], from start: ContinuousClock.Instant, to end: ContinuousClock.Instant) -> Duration {
        let points = [start] + times.sorted() + [end]
        return zip(points, points.dropFirst()).map { $1 - $0 }.max() ?? .zero
    }
}

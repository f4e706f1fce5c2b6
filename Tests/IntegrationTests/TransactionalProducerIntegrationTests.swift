import AdminCore
import Foundation
import NIOCore
import TestSupport
import Testing

/// The transactional producer against the test broker: what it writes (transactional batches of one producer id,
/// then the coordinator's COMMIT or ABORT control batch in each partition the transaction touched), and what an
/// independent read_committed consumer (confluent-kafka) sees of committed, aborted and still open transactions.
@Suite struct TransactionalProducerIntegrationTests {
    static func configuration(_ transactionalId: String) throws -> ProducerConfiguration {
        try ProducerConfiguration(properties: ["transactional.id": transactionalId, "linger.ms": "0"])
    }

    static func records(_ range: ClosedRange<Int>, prefix: String) -> [ProducerRecord] {
        range.map { ProducerRecord(key: ByteBuffer(string: "k\($0)"), value: ByteBuffer(string: "\(prefix)-\($0)"), source: $0) }
    }

    /// A topic of `partitions` and a started transactional producer of `transactionalId` writing to it.
    static func producer(_ client: KafkaClient, topic: String, partitions: Int32, transactionalId: String) async throws -> Producer {
        try await AdminClient(client: client).createTopics([NewTopic(name: topic, partitions: partitions, replicationFactor: 1)])[0].result.get()
        let producer = Producer(client: client, topic: topic, configuration: try configuration(transactionalId))
        try await producer.start()
        return producer
    }

    /// The control records of partition 0 in order: 0 ABORT, 1 COMMIT (a control record's key is its version, int16,
    /// then its type, int16).
    static func markers(_ topic: String) async throws -> [Int16] {
        try await ProducerIntegrationTests.batches(topic).filter(\.isControl).flatMap(\.records).map { record -> Int16 in
            var key = record.key ?? ByteBuffer()
            _ = key.readInteger(as: Int16.self)
            return key.readInteger(as: Int16.self) ?? -1
        }
    }

    /// How many records confluent-kafka reads from the whole topic at `isolation`.
    static func count(_ topic: String, isolation: String) async throws -> Int {
        let script = """
            import sys
            from confluent_kafka import Consumer, TopicPartition, KafkaError
            topic = sys.argv[2]
            consumer = Consumer({"bootstrap.servers": sys.argv[1], "group.id": "kafkactl-it-txn", "enable.auto.commit": False,
                                 "isolation.level": sys.argv[3], "enable.partition.eof": True})
            partitions = sorted(consumer.list_topics(topic, timeout=10).topics[topic].partitions)
            consumer.assign([TopicPartition(topic, p, 0) for p in partitions])
            count, at_end = 0, set()
            for _ in range(400):
                for message in consumer.consume(1000, 0.05):
                    if message.error():
                        if message.error().code() == KafkaError._PARTITION_EOF:
                            at_end.add(message.partition())
                            continue
                        raise Exception(str(message.error()))
                    count += 1
                if len(at_end) == len(partitions):
                    break
            print(count)
            """
        let address = try await ProducerIntegrationTests.brokerAddress()
        let result = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try runPython(script: script, args: [address, topic, isolation], timeout: .seconds(60)) })
            }
        }
        try #require(result.exitCode == 0, "confluent-kafka: \(result.stderr)")
        return try #require(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "printed \(result.stdout)")
    }

    @Test func committedTransactionsAreReadAbortedOnesAreNotAndEachEndsInAMarker() async throws {
        let topic = BrokerHarness.uniqueName("it-txn")
        try await ProducerIntegrationTests.withClient { client in
            let producer = try await Self.producer(client, topic: topic, partitions: 1, transactionalId: BrokerHarness.uniqueName("it-txn-id"))
            async let running: Void = producer.run()
            await producer.beginTransaction()
            await producer.send(Self.records(1...10, prefix: "committed"))
            try await producer.commitTransaction(timeout: .seconds(10))
            await producer.beginTransaction()
            await producer.send(Self.records(11...15, prefix: "aborted"))
            try await producer.abortTransaction(timeout: .seconds(10))
            await producer.beginTransaction()
            await producer.send(Self.records(16...18, prefix: "committed"))
            try await producer.commitTransaction(timeout: .seconds(10))
            // An empty transaction ends without the coordinator: no marker.
            await producer.beginTransaction()
            try await producer.commitTransaction(timeout: .seconds(10))
            let summary = await producer.close()
            await running
            #expect(summary.delivered == 18 && summary.allDelivered)
        }
        let batches = try await ProducerIntegrationTests.batches(topic)
        let data = batches.filter { !$0.isControl }
        #expect(data.allSatisfy { $0.isTransactional && $0.producerId >= 0 })
        #expect(Set(data.map(\.producerId)).count == 1)
        #expect(try await Self.markers(topic) == [1, 0, 1], "COMMIT, ABORT, COMMIT in order")
        #expect(try await Self.count(topic, isolation: "read_uncommitted") == 18)
        // A read_committed consumer skips an aborted transaction's records because the Fetch answer lists it
        // (AbortedTransactions). The test broker lists none, so confluent-kafka reads all 18 from it; the marker
        // above is what kafkactl's part of the abort is, and against a broker that lists the abort 13 are read.
        let aborted = try await Self.abortedTransactions(topic)
        let committed = try await Self.count(topic, isolation: "read_committed")
        if aborted.isEmpty {
            #expect(committed == 18, "the broker lists no aborted transaction: every record is read")
        } else {
            #expect(aborted.map(\.firstOffset) == [10] && Set(aborted.map(\.producerId)) == Set(data.map(\.producerId)))
            #expect(committed == 13, "read_committed read \(committed) records of 18, 5 of them aborted")
        }
    }

    /// What the broker's READ_COMMITTED Fetch of partition 0 lists as aborted.
    static func abortedTransactions(_ topic: String) async throws -> [FetchResponse.AbortedTransaction] {
        try await ProducerIntegrationTests.withClient { client in
            let metadata = try await client.metadata(topics: [topic])
            let leader = try #require(metadata.topics[topic]?.partitions.first?.leader)
            let connection = try await client.leaderConnection(leader, lane: .fetch)
            let response = try await connection.send(FetchRequest(
                maxWaitMs: 100, minBytes: 1, isolationLevel: 1,
                topics: [.init(topic: topic, partitions: [.init(partition: 0, fetchOffset: 0, partitionMaxBytes: 1 << 20)])]))
            let data = try #require(response.responses.first?.partitions.first)
            return data.abortedTransactions ?? []
        }
    }

    /// forceTerminateTransaction (Kafka's fenceProducers) while kafkactl's producer holds a transaction open: the
    /// coordinator aborts it with a new epoch, and the fenced producer's commit fails in one error naming the id.
    @Test func aForcedTerminationAbortsTheOpenTransactionAndFencesItsProducer() async throws {
        let topic = BrokerHarness.uniqueName("it-txn-fenced")
        let transactionalId = BrokerHarness.uniqueName("it-txn-fenced-id")
        try await ProducerIntegrationTests.withClient { client in
            let producer = try await Self.producer(client, topic: topic, partitions: 1, transactionalId: transactionalId)
            async let running: Void = producer.run()
            await producer.beginTransaction()
            await producer.send(Self.records(1...4, prefix: "fenced"))
            await producer.flush()
            let fenced = try await AdminClient(client: client).forceTerminateTransaction(transactionalId)
            #expect(fenced.producerEpoch >= 1)
            await #expect(throws: KafkactlError.self) { try await producer.commitTransaction(timeout: .seconds(5)) }
            _ = await producer.close()
            await running
        }
        #expect(try await Self.markers(topic) == [0], "one ABORT, no COMMIT")
    }

    @Test func anOpenTransactionIsNotReadCommittedUntilItCommits() async throws {
        let topic = BrokerHarness.uniqueName("it-txn-open")
        try await ProducerIntegrationTests.withClient { client in
            let producer = try await Self.producer(client, topic: topic, partitions: 3, transactionalId: BrokerHarness.uniqueName("it-txn-open-id"))
            async let running: Void = producer.run()
            await producer.beginTransaction()
            await producer.send(Self.records(1...30, prefix: "open"))
            await producer.flush()
            #expect(try await Self.count(topic, isolation: "read_uncommitted") == 30)
            #expect(try await Self.count(topic, isolation: "read_committed") == 0)
            try await producer.commitTransaction(timeout: .seconds(10))
            _ = await producer.close()
            await running
            #expect(try await Self.count(topic, isolation: "read_committed") == 30)
        }
    }
}

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM while `kafkactl console-producer` is still reading an open pipe: what it has read is
/// flushed to the topic exactly once, and it exits at once with 130 (not after linger.ms or at end of input).
@Suite struct ConsoleProducerSignalTests {
    /// Starts the producer on `topic` with `arguments`, writes `lines`, and waits until it has read all of them from
    /// the pipe (and, with `untilInTopic`, until confluent-kafka sees them).
    static func startAndFeed(
        _ topic: String, _ arguments: [String], lines: Int, untilInTopic: Bool
    ) async throws -> OpenStdinProducer {
        let producer = try OpenStdinProducer([
            "console-producer", "--bootstrap-server", try BrokerHarness.bootstrap(), "--topic", topic,
        ] + arguments)
        #expect(await producer.write(ProducerHarness.seq(1...lines)))
        let drained = try await eventually(within: .seconds(10)) { producer.unreadInputBytes == 0 }
        try #require(drained, "kafkactl did not read its input: \(producer.stderrSoFar)")
        if untilInTopic {
            let read = try await ProducerHarness.readBack(topic, expecting: lines)
            try #require(read.count == lines)
        }
        #expect(producer.isRunning, "stdin is still open: the producer must still be waiting for lines")
        return producer
    }

    @Test func sigintAfterRecordsWereDeliveredExits130WithEachRecordOnce() async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-sigint")
        try await withTopics(topic) {
            try await createTopic(topic, partitions: 2)
            let producer = try await Self.startAndFeed(topic, [], lines: 5000, untilInTopic: true)
            producer.send(SIGINT)
            let result = try await producer.finish(timeout: .seconds(15))
            let message = ProducerHarness.expectOneErrorLine(result, exitCode: 130)
            #expect(message == "interrupted: 5000 records read before the signal were delivered")
            let read = try await ProducerHarness.readBack(topic, expecting: 5000)
            #expect(read.count == 5000)
            #expect(Set(read.values.compactMap { $0 }).count == 5000)
        }
    }

    @Test func sigintFlushesRecordsStillLingeringAndDoesNotWaitForLinger() async throws {
        // linger.ms of a minute and batches larger than the input: nothing is sent until the signal forces a flush.
        let topic = BrokerHarness.uniqueName("e2e-produce-sigint-linger")
        try await withTopics(topic) {
            try await createTopic(topic)
            let producer = try await Self.startAndFeed(
                topic, ["--timeout", "60000", "--batch-size", "10000000"], lines: 3000, untilInTopic: false)
            let signalled = ContinuousClock.now
            producer.send(SIGINT)
            let result = try await producer.finish(timeout: .seconds(30))
            #expect(ContinuousClock.now - signalled < .seconds(10), "the signal must not wait out linger.ms")
            let message = ProducerHarness.expectOneErrorLine(result, exitCode: 130)
            #expect(message == "interrupted: 3000 records read before the signal were delivered")
            let read = try await ProducerHarness.readBack(topic, expecting: 3000)
            #expect(read.partitions[0]?.map(\.value) == (1...3000).map { String($0) })
        }
    }

    @Test func sigtermAlsoFlushesWhatWasRead() async throws {
        let topic = BrokerHarness.uniqueName("e2e-produce-sigterm")
        try await withTopics(topic) {
            try await createTopic(topic)
            let producer = try await Self.startAndFeed(topic, ["--timeout", "60000"], lines: 1000, untilInTopic: false)
            producer.send(SIGTERM)
            let result = try await producer.finish(timeout: .seconds(30))
            let message = ProducerHarness.expectOneErrorLine(result, exitCode: result.exitCode)
            #expect(result.exitCode != 0, "stderr: \(result.stderr)")
            #expect(message == "interrupted: 1000 records read before the signal were delivered")
            let read = try await ProducerHarness.readBack(topic, expecting: 1000)
            #expect(read.partitions[0]?.map(\.value) == (1...1000).map { String($0) })
        }
    }
}

import AdminCore
import ArgumentParser
import Testing

@testable import kafkactl

/// transactions' tables and JSON as TransactionsRenderer makes them, and its option rules as `validate()` applies
/// them; the whole runs from the binary are proven in TransactionsCommandTests.
@Suite struct TransactionsOutputTests {
    static let open = ProducerState(producerId: 7000, producerEpoch: 2, lastSequence: 9, lastTimestamp: 1_000_000,
                                    coordinatorEpoch: 5, currentTransactionStartOffset: 42)
    static let idle = ProducerState(producerId: 7003, producerEpoch: 0, lastSequence: -1, lastTimestamp: 900,
                                    coordinatorEpoch: nil, currentTransactionStartOffset: nil)

    /// A table line's cells without their padding (every cell ends in a tab, the last one too).
    static func cells(_ line: String) -> [String] {
        line.split(separator: "\t", omittingEmptySubsequences: false).dropLast().map {
            String($0.reversed().drop(while: { $0 == " " }).reversed())
        }
    }

    @Test func describeProducersIsApachesTableWithNoneForNoOpenTransactionAndMinusOneForNoCoordinatorEpoch() {
        #expect(TransactionsRenderer.producerLines([Self.open, Self.idle]) == [
            "ProducerId\tProducerEpoch\tLatestCoordinatorEpoch\tLastSequence\tLastTimestamp\tCurrentTransactionStartOffset\t",
            "7000      \t2            \t5                     \t9           \t1000000      \t42                           \t",
            "7003      \t0            \t-1                    \t-1          \t900          \tNone                         \t",
        ])
    }

    @Test func describeMeasuresTheDurationFromNowAndSaysNoneWithoutAnOpenTransaction() {
        var description = TransactionDescription(coordinatorId: 2, transactionalId: "orders-tx", producerId: 7001, producerEpoch: 4,
                                                 state: "Ongoing", timeoutMs: 60_000, startTimeMs: 10_000,
                                                 partitions: [TopicPartition("orders", 0), TopicPartition("orders", 1)])
        let lines = TransactionsRenderer.describeLines(description, nowMs: 12_500)
        #expect(lines.count == 2)
        #expect(Self.cells(lines[1]) ==
                ["2", "orders-tx", "7001", "4", "Ongoing", "60000", "10000", "2500", "orders-0,orders-1"])
        description.startTimeMs = nil
        description.partitions = []
        #expect(Self.cells(TransactionsRenderer.describeLines(description, nowMs: 12_500)[1]) == ["2", "orders-tx", "7001", "4", "Ongoing", "60000", "None", "None", ""])
        #expect(TransactionsRenderer.describeJSON(description, nowMs: 1).serialized() ==
                #"{"coordinator_id":2,"transactional_id":"orders-tx","producer_id":7001,"producer_epoch":4,"state":"Ongoing","timeout_ms":60000,"start_time_ms":null,"duration_ms":null,"partitions":[]}"#)
    }

    @Test func listRowsGoByBrokerThenAsEachListed() {
        let lines = TransactionsRenderer.listLines([2: [.init(transactionalId: "b", producerId: 2, state: "Ongoing")],
                                                    1: [.init(transactionalId: "a", producerId: 1, state: "Empty")]])
        #expect(lines.map { Self.cells($0)[0] } == ["TransactionalId", "a", "b"])
        #expect(TransactionsRenderer.listLines([:]) == ["TransactionalId\tCoordinator\tProducerId\tTransactionState\t"])
        #expect(TransactionsRenderer.listJSON([1: [.init(transactionalId: "a", producerId: 1, state: "Empty")]]).serialized() ==
                #"{"transactions":[{"transactional_id":"a","coordinator":1,"producer_id":1,"state":"Empty"}]}"#)
    }

    @Test func findHangingTruncatesTheDurationToWholeMinutes() {
        let hanging = HangingTransaction(partition: TopicPartition("orders", 0), producer: Self.open)
        let lines = TransactionsRenderer.hangingLines([hanging], nowMs: 1_000_000 + 119_999)
        #expect(lines[0] == "Topic \tPartition\tProducerId\tProducerEpoch\tCoordinatorEpoch\tStartOffset\tLastTimestamp\tDuration(min)\t")
        #expect(Self.cells(lines[1]) == ["orders", "0", "7000", "2", "5", "42", "1000000", "1"])
        #expect(TransactionsRenderer.hangingJSON([hanging], nowMs: 1_000_500).serialized() ==
                #"{"hanging_transactions":[{"topic":"orders","partition":0,"producer":{"producer_id":7000,"producer_epoch":2,"coordinator_epoch":5,"last_sequence":9,"last_timestamp":1000000,"current_transaction_start_offset":42},"duration_ms":500}]}"#)
    }

    @Test func abortSaysWhatItAbortedInJSONAndKafkasSpecInMessages() {
        let spec = AbortTransactionSpec(partition: TopicPartition("orders", 1), producerId: 7004, producerEpoch: 1, coordinatorEpoch: 0)
        #expect(TransactionsRenderer.abortJSON(spec).serialized() ==
                #"{"aborted":{"topic":"orders","partition":1,"producer_id":7004,"producer_epoch":1,"coordinator_epoch":0}}"#)
        #expect(spec.description == "AbortTransactionSpec(topicPartition=orders-1, producerId=7004, producerEpoch=1, coordinatorEpoch=0)")
    }

    static func parse(_ arguments: [String]) throws -> Transactions {
        try #require(try Kafkactl.parseAsRoot(["transactions", "--bootstrap-server", "b:1"] + CommandRunner.normalized(arguments)) as? Transactions)
    }

    @Test func theCommandsTakeApachesOptions() throws {
        let abort = try Self.parse(["abort", "--topic", "t", "--partition", "0", "--producer-id", "5", "--producer-epoch", "1", "--coordinator-epoch", "-1"])
        #expect(abort.producerId == 5 && abort.producerEpoch == 1 && abort.coordinatorEpoch == -1)
        let list = try Self.parse(["list", "--duration-filter", "-1", "--transactional-id-pattern", "tx-.*"])
        #expect(list.durationFilter == -1 && list.transactionalIdPattern == "tx-.*")
        let hanging = try Self.parse(["find-hanging", "--broker-id", "1", "--max-transaction-timeout", "30"])
        #expect(hanging.brokerId == 1 && hanging.maxTransactionTimeout == 30)
    }
}

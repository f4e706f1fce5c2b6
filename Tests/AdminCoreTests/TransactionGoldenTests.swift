import NIOCore
import Testing

@testable import AdminCore

/// Frames of DescribeProducers (61), DescribeTransactions (65), ListTransactions (66) and WriteTxnMarkers (27)
/// encoded by kafka-python 3.0.12 from Kafka's JSON definitions, not by kafkactl's encoder (the test broker lacks the
/// four APIs, so no capture can hold them; FixtureCoverageTests lists them as gaps). Made as AclGoldenTests' are: per
/// frame, e.g. `DescribeProducersRequest(topics=[...])`, `with_header(correlation_id=N, client_id='kafkactl')` and
/// `encode(version=V, header=True, framed=True)`; responses unframed, after their response header. All four are
/// flexible from their first version kafkactl speaks (WriteTxnMarkers v1, the lowest Kafka 4.x answers).
@Suite("Transaction API golden frames")
struct TransactionGoldenTests {
    // "t1" 74 31, "tx-a" 74 78 2d 61; producer 1000 is 00 00 00 00 00 00 03 e8; 1700000000000 ms is 00 00 01 8b cf e5 68 00.
    static let describeProducersRequest = "00 00 00 22 00 3d 00 00 00 00 00 29 00 08 6b 61 66 6b 61 63 74 6c 00 02 03 74 31 03 00 00 00 00 00 00 00 02 00 00"
    static let describeProducersResponse = "00 00 00 29 00 00 00 00 00 02 03 74 31 03 00 00 00 00 00 00 00 03 00 00 00 00 00 00 03 e8 00 00 00 03 00 00 00 29 00 00 01 8b cf e5 68 00 00 00 00 07 00 00 00 00 00 00 00 78 00 00 00 00 00 00 00 03 e9 00 00 00 00 ff ff ff ff 00 00 01 8b cf e5 68 01 ff ff ff ff ff ff ff ff ff ff ff ff 00 00 00 00 00 02 00 06 0b 6e 6f 74 20 6c 65 61 64 65 72 01 00 00 00"
    static let describeTransactionsRequest = "00 00 00 1f 00 41 00 00 00 00 00 2a 00 08 6b 61 66 6b 61 63 74 6c 00 03 05 74 78 2d 61 05 74 78 2d 62 00"
    static let describeTransactionsResponse = "00 00 00 2a 00 00 00 00 00 03 00 00 05 74 78 2d 61 08 4f 6e 67 6f 69 6e 67 00 00 ea 60 00 00 01 8b cf e5 68 00 00 00 00 00 00 00 03 e8 00 03 02 03 74 31 03 00 00 00 00 00 00 00 01 00 00 00 69 05 74 78 2d 62 01 00 00 00 00 ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff 01 00 00"
    static let listTransactionsV0Request = "00 00 00 26 00 42 00 00 00 00 00 2b 00 08 6b 61 66 6b 61 63 74 6c 00 02 08 4f 6e 67 6f 69 6e 67 02 00 00 00 00 00 00 03 e8 00"
    static let listTransactionsV1Request = "00 00 00 1e 00 42 00 01 00 00 00 2c 00 08 6b 61 66 6b 61 63 74 6c 00 01 01 00 00 00 00 00 00 ea 60 00"
    static let listTransactionsV2Request = "00 00 00 24 00 42 00 02 00 00 00 2d 00 08 6b 61 66 6b 61 63 74 6c 00 01 01 ff ff ff ff ff ff ff ff 06 74 78 2d 2e 2a 00"
    static let listTransactionsResponse = "00 00 00 2b 00 00 00 00 00 00 00 02 06 42 6f 67 75 73 02 05 74 78 2d 61 00 00 00 00 00 00 03 e8 08 4f 6e 67 6f 69 6e 67 00 00"
    static let writeTxnMarkersV1Request = "00 00 00 2f 00 1b 00 01 00 00 00 2e 00 08 6b 61 66 6b 61 63 74 6c 00 02 00 00 00 00 00 00 03 e8 00 03 00 02 03 74 31 02 00 00 00 00 00 00 00 00 07 00 00"
    static let writeTxnMarkersV2Request = "00 00 00 30 00 1b 00 02 00 00 00 2f 00 08 6b 61 66 6b 61 63 74 6c 00 02 00 00 00 00 00 00 03 e8 00 03 00 02 03 74 31 02 00 00 00 00 00 00 00 00 07 00 00 00"
    static let writeTxnMarkersV1Response = "00 00 00 2e 00 02 00 00 00 00 00 00 03 e8 02 03 74 31 02 00 00 00 00 00 00 00 00 00 00"
    static let writeTxnMarkersV2ErrorResponse = "00 00 00 2f 00 02 00 00 00 00 00 00 03 e8 02 03 74 31 02 00 00 00 00 00 06 00 00 00 00"

    @Test("DescribeProducers v0: t1 partitions 0 and 2; one open transaction, one idle producer, one partition's error")
    func describeProducers() throws {
        try AclGoldenTests.expectRequest(DescribeProducersRequest(topics: [.init(name: "t1", partitionIndexes: [0, 2])]),
                                         version: 0, correlationId: 41, is: Self.describeProducersRequest)
        let response = try AclGoldenTests.decodeResponse(Self.describeProducersResponse, as: DescribeProducersRequest.self, version: 0)
        let partitions = try #require(response.topics.first?.partitions)
        #expect(partitions.map(\.partitionIndex) == [0, 2])
        let open = ProducerState(partitions[0].activeProducers[0])
        #expect(open == ProducerState(producerId: 1000, producerEpoch: 3, lastSequence: 41, lastTimestamp: 1_700_000_000_000,
                                      coordinatorEpoch: 7, currentTransactionStartOffset: 120))
        let idle = ProducerState(partitions[0].activeProducers[1])
        #expect(idle.coordinatorEpoch == nil && idle.currentTransactionStartOffset == nil && idle.lastSequence == -1)
        #expect(ErrorCode(rawValue: partitions[1].errorCode) == .notLeaderOrFollower && partitions[1].errorMessage == "not leader")
    }

    @Test("DescribeTransactions v0: two ids; one Ongoing over t1-0 and t1-1, one unknown (TRANSACTIONAL_ID_NOT_FOUND)")
    func describeTransactions() throws {
        try AclGoldenTests.expectRequest(DescribeTransactionsRequest(transactionalIds: ["tx-a", "tx-b"]),
                                         version: 0, correlationId: 42, is: Self.describeTransactionsRequest)
        let response = try AclGoldenTests.decodeResponse(Self.describeTransactionsResponse, as: DescribeTransactionsRequest.self, version: 0)
        let ongoing = response.transactionStates[0]
        #expect(ongoing.transactionalId == "tx-a" && ongoing.transactionState == "Ongoing" && ongoing.transactionTimeoutMs == 60_000)
        #expect(ongoing.producerId == 1000 && ongoing.producerEpoch == 3 && ongoing.transactionStartTimeMs == 1_700_000_000_000)
        #expect(ongoing.topics.map(\.topic) == ["t1"] && ongoing.topics.first?.partitions == [0, 1])
        #expect(ErrorCode(rawValue: response.transactionStates[1].errorCode) == .transactionalIdNotFound)
    }

    @Test("ListTransactions v0 (state and producer filters), v1 (duration filter), v2 (id pattern); an answer naming an unknown state filter")
    func listTransactions() throws {
        try AclGoldenTests.expectRequest(ListTransactionsRequest(stateFilters: ["Ongoing"], producerIdFilters: [1000]),
                                         version: 0, correlationId: 43, is: Self.listTransactionsV0Request)
        try AclGoldenTests.expectRequest(ListTransactionsRequest(stateFilters: [], producerIdFilters: [], durationFilter: 60_000),
                                         version: 1, correlationId: 44, is: Self.listTransactionsV1Request)
        try AclGoldenTests.expectRequest(ListTransactionsRequest(stateFilters: [], producerIdFilters: [], transactionalIdPattern: "tx-.*"),
                                         version: 2, correlationId: 45, is: Self.listTransactionsV2Request)
        let response = try AclGoldenTests.decodeResponse(Self.listTransactionsResponse, as: ListTransactionsRequest.self, version: 0)
        #expect(response.errorCode == 0 && response.unknownStateFilters == ["Bogus"])
        #expect(response.transactionStates == [.init(transactionalId: "tx-a", producerId: 1000, transactionState: "Ongoing")])
    }

    @Test("ListTransactions v0 cannot carry a duration filter, v1 no id pattern: the encoder refuses before sending")
    func filtersNeedTheirVersions() {
        #expect(throws: WireError.self) {
            try ListTransactionsRequest(stateFilters: [], producerIdFilters: [], durationFilter: 1).encodeFrame(version: 0, correlationId: 1, clientId: "kafkactl")
        }
        #expect(throws: WireError.self) {
            try ListTransactionsRequest(stateFilters: [], producerIdFilters: [], transactionalIdPattern: "x").encodeFrame(version: 1, correlationId: 1, clientId: "kafkactl")
        }
    }

    @Test("WriteTxnMarkers v1 and v2: an ABORT marker for producer 1000 epoch 3 in t1-0, coordinator epoch 7; answers OK and NOT_LEADER")
    func writeTxnMarkers() throws {
        let marker = WriteTxnMarkersRequest(markers: [.init(producerId: 1000, producerEpoch: 3, transactionResult: false,
                                                            topics: [.init(name: "t1", partitionIndexes: [0])], coordinatorEpoch: 7)])
        try AclGoldenTests.expectRequest(marker, version: 1, correlationId: 46, is: Self.writeTxnMarkersV1Request)
        try AclGoldenTests.expectRequest(marker, version: 2, correlationId: 47, is: Self.writeTxnMarkersV2Request)
        let ok = try AclGoldenTests.decodeResponse(Self.writeTxnMarkersV1Response, as: WriteTxnMarkersRequest.self, version: 1)
        #expect(ok.markers.first?.producerId == 1000 && ok.markers.first?.topics.first?.partitions == [.init(partitionIndex: 0, errorCode: 0)])
        let failed = try AclGoldenTests.decodeResponse(Self.writeTxnMarkersV2ErrorResponse, as: WriteTxnMarkersRequest.self, version: 2)
        #expect(failed.markers.first?.topics.first?.partitions.first?.errorCode == ErrorCode.notLeaderOrFollower.rawValue)
    }
}

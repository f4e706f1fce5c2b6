import NIOCore
import Testing

@testable import AdminCore

/// Frames of the transactional producer's AddPartitionsToTxn (24), EndTxn (26) and InitProducerId (22) with a
/// transactional id, encoded by kafka-python 3.0.12 from Kafka's JSON definitions, not by kafkactl's encoder (made as
/// TransactionGoldenTests' are; responses after their response header). The test broker serves these APIs, but
/// scripts/capture-golden has no transactional scenario, so FixtureCoverageTests lists them as gaps filled here.
/// Every version a release can negotiate: AddPartitionsToTxn v0-2 (one layout; v2 adds PRODUCER_FENCED) and v3
/// (flexible); EndTxn v0-2, v3 (flexible) and v4 (TRANSACTION_ABORTABLE).
@Suite("Transactional producer golden frames")
struct TransactionalProducerGoldenTests {
    // "tx-a" 74 78 2d 61, "t1" 74 31; producer 1000 is 00 00 00 00 00 00 03 e8, epoch 3; 60000 ms is 00 00 ea 60.
    static let addPartitionsRequests: [Int16: String] = [
        0: "00 00 00 36 00 18 00 00 00 00 00 32 00 08 6b 61 66 6b 61 63 74 6c 00 04 74 78 2d 61 00 00 00 00 00 00 03 e8 00 03 00 00 00 01 00 02 74 31 00 00 00 02 00 00 00 00 00 00 00 02",
        1: "00 00 00 36 00 18 00 01 00 00 00 33 00 08 6b 61 66 6b 61 63 74 6c 00 04 74 78 2d 61 00 00 00 00 00 00 03 e8 00 03 00 00 00 01 00 02 74 31 00 00 00 02 00 00 00 00 00 00 00 02",
        2: "00 00 00 36 00 18 00 02 00 00 00 34 00 08 6b 61 66 6b 61 63 74 6c 00 04 74 78 2d 61 00 00 00 00 00 00 03 e8 00 03 00 00 00 01 00 02 74 31 00 00 00 02 00 00 00 00 00 00 00 02",
        3: "00 00 00 31 00 18 00 03 00 00 00 35 00 08 6b 61 66 6b 61 63 74 6c 00 05 74 78 2d 61 00 00 00 00 00 00 03 e8 00 03 02 03 74 31 03 00 00 00 00 00 00 00 02 00 00",
    ]
    static let addPartitionsV0Response = "00 00 00 32 00 00 00 00 00 00 00 01 00 02 74 31 00 00 00 02 00 00 00 00 00 00 00 00 00 02 00 33"
    static let addPartitionsV3Response = "00 00 00 35 00 00 00 00 00 02 03 74 31 03 00 00 00 00 00 00 00 00 00 00 02 00 33 00 00 00"
    static let endTxnRequests: [Int16: String] = [
        0: "00 00 00 23 00 1a 00 00 00 00 00 3c 00 08 6b 61 66 6b 61 63 74 6c 00 04 74 78 2d 61 00 00 00 00 00 00 03 e8 00 03 01",
        1: "00 00 00 23 00 1a 00 01 00 00 00 3d 00 08 6b 61 66 6b 61 63 74 6c 00 04 74 78 2d 61 00 00 00 00 00 00 03 e8 00 03 01",
        2: "00 00 00 23 00 1a 00 02 00 00 00 3e 00 08 6b 61 66 6b 61 63 74 6c 00 04 74 78 2d 61 00 00 00 00 00 00 03 e8 00 03 00",
        3: "00 00 00 24 00 1a 00 03 00 00 00 3f 00 08 6b 61 66 6b 61 63 74 6c 00 05 74 78 2d 61 00 00 00 00 00 00 03 e8 00 03 01 00",
        4: "00 00 00 24 00 1a 00 04 00 00 00 40 00 08 6b 61 66 6b 61 63 74 6c 00 05 74 78 2d 61 00 00 00 00 00 00 03 e8 00 03 01 00",
    ]
    static let endTxnV0Response = "00 00 00 3c 00 00 00 00 00 00"
    static let endTxnV3Response = "00 00 00 3f 00 00 00 00 00 00 33 00"
    static let endTxnV4Response = "00 00 00 40 00 00 00 00 00 00 00 00"
    static let initTransactionalRequests: [Int16: String] = [
        1: "00 00 00 1c 00 16 00 01 00 00 00 47 00 08 6b 61 66 6b 61 63 74 6c 00 04 74 78 2d 61 00 00 ea 60",
        2: "00 00 00 1d 00 16 00 02 00 00 00 48 00 08 6b 61 66 6b 61 63 74 6c 00 05 74 78 2d 61 00 00 ea 60 00",
        3: "00 00 00 27 00 16 00 03 00 00 00 49 00 08 6b 61 66 6b 61 63 74 6c 00 05 74 78 2d 61 00 00 ea 60 ff ff ff ff ff ff ff ff ff ff 00",
        4: "00 00 00 27 00 16 00 04 00 00 00 4a 00 08 6b 61 66 6b 61 63 74 6c 00 05 74 78 2d 61 00 00 ea 60 ff ff ff ff ff ff ff ff ff ff 00",
        5: "00 00 00 27 00 16 00 05 00 00 00 4b 00 08 6b 61 66 6b 61 63 74 6c 00 05 74 78 2d 61 00 00 ea 60 ff ff ff ff ff ff ff ff ff ff 00",
    ]

    @Test("AddPartitionsToTxn v0-3: tx-a, producer 1000 epoch 3, t1 partitions 0 and 2")
    func addPartitionsRequests() throws {
        let request = AddPartitionsToTxnRequest(v3AndBelowTransactionalId: "tx-a", v3AndBelowProducerId: 1000, v3AndBelowProducerEpoch: 3,
                                                v3AndBelowTopics: [.init(name: "t1", partitions: [0, 2])])
        for (version, frame) in Self.addPartitionsRequests.sorted(by: { $0.key < $1.key }) {
            try AclGoldenTests.expectRequest(request, version: version, correlationId: 50 + Int32(version), is: frame)
        }
        #expect(request.coordinatorTransactionalId == "tx-a")
    }

    @Test("AddPartitionsToTxn answers v0 and v3: t1-0 added, t1-2 CONCURRENT_TRANSACTIONS")
    func addPartitionsResponses() throws {
        for (version, frame) in [(Int16(0), Self.addPartitionsV0Response), (3, Self.addPartitionsV3Response)] {
            let response = try AclGoldenTests.decodeResponse(frame, as: AddPartitionsToTxnRequest.self, version: version)
            #expect(response.resultsByTopicV3AndBelow.map(\.name) == ["t1"])
            let partitions = try #require(response.resultsByTopicV3AndBelow.first?.resultsByPartition)
            #expect(partitions.map(\.partitionIndex) == [0, 2])
            #expect(partitions.map { ErrorCode(rawValue: $0.partitionErrorCode) } == [.none, .concurrentTransactions])
        }
    }

    @Test("EndTxn v0-4: commit (abort at v2) of tx-a, producer 1000 epoch 3; answers OK and CONCURRENT_TRANSACTIONS")
    func endTxn() throws {
        for (version, frame) in Self.endTxnRequests.sorted(by: { $0.key < $1.key }) {
            let request = EndTxnRequest(transactionalId: "tx-a", producerId: 1000, producerEpoch: 3, committed: version != 2)
            try AclGoldenTests.expectRequest(request, version: version, correlationId: 60 + Int32(version), is: frame)
        }
        for (version, frame, code) in [(Int16(0), Self.endTxnV0Response, ErrorCode.none), (3, Self.endTxnV3Response, .concurrentTransactions),
                                       (4, Self.endTxnV4Response, .none)] {
            let response = try AclGoldenTests.decodeResponse(frame, as: EndTxnRequest.self, version: version)
            #expect(ErrorCode(rawValue: response.errorCode) == code)
        }
    }

    @Test("InitProducerId v1-5 with transactional id tx-a and a 60 s transaction timeout, routed to its coordinator")
    func initProducerIdForATransactionalId() throws {
        let request = InitProducerIdRequest(transactionalId: "tx-a", transactionTimeoutMs: 60_000)
        for (version, frame) in Self.initTransactionalRequests.sorted(by: { $0.key < $1.key }) {
            try AclGoldenTests.expectRequest(request, version: version, correlationId: 70 + Int32(version), is: frame)
        }
        #expect(request.coordinatorTransactionalId == "tx-a")
        #expect(InitProducerIdRequest(transactionalId: nil, transactionTimeoutMs: .max).coordinatorTransactionalId == nil,
                "idempotence only: any broker")
    }
}

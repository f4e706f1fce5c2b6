@testable import AdminCore
import NIOCore
import Testing

/// The consumer's in-place reading of fetched bytes (`ConsumedRecords.forEachRecord` and `RecordView`): the
/// golden batch of protocol.md read field by field, the in-place reader cross-checked against the decoding
/// reader for every codec, the position and stop offset cut inside batches, and the header-only scan.
@Suite struct ConsumedRecordsTests {
    static let partition = TopicPartition("t", 3)

    static func chunk(_ bytes: [UInt8], from position: Int64 = 0, stop: Int64? = nil, aborted: [FetchResponse.AbortedTransaction]? = nil,
                      readCommitted: Bool = false) -> ConsumedRecords {
        ConsumedRecords(topicPartition: partition, blob: ByteBuffer(bytes: bytes), position: position, stopOffset: stop,
                        highWatermark: 100, nextOffset: 100, aborted: aborted, filterAborted: readCommitted, verifyChecksums: true)
    }

    static func text(_ bytes: UnsafeRawBufferPointer?) -> String? {
        bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func readsTheGoldenBatchInPlace() throws {
        var seen: [String] = []
        try Self.chunk(RecordBatchTests.goldenTwoRecords).forEachRecord { record in
            var headers: [String] = []
            try record.forEachHeader { key, value in headers.append("\(Self.text(key)!)=\(Self.text(value) ?? "null")") }
            seen.append("\(record.offset) \(record.timestamp) \(Self.text(record.key) ?? "null") \(Self.text(record.value) ?? "null") \(headers) \(record.isLogAppendTime)")
            return true
        }
        #expect(seen == [
            "0 1700000000000 key1 hello [] false",
            "1 1700000000005 null world [\"h=v\"] false",
        ])
    }

    @Test("both readers give back exactly what was written", arguments: CompressionCodec.allCases)
    func bothReadersGiveBackWhatWasWritten(codec: CompressionCodec) throws {
        var builder = RecordBatchBuilder()
        var written: [Record] = []
        for index in 0..<3000 {
            let record = Record(
                offset: Int64(index), timestamp: 1_700_000_000_000 + Int64(index),
                key: index % 3 == 0 ? nil : ByteBuffer(string: "key-\(index)"),
                value: index % 7 == 0 ? nil : index % 11 == 0 ? ByteBuffer() : ByteBuffer(string: "value \(index)"),
                headers: index % 5 == 0 ? [RecordHeader(key: "n", value: ByteBuffer(string: "\(index)")),
                                           RecordHeader(key: "null", value: nil)] : [])
            builder.append(key: record.key, value: record.value, headers: record.headers, timestamp: record.timestamp)
            written.append(record)
        }
        let batch = try builder.build(compression: codec)
        var reader = RecordBatchReader(batch)
        let decoded = try #require(try reader.next()).records
        let viewed = try Self.chunk(Array(batch.readableBytesView)).records()
        #expect(viewed == decoded)
        #expect(viewed.count == 3000)
        #expect(decoded == written)
    }

    @Test func thePositionAndTheStopOffsetCutInsideBatches() throws {
        let blob = try PartitionConsumerScriptedTests.batch(0, (0..<10).map { "v\($0)" })
            + PartitionConsumerScriptedTests.batch(10, (10..<20).map { "v\($0)" })
        let offsets = try Self.chunk(blob, from: 5, stop: 15).records().map(\.offset)
        #expect(offsets == Array(5..<15))
        #expect(try Self.chunk(blob, from: 10).records().map(\.offset) == Array(10..<20))
        #expect(try Self.chunk(blob, from: 0, stop: 10).records().map(\.offset) == Array(0..<10))
        #expect(try Self.chunk(blob, from: 20).records().isEmpty)
    }

    @Test func theVisitorStopsTheWalk() throws {
        let blob = try PartitionConsumerScriptedTests.batch(0, ["a", "b", "c"]) + PartitionConsumerScriptedTests.batch(3, ["d"])
        var seen: [Int64] = []
        try Self.chunk(blob).forEachRecord { record in
            seen.append(record.offset)
            return record.offset < 1
        }
        #expect(seen == [0, 1])
    }

    @Test func abortedTransactionsAndMarkersAreLeftOut() throws {
        let blob = try PartitionConsumerScriptedTests.batch(0, ["t1", "t2"], producerId: 9, transactional: true)
            + PartitionConsumerScriptedTests.marker(2, producerId: 9, commit: false)
            + PartitionConsumerScriptedTests.batch(3, ["plain"])
        let aborted = [FetchResponse.AbortedTransaction(producerId: 9, firstOffset: 0)]
        #expect(try Self.chunk(blob, aborted: aborted, readCommitted: true).records().map(\.offset) == [3])
        #expect(try Self.chunk(blob, aborted: aborted, readCommitted: false).records().map(\.offset) == [0, 1, 3])
    }

    @Test func aCorruptBatchNamesThePartitionAndTheOffset() throws {
        var bytes = try PartitionConsumerScriptedTests.batch(40, ["x", "y"])
        bytes[bytes.count - 2] ^= 0xff
        let error = #expect(throws: KafkactlError.self) { try Self.chunk(bytes, from: 40).records() }
        #expect(error?.message.contains("t-3: corrupt record batch at offset 40: CRC mismatch") == true)
    }

    @Test func theScanReadsHeadersOnly() throws {
        let data = try PartitionConsumerScriptedTests.batch(0, ["a", "b"])
        let marker = try PartitionConsumerScriptedTests.marker(2, producerId: 9, commit: true)
        var scan = RecordBatchReader.scan(ByteBuffer(bytes: data + marker + data.prefix(30)), from: 0, before: nil)
        #expect(scan == .init(nextOffset: 3, hasRecordsInRange: true))
        scan = RecordBatchReader.scan(ByteBuffer(bytes: data + marker), from: 2, before: nil)
        #expect(scan == .init(nextOffset: 3, hasRecordsInRange: false))  // only the marker is at or after 2
        scan = RecordBatchReader.scan(ByteBuffer(bytes: data), from: 0, before: 0)
        #expect(scan == .init(nextOffset: 2, hasRecordsInRange: false))
        #expect(RecordBatchReader.scan(ByteBuffer(bytes: data.prefix(30)), from: 0, before: nil).nextOffset == nil)
    }

    @Test func anOwnedRecordHasTheSameView() throws {
        let record = Record(offset: 7, timestamp: 12, key: nil, value: ByteBuffer(string: "v"),
                            headers: [RecordHeader(key: "a", value: nil), RecordHeader(key: "b", value: ByteBuffer(string: "2"))],
                            isLogAppendTime: true)
        #expect(RecordView.withView(of: record) { $0.record } == record)
    }
}

/// The queue between the fetch loop and the printer holds a bounded number of elements and bytes.
@Suite struct BoundedChannelTests {
    @Test(.timeLimit(.minutes(1)))
    func aSendWaitsWhileTheWeightIsOverTheLimit() async throws {
        let channel = BoundedChannel<Int>(capacity: 10, maximumWeight: 15)
        await channel.send(1, weight: 10)
        let second = Task {
            await channel.send(2, weight: 10)
            return true
        }
        // The second element would hold 20 > 15: the sender is still waiting after the first has sat there a while.
        try await Task.sleep(for: .milliseconds(100))
        #expect(await channel.pendingCount == 1)
        #expect(try await channel.receive() == 1)
        #expect(await second.value)
        #expect(try await channel.receive() == 2)
    }

    @Test(.timeLimit(.minutes(1)))
    func oneElementHeavierThanTheLimitStillPasses() async throws {
        let channel = BoundedChannel<Int>(capacity: 4, maximumWeight: 5)
        await channel.send(1, weight: 50)
        await channel.finish()
        #expect(try await channel.receive() == 1)
        #expect(try await channel.receive() == nil)
    }
}

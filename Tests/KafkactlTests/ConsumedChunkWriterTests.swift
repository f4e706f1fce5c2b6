import AdminCore
import NIOCore
import Testing

@testable import kafkactl

/// console-consumer's output of fetched chunks, written without a broker or the binary: the formatter's lines,
/// JSON lines, and `--max-messages` counted across chunks.
@Suite struct ConsumedChunkWriterTests {
    /// Records at offsets 0..<values.count of partition orders-2.
    static func chunk(_ values: [String]) throws -> ConsumedRecords {
        var builder = RecordBatchBuilder()
        for (index, value) in values.enumerated() {
            builder.append(key: nil, value: ByteBuffer(string: value), timestamp: 1_700_000_000_000 + Int64(index))
        }
        let count = Int64(values.count)
        return ConsumedRecords(topicPartition: TopicPartition("orders", 2), blob: try builder.build(), position: 0, stopOffset: nil,
                               highWatermark: count, nextOffset: count, aborted: nil, filterAborted: false, verifyChecksums: true)
    }

    static func writer(json: Bool = false, maxMessages: Int? = nil) throws -> ConsumedChunkWriter {
        ConsumedChunkWriter(formatter: try MessageFormatter(className: nil, properties: [:]), json: json, skipErrors: false,
                            maxMessages: maxMessages)
    }

    @Test func writesEveryRecordAndCountsThem() throws {
        let out = CapturedOutput()
        let printed = SharedCounter(0)
        let progress = try Self.writer().write(try Self.chunk(["a", "b", "c"]), printed: printed,
                                                 context: CommandContext(stdout: out, stderr: CapturedOutput()))
        #expect(out.text == "a\nb\nc\n")
        #expect(printed.value == 3 && !progress.reachedLimit && progress.nextUnprinted == 3)
    }

    @Test func stopsAtMaxMessagesCountedAcrossChunks() throws {
        let out = CapturedOutput()
        let printed = SharedCounter(1)
        let progress = try Self.writer(maxMessages: 3).write(try Self.chunk(["a", "b", "c"]), printed: printed,
                                                               context: CommandContext(stdout: out, stderr: CapturedOutput()))
        #expect(out.text == "a\nb\n")
        #expect(printed.value == 3)
        #expect(progress.reachedLimit && progress.nextUnprinted == 2, "the group commits after the last record printed")
    }

    @Test func jsonIsOneDocumentPerRecord() throws {
        let out = CapturedOutput()
        _ = try Self.writer(json: true).write(try Self.chunk(["a"]), printed: SharedCounter(0),
                                              context: CommandContext(stdout: out, stderr: CapturedOutput()))
        let lines = out.text.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("{") && lines[0].contains(#""topic":"orders""#) && lines[0].contains(#""partition":2"#),
                "\(out.text)")
    }
}

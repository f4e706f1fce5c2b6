import NIOCore
import Testing

@testable import kafkactl

/// `LineSplitter`, which cuts console-producer's stdin chunks into lines: the same lines whatever the chunk
/// boundaries, `\r\n` as Java's readLine reads it, and a last line without a newline.
@Suite struct LineSplitterTests {
    /// Every line of `chunks` with its number, as strings.
    static func split(_ chunks: [String]) -> [String] {
        var splitter = LineSplitter()
        var lines: [String] = []
        var expectedNumber = 1
        let collect = { (number: Int, line: ByteBuffer) in
            #expect(number == expectedNumber)
            expectedNumber += 1
            lines.append(String(buffer: line))
        }
        for chunk in chunks { splitter.lines(in: ByteBuffer(string: chunk), collect) }
        splitter.finish(collect)
        #expect(splitter.lineCount == lines.count)
        return lines
    }

    @Test func linesWithinOneChunk() {
        #expect(Self.split(["a\nbb\n\nccc\n"]) == ["a", "bb", "", "ccc"])
    }

    @Test func lastLineWithoutNewline() {
        #expect(Self.split(["a\nlast"]) == ["a", "last"])
        #expect(Self.split(["only"]) == ["only"])
        #expect(Self.split([""]) == [])
    }

    @Test func carriageReturnBeforeNewlineIsDropped() {
        #expect(Self.split(["a\r\nb\r\n"]) == ["a", "b"])
        // A lone \r stays inside its line: kafkactl, like kcat, ends lines at \n only (Java's readLine would also
        // end one at a lone \r, the old Mac line ending).
        #expect(Self.split(["a\rb\n"]) == ["a\rb"])
        #expect(Self.split(["last\r"]) == ["last"])
    }

    @Test func sameLinesWhereverTheChunksBreak() {
        let text = "first\r\nsecond\n\nthird line is longer\r\nx\nno newline at the end"
        let whole = Self.split([text])
        #expect(whole == ["first", "second", "", "third line is longer", "x", "no newline at the end"])
        let bytes = Array(text.utf8)
        // Every two-way and a sample of three-way cuts, including between \r and \n and right after a \n.
        for cut in 0...bytes.count {
            let parts = [String(decoding: bytes[..<cut], as: UTF8.self), String(decoding: bytes[cut...], as: UTF8.self)]
            #expect(Self.split(parts) == whole, "cut at \(cut)")
            for second in stride(from: cut, through: bytes.count, by: 3) {
                let three = [String(decoding: bytes[..<cut], as: UTF8.self),
                             String(decoding: bytes[cut..<second], as: UTF8.self),
                             String(decoding: bytes[second...], as: UTF8.self)]
                #expect(Self.split(three) == whole, "cuts at \(cut), \(second)")
            }
        }
    }

    @Test func lineSpanningManyChunks() {
        #expect(Self.split(["ab", "cd", "", "ef\ng", "h"]) == ["abcdef", "gh"])
    }
}

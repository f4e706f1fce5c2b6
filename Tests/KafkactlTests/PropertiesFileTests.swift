import Foundation
import Testing

@testable import kafkactl

/// `--command-config` files are Java `.properties` files, read as `java.util.Properties.load` reads them.
@Suite struct PropertiesFileTests {
    @Test func equalsColonAndWhiteSpaceAllSeparateKeyFromValue() {
        let parsed = PropertiesFile.parse("""
            a=1
            b:2
            c 3
            d = 4
            e   :   5
            f\t6
            """)
        #expect(parsed == ["a": "1", "b": "2", "c": "3", "d": "4", "e": "5", "f": "6"])
    }

    @Test func onlyTheFirstSeparatorSplits() {
        #expect(PropertiesFile.parse("sasl.jaas.config=a=b:c d") == ["sasl.jaas.config": "a=b:c d"])
        #expect(PropertiesFile.parse("url: http://host:80") == ["url": "http://host:80"])
    }

    @Test func hashAndBangLinesAreComments() {
        let parsed = PropertiesFile.parse("""
            # a comment
            ! another
              # indented comment
            bootstrap.servers=localhost:9092
            """)
        #expect(parsed == ["bootstrap.servers": "localhost:9092"])
    }

    @Test func aHashAfterAValueIsPartOfTheValue() {
        #expect(PropertiesFile.parse("client.id=a#b") == ["client.id": "a#b"])
    }

    @Test func blankLinesAndLeadingWhiteSpaceAreIgnored() {
        #expect(PropertiesFile.parse("\n   \n\t  key=value\n\n") == ["key": "value"])
    }

    @Test func trailingWhiteSpaceBelongsToTheValue() {
        #expect(PropertiesFile.parse("key=value  ") == ["key": "value  "])
    }

    @Test func aKeyAloneHasAnEmptyValue() {
        #expect(PropertiesFile.parse("key\nother=") == ["key": "", "other": ""])
    }

    @Test func escapesAreDecoded() {
        let parsed = PropertiesFile.parse(#"""
            tab=a\tb
            newline=a\nb
            unicode=caf\u00e9
            backslash=C:\\dir
            other=\q
            """#)
        #expect(parsed["tab"] == "a\tb")
        #expect(parsed["newline"] == "a\nb")
        #expect(parsed["unicode"] == "café")
        #expect(parsed["backslash"] == #"C:\dir"#)
        #expect(parsed["other"] == "q")
    }

    @Test func escapedSeparatorsStayInTheKey() {
        let parsed = PropertiesFile.parse(#"""
            a\=b=1
            c\:d:2
            e\ f g
            """#)
        #expect(parsed == ["a=b": "1", "c:d": "2", "e f": "g"])
    }

    @Test func aTrailingBackslashContinuesTheLineWithoutItsIndentation() {
        let parsed = PropertiesFile.parse("""
            fruits=apple, \\
                   banana, \\
                   pear
            next=1
            """)
        #expect(parsed == ["fruits": "apple, banana, pear", "next": "1"])
    }

    @Test func aCommentMarkerOnAContinuedLineIsData() {
        #expect(PropertiesFile.parse("key=a\\\n  #b") == ["key": "a#b"])
    }

    @Test func anEscapedBackslashAtTheEndDoesNotContinue() {
        #expect(PropertiesFile.parse("a=x\\\\\nb=y") == ["a": "x\\", "b": "y"])
    }

    @Test func aContinuationAtTheEndOfTheFileEndsTheEntry() {
        #expect(PropertiesFile.parse("a=x\\") == ["a": "x"])
    }

    @Test func windowsAndOldMacLineEndingsSplitLines() {
        #expect(PropertiesFile.parse("a=1\r\nb=2\rc=3") == ["a": "1", "b": "2", "c": "3"])
    }

    @Test func theLastDefinitionOfAKeyWins() {
        #expect(PropertiesFile.parse("a=1\na=2") == ["a": "2"])
    }

    @Test func loadReadsAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kafkactl-props-\(UUID().uuidString)")
        try "bootstrap.servers=127.0.0.1:9092\nclient.id=tool\n".write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        #expect(try PropertiesFile.load(path: path.path, flag: "--command-config")
            == ["bootstrap.servers": "127.0.0.1:9092", "client.id": "tool"])
    }

    @Test func aMissingFileIsAUsageErrorNamingTheFlagAndPath() throws {
        let error = #expect(throws: (any Error).self) {
            try PropertiesFile.load(path: "/nonexistent/kafkactl.properties", flag: "--command-config")
        }
        let message = "\(try #require(error))"
        #expect(message.contains("--command-config"))
        #expect(message.contains("/nonexistent/kafkactl.properties"))
        #expect(message.contains("No such file or directory"))
    }
}

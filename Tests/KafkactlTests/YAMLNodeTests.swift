import Testing

@testable import kafkactl

/// The contexts file's YAML reader (libyaml's loader): the tree it builds, its one-line errors, and its bounds.
@Suite struct YAMLNodeTests {
    @Test func buildsScalarsSequencesAndMappingsInOrder() throws {
        let text = """
            # a comment
            b: 2
            a: [x, "y z", '']
            c:
              - k: v
              - plain
            d: |
              two
              lines
            e:
            """
        let root = try #require(try YAMLNode.parse(text))
        #expect(root.mapping?.map { $0.key.scalar } == ["b", "a", "c", "d", "e"])
        #expect(root["b"]?.scalar == "2")
        #expect(root["a"]?.sequence?.map(\.scalar) == ["x", "y z", ""])
        #expect(root["c"]?.sequence?.first?["k"]?.scalar == "v")
        #expect(root["c"]?.sequence?.last?.scalar == "plain")
        #expect(root["d"]?.scalar == "two\nlines\n")
        #expect(root["e"]?.scalar == "")
        #expect(root["missing"] == nil)
        #expect(root.scalar == nil && root.sequence == nil)
    }

    @Test func aliasesReadAsTheAnchoredNode() throws {
        let root = try #require(try YAMLNode.parse("base: &b {security.protocol: SSL}\nother: *b\n"))
        #expect(root["other"]?["security.protocol"]?.scalar == "SSL")
    }

    @Test("no document in the text is nil", arguments: ["", "   \n", "# only a comment\n"])
    func noDocument(text: String) throws {
        #expect(try YAMLNode.parse(text) == nil)
    }

    @Test("malformed YAML is one line naming the problem and where", arguments: [
        ("contexts: [", "line 2, column 1"),
        ("a: b\n c: d\n  - e", "line 2"),
        ("a: 'unterminated", "line 1, column 17"),
        ("key: *undefined", "line 1, column 6"),
    ])
    func malformed(text: String, place: String) {
        do {
            _ = try YAMLNode.parse(text)
            Issue.record("parsed: \(text)")
        } catch {
            #expect(error.message.contains(place), "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }

    @Test func aliasesCannotExpandWithoutBound() {
        // Nine levels of ten aliases each would be a billion nodes.
        var text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect(throws: YAMLNode.ParseError(message: "more than \(YAMLNode.maximumNodes) nodes (aliases expanding too far)")) {
            try YAMLNode.parse(text)
        }
    }

    @Test func nestingIsBounded() {
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: YAMLNode.ParseError(message: "nested more than \(YAMLNode.maximumDepth) levels deep")) {
            try YAMLNode.parse(text)
        }
    }

    @Test func invalidUTF8IsReadWithReplacementCharacters() throws {
        // The contexts file is read as a String first, so libyaml sees valid UTF-8.
        let root = try #require(try YAMLNode.parse(String(decoding: [0x61, 0x3A, 0x20, 0xFF], as: UTF8.self)))
        #expect(root["a"]?.scalar == "\u{FFFD}")
    }
}

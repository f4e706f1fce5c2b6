import Testing
@testable import kafkactl

/// How the shell splits a line into words: as bash would for what people type (white space, both quotes,
/// backslashes), so a command copied from a runbook means the same inside `kafkactl shell`.
@Suite struct ShellTokenizerTests {
    @Test("words", arguments: [
        ("topics --list", ["topics", "--list"]),
        ("  topics \t --list   ", ["topics", "--list"]),
        ("", []),
        ("   \t ", []),
        // Single quotes: everything literal, backslashes and double quotes included.
        ("console-producer --property 'key.separator= | '", ["console-producer", "--property", "key.separator= | "]),
        (#"x 'a\b' 'say "hi"'"#, ["x", #"a\b"#, #"say "hi""#]),
        // Double quotes: white space kept; \" and \\ escape; other backslashes stay, as in bash.
        (#"x "a b""#, ["x", "a b"]),
        (#"x "a \"b\" c""#, ["x", #"a "b" c"#]),
        (#"x "a\\b""#, ["x", #"a\b"#]),
        (#"console-consumer --include "orders\..*""#, ["console-consumer", "--include", #"orders\..*"#]),
        (#"x "C:\temp\n""#, ["x", #"C:\temp\n"#]),
        (#"x "a\$b""#, ["x", "a$b"]),
        (#"x "it's""#, ["x", "it's"]),
        // A backslash outside quotes escapes the next character, white space and quotes included.
        (#"x a\ b"#, ["x", "a b"]),
        (#"x \'quoted\'"#, ["x", "'quoted'"]),
        (#"x \"a"#, ["x", "\"a"]),
        (#"x a\\b"#, ["x", #"a\b"#]),
        // Quoted and bare parts of one word join; empty quotes are an empty word.
        (#"x a'b c'"d e"f"#, ["x", "ab cd ef"]),
        ("x '' \"\"", ["x", "", ""]),
        ("--property key.separator=", ["--property", "key.separator="]),
        ("# not a comment here", ["#", "not", "a", "comment", "here"]),
    ])
    func words(line: String, expected: [String]) throws {
        #expect(try ShellTokenizer.words(line) == expected)
    }

    @Test("an unterminated quote is an error naming the quote", arguments: [
        ("topics --topic 'orders", Character("'")),
        (#"topics --topic "orders"#, Character("\"")),
        (#"x "a \""#, Character("\"")),  // the escaped quote does not close
        (#"x 'it\'s'"#, Character("'")),  // no escapes inside single quotes: the last quote opens a new one
    ])
    func unterminatedQuote(line: String, quote: Character) {
        #expect {
            try ShellTokenizer.words(line)
        } throws: { error in
            guard let error = error as? ShellTokenizer.UnterminatedQuote else { return false }
            return error.quote == quote && error.description == "unterminated \(quote) quote: close it or escape it with a backslash"
        }
    }

    @Test func aTrailingBackslashEscapesNothing() throws {
        #expect(try ShellTokenizer.words(#"topics --list\"#) == ["topics", "--list"])
    }

    @Test("partial lines, for completion", arguments: [
        ("", [String](), false),
        ("top", ["top"], true),
        ("topics ", ["topics"], false),
        ("topics --topic ord", ["topics", "--topic", "ord"], true),
        ("topics --topic 'my ord", ["topics", "--topic", "my ord"], true),
        (#"topics --topic "ord"#, ["topics", "--topic", "ord"], true),
        ("topics --topic '' ", ["topics", "--topic", ""], false),
    ])
    func partial(line: String, words: [String], endsInWord: Bool) {
        let result = ShellTokenizer.partial(line)
        #expect(result.words == words)
        #expect(result.endsInWord == endsInWord)
    }
}

import Foundation
import TestSupport
import Testing

/// `kafkactl --version`, `kafkactl version` and `kafkactl completion`, from the built binary (issue 23).
@Suite struct VersionAndCompletionTests {
    @Test func versionNamesTheReleaseACommitOfThisRepositoryAndTheSwiftVersion() async throws {
        let json = try await kafkactl(["version", "--output", "json"])
        #expect(json.exitCode == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: String], "\(json.stdout)")
        let version = try #require(object["version"])
        let commit = try #require(object["commit"])
        let swift = try #require(object["swift"])
        #expect(version.wholeMatch(of: /\d+\.\d+\.\d+/) != nil, "\(version)")
        #expect(swift.wholeMatch(of: /6\.\d+(\.\d+)?( or later)?/) != nil, "\(swift)")
        // A commit of this repository: not necessarily HEAD (SwiftPM may reuse the manifest's evaluation from an
        // earlier commit in a development build), but one git knows.
        let hash = try #require(commit.wholeMatch(of: /([0-9a-f]{12})(-dirty)?/)?.1, "commit \(commit)")
        let known = try runProcess(URL(fileURLWithPath: "/usr/bin/git"), ["-C", repoRoot.path, "cat-file", "-e", "\(hash)^{commit}"])
        #expect(known.exitCode == 0, "\(hash) is not a commit of this repository: \(known.stderr)")

        let line = "\(version) (commit \(commit), Swift \(swift))\n"
        let flag = try await kafkactl(["--version"])
        #expect(flag.exitCode == 0 && flag.stdout == line, "\(flag.stdout)")
        let text = try await kafkactl(["version"])
        #expect(text.exitCode == 0 && text.stdout == "kafkactl " + line, "\(text.stdout)")
    }

    @Test(arguments: [("bash", "kafkactl.bash"), ("zsh", "_kafkactl"), ("fish", "kafkactl.fish")])
    func completionPrintsTheCommittedScript(shell: String, file: String) async throws {
        let result = try await kafkactl(["completion", shell])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let committed = try String(contentsOf: repoRoot.appendingPathComponent("completions/\(file)"), encoding: .utf8)
        #expect(result.stdout == committed, "kafkactl completion \(shell) differs from completions/\(file): run scripts/generate-docs")
    }

    @Test func completionOfAnUnknownShellIsAUsageError() async throws {
        let result = try await kafkactl(["completion", "tcsh"])
        #expect(result.exitCode == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.first == "Error: The value 'tcsh' is invalid for '<shell>'. Please provide one of 'bash', 'zsh' or 'fish'.",
                "\(result.stderr)")
        let none = try await kafkactl(["completion"])
        #expect(none.exitCode == 64)
        #expect(none.stderrLines.first == "Error: Missing expected argument '<shell>'", "\(none.stderr)")
    }

    @Test func sourcingTheBinarysBashScriptCompletesSubcommands() async throws {
        let script = """
            source <("$1" completion bash)
            COMP_WORDS=(kafkactl consumer-gr); COMP_CWORD=1; COMP_LINE="kafkactl consumer-gr"; COMP_POINT=${#COMP_LINE}
            _kafkactl kafkactl consumer-gr kafkactl
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try runProcess(URL(fileURLWithPath: "/bin/bash"), ["--norc", "--noprofile", "-c", script, "bash", kafkactlBinary.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "consumer-groups\n", "\(result.stdout)")
    }
}

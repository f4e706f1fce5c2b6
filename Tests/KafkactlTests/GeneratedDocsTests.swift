import ArgumentParser
import Foundation
import Testing
@testable import kafkactl

/// completions/ and man/ are generated from the command definitions (scripts/generate-docs); the committed
/// files must be exactly what the code generates today.
@Suite struct GeneratedDocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func committed(_ path: String) throws -> String {
        try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("committed completion scripts match the command tree", arguments: [
        (CompletionShell.bash, "completions/kafkactl.bash"), (.zsh, "completions/_kafkactl"), (.fish, "completions/kafkactl.fish"),
    ])
    func completionScriptsAreCurrent(shell: CompletionShell, path: String) throws {
        #expect(try committed(path) == Kafkactl.completionScript(for: shell) + "\n", "run scripts/generate-docs")
    }

    @Test func manualPageIsCurrent() throws {
        #expect(try committed("man/kafkactl.1") == ManualPage.render(), "run scripts/generate-docs")
    }

    @Test func manualPageCoversEverySubcommandAndExitCode() {
        let page = ManualPage.render()
        for name in ["topics", "console-producer", "console-consumer", "consumer-groups", "configs", "get-offsets", "delete-records", "acls", "log-dirs", "leader-election", "metadata-quorum", "features", "shell"] {
            #expect(page.contains(".SS kafkactl \(name)\n"), "\(name) is missing")
        }
        for code in ["0", "1", "64", "69", "75", "130"] { #expect(page.contains(".B \(code)\n")) }
        #expect(!page.contains("generate-docs"))
    }

    @Test func completionScriptsAskKafkactlForLiveTopicAndGroupNames() {
        let bash = Kafkactl.completionScript(for: .bash)
        #expect(bash.contains("---completion topics -- --topic"))
        #expect(bash.contains("---completion consumer-groups -- --group"))
    }
}

import ArgumentParser

/// `kafkactl completion bash|zsh|fish`: the shell completion script, as kubectl and rpk print theirs, so that
/// `source <(kafkactl completion bash)` works without the package's installed scripts.
struct Completion: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion",
        abstract: "Print the completion script for bash, zsh or fish.",
        discussion: """
            Examples:
              source <(kafkactl completion bash)
              kafkactl completion zsh > "${fpath[1]}/_kafkactl"
              kafkactl completion fish > ~/.config/fish/completions/kafkactl.fish
            """)

    enum Shell: String, ExpressibleByArgument, CaseIterable {
        case bash, zsh, fish
    }

    @Argument(help: ArgumentHelp("The shell: bash, zsh or fish.", valueName: "shell")) var shell: Shell

    func run(in context: CommandContext) async throws {
        let script = Kafkactl.completionScript(for: CompletionShell(rawValue: shell.rawValue)!)
        // As `--generate-completion-script` prints it (and completions/ holds it): ending in a newline.
        try context.stdout.write(script.hasSuffix("\n") ? script : script + "\n")
    }
}

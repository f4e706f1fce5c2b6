import ArgumentParser

/// `kafkactl version`: what `--version` prints, and the same as one JSON document for scripts.
struct Version: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print kafkactl's version, the commit it was built from and the Swift version.",
        discussion: """
            Example:
              kafkactl version --output json
            """)

    @OptionGroup var output: OutputOptions

    func run(in context: CommandContext) async throws {
        if output.isJSON {
            try context.print(JSON.object([
                ("version", .string(BuildInfo.version)), ("commit", .string(BuildInfo.commit)),
                ("swift", .string(BuildInfo.swiftVersion)),
            ]).serialized())
        } else {
            try context.print("kafkactl \(BuildInfo.line)")
        }
    }
}

import ArgumentParser

@main
struct Kafkactl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kafkactl", version: "0.1.0")
}

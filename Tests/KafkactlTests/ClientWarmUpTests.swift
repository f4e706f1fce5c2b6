import AdminCore
import ArgumentParser
import Testing

@testable import kafkactl

/// What the client warm-up reads from the raw arguments, when it starts at all, and to whom it hands its client.
@Suite struct ClientWarmUpTests {
    @Test("the connection flags are read in both spellings, the last one counting, nothing after --", arguments: [
        (["topics", "--bootstrap-server", "a:1", "--list"], ConnectionFlags(bootstrapServer: "a:1")),
        (["topics", "--bootstrap-server=a:1", "--list"], ConnectionFlags(bootstrapServer: "a:1")),
        (["get-offsets", "--command-config", "c.properties", "--context=prod", "--topic", "t"],
         ConnectionFlags(commandConfig: "c.properties", contextName: "prod")),
        (["topics", "--bootstrap-server", "a:1", "--bootstrap-server", "b:2"], ConnectionFlags(bootstrapServer: "b:2")),
        (["console-producer", "--topic", "t", "--", "--bootstrap-server", "a:1"], ConnectionFlags()),
        (["topics", "--list", "--bootstrap-server"], ConnectionFlags()),
    ])
    func scanning(arguments: [String], expected: ConnectionFlags) {
        #expect(ConnectionFlags.scanning(arguments) == expected)
    }

    @Test func theScannedFlagsLeadToTheConfigurationTheParsedOptionsDo() throws {
        let arguments = ["topics", "--bootstrap-server", "127.0.0.1:9092,127.0.0.1:9093", "--list"]
        let parsed = try #require(try Kafkactl.parseAsRoot(arguments) as? Topics)
        #expect(try ConnectionFlags.scanning(arguments).clientConfiguration() == parsed.connection.clientConfiguration())
    }

    @Test("nothing starts for help, a version or a command that does not connect", arguments: [
        [], ["--version"], ["topics", "--help"], ["topics", "-h"], ["help", "topics"], ["config", "get-contexts"],
        ["generate-docs"], ["shell"], ["topics", "--generate-completion-script", "bash"],
    ])
    func notStarted(arguments: [String]) {
        #expect(ClientWarmUp.start(for: arguments) == nil)
    }

    @Test func theListOfConnectingSubcommandsIsEveryOneWithConnectionOptions() {
        let withConnection = Kafkactl.configuration.subcommands.filter { command in
            Mirror(reflecting: command.init()).children.contains { $0.value is OptionGroup<ConnectionOptions> }
        }
        // The shell keeps one client of its own for the whole session; it is not warmed.
        #expect(Set(withConnection.map { $0._commandName }).subtracting(["shell"]) == ClientWarmUp.connectingSubcommands)
    }

    @Test func theWarmedClientIsHandedOnlyToTheConfigurationItWasMadeFor() async throws {
        // A port nothing listens on: the warm-up does not connect, so nothing notices.
        let arguments = ["topics", "--bootstrap-server", "127.0.0.1:1", "--list"]
        let warmUp = try #require(ClientWarmUp.start(for: arguments))
        let configuration = try ConnectionFlags.scanning(arguments).clientConfiguration()
        let client = await warmUp.client(for: configuration)
        #expect(client?.configuration == configuration)
        var other = configuration
        other.requestTimeout = .seconds(1)
        #expect(await warmUp.client(for: other) == nil)
    }
}

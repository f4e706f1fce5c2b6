import Foundation
import TestSupport
import Testing

/// Issue 18, item 4: a file given for Kafka settings that is not a properties file is refused in one line (Java's
/// parser would take it as nonsense keys and the command would run without its settings), and a key no Kafka
/// client knows gets Kafka's warning instead of being ignored in silence.
@Suite struct CommandConfigFileTests {
    static func file(_ name: String, _ contents: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kafkactl-\(UUID().uuidString.prefix(8))-\(name)")
        try contents.write(to: url)
        return url
    }

    static func randomBytes(_ count: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    @Test(arguments: [
        ("random.bin", "it holds binary data"),
        ("client.json", "it looks like JSON"),
        ("escaped.properties", "line 2 ('a=b') is not key=value"),
    ])
    func aFileThatIsNotAPropertiesFileIsOneLineAndExit64(_ name: String, _ reason: String) async throws {
        let contents: Data
        switch name {
        case "random.bin": contents = Self.randomBytes(2048)
        case "client.json": contents = Data(#"{"bootstrap.servers": "localhost:9092", "security.protocol": "SSL"}"#.utf8)
        default: contents = Data("client.id=x\na\\=b=1\n".utf8)
        }
        let url = try Self.file(name, contents)
        defer { try? FileManager.default.removeItem(at: url) }
        for command in [["topics", "--list"], ["consumer-groups", "--list"], ["get-offsets", "--topic", "t"]] {
            let result = try await kafkactl(
                [command[0], "--bootstrap-server", try BrokerHarness.bootstrap(), "--command-config", url.path] + command.dropFirst())
            expectFailure(result, exitCode: 64, message: "--command-config file '\(url.path)' is not a properties file: \(reason); write one key=value per line, e.g. security.protocol=SASL_SSL")
        }
    }

    @Test func theProducerAndConsumerFilesAreCheckedToo() async throws {
        let url = try Self.file("client.json", Data("[1, 2]".utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        let bootstrap = try BrokerHarness.bootstrap()
        let produced = try await kafkactl(["console-producer", "--bootstrap-server", bootstrap, "--topic", "t", "--producer.config", url.path])
        expectFailure(produced, exitCode: 64, containing: ["--producer.config file '\(url.path)' is not a properties file: it looks like JSON"])
        let consumed = try await kafkactl(["console-consumer", "--bootstrap-server", bootstrap, "--topic", "t", "--consumer.config", url.path])
        expectFailure(consumed, exitCode: 64, containing: ["--consumer.config file '\(url.path)' is not a properties file: it looks like JSON"])
    }

    @Test func unknownKeysGetKafkasWarningAndTheCommandStillRuns() async throws {
        let topic = BrokerHarness.uniqueName("e2e-unknown-config")
        let url = try Self.file("typo.properties", Data("# a typo and a made-up key\nsasl.mechansim=PLAIN\nclient.id=ops\nfoo.bar=1\n".utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        try await withTopics(topic) {
            try await createTopic(topic)
            let result = try await kafkactl(
                ["topics", "--bootstrap-server", try BrokerHarness.bootstrap(), "--command-config", url.path, "--list", "--topic", topic])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stdout == "\(topic)\n")
            #expect(result.stderrLines == [
                "Warning: The configuration 'foo.bar' was supplied but isn't a known config.",
                "Warning: The configuration 'sasl.mechansim' was supplied but isn't a known config.",
            ])
        }
    }

    @Test func aGoodFileRunsWithoutAWord() async throws {
        let url = try Self.file("good.properties", Data("client.id=ops\nrequest.timeout.ms=20000\nsecurity.protocol=PLAINTEXT\n".utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try await kafkactl(["topics", "--bootstrap-server", try BrokerHarness.bootstrap(), "--command-config", url.path, "--list"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
    }
}

import AdminCore

/// Topic and group names for the shell completion scripts: the script calls kafkactl back with the words typed
/// so far, and the names come from the cluster named on that line (`--bootstrap-server`, `--command-config`,
/// `--context`) or by the environment and the contexts file (within three seconds, so Tab never hangs on a cluster
/// that does not answer; nothing is offered when it cannot be reached).
enum LiveNames {
    static func topics(_ words: [String], _ index: Int, _ prefix: String) async -> [String] {
        await names(words, prefix) { try await AdminClient(client: $0).listTopics().map(\.name) }
    }

    static func groups(_ words: [String], _ index: Int, _ prefix: String) async -> [String] {
        await names(words, prefix) { try await AdminClient(client: $0).listGroups().map(\.groupId) }
    }

    private static func names(
        _ words: [String], _ prefix: String, _ fetch: @Sendable (KafkaClient) async throws -> [String]
    ) async -> [String] {
        var properties: [String: String] = [:]
        if let file = value(of: "--command-config", in: words) { properties = (try? PropertiesFile.load(path: file, flag: "")) ?? [:] }
        guard let resolution = try? ConnectionResolver.resolve(
                flagBootstrap: value(of: "--bootstrap-server", in: words), flagContext: value(of: "--context", in: words),
                explicitProperties: properties, environment: ConnectionResolver.processEnvironment,
                loadFile: ConnectionResolver.loadDefaultFile),
            var configuration = try? ClientConfiguration(properties: resolution.properties, bootstrapOverride: resolution.bootstrap)
        else { return [] }
        // A refused connection fails at once; these bound a cluster that does not answer. Three seconds, not one:
        // on a busy two-core machine the lookup itself can take over a second.
        configuration.connectTimeout = .seconds(2)
        configuration.requestTimeout = .seconds(2)
        configuration.apiTimeout = .seconds(3)
        let client = KafkaClient(configuration: configuration)
        let names = (try? await fetch(client)) ?? []
        await client.shutdown()
        return names.filter { $0.hasPrefix(prefix) }.sorted()
    }

    private static func value(of flag: String, in words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            if word == flag, index + 1 < words.count { return words[index + 1] }
            if word.hasPrefix(flag + "=") { return String(word.dropFirst(flag.count + 1)) }
        }
        return nil
    }
}

import AdminCore
import Testing

@testable import kafkactl

/// `configs --describe` and `--alter`'s change lines, rendered without a broker or the binary.
@Suite struct ConfigDescriptionOutputTests {
    static let retention = ConfigEntry(
        name: "retention.ms", value: "1000", source: .topicConfig,
        synonyms: [.init(name: "retention.ms", value: "1000", source: .topicConfig),
                   .init(name: "log.retention.hours", value: "168", source: .defaultConfig)])
    static let password = ConfigEntry(name: "sasl.jaas.config", value: "secret", source: .topicConfig, isSensitive: true)

    @Test func textIsKafkasHeadingAndEntryLinesPerResource() {
        let view = ConfigDescriptionOutput(resources: [
            .init(resource: ConfigResource(.topic, "orders"), entries: [Self.retention, Self.password]),
            .init(resource: ConfigResource(.broker, ""), entries: []),
        ], all: false)
        #expect(view.lines() == [
            "Dynamic configs for topic orders are:",
            "  retention.ms=1000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=1000, DEFAULT_CONFIG:log.retention.hours=168}",
            "  sasl.jaas.config=null sensitive=true synonyms={}",
            "Default configs for brokers in the cluster are:",
        ])
        let all = ConfigDescriptionOutput(resources: [.init(resource: ConfigResource(.broker, "1"), entries: []),
                                                      .init(resource: ConfigResource(.broker, ""), entries: [])], all: true)
        #expect(all.lines() == ["All configs for broker 1 are:", "All configs for brokers in the cluster are:"])
    }

    @Test func jsonHidesSensitiveValues() {
        let view = ConfigDescriptionOutput(resources: [.init(resource: ConfigResource(.topic, "orders"), entries: [Self.password])], all: false)
        #expect(view.json().serialized() == #"{"resources":[{"entityType":"topics","entityName":"orders","configs":[{"name":"sasl.jaas.config","value":null,"source":"DYNAMIC_TOPIC_CONFIG","sensitive":true,"readOnly":false,"synonyms":[]}]}]}"#)
    }

    @Test func changeLinesSayBeforeAndAfter() {
        let lines = ConfigChangeOutput(changes: [.set("retention.ms", "1000"), .delete("sasl.jaas.config")],
                                       before: [Self.password], after: [Self.retention]).lines()
        #expect(lines == ["  retention.ms: (default) -> 1000 (DYNAMIC_TOPIC_CONFIG)",
                          "  sasl.jaas.config: (sensitive) (DYNAMIC_TOPIC_CONFIG) -> (default)"])
        #expect(ConfigChangeOutput(changes: [.delete("x")], before: nil, after: []).lines() == ["  x: ? -> (default)"])
    }

    @Test func withoutAllOnlyTheEntitysOwnSourceIsListed() {
        #expect(ConfigResource(.topic, "orders").ownConfigSource == .topicConfig)
        #expect(ConfigResource(.broker, "1").ownConfigSource == .dynamicBrokerConfig)
        #expect(ConfigResource(.broker, "").ownConfigSource == .dynamicDefaultBrokerConfig)
        #expect(ConfigResource(.group, "g").ownConfigSource == .groupConfig)
    }
}

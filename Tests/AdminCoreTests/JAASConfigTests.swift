@testable import AdminCore
import Testing

/// `sasl.jaas.config` as Kafka's JaasConfig reads it.
@Suite struct JAASConfigTests {
    @Test func plainLoginModule() throws {
        let config = try JAASConfig.parse(#"org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";"#)
        #expect(config == JAASConfig(
            loginModule: "org.apache.kafka.common.security.plain.PlainLoginModule", controlFlag: "required",
            options: ["username": "u", "password": "p"]))
        #expect(config.moduleName == "PlainLoginModule")
    }

    @Test func scramWithEscapesBareValuesCommentsAndLineBreaks() throws {
        let config = try JAASConfig.parse("""
            org.apache.kafka.common.security.scram.ScramLoginModule Required
              /* a comment */ username=alice // another
              password="a \\"quoted\\" \\\\ value; with = signs"
              tokenauth=true;
            """)
        #expect(config.moduleName == "ScramLoginModule")
        #expect(config.controlFlag == "required")
        #expect(config.options == ["username": "alice", "password": #"a "quoted" \ value; with = signs"#, "tokenauth": "true"])
    }

    @Test func singleQuotesAndNoOptions() throws {
        #expect(try JAASConfig.parse("x.PlainLoginModule optional username='u';").options == ["username": "u"])
        #expect(try JAASConfig.parse("x.PlainLoginModule sufficient;").options.isEmpty)
    }

    @Test("malformed configurations are one line that never repeats a value", arguments: [
        #"PlainLoginModule required username="u" password="topsecret""#,
        #"PlainLoginModule username="u" password="topsecret";"#,
        #"PlainLoginModule required username "u" password="topsecret";"#,
        #"PlainLoginModule required password="topsecret;"#,
        #"PlainLoginModule required password=topsecret#;"#,
        #"PlainLoginModule required password="topsecret"; Other required;"#,
        "",
    ])
    func malformed(text: String) {
        #expect {
            try JAASConfig.parse(text)
        } throws: { error in
            guard let error = error as? KafkactlError else { return false }
            return error.category == .usage && error.message.hasPrefix("invalid sasl.jaas.config")
                && !error.message.contains("topsecret") && !error.message.contains("\n")
        }
    }
}

import AdminCore
import ArgumentParser
import Testing

@testable import kafkactl

/// `configs` for users, clients and ips as kafka-configs.sh reads them (cli-parity §6): names paired with types in
/// command-line order, the quota and SCRAM rules refused before anything is sent, and the describe line's numbers
/// and key order as Java prints them.
@Suite struct ConfigsQuotaParsingTests {
    /// The parsed command, through CommandRunner's normalisation as the CLI and the shell parse it.
    static func configs(_ arguments: [String]) throws -> Configs {
        let command = try Kafkactl.parseAsRoot(CommandRunner.normalized(["configs", "--bootstrap-server", "localhost:9092"] + arguments))
        return try #require(command as? Configs)
    }

    static func pairs(_ arguments: [String]) throws -> [String] {
        try configs(arguments).entityList.pairs.map { "\($0.type)=\($0.name.map { $0.isEmpty ? "<default>" : $0 } ?? "<any>")" }
    }

    /// What the arguments are refused with: a validation message, or nil when they parse.
    static func rejection(_ arguments: [String]) -> String? {
        do {
            _ = try configs(arguments)
            return nil
        } catch {
            return Kafkactl.message(for: error)
        }
    }

    // MARK: Names and types

    @Test func entityDefaultPairsWithTheTypeAtItsPlaceOnTheCommandLine() throws {
        #expect(try Self.pairs(["--describe", "--entity-type", "users", "--entity-default", "--entity-type", "clients", "--entity-name", "app"])
                == ["users=<default>", "clients=app"])
        #expect(try Self.pairs(["--describe", "--entity-type", "users", "--entity-name", "alice", "--entity-type", "clients", "--entity-default"])
                == ["users=alice", "clients=<default>"])
        // Names pair by position, not by where the types are: Kafka's tool does the same.
        #expect(try Self.pairs(["--describe", "--entity-type", "users", "--entity-type", "clients", "--entity-name", "alice"])
                == ["users=alice", "clients=<any>"])
    }

    @Test func shorthandsComeInKafkasFlagOrderAfterTheGenericFlags() throws {
        #expect(try Self.pairs(["--describe", "--user", "alice", "--client", "app"]) == ["clients=app", "users=alice"])
        #expect(try Self.pairs(["--describe", "--user-defaults", "--client", "app"]) == ["clients=app", "users=<default>"])
        #expect(try Self.pairs(["--describe", "--ip-defaults"]) == ["ips=<default>"])
        #expect(try Self.pairs(["--describe", "--client-metrics", "basic"]) == ["client-metrics=basic"])
    }

    @Test func entityDefaultIsRewrittenOnlyForConfigs() {
        #expect(ConfigEntityList.orderPreserving(["configs", "--entity-default", "--describe"]) == ["configs", "--entity-name", "", "--describe"])
        #expect(ConfigEntityList.orderPreserving(["topics", "--entity-default"]) == ["topics", "--entity-default"])
    }

    @Test func typeRulesAreKafkas() {
        #expect(Self.rejection(["--describe", "--entity-type", "users", "--entity-type", "ips"]) == "Only 'users' and 'clients' entity types may be specified together")
        #expect(Self.rejection(["--describe", "--entity-type", "users", "--entity-type", "users"]) == "Duplicate entity type(s) specified: users")
        #expect(Self.rejection(["--describe", "--user", "alice", "--entity-type", "clients"]) == "--entity-{type,name,default} should not be used in conjunction with specific entity flags")
        #expect(Self.rejection(["--describe", "--entity-type", "users", "--entity-name", "alice", "--entity-default"])?
                    .hasPrefix("More entity names specified than entity types") == true)
        #expect(Self.rejection(["--describe", "--entity-type", "users", "--entity-type", "clients"]) == nil)
    }

    // MARK: Quota edits

    static func edit(_ arguments: [String]) throws -> QuotaEdit {
        let command = try configs(arguments)
        return try QuotaEdit(target: try QuotaTarget(command.entityList), edits: try command.requestedEdits())
    }

    static func editRefusal(_ arguments: [String]) -> String? {
        do {
            _ = try edit(arguments)
            return nil
        } catch let error as KafkactlError {
            #expect(error.category == .usage, "\(error)")
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test func quotaChangesCarryNumbersAndRemovals() throws {
        guard case .quotas(let changes) = try Self.edit(["--alter", "--user", "alice", "--client", "app",
                                                         "--add-config", "producer_byte_rate=1048576, consumer_byte_rate = 2e6",
                                                         "--delete-config", "request_percentage"]) else {
            Issue.record("expected quota changes")
            return
        }
        #expect(changes == [.set("producer_byte_rate", 1_048_576), .set("consumer_byte_rate", 2_000_000), .remove("request_percentage")])
    }

    @Test func quotaKeysAndValuesAreCheckedPerEntityType() {
        #expect(Self.editRefusal(["--alter", "--user", "alice", "--add-config", "producer_byte_rate=fast"])
                == "Cannot parse quota configuration value for producer_byte_rate: fast")
        #expect(Self.editRefusal(["--alter", "--user", "alice", "--add-config", "producer_byte_rate=NaN"])
                == "Cannot parse quota configuration value for producer_byte_rate: NaN")
        #expect(Self.editRefusal(["--alter", "--user", "alice", "--add-config", "producer_rate=1"])?
                    .hasPrefix("Only quota and SCRAM credential configs can be added for 'users' using --bootstrap-server. Unexpected config names: producer_rate") == true)
        #expect(Self.editRefusal(["--alter", "--client", "app", "--delete-config", "SCRAM-SHA-256"])
                == "Only quota configs can be deleted for 'clients' using --bootstrap-server. Unexpected config names: SCRAM-SHA-256")
        #expect(Self.editRefusal(["--alter", "--ip", "10.0.0.1", "--add-config", "producer_byte_rate=1"])?
                    .hasPrefix("Only connection quota configs can be added for 'ips' using --bootstrap-server. Unexpected config names: producer_byte_rate") == true)
        #expect(Self.editRefusal(["--alter", "--ip", "::1", "--add-config", "connection_creation_rate=10"]) == nil)
        #expect(Self.editRefusal(["--alter", "--ip", "db.example", "--add-config", "connection_creation_rate=10"])
                == "The entity name for ips must be a valid IP address, but it is: db.example")
        #expect(Self.editRefusal(["--alter", "--entity-type", "users", "--add-config", "producer_byte_rate=1"])
                == "An entity-name or default entity must be specified with --alter of users, clients, brokers or ips")
        #expect(Self.editRefusal(["--alter", "--entity-type", "users", "--entity-type", "clients", "--entity-name", "a", "--add-config", "producer_byte_rate=1"])
                == "Exactly one entity name must be specified for every entity type")
    }

    // MARK: SCRAM credentials

    @Test func scramUpsertsAndDeletesForOneUser() throws {
        guard case .scram(let deletions, let upsertions) = try Self.edit([
            "--alter", "--entity-type", "users", "--entity-name", "alice",
            "--add-config", "SCRAM-SHA-256=[iterations=8192,password=alice-secret],SCRAM-SHA-512=[password=p,w=d]",
        ]) else {
            Issue.record("expected SCRAM changes")
            return
        }
        #expect(deletions.isEmpty)
        #expect(upsertions.map { "\($0.user) \($0.mechanism.name) \($0.iterations)" } == ["alice SCRAM-SHA-256 8192", "alice SCRAM-SHA-512 4096"])
        // The password is after `password=` to the end, commas and `=` included (Kafka's regex).
        let expected = try SCRAMClient.saltedPassword(Secret("p,w=d"), salt: upsertions[1].salt, iterations: 4096, hash: .sha512)
        #expect(upsertions[1].saltedPassword == expected)

        guard case .scram(let deleted, let added) = try Self.edit(["--alter", "--user", "alice", "--delete-config", "SCRAM-SHA-512"]) else {
            Issue.record("expected SCRAM changes")
            return
        }
        #expect(deleted.map { "\($0.user) \($0.mechanism.name)" } == ["alice SCRAM-SHA-512"])
        #expect(added.isEmpty)
    }

    @Test(arguments: [
        ("SCRAM-SHA-256=[iterations=8192]", "Invalid credential property SCRAM-SHA-256"),
        ("SCRAM-SHA-256=[iterations=many,password=hunter2]", "Invalid credential property SCRAM-SHA-256"),
        ("SCRAM-SHA-256=[password-is-hunter2]", "Invalid credential property SCRAM-SHA-256"),
        ("SCRAM-SHA-512=[iterations=4095,password=hunter2]", "Iterations 4095 is less than the minimum 4096 required for SCRAM-SHA-512"),
    ])
    func badScramSpecsAreRefusedWithoutShowingThePassword(spec: String, message: String) throws {
        let refusal = try #require(Self.editRefusal(["--alter", "--user", "alice", "--add-config", spec]))
        #expect(refusal.hasPrefix(message), "\(refusal)")
        #expect(!refusal.contains("hunter2"))
    }

    @Test func scramRulesAreKafkas() {
        #expect(Self.editRefusal(["--alter", "--user-defaults", "--add-config", "SCRAM-SHA-256=[password=x]"])
                == "The use of --entity-default or --user-defaults is not allowed with User SCRAM Credentials using --bootstrap-server.")
        #expect(Self.editRefusal(["--alter", "--user", "alice", "--add-config", "SCRAM-SHA-256=[password=x]", "--delete-config", "producer_byte_rate"])
                == "Cannot alter both quota and SCRAM credential configs simultaneously for 'users' using --bootstrap-server.")
        #expect(Self.editRefusal(["--alter", "--user", "alice", "--client", "app", "--add-config", "SCRAM-SHA-256=[password=x]"])?
                    .hasPrefix("Only quota configs can be added for 'clients' using --bootstrap-server. Unexpected config names: SCRAM-SHA-256") == true)
    }

    // MARK: Java's text

    @Test(arguments: [
        (1024.0, "1024.0"), (1_048_576.0, "1048576.0"), (9_999_999.0, "9999999.0"), (10_000_000.0, "1.0E7"),
        (10_485_760.0, "1.048576E7"), (0.5, "0.5"), (0.001, "0.001"), (0.0001, "1.0E-4"), (50.5, "50.5"),
        (0.0, "0.0"), (-2.5, "-2.5"), (1e21, "1.0E21"), (123_456_789.125, "1.23456789125E8"), (Double.infinity, "Infinity"),
    ])
    func doublesArePrintedAsJavaPrintsThem(value: Double, text: String) {
        #expect(JavaText.double(value) == text)
    }

    @Test func quotaKeysComeInTheOrderKafkasHashMapGivesThem() {
        // Kafka's admin client puts a described entity's values into `new HashMap<>(count)`; the tool prints them in
        // its iteration order. String.hashCode buckets: request_percentage 7, producer_byte_rate 11,
        // consumer_byte_rate 12, controller_mutation_rate 14 (mod 16), so the table's size decides.
        func order(_ keys: [String]) -> [String] { JavaText.hashMapOrder(keys.map { (key: $0, value: 0.0) }).map(\.key) }
        // Four values: a table of 8 (buckets 3, 4, 6, 7).
        #expect(order(["consumer_byte_rate", "controller_mutation_rate", "producer_byte_rate", "request_percentage"])
                == ["producer_byte_rate", "consumer_byte_rate", "controller_mutation_rate", "request_percentage"])
        // Two or three values: a table of 4; producer and request share bucket 3 and keep their insertion order.
        #expect(order(["producer_byte_rate", "consumer_byte_rate"]) == ["consumer_byte_rate", "producer_byte_rate"])
        #expect(order(["request_percentage", "consumer_byte_rate", "producer_byte_rate"])
                == ["consumer_byte_rate", "request_percentage", "producer_byte_rate"])
        #expect(order(["producer_byte_rate"]) == ["producer_byte_rate"])
        #expect(order([]) == [])
    }

    @Test func quotaEntitiesAreNamedInKafkasWords() {
        #expect(Configs.text(ClientQuotaEntity([.init(.clientId, "app"), .init(.user, "alice")])) == "user-principal 'alice', client-id 'app'")
        #expect(Configs.text(ClientQuotaEntity([.init(.user, nil)])) == "the default user-principal")
        #expect(Configs.text(ClientQuotaEntity([.init(.ip, nil)])) == "the default ip")
        #expect(Configs.text(ClientQuotaEntity([.init(.ip, "10.0.0.1")])) == "ip '10.0.0.1'")
    }
}

import Foundation
import TestSupport
import Testing

/// `kafkactl topics` as a user runs it against the test broker: exact output for each action.
@Suite struct TopicsCommandTests {
    static let collisionWarning = "WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both."

    /// The topic id and the leader of partition 0, from `--describe --output json`.
    static func idAndLeader(_ name: String) async throws -> (id: String, leader: Int) {
        let result = try await topics(["--describe", "--topic", name, "--output", "json"])
        try #require(result.exitCode == 0, "\(result.stderr)")
        let documents = try #require(try result.jsonObject()["topics"] as? [[String: Any]])
        let topic = try #require(documents.first)
        let partitions = try #require(topic["partitions"] as? [[String: Any]])
        return (try #require(topic["topicId"] as? String), try #require(partitions.first?["leader"] as? Int))
    }

    @Test func createPrintsOneLineAndTheTopicIsListed() async throws {
        let name = BrokerHarness.uniqueName("e2e-create")
        try await withTopics(name) {
            let created = try await topics(["--create", "--topic", name, "--partitions", "2", "--replication-factor", "1"])
            #expect(created.exitCode == 0)
            #expect(created.stdout == "Created topic \(name).\n")
            #expect(created.stderr.isEmpty)

            let listed = try await topics(["--list"])
            #expect(listed.exitCode == 0)
            #expect(listed.stdout.split(separator: "\n").contains(Substring(name)))
            #expect(listed.stderr.isEmpty)
        }
    }

    @Test func listPrintsMatchingNamesSortedOnePerLine() async throws {
        let base = BrokerHarness.uniqueName("e2e-sorted")
        let names = ["\(base)-c", "\(base)-a", "\(base)-b"]
        try await withTopics(names[0], names[1], names[2]) {
            for name in names { try await createTopic(name) }
            let listed = try await topics(["--list", "--topic", "\(base)-.*"])
            #expect(listed.exitCode == 0)
            #expect(listed.stdout == names.sorted().map { $0 + "\n" }.joined())
            #expect(listed.stderr.isEmpty)
        }
    }

    @Test func listWithNoMatchPrintsOneEmptyLine() async throws {
        let listed = try await topics(["--list", "--topic", BrokerHarness.uniqueName("e2e-none")])
        #expect(listed.exitCode == 0)
        #expect(listed.stdout == "\n")
        #expect(listed.stderr.isEmpty)
    }

    @Test func describePrintsKafkasTabSeparatedLayout() async throws {
        let name = BrokerHarness.uniqueName("e2e-describe")
        try await withTopics(name) {
            try await createTopic(name, partitions: 3)
            let (id, leader) = try await Self.idAndLeader(name)
            let described = try await topics(["--describe", "--topic", name])
            #expect(described.exitCode == 0)
            #expect(described.stderr.isEmpty)
            var expected = "Topic: \(name)\tTopicId: \(id)\tPartitionCount: 3\tReplicationFactor: 1\tConfigs: \n"
            for partition in 0..<3 {
                expected += "\tTopic: \(name)\tPartition: \(partition)\tLeader: \(leader)\tReplicas: \(leader)"
                    + "\tIsr: \(leader)\tElr: N/A\tLastKnownElr: N/A\n"
            }
            #expect(described.stdout == expected)
            // A topic id is 16 bytes in URL-safe base64 without padding, as Kafka's Uuid.toString() writes it.
            #expect(id.count == 22)
            #expect(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        }
    }

    @Test func describeOfSeveralTopicsGivesEachItsSummaryAndPartitions() async throws {
        let base = BrokerHarness.uniqueName("e2e-describe-many")
        let (first, second) = ("\(base)-x", "\(base)-y")
        try await withTopics(first, second) {
            try await createTopic(first, partitions: 1)
            try await createTopic(second, partitions: 2)
            let described = try await topics(["--describe", "--topic", "\(base)-.*"])
            #expect(described.exitCode == 0)
            let lines = described.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.count == 6)  // 2 summaries, 3 partitions, and the empty string after the last newline
            #expect(lines.filter { $0.hasPrefix("Topic: ") }.map { $0.components(separatedBy: "\t")[0] }.sorted()
                == ["Topic: \(first)", "Topic: \(second)"])
            #expect(lines.filter { $0.hasPrefix("\tTopic: \(second)\tPartition: ") }.count == 2)
            #expect(lines.last == "")
        }
    }

    @Test func createWithAReplicaAssignmentPlacesEachPartition() async throws {
        let base = BrokerHarness.uniqueName("e2e-assign")
        let (probe, placed) = ("\(base)-probe", "\(base)-placed")
        try await withTopics(probe, placed) {
            try await createTopic(probe)
            let node = try await Self.idAndLeader(probe).leader
            let created = try await topics(["--create", "--topic", placed, "--replica-assignment", "\(node),\(node)"])
            #expect(created.exitCode == 0, "\(created.stderr)")
            #expect(created.stdout == "Created topic \(placed).\n")
            let described = try await topics(["--describe", "--topic", placed])
            let partitionLines = described.stdout.split(separator: "\n").filter { $0.hasPrefix("\t") }
            // Kafka makes one partition per entry (2 here). Tansu ignores CreateTopics assignments and makes its
            // default count (confluent-kafka's assignments get the same), so only the placement is checked.
            #expect(!partitionLines.isEmpty)
            #expect(partitionLines.allSatisfy { $0.contains("\tReplicas: \(node)\t") })
        }
    }

    @Test func partitionReportFlagsPrintOnlyMatchingPartitionLines() async throws {
        let name = BrokerHarness.uniqueName("e2e-report")
        try await withTopics(name) {
            try await createTopic(name, partitions: 2)
            // One replica, in sync: not under-replicated, and at min.insync.replicas (1).
            let under = try await topics(["--describe", "--topic", name, "--under-replicated-partitions"])
            #expect(under.exitCode == 0)
            #expect(under.stdout.isEmpty)
            let atMin = try await topics(["--describe", "--topic", name, "--at-min-isr-partitions"])
            #expect(atMin.exitCode == 0)
            let lines = atMin.stdout.split(separator: "\n")
            #expect(lines.count == 2)
            #expect(lines.allSatisfy { $0.hasPrefix("\tTopic: \(name)\tPartition: ") }, "no summary line: \(atMin.stdout)")
        }
    }

    @Test func describeAsJSONCarriesEveryField() async throws {
        let name = BrokerHarness.uniqueName("e2e-describe-json")
        try await withTopics(name) {
            try await createTopic(name, partitions: 2)
            let described = try await topics(["--describe", "--topic", name, "--output", "json"])
            #expect(described.exitCode == 0)
            #expect(described.stderr.isEmpty)
            #expect(described.stdout.hasSuffix("}\n"))
            #expect(described.stdout.filter { $0 == "\n" }.count == 1)
            let documents = try #require(try described.jsonObject()["topics"] as? [[String: Any]])
            #expect(documents.count == 1)
            let topic = try #require(documents.first)
            #expect(topic["name"] as? String == name)
            #expect((topic["topicId"] as? String)?.count == 22)
            #expect(topic["internal"] as? Bool == false)
            #expect(topic["partitionCount"] as? Int == 2)
            #expect(topic["replicationFactor"] as? Int == 1)
            #expect(topic["configs"] is [String: Any])
            let partitions = try #require(topic["partitions"] as? [[String: Any]])
            #expect(partitions.map { $0["partition"] as? Int } == [0, 1])
            for partition in partitions {
                let leader = try #require(partition["leader"] as? Int)
                #expect(partition["replicas"] as? [Int] == [leader])
                #expect(partition["isr"] as? [Int] == [leader])
                #expect(partition["offlineReplicas"] as? [Int] == [])
            }
        }
    }

    @Test func listAsJSONNamesEachTopicAndWhetherItIsInternal() async throws {
        let base = BrokerHarness.uniqueName("e2e-list-json")
        let names = ["\(base)-b", "\(base)-a"]
        try await withTopics(names[0], names[1]) {
            for name in names { try await createTopic(name) }
            let listed = try await topics(["--list", "--topic", "\(base)-.*", "--output", "json"])
            #expect(listed.exitCode == 0)
            #expect(listed.stderr.isEmpty)
            let entries = try #require(try listed.jsonObject()["topics"] as? [[String: Any]])
            #expect(entries.map { $0["name"] as? String } == names.sorted())
            #expect(entries.map { $0["internal"] as? Bool } == [false, false])
        }
    }

    @Test func listAsJSONWithNoMatchIsAnEmptyArray() async throws {
        let listed = try await topics(["--list", "--topic", BrokerHarness.uniqueName("e2e-none"), "--output", "json"])
        #expect(listed.exitCode == 0)
        #expect(listed.stdout == "{\"topics\":[]}\n")
    }

    @Test func deletePrintsNothingAndTheTopicDisappears() async throws {
        let name = BrokerHarness.uniqueName("e2e-delete")
        try await createTopic(name)
        let deleted = try await topics(["--delete", "--topic", name])
        #expect(deleted.exitCode == 0)
        #expect(deleted.stdout.isEmpty)
        #expect(deleted.stderr.isEmpty)
        let gone = try await eventually { try await topics(["--list", "--topic", name]).stdout == "\n" }
        #expect(gone, "\(name) is still listed after --delete")
    }

    @Test func deleteByRegexDeletesEveryMatch() async throws {
        let base = BrokerHarness.uniqueName("e2e-delete-rx")
        let names = ["\(base)-1", "\(base)-2"]
        let keep = "\(base)-keep"
        try await withTopics(keep) {
            for name in names + [keep] { try await createTopic(name) }
            let deleted = try await topics(["--delete", "--topic", "\(base)-[0-9]"])
            #expect(deleted.exitCode == 0)
            #expect(deleted.stdout.isEmpty)
            let remaining = try await eventually {
                try await topics(["--list", "--topic", "\(base)-.*"]).stdout == "\(keep)\n"
            }
            #expect(remaining)
        }
    }

    @Test func alterToMorePartitionsSaysTheBrokerCannotAddPartitions() async throws {
        // Tansu lacks CreatePartitions: the one way --alter can go through on this broker is a clear refusal.
        let name = BrokerHarness.uniqueName("e2e-alter")
        try await withTopics(name) {
            try await createTopic(name, partitions: 1)
            let altered = try await topics(["--alter", "--topic", name, "--partitions", "3"])
            expectFailure(altered, exitCode: 1, containing: [
                "the broker at ", "does not support adding partitions (CreatePartitions)",
            ])
            let described = try await topics(["--describe", "--topic", name])
            #expect(described.stdout.contains("\tPartitionCount: 1\t"))
        }
    }

    @Test func ifNotExistsMakesCreatingAnExistingTopicAQuietSuccess() async throws {
        let name = BrokerHarness.uniqueName("e2e-if-not-exists")
        try await withTopics(name) {
            try await createTopic(name, partitions: 2)
            let again = try await topics(["--create", "--topic", name, "--partitions", "5", "--if-not-exists"])
            #expect(again.exitCode == 0)
            #expect(again.stdout.isEmpty)
            #expect(again.stderr.isEmpty)
            #expect(try await topics(["--describe", "--topic", name]).stdout.contains("\tPartitionCount: 2\t"))
        }
    }

    @Test func ifNotExistsStillCreatesANewTopic() async throws {
        let name = BrokerHarness.uniqueName("e2e-if-not-exists-new")
        try await withTopics(name) {
            let created = try await topics(["--create", "--topic", name, "--if-not-exists"])
            #expect(created.exitCode == 0)
            #expect(created.stdout == "Created topic \(name).\n")
        }
    }

    @Test(arguments: [["--delete"], ["--describe"], ["--alter", "--partitions", "4"]])
    func ifExistsMakesAMissingTopicAQuietSuccess(action: [String]) async throws {
        let name = BrokerHarness.uniqueName("e2e-if-exists")
        let result = try await topics(action + ["--topic", name, "--if-exists"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
    }

    @Test func describeWithIfExistsStillDescribesAnExistingTopic() async throws {
        let name = BrokerHarness.uniqueName("e2e-if-exists-real")
        try await withTopics(name) {
            try await createTopic(name)
            let result = try await topics(["--describe", "--topic", name, "--if-exists"])
            #expect(result.exitCode == 0)
            #expect(result.stdout.hasPrefix("Topic: \(name)\t"))
        }
    }

    @Test func aCommaInTopicSelectsEachNamedTopicByWholeName() async throws {
        let base = BrokerHarness.uniqueName("e2e-comma")
        let (a, b, longer) = ("\(base)-a", "\(base)-b", "\(base)-ab")
        try await withTopics(a, b, longer) {
            for name in [a, b, longer] { try await createTopic(name) }
            let listed = try await topics(["--list", "--topic", "\(a),\(b)"])
            #expect(listed.exitCode == 0)
            #expect(listed.stdout == "\(a)\n\(b)\n")
            let described = try await topics(["--describe", "--topic", "\(a),\(b)"])
            #expect(described.exitCode == 0)
            #expect(described.stdout.split(separator: "\n").filter { $0.hasPrefix("Topic: ") }.count == 2)
            #expect(!described.stdout.contains(longer))
        }
    }

    @Test func anInvalidRegexIsAUsageError() async throws {
        let result = try await topics(["--list", "--topic", "orders["])
        expectFailure(result, exitCode: 64, message: "orders[ is an invalid regex.")
    }

    @Test(arguments: ["e2e.dotted", "e2e_underscored"])
    func aNameWithAPeriodOrUnderscoreGetsTheMetricCollisionWarning(prefix: String) async throws {
        let name = BrokerHarness.uniqueName(prefix)
        try await withTopics(name) {
            let created = try await topics(["--create", "--topic", name])
            #expect(created.exitCode == 0)
            #expect(created.stdout == "\(Self.collisionWarning)\nCreated topic \(name).\n")
            #expect(created.stderr.isEmpty)
        }
    }

    @Test func excludeInternalHidesInternalTopics() async throws {
        // Tansu keeps no internal topics of its own, but lets a client create one by name.
        let internalTopic = "__share_group_state"
        let mine = BrokerHarness.uniqueName("e2e-not-internal")
        try await withTopics(mine) {
            try await createTopic(mine)
            let made = try await topics(["--create", "--topic", internalTopic, "--partitions", "1", "--if-not-exists"])
            try #require(made.exitCode == 0, "\(made.stderr)")
            // kafkactl refuses to delete internal topics (checked below); confluent-kafka does not.
            try await withCleanup({ _ = try? await python(Self.deleteWithConfluentKafka, [internalTopic]) }) {
                let all = try await topics(["--list"]).stdout.split(separator: "\n")
                #expect(all.contains(Substring(internalTopic)))
                #expect(all.contains(Substring(mine)))
                let external = try await topics(["--list", "--exclude-internal"])
                #expect(external.exitCode == 0)
                #expect(!external.stdout.split(separator: "\n").contains(Substring(internalTopic)))
                #expect(external.stdout.split(separator: "\n").contains(Substring(mine)))

                let described = try await topics(["--describe", "--exclude-internal", "--topic", "\(internalTopic)|\(mine)"])
                #expect(described.exitCode == 0)
                #expect(described.stdout.hasPrefix("Topic: \(mine)\t"))
                #expect(!described.stdout.contains(internalTopic))

                // And kafkactl, like kafka-topics.sh, will not delete it.
                let refused = try await topics(["--delete", "--topic", internalTopic])
                expectFailure(refused, exitCode: 1,
                              message: "Topic \(internalTopic) is a kafka internal topic and is not allowed to be marked for deletion.")
            }
        }
    }

    static let deleteWithConfluentKafka = """
        import sys
        from confluent_kafka.admin import AdminClient
        admin = AdminClient({"bootstrap.servers": sys.argv[1]})
        for future in admin.delete_topics([sys.argv[2]], operation_timeout=10).values():
            future.result()
        """

    @Test func commandConfigSuppliesTheBootstrapServers() async throws {
        let name = BrokerHarness.uniqueName("e2e-command-config")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).properties")
        let bootstrap = try await brokerAddress()
        try """
            # admin client settings
            bootstrap.servers = \(bootstrap)
            client.id: e2e-tests
            request.timeout.ms=15000

            """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try await withTopics(name) {
            let created = try await kafkactl(["topics", "--command-config", file.path, "--create", "--topic", name])
            #expect(created.exitCode == 0, "\(created.stderr)")
            #expect(created.stdout == "Created topic \(name).\n")
            let listed = try await kafkactl(["topics", "--command-config", file.path, "--list", "--topic", name])
            #expect(listed.exitCode == 0)
            #expect(listed.stdout == "\(name)\n")
        }
    }

    @Test func bootstrapServerFlagOverridesTheCommandConfigFile() async throws {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(BrokerHarness.uniqueName("e2e-cc")).properties")
        try "bootstrap.servers=127.0.0.1:1\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let bootstrap = try await brokerAddress()
        let listed = try await kafkactl([
            "topics", "--command-config", file.path, "--bootstrap-server", bootstrap, "--list",
        ])
        #expect(listed.exitCode == 0, "\(listed.stderr)")
        #expect(listed.stderr.isEmpty)
    }
}

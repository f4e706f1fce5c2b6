import AdminCore
import ArgumentParser
import Testing

@testable import kafkactl

/// What an `acls` command line turns into: the resources and the ACL entries for each, as kafka-acls.sh builds them.
/// The refusals are proven from the binary in AclsCommandTests.
@Suite struct AclsParsingTests {
    static func plan(_ arguments: [String]) throws -> AclPlan {
        let command = try Kafkactl.parseAsRoot(CommandRunner.normalized(["acls", "--bootstrap-server", "127.0.0.1:1"] + arguments))
        return try #require(command as? Acls).plan()
    }

    static func allow(_ principal: String, _ operation: AclOperation, host: String = "*") -> AclEntry {
        AclEntry(principal: principal, host: host, operation: operation, permission: .allow)
    }

    @Test func everyPrincipalGetsEveryOperationFromEveryHostOnEveryResource() throws {
        let plan = try Self.plan(["--add", "--allow-principal", "User:a", "--allow-principal", "User:b", "--operation", "Read",
                                  "--operation", "DESCRIBE", "--allow-host", "h1", "--allow-host", "h2", "--topic", "t", "--group", "g"])
        #expect(plan.action == .add)
        var expected: Set<AclEntry> = []
        for principal in ["User:a", "User:b"] {
            for operation in [AclOperation.read, .describe] {
                for host in ["h1", "h2"] { expected.insert(Self.allow(principal, operation, host: host)) }
            }
        }
        #expect(plan.entries.keys.sorted() == [AclResourcePattern(.topic, "t"), AclResourcePattern(.group, "g")].sorted())
        #expect(plan.entries[AclResourcePattern(.topic, "t")] == expected && plan.entries[AclResourcePattern(.group, "g")] == expected)
    }

    @Test func withoutAnOperationItIsAllAndWithoutAHostItIsStar() throws {
        let plan = try Self.plan(["--add", "--deny-principal", "User:x", "--cluster"])
        #expect(plan.entries == [AclResourcePattern.cluster: [AclEntry(principal: "User:x", host: "*", operation: .all, permission: .deny)]])
    }

    @Test func theProducerGetsWriteDescribeCreateOnTopicsWriteDescribeOnTransactionalIdsAndIdempotentWrite() throws {
        let plan = try Self.plan(["--add", "--producer", "--allow-principal", "User:p", "--topic", "t", "--transactional-id", "tx", "--idempotent"])
        #expect(plan.entries == [
            AclResourcePattern(.topic, "t"): [Self.allow("User:p", .write), Self.allow("User:p", .describe), Self.allow("User:p", .create)],
            AclResourcePattern(.transactionalId, "tx"): [Self.allow("User:p", .write), Self.allow("User:p", .describe)],
            AclResourcePattern.cluster: [Self.allow("User:p", .idempotentWrite)],
        ])
    }

    @Test func theConsumerGetsReadDescribeOnTopicsAndReadOnGroupsAndBothRolesMerge() throws {
        let plan = try Self.plan(["--add", "--consumer", "--producer", "--allow-principal", "User:c", "--topic", "t", "--group", "g",
                                  "--resource-pattern-type", "PREFIXED"])
        #expect(plan.entries == [
            AclResourcePattern(.topic, "t", .prefixed): [Self.allow("User:c", .write), Self.allow("User:c", .describe),
                                                         Self.allow("User:c", .create), Self.allow("User:c", .read)],
            AclResourcePattern(.group, "g", .prefixed): [Self.allow("User:c", .read)],
        ])
    }

    @Test func removingWithoutPrincipalsMeansEveryEntryOfTheResourceAndMatchIsAllowed() throws {
        let plan = try Self.plan(["--remove", "--topic", "t", "--resource-pattern-type", "match"])
        #expect(plan.entries == [AclResourcePattern(.topic, "t", .match): []])
    }

    @Test func listingWithoutAResourceListsEverythingAndKeepsThePrincipals() throws {
        let plan = try Self.plan(["--list", "--principal", "User:a"])
        #expect(plan.action == .list && plan.entries.isEmpty && plan.listPrincipals == ["User:a"])
        // The cluster is a literal resource: with another pattern type kafka-acls.sh leaves it out.
        #expect(try Self.plan(["--list", "--cluster", "--resource-pattern-type", "any"]).entries.isEmpty)
    }

    @Test func operationNamesAreKafkasPascalCaseOrTheSameUpperCased() {
        #expect(AclOperation(operationName: "IdempotentWrite") == .idempotentWrite)
        #expect(AclOperation(operationName: "IDEMPOTENTWRITE") == .idempotentWrite)
        #expect(AclOperation(operationName: "describeconfigs") == .describeConfigs)
        #expect(AclOperation(operationName: "Any") == nil, "ANY is a filter, not an operation")
        #expect(AclOperation(operationName: "IDEMPOTENT_WRITE") == nil, "Kafka's lookup drops no underscores")
        #expect(AclOperation.twoPhaseCommit.operationName == "TwoPhaseCommit")
    }

    @Test func bindingsPrintAsKafkasToString() {
        let binding = AclBinding(AclResourcePattern(.transactionalId, "tx", .prefixed),
                                 AclEntry(principal: "User:a", host: "*", operation: .idempotentWrite, permission: .deny))
        #expect(binding.description == "(pattern=ResourcePattern(resourceType=TRANSACTIONAL_ID, name=tx, patternType=PREFIXED), entry=(principal=User:a, host=*, operation=IDEMPOTENT_WRITE, permissionType=DENY))")
        #expect(AclResourcePattern(.any, nil, .any).description == "ResourcePattern(resourceType=ANY, name=<any>, patternType=ANY)")
    }
}

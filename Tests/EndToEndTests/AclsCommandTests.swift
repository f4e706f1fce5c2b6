import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `kafkactl acls` from the built binary. The test broker's ACL APIs are stubs (DescribeAcls always answers no
/// bindings, CreateAcls an empty result list, DeleteAcls is absent), so what the command does is proven against a
/// scripted broker that keeps ACLs and matches filters as Kafka's authorizer does; against the test broker only
/// that kafkactl says in one line what the broker answered.
@Suite struct AclsCommandTests {
    static let hint = "See 'kafkactl acls --help' for usage."

    /// One ACL as a row of plain values, for comparing what the scripted broker holds.
    struct Row: Hashable, Comparable, CustomStringConvertible {
        var resourceType: Int8, name: String, patternType: Int8, principal: String, host: String, operation: Int8, permission: Int8
        var description: String { "\(resourceType)/\(name)/\(patternType) \(principal)@\(host) op\(operation) perm\(permission)" }
        static func < (a: Row, b: Row) -> Bool { a.description < b.description }
    }

    /// A filter of DescribeAcls or DeleteAcls, as plain values (nil: any).
    struct Filter {
        var resourceType: Int8, name: String?, patternType: Int8, principal: String?, host: String?, operation: Int8, permission: Int8

        /// Kafka's AclBindingFilter.matches: ANY (1) matches every code; a MATCH (2) filter takes literal names equal
        /// to it, the literal wildcard '*' and prefixed names it starts with; ANY pattern takes any pattern type of
        /// exactly that name.
        func matches(_ row: Row) -> Bool {
            guard resourceType == 1 || resourceType == row.resourceType else { return false }
            switch patternType {
            case 1: if let name, name != row.name { return false }
            case 2:
                if let name {
                    let literal = row.patternType == 3 && (row.name == name || row.name == "*")
                    let prefixed = row.patternType == 4 && name.hasPrefix(row.name)
                    if !literal && !prefixed { return false }
                }
            default:
                if row.patternType != patternType { return false }
                if let name, name != row.name { return false }
            }
            if let principal, principal != row.principal { return false }
            if let host, host != row.host { return false }
            return (operation == 1 || operation == row.operation) && (permission == 1 || permission == row.permission)
        }
    }

    /// A broker that keeps ACLs as Kafka does and records what it was asked.
    final class AclStore: Sendable {
        let rows: Mutex<Set<Row>>
        let asked = Mutex<[(api: Int16, version: Int16)]>([])
        let refuse: Mutex<Set<String>> = Mutex([])
        /// Answer CreateAcls and DeleteAcls with no results at all, as no Kafka does.
        let answerNothing = Mutex(false)
        /// Answer as a broker without an authorizer does: DescribeAcls with SECURITY_DISABLED.
        let noAuthorizer = Mutex(false)

        init(_ rows: Set<Row> = []) { self.rows = Mutex(rows) }

        var all: [Row] { rows.withLock { $0.sorted() } }
        var apis: [Int16] { asked.withLock { $0.map(\.api) } }
        var versions: [Int16] { asked.withLock { $0.map(\.version) } }

        func broker(versions: ClosedRange<Int16> = 1...3) throws -> ScriptedBroker {
            let port = Mutex(0)
            let broker = try ScriptedBroker(apiVersions: [18: 0...3, 3: 0...12, 29: versions, 30: versions, 31: versions]) { header, body in
                var copy = body
                switch header.apiKey {
                case .metadata:
                    return ScriptedBroker.oneNodeMetadataReply(port: port.withLock { $0 }, version: header.apiVersion)
                case .describeAcls:
                    guard let request = try? DescribeAclsRequest(from: &copy, version: header.apiVersion) else { return .close }
                    self.asked.withLock { $0.append((29, header.apiVersion)) }
                    let filter = Filter(resourceType: request.resourceTypeFilter, name: request.resourceNameFilter,
                                        patternType: request.patternTypeFilter, principal: request.principalFilter,
                                        host: request.hostFilter, operation: request.operation, permission: request.permissionType)
                    if self.noAuthorizer.withLock({ $0 }) {
                        return ScriptedBroker.reply(DescribeAclsResponse(errorCode: ErrorCode.securityDisabled.rawValue,
                                                                         errorMessage: "No Authorizer is configured on the broker", resources: []),
                                                    to: DescribeAclsRequest.self, version: header.apiVersion)
                    }
                    let matched = self.all.filter(filter.matches)
                    let resources = Dictionary(grouping: matched) { "\($0.resourceType)/\($0.patternType)/\($0.name)" }.values
                        .sorted { $0[0] < $1[0] }.map { rows in
                            DescribeAclsResponse.DescribeAclsResource(
                                resourceType: rows[0].resourceType, resourceName: rows[0].name, patternType: rows[0].patternType,
                                acls: rows.map { .init(principal: $0.principal, host: $0.host, operation: $0.operation, permissionType: $0.permission) })
                        }
                    return ScriptedBroker.reply(DescribeAclsResponse(errorCode: 0, errorMessage: nil, resources: resources),
                                                to: DescribeAclsRequest.self, version: header.apiVersion)
                case .createAcls:
                    guard let request = try? CreateAclsRequest(from: &copy, version: header.apiVersion) else { return .close }
                    self.asked.withLock { $0.append((30, header.apiVersion)) }
                    let results = request.creations.map { creation -> CreateAclsResponse.AclCreationResult in
                        if self.refuse.withLock({ $0.contains(creation.principal) }) {
                            return .init(errorCode: ErrorCode.clusterAuthorizationFailed.rawValue, errorMessage: "not allowed to create ACLs")
                        }
                        self.rows.withLock { _ = $0.insert(Row(resourceType: creation.resourceType, name: creation.resourceName,
                                                              patternType: creation.resourcePatternType, principal: creation.principal,
                                                              host: creation.host, operation: creation.operation, permission: creation.permissionType)) }
                        return .init(errorCode: 0, errorMessage: nil)
                    }
                    return ScriptedBroker.reply(CreateAclsResponse(results: self.answerNothing.withLock { $0 } ? [] : results), to: CreateAclsRequest.self, version: header.apiVersion)
                case .deleteAcls:
                    guard let request = try? DeleteAclsRequest(from: &copy, version: header.apiVersion) else { return .close }
                    self.asked.withLock { $0.append((31, header.apiVersion)) }
                    let results = request.filters.map { wire -> DeleteAclsResponse.DeleteAclsFilterResult in
                        let filter = Filter(resourceType: wire.resourceTypeFilter, name: wire.resourceNameFilter, patternType: wire.patternTypeFilter,
                                            principal: wire.principalFilter, host: wire.hostFilter, operation: wire.operation, permission: wire.permissionType)
                        let matched = self.rows.withLock { rows in
                            let found = rows.filter(filter.matches)
                            rows.subtract(found)
                            return found.sorted()
                        }
                        return .init(errorCode: 0, errorMessage: nil, matchingAcls: matched.map {
                            .init(errorCode: 0, errorMessage: nil, resourceType: $0.resourceType, resourceName: $0.name, patternType: $0.patternType,
                                  principal: $0.principal, host: $0.host, operation: $0.operation, permissionType: $0.permission)
                        })
                    }
                    return ScriptedBroker.reply(DeleteAclsResponse(filterResults: self.answerNothing.withLock { $0 } ? [] : results), to: DeleteAclsRequest.self, version: header.apiVersion)
                default:
                    return .silence
                }
            }
            port.withLock { $0 = broker.port }
            return broker
        }
    }

    static func run(_ broker: ScriptedBroker, _ arguments: [String], stdin: String? = nil) async throws -> ProcessResult {
        let input = stdin.map { Data($0.utf8) }
        return try await offThePool { try runKafkactl(["acls", "--bootstrap-server", broker.address] + arguments, stdin: input, timeout: .seconds(20)) }
    }

    static func row(_ type: Int8, _ name: String, _ principal: String, _ operation: Int8, pattern: Int8 = 3, host: String = "*", allow: Bool = true) -> Row {
        Row(resourceType: type, name: name, patternType: pattern, principal: principal, host: host, operation: operation, permission: allow ? 3 : 2)
    }

    // MARK: scripted broker: what the command does

    @Test(arguments: [1...1, 1...3] as [ClosedRange<Int16>])
    func addingStoresEachAclSaysTheOnesPresentAndListingShowsThemInApachesLayout(versions: ClosedRange<Int16>) async throws {
        // v1 is Kafka 2.1's highest; 1...3 is 4.x's range, where kafkactl sends v3 (flexible).
        let store = AclStore([Self.row(2, "orders", "User:alice", 3)])
        let broker = try store.broker(versions: versions)
        defer { broker.stop() }
        let added = try await Self.run(broker, ["--add", "--allow-principal", "User:alice", "--operation", "Read", "--operation", "Write", "--topic", "orders"])
        #expect(added.exitCode == 0, "stderr: \(added.stderr)")
        #expect(added.stdout == """
            Acl (pattern=ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL), entry=(principal=User:alice, host=*, operation=READ, permissionType=ALLOW)) already exists.
            Adding ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`: 
             \t(principal=User:alice, host=*, operation=WRITE, permissionType=ALLOW)\n\n
            """)
        #expect(store.all == [Self.row(2, "orders", "User:alice", 3), Self.row(2, "orders", "User:alice", 4)])
        #expect(store.apis == [29, 30] && Set(store.versions) == [versions.upperBound], "asked: \(store.apis) at \(store.versions)")

        let listed = try await Self.run(broker, ["--list", "--topic", "orders"])
        #expect(listed.exitCode == 0, "stderr: \(listed.stderr)")
        #expect(listed.stdout == """
            Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`:
            \t(principal=User:alice, host=*, operation=READ, permissionType=ALLOW)
            \t(principal=User:alice, host=*, operation=WRITE, permissionType=ALLOW)\n\n
            """)
    }

    @Test func theProducerAndConsumerRolesAddKafkasAclsAndJSONNamesThem() async throws {
        let store = AclStore()
        let broker = try store.broker()
        defer { broker.stop() }
        let result = try await Self.run(broker, ["--add", "--producer", "--consumer", "--allow-principal", "User:app", "--allow-host", "10.0.0.1",
                                                 "--topic", "orders", "--group", "billing", "--idempotent", "--output", "json"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let row = { (type: Int8, name: String, op: Int8) in Self.row(type, name, "User:app", op, host: "10.0.0.1") }
        // Topic: Write 4, Describe 8, Create 5, Read 3; group: Read; cluster: IdempotentWrite 12.
        #expect(store.all == [row(2, "orders", 3), row(2, "orders", 4), row(2, "orders", 5), row(2, "orders", 8),
                              row(3, "billing", 3), row(4, "kafka-cluster", 12)].sorted())
        let json = try result.jsonObject()
        let added = try #require(json["added"] as? [[String: Any]])
        #expect(added.count == 6 && (json["existing"] as? [Any])?.isEmpty == true)
        #expect(added.contains { $0["resource_type"] as? String == "CLUSTER" && $0["resource_name"] as? String == "kafka-cluster"
            && $0["operation"] as? String == "IDEMPOTENT_WRITE" && $0["host"] as? String == "10.0.0.1" && $0["permission_type"] as? String == "ALLOW"
            && $0["pattern_type"] as? String == "LITERAL" && $0["principal"] as? String == "User:app" })
    }

    @Test func aUserPrincipalIsAResourceForTokenOperations() async throws {
        // The USER resource type (7) needs the ACL APIs' v3 (Kafka 3.3+); an older broker refuses it itself.
        let store = AclStore()
        let broker = try store.broker()
        defer { broker.stop() }
        let result = try await Self.run(broker, ["--add", "--allow-principal", "User:admin", "--operation", "CreateTokens",
                                                 "--operation", "DescribeTokens", "--user-principal", "User:alice"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(store.all == [Self.row(7, "User:alice", "User:admin", 13), Self.row(7, "User:alice", "User:admin", 14)])
        #expect(result.stdout.hasPrefix("Adding ACLs for resource `ResourcePattern(resourceType=USER, name=User:alice, patternType=LITERAL)`: \n"),
                "stdout: \(result.stdout)")
    }

    @Test func listingFiltersByPatternTypeAndPrincipal() async throws {
        let store = AclStore([Self.row(2, "ord", "User:a", 3, pattern: 4), Self.row(2, "orders", "User:b", 3), Self.row(2, "*", "User:a", 8, allow: false),
                              Self.row(3, "g", "User:a", 3)])
        let broker = try store.broker()
        defer { broker.stop() }
        // match: the literal name, the literal wildcard and every prefix of it.
        let matched = try await Self.run(broker, ["--list", "--topic", "orders", "--resource-pattern-type", "match", "--principal", "User:a"])
        #expect(matched.exitCode == 0, "stderr: \(matched.stderr)")
        #expect(matched.stdout == """
            ACLs for principal `User:a`
            Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=*, patternType=LITERAL)`:
            \t(principal=User:a, host=*, operation=DESCRIBE, permissionType=DENY)

            Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=ord, patternType=PREFIXED)`:
            \t(principal=User:a, host=*, operation=READ, permissionType=ALLOW)\n\n
            """)
        let all = try await Self.run(broker, ["--list", "--output", "json"])
        #expect(all.exitCode == 0, "stderr: \(all.stderr)")
        #expect((try all.jsonObject()["acls"] as? [Any])?.count == 4, "no resource lists every ACL: \(all.stdout)")
    }

    @Test func removingAsksFirstAndOnlyYRemoves() async throws {
        let store = AclStore([Self.row(2, "orders", "User:a", 3), Self.row(2, "orders", "User:b", 3)])
        let broker = try store.broker()
        defer { broker.stop() }
        let declined = try await Self.run(broker, ["--remove", "--allow-principal", "User:a", "--operation", "Read", "--topic", "orders"], stdin: "n\n")
        #expect(declined.exitCode == 0, "stderr: \(declined.stderr)")
        #expect(declined.stdout == """
            Are you sure you want to remove ACLs: 
             \t(principal=User:a, host=*, operation=READ, permissionType=ALLOW)
             from resource filter `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`? (y/n)\n
            """)
        #expect(store.all.count == 2 && !store.apis.contains(31), "declined: nothing sent")

        let accepted = try await Self.run(broker, ["--remove", "--allow-principal", "User:a", "--operation", "Read", "--topic", "orders"], stdin: "y\n")
        #expect(accepted.exitCode == 0, "stderr: \(accepted.stderr)")
        #expect(store.all == [Self.row(2, "orders", "User:b", 3)])

        // No principal: every ACL of the resource, asked as such; no answer at all (stdin at its end) is a refusal.
        let unanswered = try await Self.run(broker, ["--remove", "--topic", "orders"])
        #expect(unanswered.exitCode == 64)
        #expect(unanswered.stdout == "Are you sure you want to delete all ACLs for resource filter `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`? (y/n)\n")
        #expect(unanswered.stderrLines == ["Error: --remove asked for confirmation and standard input is closed: answer y, or add --force"])
        #expect(store.all.count == 1)
    }

    @Test func forceRemovesEveryAclOfTheResourceWithoutAskingAndJSONNamesThem() async throws {
        let store = AclStore([Self.row(2, "orders", "User:a", 3), Self.row(2, "orders", "User:b", 4), Self.row(3, "g", "User:a", 3)])
        let broker = try store.broker()
        defer { broker.stop() }
        let result = try await Self.run(broker, ["--remove", "--force", "--topic", "orders", "--output", "json"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(store.all == [Self.row(3, "g", "User:a", 3)])
        let removed = try #require(try result.jsonObject()["removed"] as? [[String: Any]])
        #expect(removed.compactMap { $0["principal"] as? String }.sorted() == ["User:a", "User:b"])
        let plain = try await Self.run(broker, ["--remove", "--force", "--group", "g"])
        #expect(plain.exitCode == 0 && plain.stdout.isEmpty, "kafka-acls.sh prints nothing once removed: \(plain.stdout) \(plain.stderr)")
        #expect(store.all.isEmpty)
    }

    @Test func aRefusedCreationIsOneLineExitOne() async throws {
        let store = AclStore()
        store.refuse.withLock { $0.insert("User:x") }
        let broker = try store.broker()
        defer { broker.stop() }
        let result = try await Self.run(broker, ["--add", "--allow-principal", "User:x", "--operation", "Read", "--topic", "t"])
        #expect(result.exitCode == 1)
        #expect(result.stderrLines == ["Error: cannot add ACL (pattern=ResourcePattern(resourceType=TOPIC, name=t, patternType=LITERAL), entry=(principal=User:x, host=*, operation=READ, permissionType=ALLOW)): not allowed to create ACLs [CLUSTER_AUTHORIZATION_FAILED]"])
    }

    @Test func anAnswerWithoutAResultPerAclLeavesTheOutcomeUnknownAndSaysSo() async throws {
        let store = AclStore([Self.row(2, "t", "User:a", 3)])
        store.answerNothing.withLock { $0 = true }
        let broker = try store.broker()
        defer { broker.stop() }
        expectFailure(try await Self.run(broker, ["--add", "--allow-principal", "User:b", "--topic", "t"]), exitCode: 1,
                      message: "the broker answered 0 results for 1 ACL creations, so whether they were added is unknown: list them with --list")
        expectFailure(try await Self.run(broker, ["--remove", "--force", "--topic", "t"]), exitCode: 1,
                      message: "the broker answered 0 results for 1 ACL filters, so what was removed is unknown: list them with --list")
    }

    @Test func aBrokerWithoutAnAuthorizerIsOneLine() async throws {
        let store = AclStore()
        store.noAuthorizer.withLock { $0 = true }
        let broker = try store.broker()
        defer { broker.stop() }
        expectFailure(try await Self.run(broker, ["--list"]), exitCode: 1,
                      message: "cannot list ACLs: No Authorizer is configured on the broker [SECURITY_DISABLED]")
        expectFailure(try await Self.run(broker, ["--list", "--group", "g"]), exitCode: 1,
                      message: "cannot list the ACLs of ResourcePattern(resourceType=GROUP, name=g, patternType=LITERAL): No Authorizer is configured on the broker [SECURITY_DISABLED]")
    }

    // MARK: the test broker: its answers said in one line

    @Test func againstTheTestBrokerListingIsEmptyAddingIsMalformedAndRemovingIsUnsupported() async throws {
        let address = try await brokerAddress()
        let list = try await kafkactl(["acls", "--bootstrap-server", address, "--list"])
        #expect(list.exitCode == 0 && list.stdout.isEmpty && list.stderr.isEmpty, "stdout: \(list.stdout) stderr: \(list.stderr)")
        // Its CreateAcls answer has a null Results array, which Kafka's schema does not allow.
        expectFailure(try await kafkactl(["acls", "--bootstrap-server", address, "--add", "--allow-principal", "User:a", "--topic", "t"]),
                      exitCode: 1, containing: ["sent a malformed CreateAcls v3 response", "CreateAclsResponse.Results: null where an array is required"])
        expectFailure(try await kafkactl(["acls", "--bootstrap-server", address, "--remove", "--force", "--topic", "t"]),
                      exitCode: 1, containing: ["does not support removing ACLs (DeleteAcls)", "it does not offer DeleteAcls"])
    }

    // MARK: bad input: one line and the hint, exit 64, nothing sent

    @Test(arguments: [
        ([], "Command must include exactly one action: --list, --add, --remove"),
        (["--list", "--add"], "Command must include exactly one action: --list, --add, --remove"),
        (["--list", "--allow-principal", "User:a"], "--list cannot be used with --allow-principal (use --principal to list one principal's ACLs)"),
        (["--list", "--producer"], "--list cannot be used with --producer"),
        (["--add", "--principal", "User:a", "--topic", "t"], "The --principal option is only available if --list is set"),
        (["--add", "--producer", "--allow-principal", "User:a", "--group", "g"], "With --producer you must specify a --topic"),
        (["--add", "--producer", "--operation", "Read", "--allow-principal", "User:a", "--topic", "t"], "--producer cannot be used with --operation: it decides the operations and only allows"),
        (["--add", "--consumer", "--deny-principal", "User:a", "--topic", "t", "--group", "g"], "--consumer cannot be used with --deny-principal: it decides the operations and only allows"),
        (["--add", "--idempotent", "--allow-principal", "User:a", "--topic", "t"], "The --idempotent option is only available if --producer is set"),
        (["--add", "--consumer", "--allow-principal", "User:a", "--topic", "t"], "With --consumer you must specify a --topic and a --group and no --cluster or --transactional-id option should be specified."),
        (["--add", "--allow-principal", "User:a", "--topic", "t", "--resource-pattern-type", "glob"], "Unknown resource-pattern-type: glob (use literal, prefixed, match or any)"),
        (["--add", "--allow-principal", "User:a", "--topic", "t", "--resource-pattern-type", "match"], "A '--resource-pattern-type' value of 'MATCH' is not valid when adding acls (use literal or prefixed)."),
        (["--add", "--allow-principal", "User:a"], "You must provide at least one resource: --topic <topic> or --cluster or --group <group> or --transactional-id <id> or --delegation-token <Delegation Token ID> or --user-principal <principal>"),
        (["--add", "--topic", "t"], "You must specify one of: --allow-principal, --deny-principal when trying to add ACLs."),
        (["--add", "--allow-principal", "alice", "--topic", "t"], "--allow-principal 'alice': expected a string in format principalType:principalName (User:alice)"),
        (["--list", "--principal", ":alice"], "--principal ':alice': expected a string in format principalType:principalName (User:alice)"),
        (["--add", "--allow-principal", "User:a", "--operation", "Fly", "--topic", "t"], "--operation 'Fly' is not an ACL operation: use one of All, Read, Write, Create, Delete, Alter, Describe, ClusterAction, DescribeConfigs, AlterConfigs, IdempotentWrite, CreateTokens, DescribeTokens, TwoPhaseCommit"),
        (["--add", "--allow-principal", "User:a", "--operation", "IdempotentWrite", "--topic", "t"], "ResourceType TOPIC only supports operations Read,Write,Create,Delete,Alter,Describe,DescribeConfigs,AlterConfigs,All"),
        (["--add", "--allow-principal", "User:a", "--operation", "Read", "--user-principal", "User:b"], "ResourceType USER only supports operations CreateTokens,DescribeTokens,All"),
        (["--remove", "--allow-host", "h", "--topic", "t", "--force"], "--allow-host needs --allow-principal"),
        (["--remove", "--deny-host", "h", "--topic", "t", "--force"], "--deny-host needs --deny-principal"),
        (["--remove", "--operation", "Read", "--topic", "t", "--force"], "--operation needs --allow-principal or --deny-principal (without one, --remove removes every ACL of the resource)"),
        (["--add", "--allow-principal", "User:a", "--topic", " "], "--topic needs a value (a name, or '*' for all)"),
        (["--remove", "--topic", "t", "--output", "json"], "--remove with --output json needs --force (the question would not be JSON)"),
    ])
    func aRuleBrokenOnTheCommandLineIsOneLineAndTheHint(arguments: [String], message: String) async throws {
        // Nothing listens on port 1: a rule must be checked before any connection is tried.
        let result = try await kafkactl(["acls", "--bootstrap-server", "127.0.0.1:1"] + arguments)
        #expect(result.exitCode == 64, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["Error: \(message)", Self.hint])
    }
}

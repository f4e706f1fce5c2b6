import Foundation
import Testing

@testable import AdminCore

/// Where requests go is decided by their type (the schema's route) and resolved inside the client only.
@Suite struct RequestRoutingTests {
    @Test func aCoordinatorRequestNamesItsGroupInEitherShape() {
        // OffsetFetch before v8 names one group in GroupId; from v8 on, groups in Groups.
        #expect(OffsetFetchRequest(groupId: "old-form", topics: nil).coordinatorGroup == "old-form")
        #expect(OffsetFetchRequest(groups: [.init(groupId: "new-form", topics: nil)]).coordinatorGroup == "new-form")
        #expect(DescribeGroupsRequest(groups: ["a", "b"]).coordinatorGroup == "a")
        #expect(DeleteGroupsRequest(groupsNames: ["g"]).coordinatorGroup == "g")
        #expect(ConsumerGroupDescribeRequest(groupIds: ["c"]).coordinatorGroup == "c")
        #expect(HeartbeatRequest(groupId: "h", generationId: 1, memberId: "m").coordinatorGroup == "h")
    }

    @Test func aTransactionCoordinatorRequestNamesItsTransactionalId() {
        #expect(DescribeTransactionsRequest(transactionalIds: ["tx-a", "tx-b"]).coordinatorTransactionalId == "tx-a")
        #expect(DescribeTransactionsRequest.self is any TransactionCoordinatorRequest.Type)
        #expect(!(DescribeTransactionsRequest.self is any GroupCoordinatorRequest.Type))
        #expect(DescribeProducersRequest.self is any PartitionLeaderRequest.Type)
        #expect(WriteTxnMarkersRequest.self is any PartitionLeaderRequest.Type)
        #expect(ListTransactionsRequest.self is any BrokerLocalRequest.Type)
    }

    @Test func aBrokersConfigGoesToThatBrokerAndEverythingElseToAnyBroker() {
        func owner(_ type: ConfigResourceType, _ name: String) -> Int32? {
            DescribeConfigsRequest(resources: [.init(resourceType: type.rawValue, resourceName: name, configurationKeys: nil)]).configOwner
        }
        #expect(owner(.broker, "3") == 3)
        #expect(owner(.brokerLogger, "7") == 7)
        #expect(owner(.broker, "") == nil)  // the cluster-wide default
        #expect(owner(.topic, "12") == nil)
        #expect(owner(.group, "5") == nil)
        let alter = IncrementalAlterConfigsRequest(
            resources: [.init(resourceType: ConfigResourceType.broker.rawValue, resourceName: "2", configs: [])], validateOnly: false)
        #expect(alter.configOwner == 2)
    }

    @Test func eachRouteMarkerIsGeneratedFromTheSchema() {
        #expect(MetadataRequest.self is any AnyBrokerRequest.Type)
        #expect(CreateTopicsRequest.self is any ControllerRequest.Type)
        #expect(JoinGroupRequest.self is any GroupCoordinatorRequest.Type)
        #expect(FetchRequest.self is any PartitionLeaderRequest.Type)
        #expect(ListGroupsRequest.self is any BrokerLocalRequest.Type)
        #expect(AlterConfigsRequest.self is any ConfigResourceRequest.Type)
        // A request has exactly one route.
        #expect(!(MetadataRequest.self is any ControllerRequest.Type))
        #expect(!(ProduceRequest.self is any AnyBrokerRequest.Type))
    }

    /// The rule that keeps routing in one place: only `Sources/AdminCore/Client/` names a broker for a request
    /// (`Destination`, `sendRouted`, `connection(for:)`). Everything else sends a request whose type says where it goes.
    @Test func noCodeOutsideTheClientChoosesABroker() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let client = sources.appendingPathComponent("AdminCore/Client").path
        let forbidden = ["sendRouted(", "connection(for:", "Destination", ".coordinator(group:", ".transactionCoordinator(transactionalId:"]
        var offenders: [String] = []
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50, "the source tree was not found at \(sources.path)")
        for file in files {
            let path = sources.appendingPathComponent(file).path
            if path.hasPrefix(client + "/") { continue }
            let text = try String(contentsOfFile: path, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for word in forbidden where line.contains(word) { offenders.append("\(file):\(number + 1): \(word)") }
            }
        }
        #expect(offenders.isEmpty, "choose no broker outside the client: \(offenders)")
    }
}

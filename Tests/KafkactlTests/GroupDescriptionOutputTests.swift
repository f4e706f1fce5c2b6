import AdminCore
import Testing

@testable import kafkactl

/// `--describe --members` and `--state`, rendered without a broker or the binary.
@Suite struct GroupDescriptionOutputTests {
    static func cells(_ line: String) -> [String] { line.split(separator: " ").map(String.init) }

    static let classic = GroupDescription(
        groupId: "billing", state: "Stable", protocolType: "consumer", protocolName: "range",
        members: [.init(memberId: "m-1", groupInstanceId: nil, clientId: "c1", host: "/10.0.0.1",
                        assignment: [TopicPartition("orders", 1), TopicPartition("orders", 0), TopicPartition("audit", 2)])],
        coordinator: BrokerAddress(host: "kafka-1", port: 9092), coordinatorId: 1)

    @Test func membersTableAndVerboseAssignment() {
        let plain = GroupDescriptionOutput(description: Self.classic, verbose: false).membersLines()
        #expect(plain.count == 3 && plain[0] == "")
        #expect(Self.cells(plain[1]) == ["GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID", "#PARTITIONS"])
        #expect(Self.cells(plain[2]) == ["billing", "m-1", "/10.0.0.1", "c1", "3"])
        let verbose = GroupDescriptionOutput(description: Self.classic, verbose: true).membersLines()
        #expect(Self.cells(verbose[2]).last == "audit:2;orders:0,1")
        var empty = Self.classic
        empty.members = []
        #expect(GroupDescriptionOutput(description: empty, verbose: false).membersLines().isEmpty, "classic: no header without members")
        empty.type = .consumer
        #expect(GroupDescriptionOutput(description: empty, verbose: false).membersLines().count == 2, "Kafka 4.x: the header even when empty")
    }

    @Test func stateLineNamesTheCoordinatorAsKafkaDoes() {
        let lines = GroupDescriptionOutput(description: Self.classic, verbose: false).stateLines()
        #expect(lines.count == 3 && lines[0] == "")
        #expect(lines[2].contains("kafka-1:9092  (1)"), "\(lines[2])")
        #expect(Self.cells(lines[2]) == ["billing", "kafka-1:9092", "(1)", "range", "Stable", "1"])
        let json = GroupDescriptionOutput(description: Self.classic, verbose: false).stateJSON().serialized()
        #expect(json == #"{"group":"billing","coordinator":"kafka-1:9092","assignmentStrategy":"range","state":"Stable","members":1}"#)
    }
}

import AdminCore
import Testing

@testable import kafkactl

/// The offsets view of `consumer-groups --describe`, rendered without a broker or the binary.
@Suite struct GroupOffsetsOutputTests {
    static let member = GroupDescription.Member(memberId: "m-1", groupInstanceId: nil, clientId: "c", host: "/10.0.0.1",
                                                assignment: [TopicPartition("orders", 0)])
    static let rows = [
        GroupOffsetRow(group: "billing", partition: TopicPartition("orders", 0), current: 5, logEnd: 9, leaderEpoch: 2,
                       member: member, timeLag: 65_000, behindNewest: 1_500),
        GroupOffsetRow(group: "billing", partition: TopicPartition("orders", 1), current: nil, logEnd: 3, leaderEpoch: nil,
                       member: nil),
    ]

    static func cells(_ line: String) -> [String] { line.split(separator: " ").map(String.init) }

    @Test func kafkasTableWithDashesForWhatIsUnknown() {
        let lines = GroupOffsetsOutput(rows: Self.rows, verbose: false, timeLag: false).lines()
        #expect(lines.count == 4 && lines[0] == "")
        #expect(Self.cells(lines[1]) == ["GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID", "HOST", "CLIENT-ID"])
        #expect(Self.cells(lines[2]) == ["billing", "orders", "0", "5", "9", "4", "m-1", "/10.0.0.1", "c"])
        #expect(Self.cells(lines[3]) == ["billing", "orders", "1", "-", "3", "-", "-", "-", "-"])
        #expect(GroupOffsetsOutput(rows: [], verbose: true, timeLag: true).lines().isEmpty)
    }

    @Test func verboseAddsTheLeaderEpochAndTimeLagItsColumnsAndTopicLines() {
        let lines = GroupOffsetsOutput(rows: Self.rows, verbose: true, timeLag: true).lines()
        #expect(Self.cells(lines[1]).prefix(9) == ["GROUP", "TOPIC", "PARTITION", "LEADER-EPOCH", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "TIME-LAG", "BEHIND-NEWEST"])
        #expect(Self.cells(lines[2]).prefix(9) == ["billing", "orders", "0", "2", "5", "9", "4", "1m05s", "1s"])
        #expect(lines.suffix(2) == ["", "Topic orders: up to 1m05s behind now, 1s behind the newest record"])
    }

    @Test func jsonCarriesTheSameNumbers() {
        let json = GroupOffsetsOutput(rows: Self.rows, verbose: false, timeLag: true).json(group: "billing", state: "Stable").serialized()
        #expect(json.hasPrefix(#"{"group":"billing","state":"Stable","partitions":[{"topic":"orders","partition":0,"currentOffset":5,"logEndOffset":9,"lag":4,"consumerId":"m-1""#), "\(json)")
        #expect(json.contains(#""currentOffset":null,"logEndOffset":3,"lag":null"#))
        #expect(json.hasSuffix(#""topics":[{"topic":"orders","timeLagMs":65000,"behindNewestMs":1500}]}"#), "\(json)")
    }

    @Test func durationsReadLikeAClock() {
        #expect([350, 45_000, 725_000, 10_920_000, 187_200_000].map { GroupOffsetsOutput.duration($0) } == ["350ms", "45s", "12m05s", "3h02m", "2d04h"])
    }
}

import NIOCore
import Testing

@testable import AdminCore

/// Frames of the KIP-848 consumer group APIs, ConsumerGroupHeartbeat (68) and ConsumerGroupDescribe (69), assembled
/// by hand from Kafka's ConsumerGroupHeartbeatRequest/Response.json and ConsumerGroupDescribeRequest/Response.json,
/// byte by byte, not produced by kafkactl's encoder: the encoder must write them and the decoder read them. Both APIs
/// are flexible from v0 (compact strings and arrays, tag sections, request header v2, response header v1).
@Suite("Consumer group protocol golden frames")
struct ConsumerGroupProtocolGoldenTests {
    static func frame(_ lines: [String]) -> String { lines.joined(separator: " ") }

    // "g1" 67 31, "m1" 6d 31, "t1" 74 31, "c1" 63 31, "kafkactl" 6b 61 66 6b 61 63 74 6c,
    // "/127.0.0.1" 2f 31 32 37 2e 30 2e 30 2e 31, "uniform" 75 6e 69 66 6f 72 6d, "range" 72 61 6e 67 65.
    // Topic id 00 01 02 .. 0f.
    static let topicIdHex = "00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f"
    static let topicId = KafkaUUID(mostSignificantBits: 0x0001_0203_0405_0607, leastSignificantBits: 0x0809_0a0b_0c0d_0e0f)

    static let describeV0Request = frame([
        "00 00 00 19",                                   // size 25
        "00 45 00 00 00 00 00 05",                       // ConsumerGroupDescribe (69) v0, correlation id 5
        "00 08 6b 61 66 6b 61 63 74 6c 00",              // client id "kafkactl" (int16 length), header tags none
        "02 03 67 31",                                   // GroupIds: compact array of 1, "g1"
        "00",                                            // IncludeAuthorizedOperations false
        "00",                                            // tags none
    ])

    static let describeV1Response = frame([
        "00 00 00 05 00",                                // correlation id 5, header tags none
        "00 00 00 00",                                   // ThrottleTimeMs 0
        "02",                                            // Groups: 1
        "00 00 00",                                      //   ErrorCode 0, ErrorMessage null
        "03 67 31",                                      //   GroupId "g1"
        "07 53 74 61 62 6c 65",                          //   GroupState "Stable"
        "00 00 00 07",                                   //   GroupEpoch 7
        "00 00 00 06",                                   //   AssignmentEpoch 6
        "08 75 6e 69 66 6f 72 6d",                       //   AssignorName "uniform"
        "02",                                            //   Members: 1
        "03 6d 31",                                      //     MemberId "m1"
        "00 00",                                         //     InstanceId null, RackId null
        "00 00 00 05",                                   //     MemberEpoch 5
        "03 63 31",                                      //     ClientId "c1"
        "0b 2f 31 32 37 2e 30 2e 30 2e 31",              //     ClientHost "/127.0.0.1"
        "02 03 74 31",                                   //     SubscribedTopicNames ["t1"]
        "00",                                            //     SubscribedTopicRegex null
        "02",                                            //     Assignment.TopicPartitions: 1
        topicIdHex,                                      //       TopicId
        "03 74 31",                                      //       TopicName "t1"
        "03 00 00 00 00 00 00 00 01",                    //       Partitions [0, 1]
        "00 00",                                         //       topic tags none; assignment tags none
        "02",                                            //     TargetAssignment.TopicPartitions: 1
        topicIdHex,                                      //       TopicId
        "03 74 31",                                      //       TopicName "t1"
        "04 00 00 00 00 00 00 00 01 00 00 00 02",        //       Partitions [0, 1, 2]
        "00 00",                                         //       topic tags none; assignment tags none
        "01",                                            //     MemberType 1 (consumer member), v1+
        "00",                                            //     member tags none
        "80 00 00 00",                                   //   AuthorizedOperations: not asked (INT32_MIN)
        "00",                                            //   group tags none
        "00",                                            // tags none
    ])

    static let joinV1Request = frame([
        "00 00 00 30",                                   // size 48
        "00 44 00 01 00 00 00 09",                       // ConsumerGroupHeartbeat (68) v1, correlation id 9
        "00 08 6b 61 66 6b 61 63 74 6c 00",              // client id "kafkactl", header tags none
        "03 67 31",                                      // GroupId "g1"
        "03 6d 31",                                      // MemberId "m1"
        "00 00 00 00",                                   // MemberEpoch 0: join
        "00 00",                                         // InstanceId null, RackId null
        "00 04 93 e0",                                   // RebalanceTimeoutMs 300000
        "02 03 74 31",                                   // SubscribedTopicNames ["t1"]
        "00",                                            // SubscribedTopicRegex null (v1+)
        "06 72 61 6e 67 65",                             // ServerAssignor "range"
        "01",                                            // TopicPartitions: empty (owns nothing yet)
        "00",                                            // tags none
    ])

    static let leaveV0Request = frame([
        "00 00 00 27",                                   // size 39
        "00 44 00 00 00 00 00 0a",                       // ConsumerGroupHeartbeat (68) v0, correlation id 10
        "00 08 6b 61 66 6b 61 63 74 6c 00",              // client id "kafkactl", header tags none
        "03 67 31",                                      // GroupId "g1"
        "03 6d 31",                                      // MemberId "m1"
        "ff ff ff ff",                                   // MemberEpoch -1: leave
        "00 00",                                         // InstanceId null, RackId null
        "ff ff ff ff",                                   // RebalanceTimeoutMs -1: unchanged
        "00",                                            // SubscribedTopicNames null: unchanged (no regex field at v0)
        "00",                                            // ServerAssignor null
        "00",                                            // TopicPartitions null: unchanged
        "00",                                            // tags none
    ])

    static let assignmentV1Response = frame([
        "00 00 00 09 00",                                // correlation id 9, header tags none
        "00 00 00 00",                                   // ThrottleTimeMs 0
        "00 00 00",                                      // ErrorCode 0, ErrorMessage null
        "03 6d 31",                                      // MemberId "m1"
        "00 00 00 03",                                   // MemberEpoch 3
        "00 00 13 88",                                   // HeartbeatIntervalMs 5000
        "01",                                            // Assignment: present (nullable struct marker 1)
        "02",                                            //   TopicPartitions: 1
        topicIdHex,                                      //     TopicId
        "03 00 00 00 00 00 00 00 02",                    //     Partitions [0, 2]
        "00 00",                                         //     topic tags none; assignment tags none
        "00",                                            // tags none
    ])

    static let fencedV0Response = frame([
        "00 00 00 0a 00",                                // correlation id 10, header tags none
        "00 00 00 00",                                   // ThrottleTimeMs 0
        "00 6e",                                         // ErrorCode 110 FENCED_MEMBER_EPOCH
        "06 66 65 6e 63 65",                             // ErrorMessage "fence"
        "00",                                            // MemberId null
        "ff ff ff ff",                                   // MemberEpoch -1
        "00 00 00 00",                                   // HeartbeatIntervalMs 0
        "ff",                                            // Assignment null: unchanged
        "00",                                            // tags none
    ])

    static func responseBody(_ hex: String) throws -> ByteBuffer {
        var buffer = Hex.buffer(hex)
        _ = try ResponseHeader(from: &buffer, headerVersion: 1)
        return buffer
    }

    @Test("ConsumerGroupDescribe v0 for group g1 is the 29-byte frame")
    func describeRequest() throws {
        let request = ConsumerGroupDescribeRequest(groupIds: ["g1"], includeAuthorizedOperations: false)
        let frame = try request.encodeFrame(version: 0, correlationId: 5, clientId: "kafkactl")
        #expect(Hex.string(frame) == Hex.string(Hex.bytes(Self.describeV0Request)))
        let (header, decoded) = try GoldenFrameTests.splitRequest(Self.describeV0Request, as: ConsumerGroupDescribeRequest.self)
        #expect(header.apiKey == .consumerGroupDescribe)
        #expect(decoded == request)
    }

    @Test("a ConsumerGroupDescribe v1 answer decodes epochs, the assignor, the member's current and target assignments by topic id and name, and re-encodes the same")
    func describeResponse() throws {
        var body = try Self.responseBody(Self.describeV1Response)
        let response = try ConsumerGroupDescribeResponse(from: &body, version: 1)
        #expect(body.readableBytes == 0)
        let group = try #require(response.groups.first)
        #expect([group.groupId, group.groupState, group.assignorName] == ["g1", "Stable", "uniform"])
        #expect([group.groupEpoch, group.assignmentEpoch] == [7, 6])
        #expect(group.authorizedOperations == Int32.min)
        let member = try #require(group.members.first)
        #expect([member.memberId, member.clientId, member.clientHost] == ["m1", "c1", "/127.0.0.1"])
        #expect(member.instanceId == nil && member.rackId == nil && member.subscribedTopicRegex == nil)
        #expect(member.memberEpoch == 5)
        #expect(member.subscribedTopicNames == ["t1"])
        #expect(member.assignment.topicPartitions.map { "\($0.topicId) \($0.topicName) \($0.partitions)" }
                == ["\(Self.topicId) t1 [0, 1]"])
        #expect(member.targetAssignment.topicPartitions.map { "\($0.topicName) \($0.partitions)" } == ["t1 [0, 1, 2]"])
        #expect(member.memberType == 1)
        var again = ByteBuffer()
        try response.encode(into: &again, version: 1)
        #expect(Hex.string(again) == Hex.string(try Self.responseBody(Self.describeV1Response)))
    }

    @Test("at v0 a ConsumerGroupDescribe member has no MemberType: the same answer without that byte decodes it as -1 (unknown)")
    func describeResponseV0() throws {
        // The v1 frame less its MemberType byte, which sits right before the member's tag section.
        var bytes = Hex.bytes(Self.describeV1Response)
        let memberTypeAt = bytes.count - 8  // then: member tags 00, AuthorizedOperations (4), group tags, tags
        #expect(bytes[memberTypeAt] == 0x01)
        bytes.remove(at: memberTypeAt)
        var body = ByteBuffer(bytes: bytes)
        _ = try ResponseHeader(from: &body, headerVersion: 1)
        let response = try ConsumerGroupDescribeResponse(from: &body, version: 0)
        #expect(body.readableBytes == 0)
        #expect(response.groups.first?.members.first?.memberType == -1)
        #expect(response.groups.first?.members.first?.targetAssignment.topicPartitions.first?.partitions == [0, 1, 2])
    }

    @Test("ConsumerGroupHeartbeat v1 joining with epoch 0, a subscription, a server assignor and nothing owned is the 52-byte frame")
    func joinRequest() throws {
        let request = ConsumerGroupHeartbeatRequest(
            groupId: "g1", memberId: "m1", memberEpoch: 0, rebalanceTimeoutMs: 300_000, subscribedTopicNames: ["t1"],
            serverAssignor: "range", topicPartitions: [])
        let frame = try request.encodeFrame(version: 1, correlationId: 9, clientId: "kafkactl")
        #expect(Hex.string(frame) == Hex.string(Hex.bytes(Self.joinV1Request)))
        let (header, decoded) = try GoldenFrameTests.splitRequest(Self.joinV1Request, as: ConsumerGroupHeartbeatRequest.self)
        #expect(header.apiKey == .consumerGroupHeartbeat && header.apiVersion == 1)
        #expect(decoded == request)
    }

    @Test("ConsumerGroupHeartbeat v0 leaving with epoch -1 writes nulls for everything unchanged and no regex field")
    func leaveRequest() throws {
        let request = ConsumerGroupHeartbeatRequest(groupId: "g1", memberId: "m1", memberEpoch: -1)
        let frame = try request.encodeFrame(version: 0, correlationId: 10, clientId: "kafkactl")
        #expect(Hex.string(frame) == Hex.string(Hex.bytes(Self.leaveV0Request)))
        let (_, decoded) = try GoldenFrameTests.splitRequest(Self.leaveV0Request, as: ConsumerGroupHeartbeatRequest.self)
        #expect(decoded == request)
    }

    @Test("a regex subscription cannot be sent at ConsumerGroupHeartbeat v0, which has no such field")
    func regexRefusedAtV0() throws {
        let request = ConsumerGroupHeartbeatRequest(groupId: "g1", memberId: "m1", memberEpoch: 0, subscribedTopicRegex: "t.*")
        #expect(throws: (any Error).self) { try request.encodeFrame(version: 0, correlationId: 1, clientId: "kafkactl") }
    }

    @Test("a ConsumerGroupHeartbeat v1 answer decodes the epoch, the heartbeat interval and the assignment by topic id, and re-encodes the same")
    func assignmentResponse() throws {
        var body = try Self.responseBody(Self.assignmentV1Response)
        let response = try ConsumerGroupHeartbeatResponse(from: &body, version: 1)
        #expect(body.readableBytes == 0)
        #expect(response.errorCode == 0 && response.memberId == "m1")
        #expect(response.memberEpoch == 3 && response.heartbeatIntervalMs == 5000)
        let assignment = try #require(response.assignment)
        #expect(assignment.topicPartitions.map { "\($0.topicId) \($0.partitions)" } == ["\(Self.topicId) [0, 2]"])
        var again = ByteBuffer()
        try response.encode(into: &again, version: 1)
        #expect(Hex.string(again) == Hex.string(try Self.responseBody(Self.assignmentV1Response)))
    }

    @Test("a fenced ConsumerGroupHeartbeat answer decodes its code and message, a null member id and a null (unchanged) assignment")
    func fencedResponse() throws {
        var body = try Self.responseBody(Self.fencedV0Response)
        let response = try ConsumerGroupHeartbeatResponse(from: &body, version: 0)
        #expect(body.readableBytes == 0)
        #expect(ErrorCode(rawValue: response.errorCode) == .fencedMemberEpoch)
        #expect(response.errorMessage == "fence")
        #expect(response.memberId == nil && response.memberEpoch == -1)
        #expect(response.assignment == nil)
    }
}

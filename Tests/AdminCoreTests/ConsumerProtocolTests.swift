import NIOCore
import Testing

@testable import AdminCore

/// The embedded consumer protocol (protocol.md §6.1): the golden subscription and assignment blobs both ways, and
/// the reader's tolerance of newer versions (v2/v3 and beyond only append fields).
@Suite struct ConsumerProtocolTests {
    static func bytes(_ hex: String) -> [UInt8] {
        let digits = hex.filter { $0.isHexDigit }
        var result: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            result.append(UInt8(digits[index..<next], radix: 16)!)
            index = next
        }
        return result
    }

    static func array(_ buffer: ByteBuffer) -> [UInt8] { Array(buffer.readableBytesView) }

    // §6.1 golden values.
    static let subscriptionV0 = bytes("00 00 | 00 00 00 01 | 00 06 6f 72 64 65 72 73 | ff ff ff ff")
    static let subscriptionV1 = bytes("00 01 | 00 00 00 01 | 00 06 6f 72 64 65 72 73 | ff ff ff ff | 00 00 00 00")
    static let assignmentV0 = bytes(
        "00 00 | 00 00 00 01 | 00 06 6f 72 64 65 72 73 | 00 00 00 02 00 00 00 00 00 00 00 01 | ff ff ff ff")

    // MARK: Subscription

    @Test func subscriptionV0EncodesToTheGoldenBytes() {
        let encoded = ConsumerProtocol.encode(ConsumerProtocol.Subscription(topics: ["orders"]), version: 0)
        #expect(Self.array(encoded) == Self.subscriptionV0)
    }

    @Test func subscriptionV0GoldenBytesDecode() throws {
        let decoded = try ConsumerProtocol.decodeSubscription(ByteBuffer(bytes: Self.subscriptionV0))
        #expect(decoded.topics == ["orders"])
        #expect(decoded.userData == nil)
        #expect(decoded.ownedPartitions.isEmpty)
    }

    @Test func subscriptionV1WithoutOwnedPartitionsEncodesToTheGoldenBytes() {
        let encoded = ConsumerProtocol.encode(ConsumerProtocol.Subscription(topics: ["orders"]), version: 1)
        #expect(Self.array(encoded) == Self.subscriptionV1)
    }

    @Test func subscriptionV1GoldenBytesDecode() throws {
        let decoded = try ConsumerProtocol.decodeSubscription(ByteBuffer(bytes: Self.subscriptionV1))
        #expect(decoded == ConsumerProtocol.Subscription(topics: ["orders"]))
    }

    @Test func subscriptionTopicsAreWrittenSortedAsJavaWritesThem() throws {
        let encoded = ConsumerProtocol.encode(ConsumerProtocol.Subscription(topics: ["zeta", "alpha", "mid"]))
        #expect(try ConsumerProtocol.decodeSubscription(encoded).topics == ["alpha", "mid", "zeta"])
    }

    @Test func subscriptionV1OwnedPartitionsRoundTrip() throws {
        let subscription = ConsumerProtocol.Subscription(
            topics: ["a", "b"], userData: ByteBuffer(bytes: [1, 2, 3]),
            ownedPartitions: [TopicPartition("b", 4), TopicPartition("a", 1), TopicPartition("a", 0)])
        let encoded = ConsumerProtocol.encode(subscription, version: 1)
        // Owned partitions by topic (sorted), each topic's ids sorted.
        #expect(Self.array(encoded) == Self.bytes("""
            00 01
            00 00 00 02  00 01 61  00 01 62
            00 00 00 03  01 02 03
            00 00 00 02
              00 01 61  00 00 00 02  00 00 00 00  00 00 00 01
              00 01 62  00 00 00 01  00 00 00 04
            """))
        let decoded = try ConsumerProtocol.decodeSubscription(encoded)
        #expect(decoded.topics == ["a", "b"])
        #expect(decoded.userData == ByteBuffer(bytes: [1, 2, 3]))
        #expect(decoded.ownedPartitions == [TopicPartition("a", 0), TopicPartition("a", 1), TopicPartition("b", 4)])
    }

    /// Built by hand from §6.1's field table: v1, topics [orders], null UserData, OwnedPartitions orders [0, 2].
    static let subscriptionV1Owned = bytes("""
        00 01
        00 00 00 01  00 06 6f 72 64 65 72 73
        ff ff ff ff
        00 00 00 01  00 06 6f 72 64 65 72 73  00 00 00 02  00 00 00 00  00 00 00 02
        """)

    @Test func subscriptionV1WithOwnedPartitionsEncodesToTheHandBuiltBytes() {
        let subscription = ConsumerProtocol.Subscription(topics: ["orders"], ownedPartitions: [TopicPartition("orders", 2), TopicPartition("orders", 0)])
        #expect(Self.array(ConsumerProtocol.encode(subscription, version: 1)) == Self.subscriptionV1Owned)
    }

    @Test func subscriptionV1WithOwnedPartitionsDecodesWithoutAGeneration() throws {
        let decoded = try ConsumerProtocol.decodeSubscription(ByteBuffer(bytes: Self.subscriptionV1Owned))
        #expect(decoded.ownedPartitions == [TopicPartition("orders", 0), TopicPartition("orders", 2)])
        #expect(decoded.generationId == -1)
        #expect(GroupMemberSubscription(memberId: "m", groupInstanceId: nil, subscription: decoded).generation == nil)
    }

    @Test func subscriptionV2AsACooperativeMemberSendsItEncodesToTheHandBuiltBytes() throws {
        // What kafkactl offers under cooperative-sticky: v2, UserData = the generation as Java's assignor writes it
        // (int32 5), OwnedPartitions orders [1], GenerationId 5.
        let expected = Self.bytes("""
            00 02
            00 00 00 01  00 06 6f 72 64 65 72 73
            00 00 00 04  00 00 00 05
            00 00 00 01  00 06 6f 72 64 65 72 73  00 00 00 01  00 00 00 01
            00 00 00 05
            """)
        let subscription = ConsumerProtocol.Subscription(
            topics: ["orders"], userData: CooperativeStickyAssignor().subscriptionUserData(generation: 5),
            ownedPartitions: [TopicPartition("orders", 1)], generationId: 5)
        #expect(Self.array(ConsumerProtocol.encode(subscription, version: 2)) == expected)
        let decoded = try ConsumerProtocol.decodeSubscription(ByteBuffer(bytes: expected))
        #expect(decoded == subscription)
        #expect(GroupMemberSubscription(memberId: "m", groupInstanceId: nil, subscription: decoded).generation == 5)
    }

    @Test func aV3SubscriptionWithGenerationAndRackDecodes() throws {
        // What a Java 3.4+ consumer sends: v3 adds GenerationId and RackId after OwnedPartitions.
        let v3 = Self.bytes("""
            00 03
            00 00 00 01  00 06 6f 72 64 65 72 73
            ff ff ff ff
            00 00 00 01  00 06 6f 72 64 65 72 73  00 00 00 02  00 00 00 00  00 00 00 02
            00 00 00 07
            00 06 72 61 63 6b 2d 61
            """)
        let decoded = try ConsumerProtocol.decodeSubscription(ByteBuffer(bytes: v3))
        #expect(decoded.topics == ["orders"])
        #expect(decoded.userData == nil)
        #expect(decoded.ownedPartitions == [TopicPartition("orders", 0), TopicPartition("orders", 2)])
        #expect(decoded.generationId == 7)
        #expect(decoded.rackId == "rack-a")
    }

    @Test func aSubscriptionOfAFutureVersionWithUnknownTrailingFieldsDecodes() throws {
        // A reader parses the fields it knows and ignores what later versions append.
        let future = Self.bytes("""
            00 09
            00 00 00 02  00 01 78  00 01 79
            00 00 00 01  ff
            00 00 00 00
            ff ff ff ff
            ff ff
            de ad be ef 00 01 02
            """)
        let decoded = try ConsumerProtocol.decodeSubscription(ByteBuffer(bytes: future))
        #expect(decoded.topics == ["x", "y"])
        #expect(decoded.userData == ByteBuffer(bytes: [0xff]))
        #expect(decoded.ownedPartitions.isEmpty)
    }

    @Test func ourV3SubscriptionIsReadBackWithDefaults() throws {
        let encoded = ConsumerProtocol.encode(ConsumerProtocol.Subscription(topics: ["orders"]), version: 3)
        // v1 layout, then GenerationId -1 and a null RackId.
        #expect(Self.array(encoded) == Self.subscriptionV1.withVersionByte(3) + [0xff, 0xff, 0xff, 0xff, 0xff, 0xff])
        #expect(try ConsumerProtocol.decodeSubscription(encoded).topics == ["orders"])
    }

    @Test func aTruncatedSubscriptionIsAnError() {
        let truncated = Array(Self.subscriptionV0.prefix(9))
        #expect(throws: (any Error).self) { try ConsumerProtocol.decodeSubscription(ByteBuffer(bytes: truncated)) }
    }

    // MARK: Assignment

    @Test func assignmentV0EncodesToTheGoldenBytes() {
        let assignment = ConsumerProtocol.Assignment(partitions: [TopicPartition("orders", 1), TopicPartition("orders", 0)])
        #expect(Self.array(ConsumerProtocol.encode(assignment)) == Self.assignmentV0)
    }

    @Test func assignmentV0GoldenBytesDecode() throws {
        let decoded = try ConsumerProtocol.decodeAssignment(ByteBuffer(bytes: Self.assignmentV0))
        #expect(decoded.partitions == [TopicPartition("orders", 0), TopicPartition("orders", 1)])
        #expect(decoded.userData == nil)
    }

    @Test func anEmptyAssignmentBlobMeansNothingAssigned() throws {
        #expect(try ConsumerProtocol.decodeAssignment(ByteBuffer()).partitions.isEmpty)
    }

    @Test func anAssignmentOfAHigherVersionWithUserDataDecodes() throws {
        let v3 = Self.bytes("""
            00 03
            00 00 00 02
              00 01 61  00 00 00 01  00 00 00 03
              00 01 62  00 00 00 00
            00 00 00 02  0a 0b
            """)
        let decoded = try ConsumerProtocol.decodeAssignment(ByteBuffer(bytes: v3))
        #expect(decoded.partitions == [TopicPartition("a", 3)])
        #expect(decoded.userData == ByteBuffer(bytes: [0x0a, 0x0b]))
    }

    @Test func anAssignmentOverSeveralTopicsRoundTrips() throws {
        let partitions = [TopicPartition("b", 2), TopicPartition("a", 5), TopicPartition("b", 0)]
        let encoded = ConsumerProtocol.encode(ConsumerProtocol.Assignment(partitions: partitions, userData: ByteBuffer(bytes: [9])))
        let decoded = try ConsumerProtocol.decodeAssignment(encoded)
        #expect(decoded.partitions == [TopicPartition("a", 5), TopicPartition("b", 0), TopicPartition("b", 2)])
        #expect(decoded.userData == ByteBuffer(bytes: [9]))
    }
}

extension Array where Element == UInt8 {
    /// A copy whose second byte (the low byte of the int16 version) is `version`.
    fileprivate func withVersionByte(_ version: UInt8) -> [UInt8] {
        var copy = self
        copy[1] = version
        return copy
    }
}

import AdminCore
import NIOCore

/// The consumer protocol blobs a group carries: member metadata (Subscription, in JoinGroup and DescribeGroups
/// answers) and assignments (SyncGroup and DescribeGroups answers). A decoded blob must survive kafkactl's own
/// encoding: same topics and partitions, in the order the encoder writes them.
enum ConsumerProtocolTargets {
    static func all(fixtures: SeedCorpus) -> [FuzzTarget] {
        var subscriptions: [[UInt8]] = []
        var assignments: [[UInt8]] = []
        for frame in fixtures.responses(api: "JoinGroup") {
            guard var body = ResponseTarget<JoinGroupRequest>.body(of: frame),
                let response = try? JoinGroupResponse(from: &body, version: frame.version) else { continue }
            subscriptions += response.members.map { Array($0.metadata.readableBytesView) }
        }
        for frame in fixtures.responses(api: "SyncGroup") {
            guard var body = ResponseTarget<SyncGroupRequest>.body(of: frame),
                let response = try? SyncGroupResponse(from: &body, version: frame.version) else { continue }
            assignments.append(Array(response.assignment.readableBytesView))
        }
        let partitions = [TopicPartition("orders", 0), TopicPartition("orders", 2), TopicPartition("audit", 1)]
        for version: Int16 in 0...3 {
            let subscription = ConsumerProtocol.Subscription(topics: ["orders", "audit"], userData: ByteBuffer(bytes: [1, 2]),
                                                             ownedPartitions: partitions)
            subscriptions.append(Array(ConsumerProtocol.encode(subscription, version: version).readableBytesView))
        }
        assignments.append(Array(ConsumerProtocol.encode(ConsumerProtocol.Assignment(partitions: partitions, userData: ByteBuffer(bytes: [9]))).readableBytesView))
        assignments.append([])
        return [SubscriptionTarget(seeds: subscriptions), AssignmentTarget(seeds: assignments)]
    }
}

struct SubscriptionTarget: FuzzTarget {
    let seeds: [[UInt8]]
    var family: FuzzFamily { .consumerProtocol }
    var name: String { "ConsumerProtocol.decodeSubscription" }

    func run(_ input: [UInt8]) throws {
        guard let subscription = try expectTypedFailure({ try ConsumerProtocol.decodeSubscription(ByteBuffer(bytes: input)) })
        else { return }
        let again: ConsumerProtocol.Subscription
        do { again = try ConsumerProtocol.decodeSubscription(ConsumerProtocol.encode(subscription, version: 1)) } catch {
            throw PropertyViolation("a decoded subscription does not decode after encoding: \(error)")
        }
        guard again.topics == subscription.topics.sorted(), again.userData == subscription.userData,
            again.ownedPartitions.sorted() == subscription.ownedPartitions.sorted()
        else { throw PropertyViolation("a subscription changed through encoding") }
    }
}

struct AssignmentTarget: FuzzTarget {
    let seeds: [[UInt8]]
    var family: FuzzFamily { .consumerProtocol }
    var name: String { "ConsumerProtocol.decodeAssignment" }

    func run(_ input: [UInt8]) throws {
        guard let assignment = try expectTypedFailure({ try ConsumerProtocol.decodeAssignment(ByteBuffer(bytes: input)) })
        else { return }
        let again: ConsumerProtocol.Assignment
        do { again = try ConsumerProtocol.decodeAssignment(ConsumerProtocol.encode(assignment)) } catch {
            throw PropertyViolation("a decoded assignment does not decode after encoding: \(error)")
        }
        guard again.partitions.sorted() == assignment.partitions.sorted(), again.userData == assignment.userData else {
            throw PropertyViolation("an assignment changed through encoding")
        }
    }
}

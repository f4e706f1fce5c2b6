import AdminCore
import Foundation
import NIOCore
import Synchronization
import TestSupport
import Testing

/// `topics --alter --partitions` going through, which the local broker cannot show (it lacks CreatePartitions):
/// a scripted broker offering a release's CreatePartitions range takes the request, and the topic then describes
/// with the new count. At Kafka 2.1's range (v0-1, not flexible) and at the newest (v3, flexible).
@Suite struct TopicsAlterScriptedTests {
    /// What the scripted controller received: the version, the topic, the count asked for.
    final class Seen: Sendable {
        let requests = Mutex<[(version: Int16, name: String, count: Int32)]>([])
        let partitions = Mutex(1)
    }

    static func broker(createPartitions: ClosedRange<Int16>, metadata: ClosedRange<Int16>, seen: Seen) throws -> ScriptedBroker {
        let port = Mutex(0)
        let broker = try ScriptedBroker(apiVersions: [18: 0...3, 3: metadata, 37: createPartitions]) { header, body in
            var body = body
            switch header.apiKey {
            case .metadata:
                return ScriptedBroker.oneNodeMetadataReply(port: port.withLock { $0 }, topics: ["orders": seen.partitions.withLock { $0 }],
                                                           version: header.apiVersion)
            case .createPartitions:
                guard let request = try? CreatePartitionsRequest(from: &body, version: header.apiVersion),
                      let topic = request.topics.first else { return .close }
                seen.requests.withLock { $0.append((header.apiVersion, topic.name, topic.count)) }
                seen.partitions.withLock { $0 = Int(topic.count) }
                return ScriptedBroker.reply(CreatePartitionsResponse(results: [.init(name: topic.name, errorCode: 0)]),
                                            to: CreatePartitionsRequest.self, version: header.apiVersion)
            case .apiVersions:
                return .silence  // answered from the advertised versions
            default:
                return .close
            }
        }
        port.withLock { $0 = broker.port }
        return broker
    }

    @Test(arguments: [("2.1", Int16(0)...Int16(1), Int16(0)...Int16(7)), ("newest", Int16(0)...Int16(3), Int16(0)...Int16(12))])
    func alterAddsPartitionsAtTheNegotiatedVersion(release: String, createPartitions: ClosedRange<Int16>, metadata: ClosedRange<Int16>) async throws {
        let seen = Seen()
        let broker = try Self.broker(createPartitions: createPartitions, metadata: metadata, seen: seen)
        defer { broker.stop() }
        let altered = try await kafkactl(["topics", "--bootstrap-server", broker.address, "--alter", "--topic", "orders", "--partitions", "3"])
        #expect(altered.exitCode == 0, "\(release): \(altered.stderr)")
        #expect(altered.stderr.isEmpty)
        let requests = seen.requests.withLock { $0 }
        #expect(requests.count == 1)
        #expect(requests.first?.version == createPartitions.upperBound, "\(release): kafkactl sends the highest version both speak")
        #expect(requests.first?.name == "orders" && requests.first?.count == 3)
        let described = try await kafkactl(["topics", "--bootstrap-server", broker.address, "--describe", "--topic", "orders"])
        #expect(described.stdout.contains("\tPartitionCount: 3\t"), "\(described.stdout)")
    }
}

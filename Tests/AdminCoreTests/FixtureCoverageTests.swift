import Foundation
import TestSupport
import Testing

@testable import AdminCore

/// Issue 16's golden-frame goal: for every API and version kafkactl can negotiate with some Apache Kafka release, a
/// request encoded by an independent client that kafkactl's encoder gives back byte for byte, and a broker's answer
/// at that version that kafkactl decodes and encodes again identically (both checked by FixtureRoundTripTests).
/// What is still missing is a committed, reasoned list, so coverage cannot shrink unnoticed.
@Suite("Fixture coverage")
struct FixtureCoverageTests {
    /// `<Api>/v<N>` -> the releases of the release table kafkactl sends that version to: the version its
    /// negotiation (`ApiVersionTable.version(for:supported:)`) picks from the release's ApiVersions answer.
    static let negotiable: [String: [String]] = {
        var pairs: [String: [String]] = [:]
        for release in KafkaReleases.all {
            for (name, type) in FixtureRoundTripTests.requestTypes {
                if let version = release.table.version(for: type.apiKey, supported: type.versions) {
                    pairs["\(name)/v\(version)", default: []].append(release.name)
                }
            }
        }
        return pairs
    }()

    /// Which side of a negotiable version has no fixture that round-trips byte for byte.
    enum Missing: String, Sendable { case request, response, both }

    /// The negotiable versions without an independent request or response, and why. Tansu 0.6.0 is the only broker
    /// the capture can run (see Fixtures/README.md), kafka-python 3.0.12 pinned to a release is the client for every
    /// version librdkafka does not send. When a fixture is added, its entry goes; an entry is never added to make
    /// this test pass without saying why no capture can fill it.
    static let gaps: [String: (missing: Missing, why: String)] = [
        // APIs Tansu does not serve: the request is kafka-python's (pinned to the release), the broker closes the
        // connection instead of answering.
        "AlterConfigs/v1": (.response, Self.absent("AlterConfigs (33)")),
        "AlterConfigs/v2": (.response, Self.absent("AlterConfigs (33)")),
        "CreatePartitions/v1": (.response, Self.absent("CreatePartitions (37)")),
        "CreatePartitions/v2": (.response, Self.absent("CreatePartitions (37)")),
        "CreatePartitions/v3": (.response, Self.absent("CreatePartitions (37)")),
        "OffsetDelete/v0": (.response, Self.absent("OffsetDelete (47)")),
        "DescribeClientQuotas/v0": (.response, Self.absent("DescribeClientQuotas (48)")),
        "DescribeClientQuotas/v1": (.response, Self.absent("DescribeClientQuotas (48)")),
        "AlterClientQuotas/v0": (.response, Self.absent("AlterClientQuotas (49)")),
        "AlterClientQuotas/v1": (.response, Self.absent("AlterClientQuotas (49)")),
        // Answers Tansu gives every client, which are not what Kafka would send (FixtureRoundTripTests'
        // knownDeviations, each with a test of exactly how it differs).
        "ApiVersions/v3": (.response,
            "Tansu writes all four tagged fields at their defaults; kafkactl decodes the answer and omits them, as Kafka does"),
        "DescribeUserScramCredentials/v0": (.response,
            "Tansu answers with response header v0 and a null Results, which Kafka's schema does not allow"),
        "DescribeCluster/v2": (.response,
            "Tansu serves v0-1; asked at v2 (Kafka 4.0's) it answers in v1's layout, without IsFenced"),
        "DescribeGroups/v6": (.response,
            "Tansu serves v0-5; asked at v6 (Kafka 4.0's) it answers in v5's layout, without ErrorMessage"),
        // Kafka 4's consumer group protocol (KIP-848). Tansu lacks ConsumerGroupHeartbeat, so no consumer-protocol
        // group can exist on it, and the capture's clients do not send either API to it (librdkafka only joins with
        // group.protocol=consumer where 68 is offered). Until a capture exists, ConsumerGroupProtocolGoldenTests holds
        // frames written byte by byte from Kafka's JSON definitions, outside kafkactl's encoder.
        "ConsumerGroupHeartbeat/v0": (.both, Self.kip848),
        "ConsumerGroupHeartbeat/v1": (.both, Self.kip848),
        "ConsumerGroupDescribe/v0": (.both, Self.kip848),
        "ConsumerGroupDescribe/v1": (.both, Self.kip848),
        // DeleteRecords came after the capture was made: no capture run has sent it yet. Until one does,
        // DeleteRecordsGoldenTests holds frames written byte by byte from Kafka's JSON definitions. (v0 is never
        // negotiated: every release from 2.1 lists v1, so it is not a gap here; the golden tests cover it too.)
        "DeleteRecords/v1": (.both, Self.deleteRecords),
        "DeleteRecords/v2": (.both, Self.deleteRecords),
        // The ACL APIs came after the capture was made too; AclGoldenTests holds frames kafka-python 3.0.12 encoded
        // (v1, Kafka 2.1-2.4's; v2, 2.5-3.2's; v3, 3.3+'s). Tansu's answers would not serve: its DescribeAcls always
        // answers no bindings, its CreateAcls an empty result list, and it lacks DeleteAcls (BROKER.md).
        "DescribeAcls/v1": (.both, Self.acls("DescribeAcls (29)")),
        "DescribeAcls/v2": (.both, Self.acls("DescribeAcls (29)")),
        "DescribeAcls/v3": (.both, Self.acls("DescribeAcls (29)")),
        "CreateAcls/v1": (.both, Self.acls("CreateAcls (30)")),
        "CreateAcls/v2": (.both, Self.acls("CreateAcls (30)")),
        "CreateAcls/v3": (.both, Self.acls("CreateAcls (30)")),
        "DeleteAcls/v1": (.both, Self.acls("DeleteAcls (31)")),
        "DeleteAcls/v2": (.both, Self.acls("DeleteAcls (31)")),
        "DeleteAcls/v3": (.both, Self.acls("DeleteAcls (31)")),
        // Tansu lacks DescribeLogDirs (35): no capture can hold an answer. DescribeLogDirsGoldenTests holds frames
        // kafka-python 3.0.12 encoded (v1, Kafka 2.1-2.5's; v2, 2.6-3.1's; v3, 3.2's; v4, 3.3-4.2's; v5, 4.3+'s).
        "DescribeLogDirs/v1": (.both, Self.logDirs),
        "DescribeLogDirs/v2": (.both, Self.logDirs),
        "DescribeLogDirs/v3": (.both, Self.logDirs),
        "DescribeLogDirs/v4": (.both, Self.logDirs),
        "DescribeLogDirs/v5": (.both, Self.logDirs),
        // Tansu lacks AlterReplicaLogDirs (34) too. AlterReplicaLogDirsGoldenTests holds frames kafka-python 3.0.12
        // encoded (v1, Kafka 2.1-4.x's common version; v2, flexible, 2.4+).
        "AlterReplicaLogDirs/v1": (.both, Self.alterLogDirs),
        "AlterReplicaLogDirs/v2": (.both, Self.alterLogDirs),
        // Tansu lacks ElectLeaders (43) too. ElectLeadersGoldenTests holds frames kafka-python 3.0.12 encoded (v0,
        // Kafka 2.2-2.3's ElectPreferredLeaders; v2, 2.4+'s; v1 is never negotiated but is covered there as well).
        "ElectLeaders/v0": (.both, Self.electLeaders),
        "ElectLeaders/v2": (.both, Self.electLeaders),
        // Tansu lacks DescribeQuorum (55). DescribeQuorumGoldenTests holds frames kafka-python 3.0.12 encoded (v1,
        // Kafka 3.3-3.8 KRaft's highest; v2, 3.9+'s, with directory ids and the nodes' listeners; v0 is covered there too).
        "DescribeQuorum/v1": (.both, Self.describeQuorum),
        "DescribeQuorum/v2": (.both, Self.describeQuorum),
        // Tansu lacks the four transaction APIs kafka-transactions.sh speaks. TransactionGoldenTests holds frames
        // kafka-python 3.0.12 encoded (DescribeProducers v0 from 2.8; DescribeTransactions and ListTransactions v0
        // from 3.0, ListTransactions v1 from 3.8 and v2 from 4.1; WriteTxnMarkers v1 from 2.8, v2 from 4.2).
        "DescribeProducers/v0": (.both, Self.transactions("DescribeProducers (61)")),
        "DescribeTransactions/v0": (.both, Self.transactions("DescribeTransactions (65)")),
        "ListTransactions/v0": (.both, Self.transactions("ListTransactions (66)")),
        "ListTransactions/v1": (.both, Self.transactions("ListTransactions (66)")),
        "ListTransactions/v2": (.both, Self.transactions("ListTransactions (66)")),
        "WriteTxnMarkers/v1": (.both, Self.transactions("WriteTxnMarkers (27)")),
        "WriteTxnMarkers/v2": (.both, Self.transactions("WriteTxnMarkers (27)")),
        // Tansu lacks AlterPartitionReassignments (45) and scripts/capture-golden predates ListPartitionReassignments
        // (46). PartitionReassignmentGoldenTests holds frames kafka-python 3.0.12 encoded (45: v0, Kafka 2.4-4.0's;
        // v1, 4.1+'s; 46: v0, 2.4+'s).
        "AlterPartitionReassignments/v0": (.both, Self.reassignments("AlterPartitionReassignments (45): Tansu 0.6.0 does not serve it")),
        "AlterPartitionReassignments/v1": (.both, Self.reassignments("AlterPartitionReassignments (45): Tansu 0.6.0 does not serve it")),
        "ListPartitionReassignments/v0": (.both, Self.reassignments("ListPartitionReassignments (46): scripts/capture-golden predates it")),
        // Tansu lacks UpdateFeatures (57), and kafka-python 3.0.12 has no encoder for it: UpdateFeaturesGoldenTests
        // holds frames built by hand from Kafka's JSON definitions (v0, Kafka 2.7-3.2; v1, 3.3-3.8; v2, 3.9+).
        "UpdateFeatures/v0": (.both, Self.updateFeatures),
        "UpdateFeatures/v1": (.both, Self.updateFeatures),
        "UpdateFeatures/v2": (.both, Self.updateFeatures),
        // Tansu serves the transactional producer's APIs, but scripts/capture-golden has no transactional scenario:
        // TransactionalProducerGoldenTests holds frames kafka-python 3.0.12 encoded for each of these versions.
        "AddPartitionsToTxn/v1": (.both, Self.transactionalProducer),
        "AddPartitionsToTxn/v2": (.both, Self.transactionalProducer),
        "AddPartitionsToTxn/v3": (.both, Self.transactionalProducer),
        "EndTxn/v1": (.both, Self.transactionalProducer),
        "EndTxn/v2": (.both, Self.transactionalProducer),
        "EndTxn/v3": (.both, Self.transactionalProducer),
        "EndTxn/v4": (.both, Self.transactionalProducer),
    ]

    static let transactionalProducer = "no capture: scripts/capture-golden has no transactional scenario; frames encoded by kafka-python 3.0.12 in TransactionalProducerGoldenTests"

    static let updateFeatures = "no capture: Tansu 0.6.0 does not serve UpdateFeatures (57) and kafka-python 3.0.12 cannot encode it; frames built by hand from Kafka's JSON in UpdateFeaturesGoldenTests"

    static let describeQuorum = "no capture: Tansu 0.6.0 does not serve DescribeQuorum (55); frames encoded by kafka-python 3.0.12 in DescribeQuorumGoldenTests"

    static func transactions(_ api: String) -> String {
        "no capture: Tansu 0.6.0 does not serve \(api); frames encoded by kafka-python 3.0.12 in TransactionGoldenTests"
    }

    static func reassignments(_ why: String) -> String {
        "no capture: \(why); frames encoded by kafka-python 3.0.12 in PartitionReassignmentGoldenTests"
    }

    static let electLeaders = "no capture: Tansu 0.6.0 does not serve ElectLeaders (43); frames encoded by kafka-python 3.0.12 in ElectLeadersGoldenTests"

    static let alterLogDirs = "no capture: Tansu 0.6.0 does not serve AlterReplicaLogDirs (34); frames encoded by kafka-python 3.0.12 in AlterReplicaLogDirsGoldenTests"

    static let logDirs = "no capture: Tansu 0.6.0 does not serve DescribeLogDirs (35); frames encoded by kafka-python 3.0.12 in DescribeLogDirsGoldenTests"

    static func acls(_ api: String) -> String {
        "no capture yet: scripts/capture-golden predates \(api); frames encoded by kafka-python 3.0.12 in AclGoldenTests"
    }

    static let deleteRecords = "no capture yet: scripts/capture-golden predates DeleteRecords (21); hand-written frames from Kafka's JSON in DeleteRecordsGoldenTests"

    static let kip848 = "no capture: Tansu lacks ConsumerGroupHeartbeat (68), so no consumer-protocol group exists to join or describe; hand-written frames from Kafka's JSON in ConsumerGroupProtocolGoldenTests"

    static func absent(_ api: String) -> String {
        "request only: Tansu 0.6.0 does not serve \(api) and closes the connection instead of answering"
    }

    /// Each side of each `<Api>/v<N>` that has a round-tripped fixture.
    static func covered(_ direction: Fixture.Direction) -> Set<String> {
        Set(FixtureRoundTripTests.roundTripped.filter { $0.direction == direction }.map(\.apiVersion))
    }

    @Test("every negotiable version has a round-tripped request and response, except the listed gaps")
    func negotiableVersionsAreCovered() {
        #expect(!KafkaReleases.all.isEmpty, "the release table could not be read")
        let requests = Self.covered(.request)
        let responses = Self.covered(.response)
        var missing: [String: Missing] = [:]
        for pair in Self.negotiable.keys {
            switch (requests.contains(pair), responses.contains(pair)) {
            case (true, true): continue
            case (false, true): missing[pair] = .request
            case (true, false): missing[pair] = .response
            case (false, false): missing[pair] = .both
            }
        }
        let expected = Self.gaps.mapValues(\.missing)
        for pair in Set(missing.keys).union(expected.keys).sorted() where missing[pair] != expected[pair] {
            Issue.record(
                """
                \(pair) (sent to Kafka \(Self.negotiable[pair]?.joined(separator: ", ") ?? "no release")): \
                missing \(missing[pair]?.rawValue ?? "nothing"), the gap list says \(expected[pair]?.rawValue ?? "nothing")
                """)
        }
    }

    @Test("the gap list gives a reason for every entry")
    func gapsSayWhy() {
        for (pair, gap) in Self.gaps {
            #expect(gap.why.count > 20, "\(pair)")
        }
    }

    @Test("the coverage counts are what the fixtures give")
    func counts() {
        // 31 APIs from Kafka 2.1 to 4.x: every one has at least one version on some release.
        #expect(Set(Self.negotiable.keys.map { $0.split(separator: "/")[0] }).count == FixtureRoundTripTests.requestTypes.count)
        let full = Self.negotiable.keys.filter { Self.gaps[$0] == nil }
        #expect(full.count + Self.gaps.count == Self.negotiable.count)
        #expect(full.count >= Self.minimumFullyCovered)
    }

    /// Negotiable versions with both sides round-tripped when these tests were written; raise it with new fixtures.
    static let minimumFullyCovered = 87

    @Test("every generated API has a request type in the round-trip table, under Kafka's name for it")
    func everyGeneratedApiIsListed() throws {
        let generated = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/AdminCore/Messages/Generated")
        let apis = try FileManager.default.contentsOfDirectory(atPath: generated.path).filter { $0.hasSuffix(".swift") }
            .map { String($0.dropLast(".swift".count)) }
        #expect(Set(apis) == Set(FixtureRoundTripTests.requestTypes.keys))
        for (name, type) in FixtureRoundTripTests.requestTypes {
            #expect(type.apiKey.name == name)
        }
    }
}

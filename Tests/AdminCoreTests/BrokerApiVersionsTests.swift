import Foundation
import Testing

@testable import AdminCore

/// What broker-api-versions builds on: the list of APIs kafkactl speaks, Kafka's names for every key, and how a
/// broker's range set against kafkactl's decides the usable version (Kafka's NodeApiVersions rules).
@Suite struct BrokerApiVersionsTests {
    @Test("the APIs kafkactl speaks are exactly the generated request types, at their own version ranges")
    func theSpokenListIsTheGeneratedTypes() {
        // FixtureRoundTripTests.requestTypes is itself checked against Messages/Generated, file by file.
        let listed = Dictionary(uniqueKeysWithValues: KafkactlApis.requestTypes.map { ($0.apiKey.name, $0) })
        #expect(listed.count == KafkactlApis.requestTypes.count, "one type per API key")
        #expect(Set(listed.keys) == Set(FixtureRoundTripTests.requestTypes.keys))
        for (name, type) in FixtureRoundTripTests.requestTypes {
            #expect(KafkactlApis.versions[type.apiKey.rawValue] == type.versions, "\(name)")
        }
    }

    @Test("every key from 0 to 94 has Kafka's name, and no two keys share one")
    func everyKeyIsNamed() {
        let names = (0...94).map { ApiKey(rawValue: Int16($0)).knownName }
        #expect(names.allSatisfy { $0 != nil }, "\(names)")
        #expect(Set(names.compactMap { $0 }).count == 95)
        #expect(ApiKey(rawValue: 95).knownName == nil)
        #expect(ApiKey(rawValue: 95).name == "ApiKey95")
        // Spot checks against Kafka's *Request.json, away from the keys kafkactl speaks.
        #expect(ApiKey(rawValue: 52).name == "Vote")
        #expect(ApiKey(rawValue: 74).name == "ListConfigResources")
        #expect(ApiKey(rawValue: 88).name == "StreamsGroupHeartbeat")
    }

    @Test("usable is the highest version both speak; ranges that do not meet are too new or too old")
    func usability() {
        let ours: ClosedRange<Int16> = 3...9
        func usability(_ theirs: ClosedRange<Int16>?, _ mine: ClosedRange<Int16>? = ours) -> ApiVersionSupport.Usability {
            ApiVersionSupport(key: .produce, broker: theirs, kafkactl: mine).usability
        }
        #expect(usability(0...12) == .usable(9))
        #expect(usability(0...5) == .usable(5))
        #expect(usability(9...12) == .usable(9))
        #expect(usability(3...3) == .usable(3))
        #expect(usability(10...12) == .nodeTooNew)
        #expect(usability(0...2) == .nodeTooOld)
        #expect(usability(0...2, nil) == .notSpoken)
        #expect(usability(nil) == .unsupported)
        #expect(ApiVersionSupport(key: .produce, broker: 10...12, kafkactl: ours).usableVersion == nil)
        #expect(ApiVersionSupport(key: .produce, broker: 0...5, kafkactl: ours).usableVersion == 5)
    }

    @Test("the rows are the union of the broker's keys and kafkactl's, in key order")
    func rows() {
        let table = ApiVersionTable(ranges: [3: 0...12, 0: 0...11, 52: 0...1, 200: 0...0])
        let rows = ApiVersionSupport.rows(broker: table, kafkactl: [0: 3...12, 18: 0...4, 3: 0...13])
        #expect(rows.map(\.key.rawValue) == [0, 3, 18, 52, 200])
        #expect(rows.map(\.usability) == [.usable(11), .usable(12), .unsupported, .notSpoken, .notSpoken])
        #expect(rows[2].broker == nil && rows[2].kafkactl == 0...4)
    }
}

extension BrokerApiVersionsTests {
    @Test("the names agree with the release table's, which scripts/derive-release-tables read from Kafka's source")
    func namesAgreeWithTheReleaseTable() throws {
        let table = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TestSupport/Releases/kafka-api-versions.tsv")
        var names: [Int16: Set<String>] = [:]
        for line in try String(contentsOf: table, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count == 5, let key = Int16(fields[1]) else { continue }
            names[key, default: []].insert(String(fields[2]))
        }
        #expect(names.count > 60, "the table lists Kafka's keys")
        for (key, known) in names {
            // A key renamed between releases (74) lists both names; ours is one of them.
            let name = ApiKey(rawValue: key).knownName
            #expect(name.map(known.contains) == true, "key \(key): \(name ?? "nil") vs \(known)")
        }
    }
}

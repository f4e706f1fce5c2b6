@testable import AdminCore
import Foundation
import TestSupport
import Testing

/// `kafkactl broker-api-versions` from the built binary: Kafka's layout against the test broker (every key it lists,
/// usable = the highest version both sides speak), every node of the three-node test cluster, an old release's
/// ranges through that cluster, the lines a scripted broker draws out (too new, too old, not spoken, unknown,
/// unsupported, a broker that does not answer), and bad input.
@Suite struct BrokerApiVersionsCommandTests {
    static let hint = "See 'kafkactl broker-api-versions --help' for usage."

    static func run(_ arguments: [String], timeout: Duration = .seconds(30)) async throws -> ProcessResult {
        try await kafkactl(["broker-api-versions"] + arguments, timeout: timeout)
    }

    /// One API line of the text, read back: `\tName(key): min to max [usable: N],`.
    struct Line: Equatable, CustomStringConvertible {
        var key: Int
        var name: String?
        var min: Int?
        var max: Int?
        var usable: Int?
        var bracket: String?
        var description: String { "\(key) \(name ?? "UNKNOWN") \(min.map(String.init) ?? "-")...\(max.map(String.init) ?? "-") usable \(usable.map(String.init) ?? "-") \(bracket ?? "")" }
    }

    /// The blocks of the text output: each broker's header line and its API lines (nil for an ERROR line).
    static func blocks(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [(header: String, apis: [Line]?)] {
        var result: [(String, [Line]?)] = []
        var lines = ProxyCluster.lines(text)[...]
        while let header = lines.popFirst() {
            if header.contains(" -> ERROR: ") { result.append((header, nil)); continue }
            try #require(header.hasSuffix(" -> ("), "not a header: \(header)", sourceLocation: sourceLocation)
            var apis: [Line] = []
            while let line = lines.popFirst(), line != ")" {
                try #require(line.hasPrefix("\t"), "not an API line: \(line)", sourceLocation: sourceLocation)
                apis.append(try parse(line, sourceLocation: sourceLocation))
            }
            // ",\n\t" joins the lines: each ends with a comma but the last.
            result.append((header, apis))
        }
        return result
    }

    static func parse(_ text: String, sourceLocation: SourceLocation) throws -> Line {
        var body = String(text.dropFirst())
        if body.hasSuffix(",") { body.removeLast() }
        let match = try #require(body.wholeMatch(of: /(\w+)\((\d+)\): (.*)/), "bad line \(text)", sourceLocation: sourceLocation)
        let key = Int(match.2)!
        let name: String? = match.1 == "UNKNOWN" ? nil : String(match.1)
        let rest = String(match.3)
        if rest == "UNSUPPORTED" { return Line(key: key, name: name) }
        let range = try #require(rest.wholeMatch(of: /(\d+)(?: to (\d+))?(?: \[(.*)\])?/), "bad range \(text)", sourceLocation: sourceLocation)
        let min = Int(range.1)!
        let bracket = range.3.map(String.init)
        let usable = bracket.flatMap { $0.wholeMatch(of: /usable: (\d+)/).map { Int($0.1)! } }
        return Line(key: key, name: name, min: min, max: range.2.map { Int($0)! } ?? min, usable: usable, bracket: bracket)
    }

    /// The line an API must have given the broker's range and kafkactl's own (Kafka's NodeApiVersions rules).
    static func expected(key: Int16, broker: ClosedRange<Int16>?) -> Line {
        let name = ApiKey(rawValue: key).knownName
        let ours = KafkactlApis.versions[key]
        guard let broker else { return Line(key: Int(key), name: name) }
        var line = Line(key: Int(key), name: name, min: Int(broker.lowerBound), max: Int(broker.upperBound))
        if let ours {
            if broker.lowerBound > ours.upperBound { line.bracket = "unusable: node too new" }
            else if broker.upperBound < ours.lowerBound { line.bracket = "unusable: node too old" }
            else {
                line.usable = Int(Swift.min(ours.upperBound, broker.upperBound))
                line.bracket = "usable: \(line.usable!)"
            }
        } else if name != nil {
            line.bracket = "unusable: kafkactl does not speak it"
        }
        return line
    }

    static func expectedLines(_ table: ApiVersionTable) -> [Line] {
        Set(table.ranges.keys).union(KafkactlApis.versions.keys).sorted().map { expected(key: $0, broker: table.ranges[$0]) }
    }

    // MARK: the test broker

    @Test func theTestBrokerInKafkasLayoutAndAsJSON() async throws {
        let bootstrap = try await brokerAddress()
        let offered = try await ClusterProxy.brokerVersions(of: bootstrap)
        // Who the broker is, from `kafkactl cluster` (its Metadata), not from the command under test.
        let cluster = try await kafkactl(["cluster", "--bootstrap-server", bootstrap, "--output", "json"]).jsonObject()
        let broker = try #require((cluster["brokers"] as? [[String: Any]])?.first)
        let id = try #require(broker["id"] as? Int)

        let text = try await Self.run(["--bootstrap-server", bootstrap])
        #expect(text.exitCode == 0, "stderr: \(text.stderr)")
        #expect(text.stderr.isEmpty)
        let lines = ProxyCluster.lines(text.stdout)
        try #require(lines.count > 3, "\(text.stdout)")
        #expect(lines[0] == "\(broker["host"] as? String ?? "?"):\(broker["port"] as? Int ?? 0) (id: \(id) rack: null isFenced: false) -> (")
        #expect(lines.last == ")")
        #expect(lines.dropFirst().dropLast().dropLast().allSatisfy { $0.hasPrefix("\t") && $0.hasSuffix(",") }, "\(text.stdout)")
        #expect(lines[lines.count - 2].hasPrefix("\t") && !lines[lines.count - 2].hasSuffix(","))
        // The stable lines, exactly: usable is min(kafkactl's max, the broker's max).
        let produce = try #require(offered.ranges[0])
        let metadata = try #require(offered.ranges[3])
        #expect(lines.contains("\tProduce(0): \(produce.lowerBound) to \(produce.upperBound) [usable: \(min(ProduceRequest.versions.upperBound, produce.upperBound))],"))
        #expect(lines.contains("\tMetadata(3): \(metadata.lowerBound) to \(metadata.upperBound) [usable: \(min(MetadataRequest.versions.upperBound, metadata.upperBound))],"))

        let blocks = try Self.blocks(text.stdout)
        try #require(blocks.count == 1)
        let apis = try #require(blocks[0].apis)
        // Every key the broker lists, and every key kafkactl speaks (UNSUPPORTED when the broker lacks it).
        #expect(Set(apis.filter { $0.min != nil }.map(\.key)) == Set(offered.ranges.keys.map(Int.init)))
        #expect(apis == Self.expectedLines(offered), "\(text.stdout)")

        let json = try await Self.run(["--bootstrap-server", bootstrap, "--output", "json"])
        #expect(json.exitCode == 0, "stderr: \(json.stderr)")
        let document = try json.jsonObject()
        let brokers = try #require(document["brokers"] as? [[String: Any]])
        try #require(brokers.count == 1)
        #expect(brokers[0]["id"] as? Int == id)
        #expect(brokers[0]["host"] as? String == broker["host"] as? String)
        #expect(brokers[0]["port"] as? Int == broker["port"] as? Int)
        #expect(brokers[0]["rack"] is NSNull)
        #expect(brokers[0]["error"] is NSNull)
        let entries = try #require(brokers[0]["apis"] as? [[String: Any]])
        let fromJSON = entries.map { entry in
            Line(key: entry["key"] as? Int ?? -1, name: entry["name"] as? String, min: entry["min"] as? Int,
                 max: entry["max"] as? Int, usable: entry["usable"] as? Int)
        }
        #expect(fromJSON == apis.map { Line(key: $0.key, name: $0.name, min: $0.min, max: $0.max, usable: $0.usable) },
                "the JSON and the text agree")
    }

    // MARK: the three-node test cluster

    @Test func everyNodeOfTheClusterIsAskedNotOnlyTheBootstrapOne() async throws {
        let upstream = try await brokerAddress()
        let offered = try await ClusterProxy.brokerVersions(of: upstream)
        try await ProxyCluster.with { cluster in
            // Bootstrapped from node 2 alone: the other two come from Metadata.
            let result = try await ProxyCluster.run("broker-api-versions", cluster.address(of: 2), [])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            let blocks = try Self.blocks(result.stdout)
            #expect(blocks.map(\.header) == cluster.nodeIds.map {
                "\(cluster.address(of: $0)) (id: \($0) rack: null isFenced: false) -> ("
            })
            for block in blocks { #expect(block.apis == Self.expectedLines(offered), "\(block.header)") }
        }
    }

    @Test func anOldReleasesRangesAndTheVersionsKafkactlNegotiatesWithIt() async throws {
        let release = try #require(KafkaReleases.named("2.1"))
        let upstream = try await brokerAddress()
        let cluster = try ClusterProxy(upstream: upstream, release: release, brokerVersions: try await ClusterProxy.brokerVersions(of: upstream))
        defer { cluster.stop() }
        let result = try await ProxyCluster.run("broker-api-versions", cluster.bootstrapList, [])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let blocks = try Self.blocks(result.stdout)
        #expect(blocks.count == 3)
        for block in blocks {
            let apis = try #require(block.apis)
            #expect(apis == Self.expectedLines(release.table), "\(block.header)")
            // 2.1's own maxima (Kafka's source at 2.1: Produce v7, Metadata v7) cap what kafkactl sends.
            #expect(apis.first { $0.key == 0 }?.usable == 7)
            #expect(apis.first { $0.key == 3 }?.usable == 7)
            // APIs of later releases that kafkactl speaks: the broker lacks them.
            #expect(apis.first { $0.key == 60 } == Line(key: 60, name: "DescribeCluster"))
        }
        #expect(result.stdout.contains("\tDescribeCluster(60): UNSUPPORTED,\n"))
    }

    // MARK: a scripted cluster

    /// Node 1 (this broker, rack-a) offers ranges that draw out every kind of line; node 2 is named by Metadata at a
    /// port that refuses connections.
    static func scriptedCluster(deadPort: Int) throws -> ScriptedBroker {
        let port = BeyondGuarded(0)
        let versions: [Int16: ClosedRange<Int16>] = [
            18: 0...3, 3: 0...12,
            0: 0...(ProduceRequest.versions.lowerBound - 1),  // below kafkactl's lowest: node too old
            2: (ListOffsetsRequest.versions.upperBound + 1)...(ListOffsetsRequest.versions.upperBound + 2),  // too new
            52: 0...1,  // Vote: named, not spoken by kafkactl
            300: 0...2,  // a key nobody has named yet
        ]
        let broker = try ScriptedBroker(apiVersions: versions) { header, _ in
            switch header.apiKey {
            case .metadata:
                let response = MetadataResponse(
                    brokers: [.init(nodeId: 1, host: "127.0.0.1", port: Int32(port.value), rack: "rack-a"),
                              .init(nodeId: 2, host: "127.0.0.1", port: Int32(deadPort))],
                    clusterId: "scripted", controllerId: 1, topics: [])
                return ScriptedBroker.reply(response, to: MetadataRequest.self, version: header.apiVersion)
            case .apiVersions:
                return .silence  // answered from `versions`
            default:
                return .close
            }
        }
        port.update { $0 = broker.port }
        return broker
    }

    @Test func tooNewTooOldNotSpokenUnknownUnsupportedAndABrokerThatDoesNotAnswer() async throws {
        let held = try LoopbackPorts.reserve(1)  // bound, never listening: connecting is refused
        let dead = held[0].port
        let broker = try Self.scriptedCluster(deadPort: dead)
        defer { broker.stop() }
        let result = try await Self.run(["--bootstrap-server", broker.address], timeout: .seconds(20))
        #expect(result.exitCode == 1, "stderr: \(result.stderr)")
        #expect(result.stderrLines == ["Error: 1 of 2 brokers did not answer ApiVersions (see above)"])
        let lines = ProxyCluster.lines(result.stdout)
        try #require(lines.count > 3, "\(result.stdout)")
        #expect(lines[0] == "127.0.0.1:\(broker.port) (id: 1 rack: rack-a isFenced: false) -> (")
        let produceMax = ProduceRequest.versions.lowerBound - 1
        let listOffsetsMin = ListOffsetsRequest.versions.upperBound + 1
        #expect(lines.contains("\tProduce(0): 0 to \(produceMax) [unusable: node too old],"))
        #expect(lines.contains("\tListOffsets(2): \(listOffsetsMin) to \(listOffsetsMin + 1) [unusable: node too new],"))
        #expect(lines.contains("\tMetadata(3): 0 to 12 [usable: \(min(12, MetadataRequest.versions.upperBound))],"))
        #expect(lines.contains("\tApiVersions(18): 0 to 3 [usable: 3],"))
        #expect(lines.contains("\tVote(52): 0 to 1 [unusable: kafkactl does not speak it],"))
        #expect(lines.contains("\tCreateTopics(19): UNSUPPORTED,"))
        // The highest key comes last: no comma.
        #expect(lines.contains("\tUNKNOWN(300): 0 to 2"))
        let error = try #require(lines.last)
        #expect(error.hasPrefix("127.0.0.1:\(dead) (id: 2 rack: null isFenced: false) -> ERROR: "), "\(error)")
        #expect(error.contains("connection refused"), "\(error)")

        let json = try await Self.run(["--bootstrap-server", broker.address, "--output", "json"], timeout: .seconds(20))
        #expect(json.exitCode == 1)
        #expect(json.stderrLines == ["Error: 1 of 2 brokers did not answer ApiVersions (see above)"])
        let brokers = try #require(try json.jsonObject()["brokers"] as? [[String: Any]])
        #expect(brokers.map { $0["id"] as? Int } == [1, 2])
        #expect(brokers[0]["rack"] as? String == "rack-a")
        #expect(brokers[0]["error"] is NSNull)
        let apis = try #require(brokers[0]["apis"] as? [[String: Any]])
        let statuses = Dictionary(uniqueKeysWithValues: apis.map { ($0["key"] as? Int ?? -1, $0["status"] as? String ?? "") })
        #expect(statuses[0] == "node-too-old" && statuses[2] == "node-too-new" && statuses[3] == "usable")
        #expect(statuses[52] == "not-spoken" && statuses[300] == "not-spoken" && statuses[19] == "unsupported")
        #expect((brokers[1]["error"] as? String)?.contains("connection refused") == true)
        #expect((brokers[1]["apis"] as? [Any])?.isEmpty == true)
        withExtendedLifetime(held) {}
    }

    // MARK: bad input

    @Test func anUnknownFlagIsAUsageError() async throws {
        let result = try await Self.run(["--bootstrap-server", "127.0.0.1:9092", "--bogus"])
        #expect(result.exitCode == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["Error: Unknown option '--bogus'", Self.hint])
    }

    @Test func aMissingBootstrapServerIsAUsageError() async throws {
        expectFailure(try await Self.run([]), exitCode: 64,
                      message: "--bootstrap-server must be specified (or bootstrap.servers in --command-config)")
    }

    /// Kafka's tool's other flag: a client properties file, here naming the cluster itself.
    @Test func theCommandConfigFileNamesTheCluster() async throws {
        let bootstrap = try await brokerAddress()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bav-\(UUID().uuidString).properties")
        try Data("bootstrap.servers=\(bootstrap)\nclient.id=bav-test\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try await Self.run(["--command-config", url.path])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("\(bootstrap) (id: "), "\(result.stdout)")

        let missing = try await Self.run(["--bootstrap-server", bootstrap, "--command-config", url.path + ".absent"])
        expectFailure(missing, exitCode: 64, containing: [url.path + ".absent"])
    }

    @Test func anUnreachableBrokerIsOneLineAndExits69() async throws {
        let held = try LoopbackPorts.reserve(1)
        let address = "127.0.0.1:\(held[0].port)"
        let result = try await Self.run(["--bootstrap-server", address], timeout: .seconds(20))
        expectFailure(result, exitCode: 69, containing: ["no broker reachable", address])
        withExtendedLifetime(held) {}
    }
}

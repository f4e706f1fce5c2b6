import NIOCore
import Testing

@testable import AdminCore

/// Every captured frame (Fixtures/README.md) whose API has a generated type and whose version that type covers:
/// decoding it and encoding the result gives back the exact bytes a third-party client or the broker sent.
@Suite("Fixture round trips")
struct FixtureRoundTripTests {
    /// The generated request type of each API, by the fixture folder's name. A new API is one line here; the
    /// skip-list tests below then fail until their expectations are updated, so no fixture goes unnoticed.
    static let requestTypes: [String: any KafkaRequest.Type] = [
        "ApiVersions": ApiVersionsRequest.self,
        "ConsumerGroupDescribe": ConsumerGroupDescribeRequest.self,
        "ConsumerGroupHeartbeat": ConsumerGroupHeartbeatRequest.self,
        "CreatePartitions": CreatePartitionsRequest.self,
        "CreateTopics": CreateTopicsRequest.self,
        "DeleteTopics": DeleteTopicsRequest.self,
        "DescribeCluster": DescribeClusterRequest.self,
        "DescribeConfigs": DescribeConfigsRequest.self,
        "Fetch": FetchRequest.self,
        "FindCoordinator": FindCoordinatorRequest.self,
        "InitProducerId": InitProducerIdRequest.self,
        "ListOffsets": ListOffsetsRequest.self,
        "Metadata": MetadataRequest.self,
        "Produce": ProduceRequest.self,
        "AlterConfigs": AlterConfigsRequest.self,
        "IncrementalAlterConfigs": IncrementalAlterConfigsRequest.self,
        "JoinGroup": JoinGroupRequest.self,
        "SyncGroup": SyncGroupRequest.self,
        "Heartbeat": HeartbeatRequest.self,
        "LeaveGroup": LeaveGroupRequest.self,
        "OffsetCommit": OffsetCommitRequest.self,
        "OffsetFetch": OffsetFetchRequest.self,
        "DescribeClientQuotas": DescribeClientQuotasRequest.self,
        "AlterClientQuotas": AlterClientQuotasRequest.self,
        "DescribeUserScramCredentials": DescribeUserScramCredentialsRequest.self,
        "AlterUserScramCredentials": AlterUserScramCredentialsRequest.self,
        "DeleteGroups": DeleteGroupsRequest.self,
        "DeleteRecords": DeleteRecordsRequest.self,
        "DescribeAcls": DescribeAclsRequest.self,
        "CreateAcls": CreateAclsRequest.self,
        "DeleteAcls": DeleteAclsRequest.self,
        "DescribeLogDirs": DescribeLogDirsRequest.self,
        "AlterReplicaLogDirs": AlterReplicaLogDirsRequest.self,
        "ElectLeaders": ElectLeadersRequest.self,
        "UpdateFeatures": UpdateFeaturesRequest.self,
        "DescribeQuorum": DescribeQuorumRequest.self,
        "DescribeProducers": DescribeProducersRequest.self,
        "DescribeTransactions": DescribeTransactionsRequest.self,
        "ListTransactions": ListTransactionsRequest.self,
        "WriteTxnMarkers": WriteTxnMarkersRequest.self,
        "AddPartitionsToTxn": AddPartitionsToTxnRequest.self,
        "EndTxn": EndTxnRequest.self,
        "AlterPartitionReassignments": AlterPartitionReassignmentsRequest.self,
        "ListPartitionReassignments": ListPartitionReassignmentsRequest.self,
        "DescribeGroups": DescribeGroupsRequest.self,
        "ListGroups": ListGroupsRequest.self,
        "OffsetDelete": OffsetDeleteRequest.self,
        "DescribeTopicPartitions": DescribeTopicPartitionsRequest.self,
        "SaslHandshake": SaslHandshakeRequest.self,
        "SaslAuthenticate": SaslAuthenticateRequest.self,
    ]

    /// Captured frames of supported versions that a correct codec does not give back byte for byte; each has
    /// its own test below that pins down exactly how it differs.
    static let knownDeviations: [String: String] = [
        "ApiVersions/v3-librdkafka-response.hex":
            "Tansu writes all four tagged fields at their defaults; kafkactl, like Kafka, omits them",
        "Metadata/v12-all-topics-2-request.hex":
            "librdkafka writes the null Topics count as 4 bytes (confluentinc/librdkafka#5049); 3 bytes are left over",
        "AlterUserScramCredentials/v0-scram-delete-request.hex":
            "librdkafka writes one 00 byte after the request's tag section; 1 byte is left over",
        "AlterUserScramCredentials/v0-scram-upsert-request.hex":
            "librdkafka writes one 00 byte after the request's tag section; 1 byte is left over",
        "DescribeUserScramCredentials/v0-scram-describe-response.hex":
            "Tansu answers with response header v0 (no tag section) and a null Results, which the schema does not allow",
        "DescribeCluster/v2-cluster-frame-response.hex":
            "Tansu, asked at v2 (above its v1 maximum), answers in v1's layout: no IsFenced; the frame is short by a byte",
        "DescribeGroups/v6-describe-group-frame-response.hex":
            "Tansu, asked at v6 (above its v5 maximum), answers in v5's layout: no ErrorMessage; the frame is short by a byte",
        "CreateTopics/v5-create-topic-response.hex": Self.createTopicsDefaultTag,
        "CreateTopics/v6-create-topic-response.hex": Self.createTopicsDefaultTag,
        "CreateTopics/v7-create-topic-response.hex": Self.createTopicsDefaultTag,
    ]
    static let createTopicsDefaultTag =
        "Tansu writes the tagged TopicConfigErrorCode at its default 0; kafkactl, like Kafka, omits it"

    static func isRoundTripped(_ fixture: Fixture) -> Bool {
        guard let type = requestTypes[fixture.api] else { return false }
        return type.versions.contains(fixture.version) && knownDeviations[fixture.path] == nil
    }

    static let roundTripped = Fixture.all.filter(isRoundTripped)
    static let deviating = Fixture.all.filter { knownDeviations[$0.path] != nil }
    static let outsideSupportedVersions = Fixture.all.filter {
        guard let type = requestTypes[$0.api] else { return false }
        return !type.versions.contains($0.version)
    }
    static let withoutGeneratedType = Fixture.all.filter { requestTypes[$0.api] == nil }

    // MARK: The round trip

    @Test("decoding a captured frame and encoding it again gives the same bytes", arguments: roundTripped)
    func roundTrip(fixture: Fixture) throws {
        let type = try #require(Self.requestTypes[fixture.api])
        let reencoded = try Self.roundTrip(fixture, as: type)
        if let offset = Self.firstDifference(reencoded, fixture.frame) {
            Issue.record(
                """
                \(fixture.path): re-encoded frame differs from byte \(offset) on \
                (ours \(reencoded.count) bytes, captured \(fixture.frame.count))
                ours:     \(Hex.string(reencoded[offset...].prefix(24)))
                captured: \(Hex.string(fixture.frame[offset...].prefix(24)))
                """)
        }
    }

    /// Where two byte strings first differ, or nil if they are equal.
    static func firstDifference(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int? {
        if let index = zip(lhs, rhs).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            return index
        }
        return lhs.count == rhs.count ? nil : min(lhs.count, rhs.count)
    }

    /// Decodes header and body as `Request` (or its response) and returns the re-encoded frame.
    static func roundTrip<Request: KafkaRequest>(_ fixture: Fixture, as type: Request.Type) throws -> [UInt8] {
        var buffer = ByteBuffer(bytes: fixture.frame)
        let size = try buffer.readKafkaInteger(as: Int32.self, field: "Size")
        try #require(Int(size) == buffer.readableBytes, "the size prefix disagrees with the file")
        let version = fixture.version

        var output = ByteBuffer()
        output.writeInteger(Int32(0))
        switch fixture.direction {
        case .request:
            let header = try RequestHeader(from: &buffer) { _, version in Request.requestHeaderVersion(version) }
            #expect(header.apiKey == Request.apiKey)
            #expect(header.apiKey.name == fixture.api)
            #expect(header.apiVersion == version)
            let body = try Request(from: &buffer, version: version)
            #expect(buffer.readableBytes == 0, "the request body left \(buffer.readableBytes) bytes unread")
            header.encode(into: &output, headerVersion: Request.requestHeaderVersion(version))
            try body.encode(into: &output, version: version)
        case .response:
            let headerVersion = Request.responseHeaderVersion(version)
            let header = try ResponseHeader(from: &buffer, headerVersion: headerVersion)
            let body = try Request.Response(from: &buffer, version: version)
            #expect(buffer.readableBytes == 0, "the response body left \(buffer.readableBytes) bytes unread")
            header.encode(into: &output, headerVersion: headerVersion)
            try body.encode(into: &output, version: version)
        }
        output.setInteger(Int32(output.readableBytes - 4), at: output.readerIndex)
        return Array(output.readableBytesView)
    }

    /// Decodes just the body of a fixture as `Message`, checking that it takes every byte.
    static func decodeBody<Message: KafkaMessage>(_ path: String, as type: Message.Type) throws -> Message {
        let fixture = try #require(Fixture.all.first { $0.path == path }, "no fixture \(path)")
        let request = try #require(requestTypes[fixture.api])
        var buffer = ByteBuffer(bytes: fixture.payload)
        switch fixture.direction {
        case .request:
            _ = try RequestHeader(from: &buffer) { _, version in request.requestHeaderVersion(version) }
        case .response:
            _ = try ResponseHeader(from: &buffer, headerVersion: request.responseHeaderVersion(fixture.version))
        }
        let body = try Message(from: &buffer, version: fixture.version)
        #expect(buffer.readableBytes == 0)
        return body
    }

    // MARK: Nothing silently ignored

    /// What the fixture folder held when these tests were written; raise it when fixtures are added.
    static let minimumRoundTripped = 378

    @Test("no fewer captured frames are round-tripped than when these tests were written")
    func enoughFixturesRoundTripped() {
        #expect(Fixture.all.count >= 412, "fixtures could not be loaded from the test bundle")
        #expect(Self.roundTripped.count >= Self.minimumRoundTripped)
        // Both directions and both clients take part.
        #expect(Self.roundTripped.contains { $0.direction == .request })
        #expect(Self.roundTripped.contains { $0.direction == .response })
        #expect(Self.roundTripped.contains { $0.source.hasPrefix("confluent-kafka") })
        #expect(Self.roundTripped.contains { $0.source.hasPrefix("kafka-python") })
    }

    @Test("every fixture file has a well-formed name, a source line and a frame whose size prefix matches")
    func fixturesAreWellFormed() throws {
        let loaded = try Fixture.load()
        #expect(loaded.count == Fixture.all.count)
        for fixture in loaded {
            #expect(fixture.frame.count >= 8, "\(fixture.path) is too short")
            let size = fixture.frame.prefix(4).reduce(0) { $0 << 8 | Int($1) }
            #expect(size == fixture.frame.count - 4, "\(fixture.path): size prefix \(size)")
            #expect(!fixture.label.isEmpty)
            if fixture.direction == .request {
                let key = Int16(fixture.frame[4]) << 8 | Int16(fixture.frame[5])
                let version = Int16(fixture.frame[6]) << 8 | Int16(fixture.frame[7])
                // ApiKey names only the APIs kafkactl knows of; the client-telemetry API (KIP-714) is not one.
                let name = key == 71 ? "GetTelemetrySubscriptions" : ApiKey(rawValue: key).name
                #expect(name == fixture.api, "\(fixture.path) carries API key \(key)")
                #expect(version == fixture.version, "\(fixture.path) carries version \(version)")
            }
        }
    }

    @Test("fixtures of generated APIs outside the versions kafkactl speaks are exactly the known ones")
    func outsideSupportedVersionsAreKnown() {
        // ApiVersions v4 is v3 on the wire, but kafkactl sends at most v3; kafkactl's DescribeConfigs starts at
        // v2 (the classic version), so librdkafka's v1 is not ours; Fetch v16 names topics by id (kafkactl
        // stops at v12); kafkactl's LeaveGroup starts at v2, the classic version.
        #expect(
            Self.outsideSupportedVersions.map(\.path) == [
                "ApiVersions/v4-kafka-python-request.hex",
                "ApiVersions/v4-kafka-python-response.hex",
                "DescribeConfigs/v1-after-alter-request.hex",
                "DescribeConfigs/v1-after-alter-response.hex",
                "DescribeConfigs/v1-topic-request.hex",
                "DescribeConfigs/v1-topic-response.hex",
                "Fetch/v16-assign-2-request.hex",
                "Fetch/v16-assign-2-response.hex",
                "Fetch/v16-assign-3-request.hex",
                "Fetch/v16-assign-3-response.hex",
                "Fetch/v16-assign-request.hex",
                "Fetch/v16-assign-response.hex",
                "Fetch/v16-group-2-request.hex",
                "Fetch/v16-group-2-response.hex",
                "Fetch/v16-group-3-request.hex",
                "Fetch/v16-group-3-response.hex",
                "Fetch/v16-group-request.hex",
                "Fetch/v16-group-response.hex",
                "Fetch/v16-watermarks-request.hex",
                "Fetch/v16-watermarks-response.hex",
                "LeaveGroup/v1-group-request.hex",
                "LeaveGroup/v1-group-response.hex",
            ])
    }

    @Test("fixtures of APIs without a generated type are exactly the known ones, counted per version")
    func withoutGeneratedTypeAreKnown() {
        let counts = Dictionary(grouping: Self.withoutGeneratedType, by: \.apiVersion).mapValues(\.count)
        #expect(
            counts == [
                "GetTelemetrySubscriptions/v0": 2,
            ])
    }

    @Test("every fixture is round-tripped, a known deviation, or on one of the two skip lists")
    func everyFixtureAccountedFor() {
        #expect(Self.deviating.map(\.path).sorted() == Self.knownDeviations.keys.sorted())
        #expect(
            Self.roundTripped.count + Self.deviating.count + Self.outsideSupportedVersions.count
                + Self.withoutGeneratedType.count == Fixture.all.count)
    }

    // MARK: The known deviations

    @Test("a response with every tagged field at its default re-encodes without them and decodes the same")
    func defaultTaggedFieldsAreOmitted() throws {
        let fixture = try #require(Fixture.all.first { $0.path == "ApiVersions/v3-librdkafka-response.hex" })
        let reencoded = try Self.roundTrip(fixture, as: ApiVersionsRequest.self)

        // The captured body ends in a section holding tags 0-3, each at its default:
        // 04 | 00 01 01 (no SupportedFeatures) | 01 08 ff*8 (FinalizedFeaturesEpoch -1)
        //    | 02 01 01 (no FinalizedFeatures) | 03 01 00 (ZkMigrationReady false)
        let defaults = Hex.bytes("04 00 01 01 01 08 ff ff ff ff ff ff ff ff 02 01 01 03 01 00")
        #expect(Array(fixture.frame.suffix(defaults.count)) == defaults)
        let body = try Self.decodeBody(fixture.path, as: ApiVersionsResponse.self)
        #expect(body.supportedFeatures.isEmpty)
        #expect(body.finalizedFeaturesEpoch == -1)
        #expect(body.finalizedFeatures.isEmpty)
        #expect(!body.zkMigrationReady)
        #expect(body.unknownTaggedFields.isEmpty)

        // Ours is the same frame with an empty section instead, and the size prefix to match.
        var expected = Array(fixture.frame.dropLast(defaults.count)) + [0x00]
        let size = expected.count - 4
        expected.replaceSubrange(0..<4, with: (0..<4).map { UInt8(truncatingIfNeeded: size >> (24 - 8 * $0)) })
        #expect(Hex.string(reencoded) == Hex.string(expected))

        var again = ByteBuffer(bytes: reencoded.dropFirst(8))
        #expect(try ApiVersionsResponse(from: &again, version: 3) == body)
        #expect(again.readableBytes == 0)
    }

    @Test(
        "a created topic's TopicConfigErrorCode written at its default re-encodes without it and decodes the same",
        arguments: [Int16(5), 6, 7])
    func defaultTopicConfigErrorCodeIsOmitted(version: Int16) throws {
        let path = "CreateTopics/v\(version)-create-topic-response.hex"
        let fixture = try #require(Fixture.all.first { $0.path == path })
        let reencoded = try Self.roundTrip(fixture, as: CreateTopicsRequest.self)
        let body = try Self.decodeBody(path, as: CreateTopicsResponse.self)
        let topic = try #require(body.topics.first)
        #expect(body.topics.count == 1)
        #expect(topic.name == "golden-orders")
        #expect(topic.errorCode == 0)
        #expect(topic.topicConfigErrorCode == 0)
        #expect(topic.numPartitions == 3)
        #expect(topic.replicationFactor == 1)
        #expect(topic.unknownTaggedFields.isEmpty)

        // The captured topic ends in a section holding tag 0 (2 bytes, 00 00), then the body's empty section:
        // 01 | 00 02 00 00 | 00. Ours has an empty section for the topic instead: 00 | 00.
        let section = Hex.bytes("01 00 02 00 00 00")
        #expect(Array(fixture.frame.suffix(section.count)) == section)
        var expected = Array(fixture.frame.dropLast(section.count)) + [0x00, 0x00]
        let size = expected.count - 4
        expected.replaceSubrange(0..<4, with: (0..<4).map { UInt8(truncatingIfNeeded: size >> (24 - 8 * $0)) })
        #expect(Hex.string(reencoded) == Hex.string(expected))

        let headerVersion = CreateTopicsRequest.responseHeaderVersion(version)
        var again = ByteBuffer(bytes: reencoded.dropFirst(4))
        _ = try ResponseHeader(from: &again, headerVersion: headerVersion)
        #expect(try CreateTopicsResponse(from: &again, version: version) == body)
        #expect(again.readableBytes == 0)
    }

    @Test("Tansu's answers above its maximum version are its maximum version's layout, which kafkactl reads exactly")
    func answersAboveTheBrokersMaximum() throws {
        // At the asked version the decoder runs out of bytes where the missing field pushed everything along.
        let cluster = try #require(Fixture.all.first { $0.path == "DescribeCluster/v2-cluster-frame-response.hex" })
        #expect(throws: (any Error).self) { try Self.roundTrip(cluster, as: DescribeClusterRequest.self) }
        let groups = try #require(Fixture.all.first { $0.path == "DescribeGroups/v6-describe-group-frame-response.hex" })
        #expect(throws: (any Error).self) { try Self.roundTrip(groups, as: DescribeGroupsRequest.self) }

        // At the broker's own maximum the same bytes are a complete, well-formed answer.
        var buffer = ByteBuffer(bytes: cluster.payload)
        _ = try ResponseHeader(from: &buffer, headerVersion: DescribeClusterRequest.responseHeaderVersion(1))
        let described = try DescribeClusterResponse(from: &buffer, version: 1)
        #expect(buffer.readableBytes == 0)
        #expect(described.clusterId == "tansu_cluster")
        #expect(described.controllerId == 111)
        #expect(described.brokers.map(\.brokerId) == [111])

        buffer = ByteBuffer(bytes: groups.payload)
        _ = try ResponseHeader(from: &buffer, headerVersion: DescribeGroupsRequest.responseHeaderVersion(5))
        let group = try DescribeGroupsResponse(from: &buffer, version: 5)
        #expect(buffer.readableBytes == 0)
        #expect(group.groups.map(\.groupId) == ["golden-group"])
        #expect(group.groups.map(\.groupState) == ["Empty"])
    }

    @Test("librdkafka's all-topics Metadata v12 request carries its 4-byte null count, read as a broker reads it")
    func librdkafkaNullTopicsCount() throws {
        let fixture = try #require(Fixture.all.first { $0.path == "Metadata/v12-all-topics-2-request.hex" })
        var buffer = ByteBuffer(bytes: fixture.payload)
        let header = try RequestHeader(from: &buffer) { _, version in MetadataRequest.requestHeaderVersion(version) }
        #expect(header.apiVersion == 12)
        // librdkafka meant: Topics null (as 00 00 00 00), AllowAutoTopicCreation true, IncludeTopicAuthorized-
        // Operations false, no tags. A reader of compact fields sees the first four bytes as the whole body.
        #expect(Array(buffer.readableBytesView) == Hex.bytes("00 00 00 00 01 00 00"))
        let body = try MetadataRequest(from: &buffer, version: 12)
        #expect(body.topics == nil)
        #expect(!body.allowAutoTopicCreation)
        #expect(!body.includeTopicAuthorizedOperations)
        #expect(Array(buffer.readableBytesView) == [0x01, 0x00, 0x00])

        // What kafkactl sends for the same question is four bytes shorter.
        let ours = try MetadataRequest(topics: nil, allowAutoTopicCreation: true)
            .encodeFrame(version: 12, correlationId: header.correlationId, clientId: header.clientId)
        #expect(Array(ours.readableBytesView.suffix(4)) == Hex.bytes("00 01 00 00"))
        #expect(ours.readableBytes == fixture.frame.count - 3)
    }

    // MARK: Pairs and values

    @Test("the pin runs' answers decode to what their steps did")
    func pinRunValues() throws {
        let join = try Self.decodeBody("JoinGroup/v9-raw-join-response.hex", as: JoinGroupResponse.self)
        #expect(join.errorCode == ErrorCode.memberIdRequired.rawValue)   // KIP-394: a new member rejoins with its id
        #expect(join.memberId.hasPrefix("golden-admin-"))
        #expect(join.members.isEmpty)

        let handshake = try Self.decodeBody("SaslHandshake/v1-sasl-plain-response.hex", as: SaslHandshakeResponse.self)
        #expect(handshake.errorCode == ErrorCode.unsupportedSaslMechanism.rawValue)
        #expect(handshake.mechanisms == ["PLAIN"])
        for version in 0...2 {
            let path = "SaslAuthenticate/v\(version)-sasl-authenticate-response.hex"
            let answer = try Self.decodeBody(path, as: SaslAuthenticateResponse.self)
            #expect(answer.errorCode == ErrorCode.illegalSaslState.rawValue, "\(path)")
        }

        for path in ["InitProducerId/v3-idempotent-response.hex", "InitProducerId/v5-raw-init-producer-id-response.hex"] {
            let answer = try Self.decodeBody(path, as: InitProducerIdResponse.self)
            #expect(answer.errorCode == 0, "\(path)")
            #expect(answer.producerId >= 0, "\(path)")
        }
        for version in 2...5 {
            let path = "ListGroups/v\(version)-list-groups-response.hex"
            let answer = try Self.decodeBody(path, as: ListGroupsResponse.self)
            #expect(answer.groups.map(\.groupId).sorted() == ["golden-assign", "golden-group"], "\(path)")
        }
        for version in 1...2 {
            let path = "DeleteGroups/v\(version)-delete-group-response.hex"
            let answer = try Self.decodeBody(path, as: DeleteGroupsResponse.self)
            #expect(answer.results.map { "\($0.groupId) \($0.errorCode)" } == ["golden-group 0"], "\(path)")
        }
        let partitions = try Self.decodeBody(
            "DescribeTopicPartitions/v0-topic-partitions-response.hex", as: DescribeTopicPartitionsResponse.self)
        #expect(partitions.topics.map(\.name) == ["golden-orders"])
        #expect(partitions.topics.first?.partitions.map(\.partitionIndex) == [0, 1, 2])
        #expect(partitions.topics.first?.partitions.allSatisfy { $0.leaderId == 111 } == true)
    }

    @Test("every response has its request, with the same correlation id; unanswered requests say why")
    func responsesMatchRequests() {
        let byPath = Dictionary(uniqueKeysWithValues: Fixture.all.map { ($0.path, $0) })
        for request in Fixture.all where request.direction == .request {
            let responsePath = String(request.path.dropLast("-request.hex".count)) + "-response.hex"
            guard let response = byPath[responsePath] else {
                #expect(
                    request.source.hasSuffix("[no response: the broker closed the connection]"),
                    "\(request.path) has no response and does not say why")
                continue
            }
            #expect(Array(response.frame[4..<8]) == Array(request.frame[8..<12]), "\(response.path)")
        }
        for response in Fixture.all where response.direction == .response {
            let requestPath = String(response.path.dropLast("-response.hex".count)) + "-request.hex"
            #expect(byPath[requestPath] != nil, "\(response.path) has no request")
        }
    }

    @Test("decoded fixtures carry the values their scenario describes")
    func decodedValues() throws {
        let created = try Self.decodeBody("CreateTopics/v4-create-topic-request.hex", as: CreateTopicsRequest.self)
        #expect(created.topics.map(\.name) == ["golden-orders"])
        #expect(created.topics.first?.numPartitions == 3)
        #expect(created.topics.first?.replicationFactor == 1)
        #expect(created.topics.first?.configs.map(\.name) == ["cleanup.policy"])
        #expect(created.topics.first?.configs.map(\.value) == ["compact"])

        for path in ["CreateTopics/v3-already-exists-response.hex", "CreateTopics/v4-already-exists-response.hex"] {
            let answer = try Self.decodeBody(path, as: CreateTopicsResponse.self)
            #expect(answer.topics.map(\.name) == ["golden-orders"], "\(path)")
            #expect(answer.topics.map(\.errorCode) == [ErrorCode.topicAlreadyExists.rawValue], "\(path)")
        }
        for path in ["DeleteTopics/v3-unknown-topic-response.hex", "DeleteTopics/v4-unknown-topic-response.hex"] {
            let answer = try Self.decodeBody(path, as: DeleteTopicsResponse.self)
            #expect(answer.responses.map(\.name) == ["golden-no-such-topic"], "\(path)")
            #expect(answer.responses.map(\.errorCode) == [ErrorCode.unknownTopicOrPartition.rawValue], "\(path)")
        }
        for path in ["Metadata/v7-one-topic-response.hex", "Metadata/v12-one-topic-response.hex"] {
            let metadata = try Self.decodeBody(path, as: MetadataResponse.self)
            #expect(metadata.clusterId == "tansu_cluster", "\(path)")
            #expect(metadata.brokers.map(\.nodeId) == [111], "\(path)")
            #expect(metadata.topics.map(\.name) == ["golden-orders"], "\(path)")
            #expect(metadata.topics.first?.partitions.count == 3, "\(path)")
        }
        let versions = try Self.decodeBody("ApiVersions/v3-librdkafka-response.hex", as: ApiVersionsResponse.self)
        #expect(versions.errorCode == 0)
        #expect(versions.apiKeys.contains { $0.apiKey == ApiKey.apiVersions.rawValue && $0.maxVersion >= 3 })
    }
}

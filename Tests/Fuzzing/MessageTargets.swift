import AdminCore
import NIOCore

/// One response decoder at one version. Seeds: the captured responses of that API and version, every captured
/// response of the API re-encoded at this version (so versions no client used still start from real shapes), and
/// the default message.
struct ResponseTarget<Request: KafkaRequest>: FuzzTarget {
    let version: Int16
    let seeds: [[UInt8]]
    var family: FuzzFamily { .messages }
    var name: String { "\(Request.apiKey.name)Response v\(version)" }

    init(version: Int16, fixtures: SeedCorpus, defaultMessage: Request.Response) {
        self.version = version
        var seeds: [[UInt8]] = []
        for frame in fixtures.responses(api: Request.apiKey.name) {
            guard var body = Self.body(of: frame), Request.versions.contains(frame.version),
                let message = try? Request.Response(from: &body, version: frame.version)
            else { continue }
            if frame.version == version, let original = Self.body(of: frame) { seeds.append(Array(original.readableBytesView)) }
            if let encoded = try? Self.encode(message, version: version) { seeds.append(encoded) }
        }
        if let encoded = try? Self.encode(defaultMessage, version: version) { seeds.append(encoded) }
        seeds += Self.populatedSeeds(version: version, minimumSize: seeds.map(\.count).max() ?? 0)
        self.seeds = seeds
    }

    /// Messages with every array holding elements, for APIs no captured frame shows populated: repeated byte
    /// patterns that read as small lengths and counts (`00 01`, compact `02`) often decode into full messages,
    /// which are then kept in their re-encoded form.
    static func populatedSeeds(version: Int16, minimumSize: Int) -> [[UInt8]] {
        let patterns: [[UInt8]] = [[0x02], [0x01], [0x00, 0x01], [0x00, 0x00, 0x00, 0x01], [0x02, 0x61], [0x00, 0x00, 0x00, 0x02],
                                   [0x00, 0x01, 0x61], [0x03, 0x61, 0x62]]
        var found: [[UInt8]] = []
        for pattern in patterns {
            for length in [48, 160, 600] {
                var buffer = ByteBuffer(bytes: (0..<length).map { pattern[$0 % pattern.count] })
                guard let message = try? Request.Response(from: &buffer, version: version),
                    let encoded = try? encode(message, version: version), encoded.count > minimumSize, !found.contains(encoded)
                else { continue }
                found.append(encoded)
            }
        }
        return Array(found.prefix(4))
    }

    /// The response body of a captured frame: after the size, the correlation id and (v1 headers) the tags.
    static func body(of frame: SeedCorpus.Frame) -> ByteBuffer? {
        var buffer = ByteBuffer(bytes: frame.bytes.dropFirst(4))
        guard (try? ResponseHeader(from: &buffer, headerVersion: Request.responseHeaderVersion(frame.version))) != nil
        else { return nil }
        return buffer
    }

    static func encode(_ message: Request.Response, version: Int16) throws -> [UInt8] {
        var buffer = ByteBuffer()
        try message.encode(into: &buffer, version: version)
        return Array(buffer.readableBytesView)
    }

    func run(_ input: [UInt8]) throws {
        var buffer = ByteBuffer(bytes: input)
        guard let message = try expectTypedFailure({ try Request.Response(from: &buffer, version: version) }) else { return }
        // What was decoded must encode, and what it encodes to must decode to something that encodes the same:
        // a decoder that accepts what the encoder cannot write (or the reverse) loses data silently.
        let first: [UInt8]
        do { first = try Self.encode(message, version: version) } catch {
            throw PropertyViolation("decoded, but the message does not encode again: \(error)")
        }
        var again = ByteBuffer(bytes: first)
        let reread: Request.Response
        do { reread = try Request.Response(from: &again, version: version) } catch {
            throw PropertyViolation("the re-encoded message does not decode: \(error)")
        }
        guard again.readableBytes == 0 else { throw PropertyViolation("the re-encoded message leaves \(again.readableBytes) bytes unread") }
        guard (try? Self.encode(reread, version: version)) == first else {
            throw PropertyViolation("encoding is not stable across a decode")
        }
    }
}

/// Every generated response type, at every version kafkactl speaks.
enum MessageTargets {
    static func all(fixtures: SeedCorpus) -> [FuzzTarget] {
        var targets: [FuzzTarget] = []
        func add<R: KafkaRequest>(_ request: R.Type, _ defaultMessage: R.Response) {
            for version in R.versions { targets.append(ResponseTarget<R>(version: version, fixtures: fixtures, defaultMessage: defaultMessage)) }
        }
        add(AlterClientQuotasRequest.self, AlterClientQuotasResponse())
        add(AlterConfigsRequest.self, AlterConfigsResponse())
        add(AlterUserScramCredentialsRequest.self, AlterUserScramCredentialsResponse())
        add(ApiVersionsRequest.self, ApiVersionsResponse())
        add(ConsumerGroupDescribeRequest.self, ConsumerGroupDescribeResponse())
        add(ConsumerGroupHeartbeatRequest.self, ConsumerGroupHeartbeatResponse())
        add(CreatePartitionsRequest.self, CreatePartitionsResponse())
        add(CreateTopicsRequest.self, CreateTopicsResponse())
        add(DeleteGroupsRequest.self, DeleteGroupsResponse())
        add(DeleteRecordsRequest.self, DeleteRecordsResponse())
        add(DescribeAclsRequest.self, DescribeAclsResponse())
        add(CreateAclsRequest.self, CreateAclsResponse())
        add(DeleteAclsRequest.self, DeleteAclsResponse())
        add(DescribeLogDirsRequest.self, DescribeLogDirsResponse())
        add(AlterReplicaLogDirsRequest.self, AlterReplicaLogDirsResponse())
        add(ElectLeadersRequest.self, ElectLeadersResponse())
        add(DescribeQuorumRequest.self, DescribeQuorumResponse())
        add(DescribeProducersRequest.self, DescribeProducersResponse())
        add(DescribeTransactionsRequest.self, DescribeTransactionsResponse())
        add(ListTransactionsRequest.self, ListTransactionsResponse())
        add(WriteTxnMarkersRequest.self, WriteTxnMarkersResponse())
        add(AddPartitionsToTxnRequest.self, AddPartitionsToTxnResponse())
        add(EndTxnRequest.self, EndTxnResponse())
        add(AlterPartitionReassignmentsRequest.self, AlterPartitionReassignmentsResponse())
        add(ListPartitionReassignmentsRequest.self, ListPartitionReassignmentsResponse())
        add(UpdateFeaturesRequest.self, UpdateFeaturesResponse())
        add(DeleteTopicsRequest.self, DeleteTopicsResponse())
        add(DescribeClientQuotasRequest.self, DescribeClientQuotasResponse())
        add(DescribeClusterRequest.self, DescribeClusterResponse())
        add(DescribeConfigsRequest.self, DescribeConfigsResponse())
        add(DescribeTopicPartitionsRequest.self, DescribeTopicPartitionsResponse())
        add(DescribeGroupsRequest.self, DescribeGroupsResponse())
        add(DescribeUserScramCredentialsRequest.self, DescribeUserScramCredentialsResponse())
        add(FetchRequest.self, FetchResponse())
        add(FindCoordinatorRequest.self, FindCoordinatorResponse())
        add(HeartbeatRequest.self, HeartbeatResponse())
        add(IncrementalAlterConfigsRequest.self, IncrementalAlterConfigsResponse())
        add(InitProducerIdRequest.self, InitProducerIdResponse())
        add(JoinGroupRequest.self, JoinGroupResponse())
        add(LeaveGroupRequest.self, LeaveGroupResponse())
        add(ListGroupsRequest.self, ListGroupsResponse())
        add(ListOffsetsRequest.self, ListOffsetsResponse())
        add(MetadataRequest.self, MetadataResponse())
        add(OffsetCommitRequest.self, OffsetCommitResponse())
        add(OffsetDeleteRequest.self, OffsetDeleteResponse())
        add(OffsetFetchRequest.self, OffsetFetchResponse())
        add(ProduceRequest.self, ProduceResponse())
        add(SaslAuthenticateRequest.self, SaslAuthenticateResponse())
        add(SaslHandshakeRequest.self, SaslHandshakeResponse())
        add(SyncGroupRequest.self, SyncGroupResponse())
        return targets
    }
}

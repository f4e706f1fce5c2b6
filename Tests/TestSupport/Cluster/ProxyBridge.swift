import AdminCore
import NIOCore

/// Carries a request across versions when the release a virtual node presents lets the client pick a version the
/// real broker cannot serve (Kafka 4.0 lists DescribeGroups v6, the test broker stops at v5) or serves wrongly (the
/// test broker fails InitProducerId v1, Kafka 2.1's maximum): the request is re-encoded at a version the broker
/// serves and the answer re-encoded at the client's version, with the project's codecs. The client still encodes and
/// decodes the release's version; only the broker's side of the conversation changes.
struct ProxyBridge: Sendable {
    let api: ApiKey
    let clientVersion: Int16
    let brokerVersion: Int16

    /// Versions the test broker lists but answers wrongly, and the version to ask at instead: InitProducerId v1
    /// (BROKER.md) and, measured here, v2 both answer UNKNOWN_SERVER_ERROR; v3 works and has their meaning when
    /// the fields v3 added keep their defaults.
    static let brokenVersions: [Int16: [Int16: Int16]] = [ApiKey.initProducerId.rawValue: [1: 3, 2: 3]]

    /// The bridge a request at `version` needs, or nil when the broker serves that version as it is.
    static func needed(api: ApiKey, version: Int16, broker: ApiVersionTable) -> ProxyBridge? {
        if let target = brokenVersions[api.rawValue]?[version] {
            return ProxyBridge(api: api, clientVersion: version, brokerVersion: target)
        }
        guard let range = broker.ranges[api.rawValue], version > range.upperBound else { return nil }
        return ProxyBridge(api: api, clientVersion: version, brokerVersion: range.upperBound)
    }

    /// The request frame at the broker's version.
    func request(_ frame: ByteBuffer) throws -> ByteBuffer {
        try Self.dispatch(api) { type in try Self.reencodeRequest(type, frame, to: brokerVersion) }
    }

    /// A response frame at the broker's version, at the client's.
    func response(_ frame: ByteBuffer) throws -> ByteBuffer {
        try Self.dispatch(api) { type in try Self.reencodeResponse(type, frame, from: brokerVersion, to: clientVersion) }
    }

    private static func reencodeRequest<R: KafkaRequest>(_ type: R.Type, _ frame: ByteBuffer, to version: Int16) throws -> ByteBuffer {
        var (header, request) = try ProxyCodec.request(R.self, from: frame)
        header.apiVersion = version
        return try ProxyCodec.requestFrame(header, request)
    }

    private static func reencodeResponse<R: KafkaRequest>(
        _ type: R.Type, _ frame: ByteBuffer, from: Int16, to: Int16
    ) throws -> ByteBuffer {
        var buffer = frame
        let header = try ResponseHeader(from: &buffer, headerVersion: R.responseHeaderVersion(from))
        let response = try R.Response(from: &buffer, version: from)
        var out = ByteBuffer()
        header.encode(into: &out, headerVersion: R.responseHeaderVersion(to))
        try response.encode(into: &out, version: to)
        return out
    }

    /// Calls `body` with the request type of `api` (the APIs kafkactl sends).
    private static func dispatch<T>(_ api: ApiKey, _ body: (any KafkaRequest.Type) throws -> T) throws -> T {
        let types: [Int16: any KafkaRequest.Type] = [
            0: ProduceRequest.self, 1: FetchRequest.self, 2: ListOffsetsRequest.self, 3: MetadataRequest.self,
            8: OffsetCommitRequest.self, 9: OffsetFetchRequest.self, 10: FindCoordinatorRequest.self,
            11: JoinGroupRequest.self, 12: HeartbeatRequest.self, 13: LeaveGroupRequest.self, 14: SyncGroupRequest.self,
            15: DescribeGroupsRequest.self, 16: ListGroupsRequest.self, 19: CreateTopicsRequest.self,
            20: DeleteTopicsRequest.self, 22: InitProducerIdRequest.self, 32: DescribeConfigsRequest.self,
            33: AlterConfigsRequest.self, 37: CreatePartitionsRequest.self, 42: DeleteGroupsRequest.self,
            44: IncrementalAlterConfigsRequest.self, 47: OffsetDeleteRequest.self, 60: DescribeClusterRequest.self,
            75: DescribeTopicPartitionsRequest.self,
        ]
        guard let type = types[api.rawValue] else { throw ProxyError("no codec to bridge \(api) across versions") }
        return try body(type)
    }
}

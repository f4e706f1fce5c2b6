import AdminCore
import NIOCore

/// A virtual node answering as an older Apache Kafka release would (issue 16): its ApiVersions answer is the
/// release's table (`KafkaReleases`), an ApiVersions request above the release's maximum gets UNSUPPORTED_VERSION
/// with the v0 layout (as a broker answers a newer client, KIP-511), and any other request for a key the release
/// lacks or outside its range closes the connection, as Kafka's network layer does when it cannot parse a request.
/// Requests in range go to the real broker unchanged, so the client decodes the broker's own encodings of old
/// versions.
struct ProxyRelease: Sendable {
    let release: KafkaReleases.Release
    /// The real broker's own ranges, for the requests that need a `ProxyBridge`.
    let broker: ApiVersionTable

    /// The plan for a request this release would not serve as the real broker would, or nil to route it as usual.
    func intercept(_ frame: ByteBuffer, api: ApiKey) throws -> ProxyPlan? {
        let table = release.table
        if api == .apiVersions { return try answerApiVersions(frame) }
        guard let range = table.ranges[api.rawValue],
              let version = frame.getInteger(at: frame.readerIndex + 2, as: Int16.self), range.contains(version)
        else { return ProxyPlan(action: .close) }
        return nil
    }

    private func answerApiVersions(_ frame: ByteBuffer) throws -> ProxyPlan {
        var (header, _) = try ProxyCodec.request(ApiVersionsRequest.self, from: frame)
        let keys = release.table.ranges.sorted { $0.key < $1.key }.map {
            ApiVersionsResponse.ApiVersion(apiKey: $0.key, minVersion: $0.value.lowerBound, maxVersion: $0.value.upperBound)
        }
        let supported = release.table.ranges[ApiKey.apiVersions.rawValue] ?? 0...0
        if header.apiVersion > supported.upperBound {
            header.apiVersion = 0
            return ProxyPlan(action: .answer(try ProxyCodec.responseFrame(
                ApiVersionsRequest.self, to: header, ApiVersionsResponse(errorCode: ErrorCode.unsupportedVersion.rawValue, apiKeys: keys))))
        }
        return ProxyPlan(action: .answer(try ProxyCodec.responseFrame(
            ApiVersionsRequest.self, to: header, ApiVersionsResponse(errorCode: 0, apiKeys: keys))))
    }
}

/// The test broker's quirk with OffsetFetch below v8 for every topic of a group (Topics null): its answer leaves the
/// topics array out (BROKER.md), where Kafka answers with every committed offset. A virtual node asks the broker in
/// v8's groups form instead and answers at the client's version, so old-version clients get Kafka's answer.
enum OffsetFetchUpgrade {
    static func plan(_ frame: ByteBuffer, restore: @escaping @Sendable (inout OffsetFetchResponse) -> Void = { _ in }) throws -> ProxyPlan? {
        let (header, request) = try ProxyCodec.request(OffsetFetchRequest.self, from: frame)
        guard header.apiVersion < 8, request.topics == nil else { return nil }
        var upgraded = header
        upgraded.apiVersion = 8
        let asked = OffsetFetchRequest(groups: [.init(groupId: request.groupId, topics: nil)], requireStable: request.requireStable)
        let forwarded = try ProxyCodec.requestFrame(upgraded, asked)
        let clientVersion = header.apiVersion
        return .forward(forwarded) { answer in
            var buffer = answer
            let responseHeader = try ResponseHeader(from: &buffer, headerVersion: OffsetFetchRequest.responseHeaderVersion(8))
            let groups = try OffsetFetchResponse(from: &buffer, version: 8)
            let group = groups.groups.first
            var response = OffsetFetchResponse(
                throttleTimeMs: groups.throttleTimeMs,
                topics: (group?.topics ?? []).map { topic in
                    .init(name: topic.name, partitions: topic.partitions.map {
                        .init(partitionIndex: $0.partitionIndex, committedOffset: $0.committedOffset,
                              committedLeaderEpoch: $0.committedLeaderEpoch, metadata: $0.metadata, errorCode: $0.errorCode)
                    })
                },
                errorCode: group?.errorCode ?? 0)
            restore(&response)
            var out = ByteBuffer()
            responseHeader.encode(into: &out, headerVersion: OffsetFetchRequest.responseHeaderVersion(clientVersion))
            try response.encode(into: &out, version: clientVersion)
            return out
        }
    }
}

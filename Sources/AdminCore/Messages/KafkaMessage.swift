import NIOCore

/// A request or response body that knows how to write and read itself at any version of its API.
/// The conforming types are generated from `Schemas/*.schema`; see `generate-messages`.
public protocol KafkaMessage: Sendable, Hashable {
    init(from buffer: inout ByteBuffer, version: Int16) throws
    func encode(into buffer: inout ByteBuffer, version: Int16) throws
}

/// Where a request has to go for the cluster to act on it.
public enum RequestRoute: Sendable, Hashable {
    /// Any broker can answer (Metadata, DescribeConfigs for topics, ...).
    case any
    /// The controller named in Metadata (CreateTopics, DeleteTopics, CreatePartitions).
    case controller
    /// The coordinator of a group (FindCoordinator tells which).
    case coordinator
    /// The leader of each partition the request names.
    case leader
    /// A particular broker chosen by the caller.
    case node
}

public protocol KafkaRequest: KafkaMessage {
    associatedtype Response: KafkaResponse
    static var apiKey: ApiKey { get }
    /// The versions kafkactl can encode and decode.
    static var versions: ClosedRange<Int16> { get }
    /// The first version that uses compact encodings and tagged fields, or nil if none does.
    static var firstFlexibleVersion: Int16? { get }
    static var route: RequestRoute { get }
}

public protocol KafkaResponse: KafkaMessage {}

extension KafkaRequest {
    public static func isFlexible(_ version: Int16) -> Bool {
        guard let first = firstFlexibleVersion else { return false }
        return version >= first
    }

    /// Request header v2 for flexible versions, v1 otherwise.
    public static func requestHeaderVersion(_ version: Int16) -> Int16 { isFlexible(version) ? 2 : 1 }

    /// Response header v1 for flexible versions, v0 otherwise; ApiVersions always answers with v0 so that a
    /// client can read the error code of a version the broker did not understand.
    public static func responseHeaderVersion(_ version: Int16) -> Int16 {
        apiKey == .apiVersions ? 0 : (isFlexible(version) ? 1 : 0)
    }
}

extension KafkaRequest {
    /// A complete frame: size prefix, request header and body.
    public func encodeFrame(
        version: Int16, correlationId: Int32, clientId: String?, allocator: ByteBufferAllocator = ByteBufferAllocator()
    ) throws -> ByteBuffer {
        var buffer = allocator.buffer(capacity: 128)
        buffer.writeInteger(Int32(0))
        RequestHeader(apiKey: Self.apiKey, apiVersion: version, correlationId: correlationId, clientId: clientId)
            .encode(into: &buffer, headerVersion: Self.requestHeaderVersion(version))
        try encode(into: &buffer, version: version)
        buffer.setInteger(Int32(buffer.readableBytes - 4), at: buffer.readerIndex)
        return buffer
    }
}

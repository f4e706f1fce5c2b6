import NIOCore

/// A request or response body that knows how to write and read itself at any version of its API.
/// The conforming types are generated from `Schemas/*.schema`; see `generate-messages`.
public protocol KafkaMessage: Sendable, Hashable {
    init(from buffer: inout ByteBuffer, version: Int16) throws
    func encode(into buffer: inout ByteBuffer, version: Int16) throws
}

public protocol KafkaRequest: KafkaMessage {
    associatedtype Response: KafkaResponse
    static var apiKey: ApiKey { get }
    /// The versions kafkactl can encode and decode.
    static var versions: ClosedRange<Int16> { get }
    /// The first version that uses compact encodings and tagged fields, or nil if none does.
    static var firstFlexibleVersion: Int16? { get }
}

// Where a request goes, as a type. The generator declares each request type's marker from its schema's `route`,
// and `KafkaClient` has one `send` per marker: a call site says what it asks (and, where the route needs it, which
// group, node or config resource), and the client finds the broker.

/// Any broker can answer (Metadata, FindCoordinator, DescribeCluster, ...).
public protocol AnyBrokerRequest: KafkaRequest {}

/// The controller named in Metadata must act (CreateTopics, DeleteTopics, CreatePartitions); a KRaft cluster
/// names a broker that forwards it.
public protocol ControllerRequest: KafkaRequest {}

/// The coordinator of a consumer group must answer (FindCoordinator names it).
public protocol GroupCoordinatorRequest: KafkaRequest {
    /// The group whose coordinator answers. A request naming several groups names groups of one coordinator
    /// (`KafkaClient.onCoordinators` splits them so); this is the first.
    var coordinatorGroup: String { get }
}

/// The coordinator of a transactional id must answer (FindCoordinator with key type 1, TRANSACTION, names it).
public protocol TransactionCoordinatorRequest: KafkaRequest {
    /// The transactional id whose coordinator answers. A request naming several ids names ids of one coordinator;
    /// this is the first. Nil for a request that belongs to no transaction (InitProducerId for idempotence only),
    /// which any broker answers, as Kafka's producer sends it to the least loaded node.
    var coordinatorTransactionalId: String? { get }
}

/// The leader of each partition the request names must answer (Produce, Fetch, ListOffsets, DeleteRecords): sent
/// one request per leader by `KafkaClient.onLeaders`, or on a leader's connection by the producer and consumer.
public protocol PartitionLeaderRequest: KafkaRequest {}

/// Each broker answers for itself (ApiVersions, ListGroups): the caller names the broker, or asks every broker
/// with `KafkaClient.onEveryBroker`.
public protocol BrokerLocalRequest: KafkaRequest {}

/// The broker whose config it reads or changes must answer for a broker resource; any broker for the others
/// (topics, groups, the cluster-wide broker default).
public protocol ConfigResourceRequest: KafkaRequest {
    /// The node whose own config the request names, or nil when any broker may answer.
    var configOwner: Int32? { get }
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

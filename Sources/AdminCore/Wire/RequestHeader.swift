import NIOCore

/// The header in front of every request body. v1 for classic versions, v2 (with a tagged-field section) for
/// flexible ones. `clientId` keeps its int16 length even in v2 so any broker can read the header.
public struct RequestHeader: Hashable, Sendable {
    public var apiKey: ApiKey
    public var apiVersion: Int16
    public var correlationId: Int32
    public var clientId: String?
    public var unknownTaggedFields: [TaggedField] = []

    public init(apiKey: ApiKey, apiVersion: Int16, correlationId: Int32, clientId: String?) {
        self.apiKey = apiKey
        self.apiVersion = apiVersion
        self.correlationId = correlationId
        self.clientId = clientId
    }

    /// Byte offset of the correlation id inside an encoded header, so a frame can be re-addressed cheaply.
    public static let correlationIdOffset = 4

    public func encode(into buffer: inout ByteBuffer, headerVersion: Int16) {
        buffer.writeInteger(apiKey.rawValue)
        buffer.writeInteger(apiVersion)
        buffer.writeInteger(correlationId)
        buffer.writeKafkaNullableString(clientId, compact: false)
        if headerVersion >= 2 { buffer.writeTaggedFields(unknownTaggedFields) }
    }

    /// Reads a header; the header version follows from the API and version, which a reader learns from the
    /// first four bytes, so callers pass a function that decides it.
    public init(from buffer: inout ByteBuffer, headerVersion: (ApiKey, Int16) -> Int16) throws {
        let key = ApiKey(rawValue: try buffer.readKafkaInteger(as: Int16.self, field: "RequestHeader.RequestApiKey"))
        let version = try buffer.readKafkaInteger(as: Int16.self, field: "RequestHeader.RequestApiVersion")
        let correlation = try buffer.readKafkaInteger(as: Int32.self, field: "RequestHeader.CorrelationId")
        let client = try buffer.readKafkaNullableString(compact: false, field: "RequestHeader.ClientId")
        self.init(apiKey: key, apiVersion: version, correlationId: correlation, clientId: client)
        if headerVersion(key, version) >= 2 {
            let count = try buffer.readTaggedFieldCount(field: "RequestHeader")
            for _ in 0..<count { unknownTaggedFields.append(try buffer.readTaggedField(field: "RequestHeader")) }
        }
    }
}

/// The header in front of every response body: the correlation id, plus a tagged-field section in v1.
public struct ResponseHeader: Hashable, Sendable {
    public var correlationId: Int32
    public var unknownTaggedFields: [TaggedField] = []

    public init(correlationId: Int32) { self.correlationId = correlationId }

    public func encode(into buffer: inout ByteBuffer, headerVersion: Int16) {
        buffer.writeInteger(correlationId)
        if headerVersion >= 1 { buffer.writeTaggedFields(unknownTaggedFields) }
    }

    public init(from buffer: inout ByteBuffer, headerVersion: Int16) throws {
        self.init(correlationId: try buffer.readKafkaInteger(as: Int32.self, field: "ResponseHeader.CorrelationId"))
        if headerVersion >= 1 { try skipTaggedFields(&buffer) }
    }

    private mutating func skipTaggedFields(_ buffer: inout ByteBuffer) throws {
        let count = try buffer.readTaggedFieldCount(field: "ResponseHeader")
        for _ in 0..<count { unknownTaggedFields.append(try buffer.readTaggedField(field: "ResponseHeader")) }
    }
}

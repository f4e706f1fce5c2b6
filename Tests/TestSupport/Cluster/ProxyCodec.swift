import AdminCore
import NIOCore

/// Reading and writing whole frames with the project's generated codecs. Frames here carry no size prefix (the frame
/// decoder strips it; the connection adds it when writing).
enum ProxyCodec {
    /// The request header and body of a request frame for `R`.
    static func request<R: KafkaRequest>(_ type: R.Type, from frame: ByteBuffer) throws -> (RequestHeader, R) {
        var buffer = frame
        let header = try RequestHeader(from: &buffer) { _, version in R.requestHeaderVersion(version) }
        return (header, try R(from: &buffer, version: header.apiVersion))
    }

    /// A request frame: `header` (as received) and `request`, at the header's version.
    static func requestFrame<R: KafkaRequest>(_ header: RequestHeader, _ request: R) throws -> ByteBuffer {
        var buffer = ByteBuffer()
        header.encode(into: &buffer, headerVersion: R.requestHeaderVersion(header.apiVersion))
        try request.encode(into: &buffer, version: header.apiVersion)
        return buffer
    }

    /// A response frame answering the request with `header`.
    static func responseFrame<R: KafkaRequest>(_ type: R.Type, to header: RequestHeader, _ response: R.Response) throws -> ByteBuffer {
        var buffer = ByteBuffer()
        ResponseHeader(correlationId: header.correlationId)
            .encode(into: &buffer, headerVersion: R.responseHeaderVersion(header.apiVersion))
        try response.encode(into: &buffer, version: header.apiVersion)
        return buffer
    }

    /// Decodes a response frame of `R` at `version`, lets `change` edit the body and encodes it again (the header's
    /// correlation id and tagged fields kept).
    static func rewriteResponse<R: KafkaRequest>(
        _ type: R.Type, version: Int16, frame: ByteBuffer, _ change: (inout R.Response) throws -> Void
    ) throws -> ByteBuffer {
        var buffer = frame
        let headerVersion = R.responseHeaderVersion(version)
        let header = try ResponseHeader(from: &buffer, headerVersion: headerVersion)
        var response = try R.Response(from: &buffer, version: version)
        try change(&response)
        var out = ByteBuffer()
        header.encode(into: &out, headerVersion: headerVersion)
        try response.encode(into: &out, version: version)
        return out
    }
}

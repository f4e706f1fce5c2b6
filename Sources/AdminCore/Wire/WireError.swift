/// A frame or field that could not be read or written as the protocol requires.
///
/// Thrown by the Wire layer and by generated codecs; the client turns it into a `KafkactlError`
/// that names the broker and the API, so the user never sees a raw decoding failure.
public struct WireError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Fewer bytes were left than the field needs.
        case truncated
        /// A length, count or varint outside what the protocol allows.
        case invalid(String)
        /// A value that the negotiated version cannot carry (for example a field added in a later version).
        case unsupportedInVersion(Int16)
    }

    public var reason: Reason
    /// Where in the message the problem is, as a dotted schema path (`Topics.Partitions.LeaderId`).
    public var field: String

    public init(_ reason: Reason, field: String) {
        self.reason = reason
        self.field = field
    }

    public static func truncated(_ field: String) -> WireError { WireError(.truncated, field: field) }
    public static func invalid(_ field: String, _ detail: String) -> WireError { WireError(.invalid(detail), field: field) }

    public var description: String {
        switch reason {
        case .truncated: return "truncated at \(field)"
        case .invalid(let detail): return "invalid \(field): \(detail)"
        case .unsupportedInVersion(let version): return "\(field) cannot be sent in version \(version)"
        }
    }
}

/// A password or passphrase. Its text is there for the protocol only: printing, interpolating or dumping a
/// `Secret` (or a configuration holding one) shows a mask, so it cannot leak into output, logs or errors.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret text, for the code that must send or use it (SASL, a key's passphrase) and for nothing else.
    public let revealed: String

    public init(_ text: String) {
        revealed = text
    }

    /// What every printed form of a secret shows.
    public static let mask = "********"

    public var description: String { Self.mask }
    public var debugDescription: String { Self.mask }
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// `text` with every occurrence of the secret replaced by the mask (for messages that came from elsewhere,
    /// such as a broker's error text, which must not echo a password back to the terminal).
    public func redacting(_ text: String) -> String {
        guard !revealed.isEmpty, text.contains(revealed) else { return text }
        return text.replacing(revealed, with: Self.mask)
    }
}

/// `host:port` of a broker, as users write it in `--bootstrap-server` and brokers list it in Metadata.
public struct BrokerAddress: Hashable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port` or `[ipv6]:port`.
    public init?(_ text: String) {
        let text = text.trimmingCharacters(in: " ")
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (1...65535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, !host.contains(" ") else { return nil }
        self.init(host: host, port: port)
    }

    /// Parses a comma-separated list, naming the first bad entry.
    public static func parseList(_ text: String) throws -> [BrokerAddress] {
        let entries = text.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
        guard !entries.isEmpty else {
            throw KafkactlError(.usage, "no bootstrap server given: use --bootstrap-server host:port, e.g. localhost:9092")
        }
        return try entries.map { entry in
            guard let address = BrokerAddress(entry) else {
                throw KafkactlError(.usage, "invalid bootstrap server '\(entry)': expected host:port, e.g. localhost:9092")
            }
            return address
        }
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var view = Substring(self)
        while view.first == set { view = view.dropFirst() }
        while view.last == set { view = view.dropLast() }
        return String(view)
    }
}

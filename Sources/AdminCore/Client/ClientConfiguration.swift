/// Client settings, named and defaulted as Kafka's Java clients name and default them, so a
/// `--command-config` properties file written for the Apache tools means the same here.
public struct ClientConfiguration: Sendable {
    public var bootstrapServers: [BrokerAddress]
    /// `client.id`
    public var clientId: String = "kafkactl"
    /// `request.timeout.ms`: how long one request may wait for its answer.
    public var requestTimeout: Duration = .seconds(30)
    /// `default.api.timeout.ms`: how long one operation, retries included, may take.
    public var apiTimeout: Duration = .seconds(60)
    /// `socket.connection.setup.timeout.ms`: how long to keep trying to reach a broker.
    public var connectTimeout: Duration = .seconds(10)
    /// `retry.backoff.ms` and `retry.backoff.max.ms`.
    public var retryBackoff: Duration = .milliseconds(100)
    public var retryBackoffMax: Duration = .seconds(1)
    /// The largest response frame accepted (`fetch.max.bytes` plus room); larger sizes are protocol errors.
    public var maximumResponseSize: Int = 128 * 1024 * 1024
    /// `security.protocol` with its TLS (`ssl.*`) and SASL (`sasl.*`) settings.
    public var security = SecurityConfiguration()
    /// Keys of the properties it was built from that no Kafka client knows (for Kafka's warning).
    public var unknownKeys: [String] = []

    public init(bootstrapServers: [BrokerAddress]) {
        self.bootstrapServers = bootstrapServers
    }

    /// Whether a client made for `other` behaves as one made for this configuration: the same brokers, security,
    /// timeouts and limits. The shell lends its warm client only to a command whose settings pass this, so a
    /// command's `--timeout-ms` or `request.timeout.ms` counts inside the shell as it does outside it.
    /// A different `client.id` alone does not count: the shell's connection keeps its own.
    public func behavesLike(_ other: ClientConfiguration) -> Bool {
        bootstrapServers == other.bootstrapServers && security == other.security
            && requestTimeout == other.requestTimeout && apiTimeout == other.apiTimeout
            && connectTimeout == other.connectTimeout && retryBackoff == other.retryBackoff
            && retryBackoffMax == other.retryBackoffMax && maximumResponseSize == other.maximumResponseSize
    }

    /// Builds a configuration from Kafka client properties; `bootstrap.servers` is required unless
    /// `bootstrapOverride` (the `--bootstrap-server` flag, which always wins) is given.
    public init(properties: [String: String], bootstrapOverride: String? = nil) throws {
        guard let servers = bootstrapOverride ?? properties["bootstrap.servers"] else {
            throw KafkactlError(.usage, "no bootstrap server given: use --bootstrap-server host:port, e.g. localhost:9092")
        }
        self.init(bootstrapServers: try BrokerAddress.parseList(servers))
        if let id = properties["client.id"], !id.isEmpty { clientId = id }
        if let value = try Self.milliseconds(properties, "request.timeout.ms") { requestTimeout = value }
        if let value = try Self.milliseconds(properties, "default.api.timeout.ms") { apiTimeout = value }
        if let value = try Self.milliseconds(properties, "socket.connection.setup.timeout.ms") { connectTimeout = value }
        if let value = try Self.milliseconds(properties, "retry.backoff.ms") { retryBackoff = value }
        if let value = try Self.milliseconds(properties, "retry.backoff.max.ms") { retryBackoffMax = value }
        security = try SecurityConfiguration(properties: properties)
        unknownKeys = KnownClientConfigs.unknown(in: properties)
    }

    public static func milliseconds(_ properties: [String: String], _ key: String) throws -> Duration? {
        guard let text = properties[key] else { return nil }
        guard let value = Int64(text.trimmingCharacters(in: " ")), value >= 0 else {
            throw KafkactlError(.usage, "invalid value '\(text)' for \(key): expected a whole number of milliseconds")
        }
        return .milliseconds(value)
    }
}

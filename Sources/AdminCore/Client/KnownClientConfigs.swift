/// The configuration names a Kafka client knows, for Kafka's warning about a supplied key that none uses ("The
/// configuration 'x' was supplied but isn't a known config."). A typo in a properties file (`sasl.mechansim`) is
/// otherwise silently ignored.
///
/// The union of Apache Kafka 4.x's AdminClientConfig, ConsumerConfig and ProducerConfig names (AdminClientConfig has none of its own) (with CommonClientConfigs,
/// SslConfigs and SaslConfigs), because one file often serves every tool; plus the librdkafka spellings kafkactl also
/// reads (kcat and confluent-kafka users bring them).
public enum KnownClientConfigs {
    public static let names: Set<String> = common.union(security).union(consumer).union(producer).union(librdkafka)

    /// The keys of `properties` that no client knows, sorted.
    public static func unknown(in properties: [String: String]) -> [String] {
        properties.keys.filter { !names.contains($0) }.sorted()
    }

    static let common: Set<String> = [
        "bootstrap.servers", "bootstrap.controllers", "client.dns.lookup", "client.id", "client.rack",
        "connections.max.idle.ms", "default.api.timeout.ms", "enable.metrics.push", "metadata.max.age.ms",
        "metadata.recovery.strategy", "metadata.recovery.rebootstrap.trigger.ms", "metric.reporters",
        "metrics.num.samples", "metrics.recording.level", "metrics.sample.window.ms", "receive.buffer.bytes",
        "reconnect.backoff.max.ms", "reconnect.backoff.ms", "request.timeout.ms", "retries", "retry.backoff.max.ms",
        "retry.backoff.ms", "send.buffer.bytes", "socket.connection.setup.timeout.max.ms",
        "socket.connection.setup.timeout.ms", "auto.include.jmx.reporter", "config.providers",
    ]

    static let security: Set<String> = [
        "security.protocol", "security.providers",
        "ssl.protocol", "ssl.provider", "ssl.cipher.suites", "ssl.enabled.protocols", "ssl.keystore.type",
        "ssl.keystore.location", "ssl.keystore.password", "ssl.key.password", "ssl.keystore.key",
        "ssl.keystore.certificate.chain", "ssl.truststore.certificates", "ssl.truststore.type",
        "ssl.truststore.location", "ssl.truststore.password", "ssl.keymanager.algorithm",
        "ssl.trustmanager.algorithm", "ssl.endpoint.identification.algorithm", "ssl.secure.random.implementation",
        "ssl.engine.factory.class",
        "sasl.mechanism", "sasl.jaas.config", "sasl.client.callback.handler.class", "sasl.login.callback.handler.class",
        "sasl.login.class", "sasl.kerberos.service.name", "sasl.kerberos.kinit.cmd",
        "sasl.kerberos.ticket.renew.window.factor", "sasl.kerberos.ticket.renew.jitter",
        "sasl.kerberos.min.time.before.relogin", "sasl.login.refresh.window.factor",
        "sasl.login.refresh.window.jitter", "sasl.login.refresh.min.period.seconds",
        "sasl.login.refresh.buffer.seconds", "sasl.login.connect.timeout.ms", "sasl.login.read.timeout.ms",
        "sasl.login.retry.backoff.max.ms", "sasl.login.retry.backoff.ms", "sasl.oauthbearer.scope.claim.name",
        "sasl.oauthbearer.sub.claim.name", "sasl.oauthbearer.token.endpoint.url", "sasl.oauthbearer.jwks.endpoint.url",
        "sasl.oauthbearer.jwks.endpoint.refresh.ms", "sasl.oauthbearer.jwks.endpoint.retry.backoff.max.ms",
        "sasl.oauthbearer.jwks.endpoint.retry.backoff.ms", "sasl.oauthbearer.clock.skew.seconds",
        "sasl.oauthbearer.expected.audience", "sasl.oauthbearer.expected.issuer",
        "sasl.oauthbearer.header.urlencode",
    ]

    static let consumer: Set<String> = [
        "group.id", "group.instance.id", "group.protocol", "group.remote.assignor", "session.timeout.ms",
        "heartbeat.interval.ms", "partition.assignment.strategy", "enable.auto.commit", "auto.commit.interval.ms",
        "auto.offset.reset", "fetch.min.bytes", "fetch.max.bytes", "fetch.max.wait.ms", "max.partition.fetch.bytes",
        "max.poll.records", "max.poll.interval.ms", "check.crcs", "key.deserializer", "value.deserializer",
        "interceptor.classes", "exclude.internal.topics", "isolation.level", "allow.auto.create.topics",
        "internal.leave.group.on.close", "internal.throw.on.fetch.stable.offset.unsupported",
        "security.providers", "share.acknowledgement.mode",
    ]

    static let producer: Set<String> = [
        "acks", "batch.size", "linger.ms", "delivery.timeout.ms", "max.request.size", "max.block.ms",
        "buffer.memory", "compression.type", "compression.gzip.level", "compression.lz4.level",
        "compression.zstd.level", "max.in.flight.requests.per.connection", "key.serializer", "value.serializer",
        "partitioner.class", "partitioner.ignore.keys", "partitioner.adaptive.partitioning.enable",
        "partitioner.availability.timeout.ms", "interceptor.classes", "enable.idempotence", "transaction.timeout.ms",
        "transactional.id", "metadata.max.idle.ms", "transaction.two.phase.commit.enable",
    ]

    static let librdkafka: Set<String> = [
        "sasl.mechanisms", "sasl.username", "sasl.password", "ssl.ca.location", "ssl.certificate.location",
        "ssl.key.location", "enable.ssl.certificate.verification",
    ]
}

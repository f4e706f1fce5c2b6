import AdminCore
import ArgumentParser
import Testing

@testable import kafkactl

/// `ProducerConfiguration(properties:)` reads Kafka's producer property names and refuses what Kafka refuses; and
/// `console-producer`'s flags, `--producer-property` and files become those properties in Kafka's order.
@Suite struct ProducerConfigurationTests {
    static func usageError(_ properties: [String: String]) -> KafkactlError? {
        do {
            _ = try ProducerConfiguration(properties: properties)
            return nil
        } catch let error as KafkactlError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    // MARK: acks and idempotence

    @Test func theDefaultIsAcksAllWithIdempotence() throws {
        let configuration = try ProducerConfiguration(properties: [:])
        #expect(configuration.acks == .all)
        #expect(configuration.idempotence)
        #expect(configuration.compression == .none)
    }

    @Test(arguments: [
        ("0", ProducerConfiguration.Acks.none), ("1", .leader), ("-1", .all), ("all", .all), (" 1 ", .leader),
    ])
    func acksValues(text: String, acks: ProducerConfiguration.Acks) throws {
        #expect(try ProducerConfiguration(properties: ["acks": text]).acks == acks)
    }

    @Test(arguments: ["maybe", "2", "", "-2", "leader"])
    func anyOtherAcksValueIsAUsageErrorNamingIt(text: String) {
        let error = Self.usageError(["acks": text])
        #expect(error?.category == .usage)
        #expect(error?.exitCode == 64)
        #expect(error?.message == "invalid value '\(text)' for acks: expected all, -1, 0 or 1")
    }

    @Test(arguments: ["0", "1"])
    func acksBelowAllTurnsImplicitIdempotenceOff(acks: String) throws {
        let configuration = try ProducerConfiguration(properties: ["acks": acks])
        #expect(!configuration.idempotence)
        #expect(try !ProducerConfiguration(properties: ["acks": acks, "enable.idempotence": "false"]).idempotence)
    }

    @Test(arguments: ["0", "1"])
    func explicitIdempotenceWithAcksBelowAllIsRefused(acks: String) {
        let error = Self.usageError(["acks": acks, "enable.idempotence": "true"])
        #expect(error?.category == .usage)
        #expect(error?.message == "enable.idempotence=true requires acks=all (or -1); remove one of them")
    }

    @Test func idempotenceCanBeTurnedOffWithAcksAll() throws {
        let configuration = try ProducerConfiguration(properties: ["enable.idempotence": "FALSE"])
        #expect(configuration.acks == .all)
        #expect(!configuration.idempotence)
    }

    @Test func aNonBooleanIdempotenceIsRefused() {
        #expect(Self.usageError(["enable.idempotence": "yes"])?.message
            == "invalid value 'yes' for enable.idempotence: expected true or false")
    }

    @Test func moreThanFiveInFlightIsRefusedOnlyWithIdempotence() throws {
        #expect(Self.usageError(["max.in.flight.requests.per.connection": "6"])?.message
            == "max.in.flight.requests.per.connection must be at most 5 with enable.idempotence=true")
        let relaxed = try ProducerConfiguration(properties: [
            "max.in.flight.requests.per.connection": "6", "enable.idempotence": "false",
        ])
        #expect(relaxed.maxInFlightPerBroker == 6)
    }

    // MARK: Other properties

    @Test(arguments: [
        ("none", CompressionCodec.none), ("gzip", .gzip), ("snappy", .snappy), ("lz4", .lz4), ("zstd", .zstd),
        ("ZSTD", .zstd),
    ])
    func compressionTypes(name: String, codec: CompressionCodec) throws {
        #expect(try ProducerConfiguration(properties: ["compression.type": name]).compression == codec)
    }

    @Test func anUnknownCompressionTypeIsRefused() {
        #expect(Self.usageError(["compression.type": "brotli"])?.message
            == "invalid value 'brotli' for compression.type: expected none, gzip, snappy, lz4 or zstd")
    }

    @Test func timesAndSizesAreRead() throws {
        let configuration = try ProducerConfiguration(properties: [
            "linger.ms": "0", "delivery.timeout.ms": "3000", "request.timeout.ms": "1500", "batch.size": "16384",
            "max.request.size": "2000000", "buffer.memory": "1048576", "retries": "3", "compression.zstd.level": "7",
            "compression.type": "zstd",
        ])
        #expect(configuration.linger == .zero)
        #expect(configuration.deliveryTimeout == .milliseconds(3000))
        #expect(configuration.requestTimeout == .milliseconds(1500))
        #expect(configuration.batchSize == 16384)
        #expect(configuration.maxRequestSize == 2_000_000)
        #expect(configuration.bufferMemory == 1_048_576)
        #expect(configuration.retries == 3)
        #expect(configuration.compressionLevel == 7)
    }

    @Test func aBatchIsNeverLargerThanARequest() throws {
        let configuration = try ProducerConfiguration(properties: ["max.request.size": "1000"])
        #expect(configuration.maxRequestSize == 1000)
        #expect(configuration.batchSize == 1000)
    }

    @Test(arguments: [
        ("retries", "-1"), ("linger.ms", "soon"), ("delivery.timeout.ms", "0"), ("max.request.size", "1MB"),
        ("batch.size", "1.5"),
    ])
    func aBadNumberIsAUsageErrorNamingTheKeyAndValue(key: String, value: String) {
        let error = Self.usageError([key: value])
        #expect(error?.category == .usage)
        #expect(error?.message.hasPrefix("invalid value '\(value)' for \(key): expected a whole number") == true)
    }

    @Test func propertiesForOtherPartsOfTheClientAreLeftAlone() throws {
        let configuration = try ProducerConfiguration(properties: [
            "client.id": "x", "bootstrap.servers": "a:1", "key.serializer": "org.example.Whatever",
        ])
        #expect(configuration.acks == .all)
    }

    // MARK: console-producer flags

    static func producerProperties(_ arguments: [String]) throws -> [String: String] {
        let command = try Kafkactl.parseAsRoot(
            ["console-producer", "--bootstrap-server", "localhost:9092", "--topic", "t"] + arguments)
        return try #require(command as? ConsoleProducer).producerProperties()
    }

    @Test func namedFlagsSetKafkasProperties() throws {
        let properties = try Self.producerProperties([
            "--request-required-acks", "1", "--compression-codec", "lz4", "--batch-size", "1000", "--timeout", "7",
            "--request-timeout-ms", "900", "--message-send-max-retries", "2", "--retry-backoff-ms", "50",
            "--max-memory-bytes", "4096", "--max-block-ms", "300",
        ])
        #expect(properties["acks"] == "1")
        #expect(properties["compression.type"] == "lz4")
        #expect(properties["batch.size"] == "1000")
        #expect(properties["linger.ms"] == "7")
        #expect(properties["request.timeout.ms"] == "900")
        #expect(properties["retries"] == "2")
        #expect(properties["retry.backoff.ms"] == "50")
        #expect(properties["buffer.memory"] == "4096")
        #expect(properties["max.block.ms"] == "300")
        #expect(properties["client.id"] == "console-producer")
        let configuration = try ProducerConfiguration(properties: properties)
        #expect(configuration.acks == .leader)
        #expect(!configuration.idempotence)
        #expect(configuration.compression == .lz4)
    }

    @Test(arguments: [["--request-required-acks", "-1"], ["--request-required-acks=-1"]])
    func minusOneIsAnAcksValueNotAFlag(arguments: [String]) throws {
        let properties = try Self.producerProperties(arguments)
        #expect(properties["acks"] == "-1")
        #expect(try ProducerConfiguration(properties: properties).acks == .all)
    }

    @Test func aNamedFlagWinsOverProducerProperty() throws {
        let properties = try Self.producerProperties([
            "--producer-property", "acks=0", "--request-required-acks", "all",
            "--producer-property", "batch.size=5", "--max-partition-memory-bytes", "6", "--batch-size", "7",
        ])
        #expect(properties["acks"] == "all")
        #expect(properties["batch.size"] == "6")
    }

    @Test func producerPropertiesSplitAtTheFirstEqualsAndTheLastRepeatWins() throws {
        let properties = try Self.producerProperties([
            "--producer-property", "client.id=a=b", "--producer-property", "acks=1", "--producer-property", "acks=0",
        ])
        #expect(properties["client.id"] == "a=b")
        #expect(properties["acks"] == "0")
    }

    @Test func aProducerPropertyWithoutEqualsIsAUsageErrorNamingIt() {
        #expect(throws: KafkactlError(.usage, "invalid --producer-property 'acks': expected key=value")) {
            try Self.producerProperties(["--producer-property", "acks"])
        }
    }

    @Test func anUnknownCompressionCodecFlagIsRefusedBeforeRunning() {
        #expect(throws: (any Error).self) {
            _ = try Kafkactl.parseAsRoot(
                ["console-producer", "--bootstrap-server", "localhost:9092", "--topic", "t", "--compression-codec", "brotli"])
        }
    }
}

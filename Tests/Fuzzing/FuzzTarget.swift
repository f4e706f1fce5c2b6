import AdminCore

/// The groups the fuzzing goal counts executions in: every decoder of one kind of untrusted bytes.
public enum FuzzFamily: String, CaseIterable, Sendable {
    /// Every generated response decoder at every version kafkactl speaks, with a re-encode check.
    case messages
    /// The size-prefix frame decoder fed arbitrary byte streams in arbitrary chunks.
    case frames
    /// Record batches v2 and legacy message sets: RecordBatchReader, ConsumedRecords and decompression.
    case records
    /// The embedded consumer protocol: Subscription (member metadata) and Assignment blobs.
    case consumerProtocol = "consumer-protocol"
    /// The bytes of a connection's start: ApiVersions fallback, response headers, SASL/SCRAM server messages.
    case handshake
}

/// One decoder under test with the seeds its mutations start from.
public protocol FuzzTarget: Sendable {
    var name: String { get }
    var family: FuzzFamily { get }
    var seeds: [[UInt8]] { get }
    /// Decodes `input` and checks the properties; a broken property throws `PropertyViolation`. Decoding may fail,
    /// but only with one of the typed errors a caller can report (see `expectTypedFailure`).
    func run(_ input: [UInt8]) throws
}

/// A property that does not hold for some input: a finding.
public struct PropertyViolation: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Runs a decode and turns its failure into nil when it is one of the typed errors kafkactl reports as "bad
/// frame" (so the caller fails that response only); any other error is a violation.
func expectTypedFailure<T>(_ decode: () throws -> T) throws -> T? {
    do {
        return try decode()
    } catch is WireError {
    } catch is CorruptBatchError {
    } catch is CompressionError {
    } catch is KafkactlError {
    } catch is FrameSizeError {
    } catch is SCRAMClient.Failure {
    } catch let violation as PropertyViolation {
        throw violation
    } catch {
        throw PropertyViolation("an untyped error \(type(of: error)): \(error)")
    }
    return nil
}

/// Every target of every family, built from the seeds on disk (captured frames) and those made in code.
public enum FuzzTargets {
    public static func all(fixtures: SeedCorpus) -> [FuzzTarget] {
        MessageTargets.all(fixtures: fixtures) + [FrameDecoderTarget(fixtures: fixtures)] + RecordTargets.all(fixtures: fixtures)
            + ConsumerProtocolTargets.all(fixtures: fixtures) + HandshakeTargets.all(fixtures: fixtures)
    }
}

import AdminCore
import Testing

@testable import kafkactl

/// `configs --add-config` as kafka-configs.sh reads it (cli-parity §6.1, §6.2): `k1=v1,k2=[a,b],k3=`, brackets
/// grouping values that contain commas, and Kafka's message for anything else.
@Suite struct ConfigsParsingTests {
    static let malformed = "Invalid entity config: all configs to be added must be in the format \"key=val\""

    /// The pairs as (key, value) strings, for comparing (tuples are not Equatable in arrays).
    static func parsed(_ text: String) throws -> [String] {
        try AddConfigList.parse(text).map { "\($0.0)|\($0.1)" }
    }

    /// The message `text` is refused with, or nil when it parses.
    static func refusal(_ text: String) -> String? {
        do {
            _ = try AddConfigList.parse(text)
            return nil
        } catch let error as KafkactlError {
            #expect(error.category == .usage)
            return error.message
        } catch {
            Issue.record("unexpected error type: \(error)")
            return "\(error)"
        }
    }

    @Test func oneKeyAndValue() throws {
        #expect(try Self.parsed("min.insync.replicas=2") == ["min.insync.replicas|2"])
    }

    @Test func commasSeparateConfigsAndKeepTheirOrder() throws {
        #expect(try Self.parsed("retention.ms=86400000,min.insync.replicas=2,segment.bytes=1048576")
            == ["retention.ms|86400000", "min.insync.replicas|2", "segment.bytes|1048576"])
    }

    @Test func bracketsGroupAValueWithCommasAndAreRemoved() throws {
        #expect(try Self.parsed("cleanup.policy=[compact,delete],retention.ms=86400000")
            == ["cleanup.policy|compact,delete", "retention.ms|86400000"])
        #expect(try Self.parsed("a=[x,y,z]") == ["a|x,y,z"])
    }

    @Test func anEmptyValueIsAllowed() throws {
        #expect(try Self.parsed("k=") == ["k|"])
        #expect(try Self.parsed("a=1,k=,b=2") == ["a|1", "k|", "b|2"])
    }

    @Test func anEqualsSignInsideBracketsBelongsToTheValue() throws {
        // Kafka's way to pass a value containing '=' (e.g. a JAAS line): bracket it.
        #expect(try Self.parsed("sasl.jaas.config=[a=b c=d],x=1") == ["sasl.jaas.config|a=b c=d", "x|1"])
        #expect(try Self.parsed("k=[a=b,c=d]") == ["k|a=b,c=d"])
    }

    @Test func theKeyEndsAtTheFirstEqualsSign() throws {
        // Without brackets the rest of the entry is the value (kafka-configs.sh would refuse this; the inline k=v
        // rule of cli-parity §1.2 applies).
        #expect(try Self.parsed("k=a=b") == ["k|a=b"])
    }

    @Test func spacesAroundKeysAndValuesAreTrimmed() throws {
        // kafka-configs.sh splits at `\s*=\s*` and trims both sides: `a = 1` sets a to "1".
        #expect(try Self.parsed("min.insync.replicas = 2, retention.ms=5") == ["min.insync.replicas|2", "retention.ms|5"])
    }

    @Test func aTrailingCommaIsIgnored() throws {
        #expect(try Self.parsed("a=1,") == ["a|1"])
    }

    @Test(arguments: ["foo", "a=1,foo", "=v", "k=[a,b", "k=a,b]", "k=[a]]", ""])
    func malformedConfigsAreRefusedWithKafkasMessage(text: String) throws {
        let message = try #require(Self.refusal(text), "'\(text)' should be refused")
        #expect(message.hasPrefix(Self.malformed), "\(message)")
        #expect(message.contains("\"key=[val1,val2]\" to group values which contain commas."))
    }
}

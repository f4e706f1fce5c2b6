import Foundation
import Testing

@testable import kafkactl

/// `--output json` documents: valid JSON, keys in the order given, strings escaped as RFC 8259 requires.
@Suite struct JSONTests {
    @Test func scalarsSerializeAsJSONLiterals() {
        #expect(JSON.null.serialized() == "null")
        #expect(JSON.bool(true).serialized() == "true")
        #expect(JSON.bool(false).serialized() == "false")
        #expect(JSON.integer(-42).serialized() == "-42")
        #expect(JSON.int(Int16.max).serialized() == "32767")
        #expect(JSON.integer(Int64.min).serialized() == "-9223372036854775808")
        #expect(JSON.double(1.5).serialized() == "1.5")
        #expect(JSON.optional(nil).serialized() == "null")
        #expect(JSON.optional("x").serialized() == "\"x\"")
    }

    @Test func nonFiniteDoublesBecomeNull() {
        #expect(JSON.double(.infinity).serialized() == "null")
        #expect(JSON.double(.nan).serialized() == "null")
    }

    @Test func quotesBackslashesAndControlCharactersAreEscaped() {
        #expect(JSON.string("a\"b\\c").serialized() == #""a\"b\\c""#)
        #expect(JSON.string("l1\nl2\r\tx").serialized() == #""l1\nl2\r\tx""#)
        #expect(JSON.string("\u{0}\u{1}\u{1F}").serialized() == #""\u0000\u0001\u001f""#)
        #expect(JSON.string("\u{8}\u{C}").serialized() == #""\u0008\u000c""#)
    }

    @Test func nonASCIITextAndSlashesPassThrough() {
        #expect(JSON.string("café ☕️ a/b \u{7F}").serialized() == "\"café ☕️ a/b \u{7F}\"")
    }

    @Test func objectKeysKeepTheirOrder() {
        let document = JSON.object([("z", .int(1)), ("a", .int(2)), ("m", .array([.int(3), .null]))])
        #expect(document.serialized() == #"{"z":1,"a":2,"m":[3,null]}"#)
    }

    @Test func keysAreEscapedToo() {
        #expect(JSON.object([("a\"b", .null)]).serialized() == #"{"a\"b":null}"#)
    }

    @Test func emptyContainers() {
        #expect(JSON.array([]).serialized() == "[]")
        #expect(JSON.object([]).serialized() == "{}")
    }

    @Test func everyStringRoundTripsThroughAStandardParser() throws {
        let nasty = (0..<128).map { String(UnicodeScalar(UInt8($0))) }.joined() + "é\u{2028}\u{1F600}"
        let text = JSON.object([("value", .string(nasty)), ("list", .array([.string(nasty), .bool(true)]))]).serialized()
        let parsed = try #require(
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["value"] as? String == nasty)
        #expect((parsed["list"] as? [Any])?.first as? String == nasty)
    }
}

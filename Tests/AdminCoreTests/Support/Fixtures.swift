import Foundation
import NIOCore
import Testing

@testable import AdminCore

/// Hex text as the protocol reference and the fixture files write it: bytes separated by any whitespace.
enum Hex {
    static func bytes(_ text: some StringProtocol) -> [UInt8] {
        let digits = text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }
        precondition(digits.count % 2 == 0, "odd number of hex digits")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var high: UInt8?
        for scalar in digits {
            guard let nibble = UInt8(String(scalar), radix: 16) else { preconditionFailure("not hex: \(scalar)") }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    static func buffer(_ text: some StringProtocol) -> ByteBuffer { ByteBuffer(bytes: bytes(text)) }

    static func string(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined(separator: " ")
    }

    static func string(_ buffer: ByteBuffer) -> String { string(buffer.readableBytesView) }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// One captured frame from `Fixtures/<Api>/v<N>-<label>-{request,response}.hex` (format: Fixtures/README.md).
struct Fixture: Sendable, CustomTestStringConvertible {
    enum Direction: String, Sendable { case request, response }

    /// The path below Fixtures/, e.g. `Metadata/v12-one-topic-request.hex`.
    let path: String
    /// Kafka's API name, the folder name (`ApiKey.name`).
    let api: String
    let version: Int16
    let label: String
    let direction: Direction
    /// The first line, without `# `: who produced the frame and how.
    let source: String
    /// The complete frame, size prefix included.
    let frame: [UInt8]

    var testDescription: String { path }

    /// The frame without its size prefix: what `KafkaFrameDecoder` hands on.
    var payload: ArraySlice<UInt8> { frame.dropFirst(4) }

    /// `<Api>/v<N>`, the unit the skip lists count in.
    var apiVersion: String { "\(api)/v\(version)" }

    /// Every fixture, sorted by path. Empty if the folder cannot be read; the count tests catch that.
    static let all: [Fixture] = (try? load()) ?? []

    static var directory: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
                throw FixtureError("the Fixtures resource folder is missing from the test bundle")
            }
            return url
        }
    }

    static func load() throws -> [Fixture] {
        let root = try directory
        var fixtures: [Fixture] = []
        for api in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
            var isDirectory: ObjCBool = false
            let folder = root.appendingPathComponent(api)
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
            else { continue }
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            where name.hasSuffix(".hex") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                fixtures.append(try Fixture(path: "\(api)/\(name)", api: api, text: text))
            }
        }
        return fixtures
    }

    init(path: String, api: String, text: String) throws {
        // v<N>-<label>-request.hex
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard name.hasPrefix("v"), let dash = name.firstIndex(of: "-"),
            let version = Int16(name[name.index(after: name.startIndex)..<dash])
        else { throw FixtureError("\(path): the name does not start with v<N>-") }
        let stem = name.dropLast(".hex".count)
        let direction: Direction
        let label: Substring
        if stem.hasSuffix("-request") {
            direction = .request
            label = stem[name.index(after: dash)...].dropLast("-request".count)
        } else if stem.hasSuffix("-response") {
            direction = .response
            label = stem[name.index(after: dash)...].dropLast("-response".count)
        } else {
            throw FixtureError("\(path): the name ends neither in -request.hex nor in -response.hex")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let first = lines.first, first.hasPrefix("# ") else {
            throw FixtureError("\(path): the first line is not a # comment")
        }
        lines.removeFirst()
        let frame = Hex.bytes(lines.joined(separator: " "))
        self.path = path
        self.api = api
        self.version = version
        self.label = String(label)
        self.direction = direction
        self.source = String(first.dropFirst(2))
        self.frame = frame
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Encodes with `write` into a fresh buffer and returns the bytes.
func encoded(_ write: (inout ByteBuffer) throws -> Void) rethrows -> [UInt8] {
    var buffer = ByteBuffer()
    try write(&buffer)
    return Array(buffer.readableBytesView)
}

/// Decodes `bytes` followed by two sentinel bytes with `read`, and checks that `read` consumed exactly `bytes`.
func decodedExactly<T>(
    _ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation, _ read: (inout ByteBuffer) throws -> T
) throws -> T {
    var buffer = ByteBuffer(bytes: bytes + [0xee, 0xee])
    let value = try read(&buffer)
    #expect(
        buffer.readableBytes == 2, "consumed \(bytes.count + 2 - buffer.readableBytes) bytes, not \(bytes.count)",
        sourceLocation: sourceLocation)
    return value
}

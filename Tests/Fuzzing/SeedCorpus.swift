import Foundation

/// The captured golden frames (Tests/AdminCoreTests/Fixtures, format in its README.md), read at run time so no
/// corpus is committed twice: `<Api>/v<N>-<label>-{request,response}.hex`, a `#` line, then the frame as hex.
public struct SeedCorpus: Sendable {
    public struct Frame: Sendable {
        public var api: String
        public var version: Int16
        public var isResponse: Bool
        /// The complete frame, size prefix included.
        public var bytes: [UInt8]
    }

    public var frames: [Frame]

    public init(frames: [Frame]) {
        self.frames = frames
    }

    public init(directory: URL) throws {
        var frames: [Frame] = []
        let manager = FileManager.default
        for api in try manager.contentsOfDirectory(atPath: directory.path).sorted() {
            let folder = directory.appendingPathComponent(api)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            for name in try manager.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".hex") {
                guard name.hasPrefix("v"), let dash = name.firstIndex(of: "-"),
                    let version = Int16(name[name.index(after: name.startIndex)..<dash])
                else { continue }
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                let hex = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: " ")
                frames.append(Frame(api: api, version: version, isResponse: name.hasSuffix("-response.hex"),
                                    bytes: Self.bytes(hex: hex)))
            }
        }
        self.init(frames: frames)
    }

    public func responses(api: String) -> [Frame] {
        frames.filter { $0.isResponse && $0.api == api }
    }

    static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var high: UInt8?
        for scalar in hex.unicodeScalars {
            guard let nibble = UInt8(String(scalar), radix: 16) else { continue }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }
}

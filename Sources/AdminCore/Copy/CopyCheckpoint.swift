#if canImport(Glibc)
import Glibc
#endif

/// A consistent cut of a copy: every source record before `next` of its partition is in the target, and every
/// target record before `targetEnds` of its partition is either older than the copy or one of those records.
/// Records in the target past `targetEnds` can only come from the source's pending records (acknowledged after the
/// cut was written); `CopyReconciler` matches them on resume.
public struct CopyCheckpoint: Sendable, Hashable {
    public struct Source: Sendable, Hashable {
        public var partition: Int32
        public var next: Int64
        public var end: Int64

        public init(partition: Int32, next: Int64, end: Int64) {
            self.partition = partition
            self.next = next
            self.end = end
        }
    }

    public var sourceTopic: String
    public var targetTopic: String
    public var partitionMap: PartitionMap
    public var targetPartitionCount: Int32
    public var sources: [Source]
    public var targetEnds: [Int32: Int64]
    /// `copy --where`'s expression, when the copy filters: a resume must filter the same way, or the records it
    /// matches against the target past the cut would not be the ones the first run wrote.
    public var filterExpression: String?

    public init(sourceTopic: String, targetTopic: String, partitionMap: PartitionMap, targetPartitionCount: Int32,
                sources: [Source], targetEnds: [Int32: Int64], filterExpression: String? = nil) {
        self.filterExpression = filterExpression
        self.sourceTopic = sourceTopic
        self.targetTopic = targetTopic
        self.partitionMap = partitionMap
        self.targetPartitionCount = targetPartitionCount
        self.sources = sources.sorted { $0.partition < $1.partition }
        self.targetEnds = targetEnds
    }

    /// The plan of the remaining copy: each source partition from `next` to its original end.
    public var remainingPlan: CopyPlan {
        CopyPlan(sourceTopic: sourceTopic, targetTopic: targetTopic, partitionMap: partitionMap,
                 targetPartitionCount: targetPartitionCount,
                 ranges: sources.map { CopyRange(partition: $0.partition, start: $0.next, end: $0.end,
                                                 target: partitionMap == .same ? $0.partition : nil) })
    }

    static let magic = "kafkactl copy checkpoint 1"

    /// Line-based text ending in a CRC32C of everything before the checksum line, so that a torn or edited file is
    /// refused rather than trusted.
    public func encoded() -> String {
        var lines = [Self.magic, "source-topic \(sourceTopic)", "target-topic \(targetTopic)",
                     "partition-map \(partitionMap.rawValue)", "target-partitions \(targetPartitionCount)"]
        if let filterExpression { lines.append("where \(filterExpression)") }
        for source in sources { lines.append("source \(source.partition) \(source.next) \(source.end)") }
        for (partition, end) in targetEnds.sorted(by: { $0.key < $1.key }) { lines.append("target \(partition) \(end)") }
        let body = lines.joined(separator: "\n") + "\n"
        return body + "checksum \(Self.hex(CRC32C.checksum(Array(body.utf8))))\n"
    }

    /// Reads `encoded()`'s text; any fault is thrown as a description of what is wrong.
    public static func decode(_ text: String) throws -> CopyCheckpoint {
        struct Corrupt: Error, CustomStringConvertible { var description: String }
        // The last line is the checksum of every byte before it.
        var allLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if allLines.last == "" { allLines.removeLast() }
        guard let checksumLine = allLines.popLast(), checksumLine.hasPrefix("checksum ") else {
            throw Corrupt(description: "no checksum line")
        }
        let body = allLines.map { $0 + "\n" }.joined()
        guard checksumLine.dropFirst("checksum ".count) == Substring(hex(CRC32C.checksum(Array(body.utf8)))) else {
            throw Corrupt(description: "checksum mismatch")
        }
        let lines = allLines[...]
        guard lines.first == Substring(magic) else { throw Corrupt(description: "not a kafkactl copy checkpoint (version 1)") }
        var fields: [String: String] = [:]
        var sources: [Source] = []
        var targets: [Int32: Int64] = [:]
        var filterExpression: String?
        for line in lines.dropFirst() {
            // The expression is the rest of the line, spaces and all (the command refuses one with a newline).
            if line.hasPrefix("where ") {
                guard filterExpression == nil else { throw Corrupt(description: "repeated where line") }
                filterExpression = String(line.dropFirst("where ".count))
                continue
            }
            let words = line.split(separator: " ").map(String.init)
            switch (words.first ?? "", words.count) {
            case ("source", 4):
                guard let partition = Int32(words[1]), let next = Int64(words[2]), let end = Int64(words[3]),
                      partition >= 0, next >= 0, next <= end else { throw Corrupt(description: "bad line '\(line)'") }
                sources.append(Source(partition: partition, next: next, end: end))
            case ("target", 3):
                guard let partition = Int32(words[1]), let end = Int64(words[2]), partition >= 0, end >= 0 else {
                    throw Corrupt(description: "bad line '\(line)'")
                }
                targets[partition] = end
            case (let key, 2) where ["source-topic", "target-topic", "partition-map", "target-partitions"].contains(key):
                fields[key] = words[1]
            default:
                throw Corrupt(description: "bad line '\(line)'")
            }
        }
        guard let sourceTopic = fields["source-topic"], let targetTopic = fields["target-topic"],
              let map = fields["partition-map"].flatMap(PartitionMap.init(rawValue:)),
              let count = fields["target-partitions"].flatMap({ Int32($0) }), count > 0, !sources.isEmpty,
              Set(sources.map(\.partition)).count == sources.count
        else { throw Corrupt(description: "missing or repeated fields") }
        return CopyCheckpoint(sourceTopic: sourceTopic, targetTopic: targetTopic, partitionMap: map,
                              targetPartitionCount: count, sources: sources, targetEnds: targets, filterExpression: filterExpression)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}

/// Where a copy keeps its checkpoint: a file (the default) or a consumer group's committed offsets on the source.
public protocol CheckpointStore: Sendable {
    /// How a message names it: "checkpoint 'path'", "checkpoint in group 'g'".
    var name: String { get }
    /// Where it is, for the summary: the file's path, or "group g".
    var location: String { get }
    /// Whether anything is kept there, trusted or not (a new copy must not overwrite it).
    func exists() async throws -> Bool
    /// The checkpoint; nil when none is kept there. One that cannot be trusted is an error.
    func load() async throws -> CopyCheckpoint?
    /// Replaces the checkpoint, atomically: a crash leaves the old one or the new one.
    func save(_ checkpoint: CopyCheckpoint) async throws
}

/// The checkpoint on disk. A save is atomic and durable: the new text goes to a temporary file beside it, which is
/// fsynced and renamed over the old one, and the folder is fsynced, so a crash leaves the old cut or the new one.
public struct CheckpointFile: CheckpointStore {
    public let path: String

    public init(path: String) { self.path = path }

    public var name: String { "checkpoint '\(path)'" }
    public var location: String { path }

    public func exists() -> Bool { access(path, F_OK) == 0 }

    /// The checkpoint; nil when there is no file. A file that cannot be read or trusted is an error naming it.
    public func load() throws -> CopyCheckpoint? {
        guard let file = fopen(path, "r") else {
            if errno == ENOENT { return nil }
            throw KafkactlError(.rejected, "cannot read checkpoint '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            bytes += chunk[0..<count]
            if bytes.count > 64 << 20 { break }
        }
        do {
            return try CopyCheckpoint.decode(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw KafkactlError(.rejected, "checkpoint '\(path)' is corrupt (\(error)); nothing was copied. Delete it to copy from the start")
        }
    }

    public func save(_ checkpoint: CopyCheckpoint) throws {
        let temporary = path + ".tmp"
        let text = Array(checkpoint.encoded().utf8)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot write") }
        var written = 0
        while written < text.count {
            let count = text[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { close(descriptor); throw failure("cannot write") }
            written += count
        }
        guard fsync(descriptor) == 0 else { close(descriptor); throw failure("cannot fsync") }
        close(descriptor)
        guard rename(temporary, path) == 0 else { throw failure("cannot rename into place") }
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let folderDescriptor = open(folder.isEmpty ? "/" : folder, O_RDONLY)
        if folderDescriptor >= 0 { _ = fsync(folderDescriptor); close(folderDescriptor) }
    }

    private func failure(_ what: String) -> KafkactlError {
        KafkactlError(.internal, "\(what) checkpoint '\(path)': \(String(cString: strerror(errno)))")
    }
}

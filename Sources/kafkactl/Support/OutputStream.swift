#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command's text goes. The real one is a buffered file descriptor; tests capture into memory.
protocol OutputSink: AnyObject, Sendable {
    func write(_ text: String) throws
    func write(bytes: UnsafeRawBufferPointer) throws
    func flush() throws
}

/// The reader of our output went away (`kafkactl ... | head`): stop quietly, exit 0.
struct OutputClosed: Error {}

/// A file descriptor with a 64 KiB buffer: one `write(2)` per buffer rather than per record.
/// Used from one task at a time (the command's), hence `@unchecked Sendable`.
final class FileOutput: OutputSink, @unchecked Sendable {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity = 64 * 1024
    private var closed = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(capacity)
    }

    var isTerminal: Bool { isatty(descriptor) == 1 }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: UnsafeRawBufferPointer($0)) }
    }

    func write(bytes: UnsafeRawBufferPointer) throws {
        if closed { throw OutputClosed() }
        if bytes.count >= capacity {
            // A large piece (a formatted chunk of records) goes out as it is, not copied into the buffer first.
            try flush()
            try writeAll(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    func flush() throws {
        if closed { throw OutputClosed() }
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBytes { try writeAll($0) }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                closed = true
                throw OutputClosed()
            }
            offset += written
        }
    }
}

/// Collects output in memory, for tests and for the shell's captured commands.
final class CapturedOutput: OutputSink, @unchecked Sendable {
    private(set) var bytes: [UInt8] = []
    var text: String { String(decoding: bytes, as: UTF8.self) }

    func write(_ text: String) throws { bytes.append(contentsOf: text.utf8) }
    func write(bytes: UnsafeRawBufferPointer) throws { self.bytes.append(contentsOf: bytes) }
    func flush() throws {}
}

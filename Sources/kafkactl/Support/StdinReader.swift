import Dispatch
import NIOCore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Reads standard input in large chunks on a thread of its own (a blocking `read` must not hold a Swift
/// concurrency thread) and hands them over a few at a time: when the consumer falls behind, reading stops,
/// so backpressure from the broker reaches the pipe instead of memory.
struct StdinReader: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let descriptor: Int32
    let chunkSize: Int
    let prefetch: Int

    init(descriptor: Int32 = 0, chunkSize: Int = 1 << 20, prefetch: Int = 4) {
        self.descriptor = descriptor
        self.chunkSize = chunkSize
        self.prefetch = prefetch
    }

    static func isTerminal(_ descriptor: Int32 = 0) -> Bool { isatty(descriptor) == 1 }

    struct ReadError: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "cannot read standard input: \(String(cString: strerror(code)))" }
    }

    final class Iterator: AsyncIteratorProtocol {
        private var stream: AsyncThrowingStream<ByteBuffer, Error>.Iterator
        private let permits: DispatchSemaphore

        init(stream: AsyncThrowingStream<ByteBuffer, Error>, permits: DispatchSemaphore) {
            self.stream = stream.makeAsyncIterator()
            self.permits = permits
        }

        func next() async throws -> ByteBuffer? {
            guard let chunk = try await stream.next() else { return nil }
            permits.signal()  // one chunk consumed: the reader may read one more
            return chunk
        }
    }

    func makeAsyncIterator() -> Iterator {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: ByteBuffer.self)
        // Created at zero and raised to `prefetch`: libdispatch traps when a semaphore is freed below the value it
        // was created with, which is where a reader stopped mid-stream (Ctrl-C) leaves it.
        let permits = DispatchSemaphore(value: 0)
        for _ in 0..<prefetch { permits.signal() }
        let stopped = StopFlag()
        let wake = WakePipe()
        continuation.onTermination = { _ in
            stopped.set()
            wake.ring()
            permits.signal()
        }
        let descriptor = self.descriptor
        let chunkSize = self.chunkSize
        PosixThread.start {
            let allocator = ByteBufferAllocator()
            while true {
                permits.wait()
                // A reader left blocked in read() would take the next line typed at the shell's prompt: wait
                // until there is input or the reader is stopped, and read only while it is wanted.
                guard wake.waitForInput(on: descriptor), !stopped.isSet else { return }
                var buffer = allocator.buffer(capacity: chunkSize)
                var failure: Int32 = 0
                let count = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: chunkSize) { raw -> Int in
                    while true {
                        let result = read(descriptor, raw.baseAddress, raw.count)
                        if result >= 0 { return result }
                        if errno != EINTR {
                            failure = errno
                            return 0
                        }
                    }
                }
                if failure != 0 {
                    continuation.finish(throwing: ReadError(code: failure))
                    return
                }
                if count == 0 {
                    continuation.finish()
                    return
                }
                continuation.yield(buffer)
            }
        }
        return Iterator(stream: stream, permits: permits)
    }
}

/// A pipe that wakes a thread waiting for input on another descriptor.
final class WakePipe: Sendable {
    private let readEnd: Int32
    private let writeEnd: Int32

    init() {
        var descriptors: [Int32] = [-1, -1]
        if pipe(&descriptors) == 0 {
            for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        }
        (readEnd, writeEnd) = (descriptors[0], descriptors[1])
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    func ring() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Waits until `descriptor` is readable (or at its end, or failed: the read says which); false when rung.
    func waitForInput(on descriptor: Int32) -> Bool {
        var watched = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
        while true {
            let result = poll(&watched, 2, -1)
            if result < 0 {
                if errno == EINTR { continue }
                return true  // let read() report the failure
            }
            if watched[1].revents != 0 { return false }
            if watched[0].revents != 0 { return true }
        }
    }
}

/// A flag another thread can set once.
final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}

/// A plain POSIX thread, for blocking work that must not occupy the Swift concurrency pool.
enum PosixThread {
    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    static func start(_ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        pthread_create(&thread, nil, { argument in
            Unmanaged<Box>.fromOpaque(argument!).takeRetainedValue().body()
            return nil
        }, box)
        pthread_detach(thread)
    }
}

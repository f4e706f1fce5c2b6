import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A child process started with `posix_spawn`: the part of Foundation's `Process` that the tests use, without its
/// Linux launch path. `Process.run()` scans /proc/self/fd to close inherited descriptors and copies each directory
/// entry's whole 256-byte name field, reading past glibc's buffer; when that buffer ends a malloc arena the read hits
/// an unmapped page and the whole test process dies (swift-corelibs-foundation#5472, fixed after the toolchain here).
/// It crashed about one full test run in a dozen, whatever thread or stack it ran on.
///
/// Here the child closes every descriptor from 3 up with glibc's `closefrom` spawn action, after stdin, stdout and
/// stderr are in place. An exit is noticed by `waitpid` at once, where Foundation waited until every copy of a
/// socket the child inherited (its grandchildren's too) was closed.
public final class ChildProcess: @unchecked Sendable {
    public enum TerminationReason: Sendable { case exit, uncaughtSignal }

    /// Set before `run()`, as with `Process`.
    public var executableURL: URL?
    public var arguments: [String] = []
    /// nil: this process's environment.
    public var environment: [String: String]?
    /// A `Pipe` (its reading end for stdin, its writing end for stdout and stderr, which `run()` then closes here),
    /// a `FileHandle` (`FileHandle.nullDevice` opens /dev/null), or nil to share this process's.
    public var standardInput: Any?
    public var standardOutput: Any?
    public var standardError: Any?
    /// Called on a background thread once the child has exited.
    public var terminationHandler: (@Sendable (ChildProcess) -> Void)?

    private let state = NSCondition()
    private var pid: pid_t = 0
    private var running = false
    private var status: Int32 = 0
    private var reason = TerminationReason.exit

    public init() {}

    public var processIdentifier: Int32 { state.withLock { pid } }
    public var isRunning: Bool { state.withLock { running } }
    /// The exit code, or the number of the signal that ended it.
    public var terminationStatus: Int32 { state.withLock { status } }
    public var terminationReason: TerminationReason { state.withLock { reason } }

    public func interrupt() { sendSignal(SIGINT) }
    public func terminate() { sendSignal(SIGTERM) }

    public func waitUntilExit() {
        state.withLock { while running || pid == 0 { state.wait() } }
    }

    public func run() throws {
        guard let executable = executableURL?.path else { throw ChildProcessError("no executable set") }
        guard let closeFrom = Self.addCloseFrom else {
            throw ChildProcessError("this C library has no posix_spawn_file_actions_addclosefrom_np (glibc 2.34 or later)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (target, source) in [(STDIN_FILENO, standardInput), (STDOUT_FILENO, standardOutput), (STDERR_FILENO, standardError)] {
            switch source {
            case let pipe as Pipe:
                let end = target == STDIN_FILENO ? pipe.fileHandleForReading : pipe.fileHandleForWriting
                posix_spawn_file_actions_adddup2(&actions, end.fileDescriptor, target)
            case let handle as FileHandle where handle === FileHandle.nullDevice:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
            case let handle as FileHandle:
                posix_spawn_file_actions_adddup2(&actions, handle.fileDescriptor, target)
            case nil:
                break
            default:
                throw ChildProcessError("standard input, output and error must be a Pipe or a FileHandle")
            }
        }
        _ = closeFrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group, as Process does: a signal for the test process's group does not reach it. And it
        // starts as from a shell, with no signal blocked or ignored: in-process tests of kafkactl's signal handling
        // leave SIGINT and SIGTERM ignored in the test process, and ignored signals survive exec.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var standardSignals = sigset_t()
        sigemptyset(&standardSignals)
        for signal in 1..<32 where signal != SIGKILL && signal != SIGSTOP { sigaddset(&standardSignals, Int32(signal)) }
        posix_spawnattr_setsigdefault(&attributes, &standardSignals)

        let argv = CStringArray([executable] + arguments)
        let environment = self.environment ?? ProcessInfo.processInfo.environment
        let envp = CStringArray(environment.map { "\($0.key)=\($0.value)" })
        var child: pid_t = 0
        let failed = withExtendedLifetime((argv, envp)) {
            posix_spawn(&child, executable, &actions, &attributes, argv.pointers, envp.pointers)
        }
        guard failed == 0 else { throw ChildProcessError("could not start \(executable): \(String(cString: strerror(failed)))") }
        state.withLock {
            pid = child
            running = true
        }
        // The child has its copies; this process keeps only its own ends, so a reader sees the end of the output.
        if let pipe = standardInput as? Pipe { try? pipe.fileHandleForReading.close() }
        if let pipe = standardOutput as? Pipe { try? pipe.fileHandleForWriting.close() }
        if let pipe = standardError as? Pipe { try? pipe.fileHandleForWriting.close() }

        let thread = Thread { [self, child] in reap(child) }
        thread.start()
    }

    private func reap(_ child: pid_t) {
        var waitStatus: Int32 = 0
        while waitpid(child, &waitStatus, 0) == -1, errno == EINTR {}
        // The <sys/wait.h> macros, which Swift does not import: the low 7 bits name the signal, or 0 for an exit.
        let signal = waitStatus & 0x7f
        state.withLock {
            running = false
            (status, reason) = signal == 0 ? ((waitStatus >> 8) & 0xff, .exit) : (signal, .uncaughtSignal)
            state.broadcast()
        }
        terminationHandler?(self)
    }

    /// Sends `signal` while it runs; once it has exited and been reaped, its pid may belong to another process.
    public func sendSignal(_ signal: Int32) {
        state.withLock {
            if running { _ = kill(pid, signal) }
        }
    }

    /// glibc declares it only with _GNU_SOURCE-style feature macros, which Swift's Glibc module does not set.
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addCloseFrom: AddCloseFrom? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddCloseFrom.self) }
}

/// NUL-terminated copies of strings in a NULL-terminated array, as `posix_spawn` takes argv and envp.
private final class CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointers = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { pointers[index] = strdup(string) }
        pointers[strings.count] = nil
    }

    deinit {
        for index in 0..<count { free(pointers[index]) }
        pointers.deallocate()
    }
}

public struct ChildProcessError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}

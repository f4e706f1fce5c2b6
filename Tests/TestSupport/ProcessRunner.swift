import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The root of the kafkactl checkout these tests were built from (found from this file's path).
public var repoRoot: URL { repoRootURL }

private let repoRootURL: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Tests/TestSupport
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

/// What a finished child process wrote and how it ended.
public struct ProcessResult: Sendable {
    /// Standard output decoded as UTF-8 (invalid bytes repaired); see `stdoutData` for the exact bytes.
    public var stdout: String
    /// Standard error decoded as UTF-8 (invalid bytes repaired).
    public var stderr: String
    /// The exit status; for a process killed by a signal, 128 + the signal number, as a shell reports it.
    public var exitCode: Int32
    /// Standard output, byte for byte.
    public var stdoutData: Data
    /// How long the child ran: from just before its spawn to the moment its exit was seen, so never less than its
    /// life. Tests that check a command honours its timeout use this rather than their own clock, which also counts
    /// the time the test waits for a thread to run the launch on.
    public var elapsed: Duration

    public init(stdout: String, stderr: String, exitCode: Int32, stdoutData: Data, elapsed: Duration = .zero) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
        self.stdoutData = stdoutData
        self.elapsed = elapsed
    }
}

/// Why a child process could not be run to the end.
public enum ProcessRunnerError: Error, CustomStringConvertible, Sendable {
    /// The executable could not be started.
    case launchFailed(command: String, reason: String)
    /// The process outlived its timeout and was killed (`killed` false: it had exited, but a process it started kept
    /// its descriptors open); carries what it had written by then.
    case timedOut(command: String, timeout: Duration, killed: Bool, stdout: String, stderr: String)

    public var description: String {
        switch self {
        case .launchFailed(let command, let reason):
            return "could not run `\(command)`: \(reason)"
        case .timedOut(let command, let timeout, let killed, let stdout, let stderr):
            let what = killed
                ? "did not finish within \(timeout) and was killed"
                : "exited, but a process it started still held its output open after \(timeout)"
            return "`\(command)` \(what)"
                + "\n--- its stdout (last 2000 characters) ---\n\(String(stdout.suffix(2000)))"
                + "\n--- its stderr (last 2000 characters) ---\n\(String(stderr.suffix(2000)))"
        }
    }
}

/// The kafkactl binary under test: `$KAFKACTL_BIN`, else `<repo>/.build/debug/kafkactl`.
public var kafkactlBinary: URL {
    if let path = ProcessInfo.processInfo.environment["KAFKACTL_BIN"], !path.isEmpty {
        return URL(fileURLWithPath: path)
    }
    return repoRoot.appendingPathComponent(".build/debug/kafkactl")
}

/// The project venv (confluent-kafka, pexpect, Tansu): `$KAFKACTL_VENV`, else `<repo>/.venv`.
public var pythonVenv: URL {
    if let path = ProcessInfo.processInfo.environment["KAFKACTL_VENV"], !path.isEmpty {
        return URL(fileURLWithPath: path)
    }
    return repoRoot.appendingPathComponent(".venv")
}

/// Runs kafkactl with `args`, feeds it `stdin` (or /dev/null), and waits for it to exit.
///
/// Both output pipes are drained concurrently, so large output cannot deadlock. A process still running after
/// `timeout` is killed and the call throws `ProcessRunnerError.timedOut`: a hang fails the test.
/// `environment` is added to (and overrides) this process's environment.
public func runKafkactl(
    _ args: [String],
    stdin: Data? = nil,
    timeout: Duration = .seconds(30),
    environment: [String: String] = [:]
) throws -> ProcessResult {
    try runProcess(kafkactlBinary, args, stdin: stdin, timeout: timeout, environment: environment)
}

/// Runs `<venv>/bin/python -c script args...` (see `pythonVenv`) like `runKafkactl`.
public func runPython(
    script: String,
    args: [String] = [],
    stdin: Data? = nil,
    timeout: Duration = .seconds(60),
    environment: [String: String] = [:]
) throws -> ProcessResult {
    let python = pythonVenv.appendingPathComponent("bin/python")
    return try runProcess(python, ["-c", script] + args, stdin: stdin, timeout: timeout, environment: environment)
}

/// Runs any executable like `runKafkactl`.
public func runProcess(
    _ executable: URL,
    _ args: [String],
    stdin: Data? = nil,
    timeout: Duration = .seconds(30),
    environment: [String: String] = [:]
) throws -> ProcessResult {
    let command = ([executable.lastPathComponent] + args).map(shellQuoted).joined(separator: " ")
    guard FileManager.default.isExecutableFile(atPath: executable.path) else {
        let hint = executable == kafkactlBinary
            ? " (build it with swift build, or set KAFKACTL_BIN)"
            : executable.path.hasPrefix(pythonVenv.path) ? " (run scripts/setup, or set KAFKACTL_VENV)" : ""
        throw ProcessRunnerError.launchFailed(command: command, reason: "no executable at \(executable.path)\(hint)")
    }

    let process = ChildProcess()
    process.executableURL = executable
    process.arguments = args
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let outPipe = Pipe()
    let errPipe = Pipe()
    let inPipe = stdin.map { _ in Pipe() }
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe ?? FileHandle.nullDevice

    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    // Taken before the spawn, so that `elapsed` is never shorter than the child's life even when this thread waits
    // for a core after the spawn (tests check that a timeout was waited out).
    let launched = ContinuousClock.now
    do {
        try process.run()
    } catch {
        throw ProcessRunnerError.launchFailed(command: command, reason: "\(error)")
    }

    // One thread per pipe: a child that fills one pipe while we block on another would otherwise hang.
    let stdoutData = drain(outPipe.fileHandleForReading)
    let stderrData = drain(errPipe.fileHandleForReading)
    if let inPipe, let stdin {
        let writer = inPipe.fileHandleForWriting
        Thread.detachNewThread {
            // A child may exit without reading all of its input. That is no error here, and the SIGPIPE it raises
            // must not kill the test process: block it in this thread only (so children inherit no change), then
            // take the pending signal before the thread ends.
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
            if (try? writer.write(contentsOf: stdin)) == nil {
                var noWait = timespec()
                _ = sigtimedwait(&pipeSignal, nil, &noWait)
            }
            try? writer.close()
        }
    }

    let deadline = DispatchTime.now() + seconds(timeout)
    let finished = exited.wait(timeout: deadline) == .success
    let elapsed = ContinuousClock.now - launched
    guard finished, stdoutData.waitForEnd(until: deadline), stderrData.waitForEnd(until: deadline) else {
        if !finished {
            process.terminate()
            if exited.wait(timeout: .now() + 2) == .timedOut { process.sendSignal(SIGKILL) }
        }
        // A grandchild may still hold the pipes open: take what came so far, do not wait for it.
        _ = stdoutData.waitForEnd(until: .now() + 0.5)
        _ = stderrData.waitForEnd(until: .now() + 0.5)
        throw ProcessRunnerError.timedOut(
            command: command, timeout: timeout, killed: !finished,
            stdout: String(decoding: stdoutData.data, as: UTF8.self),
            stderr: String(decoding: stderrData.data, as: UTF8.self))
    }

    let status = process.terminationReason == .uncaughtSignal
        ? 128 + process.terminationStatus : process.terminationStatus
    let output = stdoutData.data
    return ProcessResult(
        stdout: String(decoding: output, as: UTF8.self),
        stderr: String(decoding: stderrData.data, as: UTF8.self),
        exitCode: status,
        stdoutData: output,
        elapsed: elapsed)
}

/// Reads `handle` to its end on a thread of its own.
private func drain(_ handle: FileHandle) -> PipeReader {
    let reader = PipeReader()
    Thread.detachNewThread { reader.read(handle) }
    return reader
}

/// What one pipe delivered, readable while it is still open (for a timeout's report).
private final class PipeReader: @unchecked Sendable {
    private let lock = NSLock()
    private let ended = DispatchSemaphore(value: 0)
    private var buffer = Data()

    /// Everything read so far.
    var data: Data { lock.withLock { buffer } }

    func read(_ handle: FileHandle) {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(handle.fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                lock.withLock { buffer.append(contentsOf: chunk[0..<count]) }
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        try? handle.close()
        ended.signal()
    }

    /// True once the pipe has reached its end, false if it has not by `deadline`.
    func waitForEnd(until deadline: DispatchTime) -> Bool {
        guard ended.wait(timeout: deadline) == .success else { return false }
        ended.signal()  // for the next waiter
        return true
    }
}

private func shellQuoted(_ word: String) -> String {
    let safe = CharacterSet(charactersIn:
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.,:/=@%+")
    if !word.isEmpty, word.unicodeScalars.allSatisfy({ safe.contains($0) }) {
        return word
    }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// `duration` in seconds, for Dispatch.
private func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
}

/// Runs a blocking or long CPU-bound call (a child process and the wait for it, a fuzzing run) on a thread of its
/// own, so that it never holds one of the few threads Swift Concurrency shares with every other test running in
/// parallel: on two cores, two such calls on those threads stall every async test in the process.
public func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

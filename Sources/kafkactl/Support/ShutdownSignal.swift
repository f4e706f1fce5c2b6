import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// SIGINT and SIGTERM as an event a command can wait for: the first one asks the command to stop taking input,
/// flush and exit cleanly; a second one ends the process at once (exit 130).
///
/// Every instance listens through one process-wide `SignalCatcher`; the newest instance alive is the one a signal
/// reaches.
final class ShutdownSignal: Sendable {
    private let state = Mutex(State())

    private struct State {
        var requested = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    init() {
        SignalCatcher.shared.listen(self)
    }

    deinit {
        SignalCatcher.shared.stopListening(self)
    }

    /// Set by the shell, which must outlive a command interrupted twice and ignores Ctrl-C at its prompt.
    static var keepProcessOnRepeat: Bool {
        get { SignalCatcher.shared.keepsProcess }
        set { SignalCatcher.shared.keepsProcess = newValue }
    }

    var isRequested: Bool { state.withLock { $0.requested } }

    /// The catcher's call: true when this was the first signal for this command.
    fileprivate func deliver() -> Bool {
        let waiters: [CheckedContinuation<Void, Never>]? = state.withLock { state in
            if state.requested { return nil }
            state.requested = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        guard let waiters else { return false }
        for waiter in waiters { waiter.resume() }
        return true
    }

    /// Returns when a signal arrives, or when the calling task is cancelled.
    func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.requested || Task.isCancelled { return true }
                    state.waiters.append(continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiters = state.withLock { state in
                defer { state.waiters.removeAll() }
                return state.waiters
            }
            for waiter in waiters { waiter.resume() }
        }
    }
}

/// Catches SIGINT and SIGTERM for the whole process, once, with a handler that only writes the signal's number to a
/// pipe; a thread of its own reads the pipe and tells the listening `ShutdownSignal`.
///
/// Not a dispatch signal source per command: on Linux those read a signalfd and block the signal only in the thread
/// that registered them, while the handler is set to SIG_IGN; a signal then sent to a thread that does not block it
/// is discarded, so in the shell a second command's Ctrl-C could vanish and leave the command running for good
/// (issue 18). A handler installed once and never removed receives every signal, whichever thread the kernel picks.
final class SignalCatcher: Sendable {
    static let shared = SignalCatcher()

    /// Every `ShutdownSignal` alive, oldest first.
    private let listeners = Mutex<[Listener]>([])
    private let keepsProcessFlag = Atomic<Bool>(false)

    private struct Listener: @unchecked Sendable {
        let id: ObjectIdentifier
        weak var signal: ShutdownSignal?
    }

    var keepsProcess: Bool {
        get { keepsProcessFlag.load(ordering: .relaxed) }
        set { keepsProcessFlag.store(newValue, ordering: .relaxed) }
    }

    private init() {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { return }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        signalPipeWriteEnd = descriptors[1]
        let readEnd = descriptors[0]
        PosixThread.start { [self] in
            var number: UInt8 = 0
            while true {
                let count = read(readEnd, &number, 1)
                if count == 1 {
                    handle(Int32(number))
                } else if count == 0 || errno != EINTR {
                    return
                }
            }
        }
        for signalNumber in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                // Only async-signal-safe work here: one write to a pipe whose end was set before the handler.
                var byte = UInt8(truncatingIfNeeded: number)
                let saved = errno
                _ = write(signalPipeWriteEnd, &byte, 1)
                errno = saved
            }
            sigemptyset(&action.sa_mask)
            // Blocking calls (a read of stdin, libedit's prompt) resume after the handler instead of failing.
            action.sa_flags = SA_RESTART
            sigaction(signalNumber, &action, nil)
        }
    }

    func listen(_ signal: ShutdownSignal) {
        listeners.withLock { $0.append(Listener(id: ObjectIdentifier(signal), signal: signal)) }
    }

    /// From the listener's deinit, where its weak references already read nil: found by identity.
    func stopListening(_ signal: ShutdownSignal) {
        let id = ObjectIdentifier(signal)
        listeners.withLock { $0.removeAll { $0.id == id } }
    }

    /// On the catcher's thread: the newest listener learns of the signal. A second signal for a command that is
    /// already stopping ends the process, unless the shell keeps it. With no command listening, the shell ignores
    /// Ctrl-C at its prompt, and anything else ends the process as the signal's default action would.
    private func handle(_ number: Int32) {
        let newest = listeners.withLock { $0.last?.signal }
        if let newest {
            if newest.deliver() || keepsProcess { return }
            _exit(130)
        }
        if keepsProcess && number == SIGINT { return }
        _exit(128 + number)
    }
}

/// The pipe's writing end, read by the signal handler (which can capture nothing).
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

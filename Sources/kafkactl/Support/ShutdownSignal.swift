import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// SIGINT and SIGTERM as an event a command can wait for: the first one asks the command to stop taking input,
/// flush and exit cleanly; a second one ends the process at once (exit 130).
final class ShutdownSignal: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    private let state = StateBox()

    private final class StateBox: @unchecked Sendable {
        let lock = DispatchQueue(label: "kafkactl.shutdown")
        var requested = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    init() {
        var sources: [any DispatchSourceSignal] = []
        let state = self.state
        for signalNumber in [SIGINT, SIGTERM] {
            // Ignored as a default action, delivered to the dispatch source instead.
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                let waiters: [CheckedContinuation<Void, Never>]? = state.lock.sync {
                    if state.requested { return nil }
                    state.requested = true
                    let waiting = state.waiters
                    state.waiters.removeAll()
                    return waiting
                }
                guard let waiters else {
                    // The second signal: the user wants out now (in the shell, the command is already stopping).
                    if !ShutdownSignal.keepProcessOnRepeat { _exit(130) }
                    return
                }
                for waiter in waiters { waiter.resume() }
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    /// Set by the shell, which must outlive a command interrupted twice.
    nonisolated(unsafe) static var keepProcessOnRepeat = false

    deinit {
        for source in sources { source.cancel() }
    }

    var isRequested: Bool { state.lock.sync { state.requested } }

    /// Returns when a signal arrives, or when the calling task is cancelled.
    func wait() async {
        let state = self.state
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.lock.sync { () -> Bool in
                    if state.requested || Task.isCancelled { return true }
                    state.waiters.append(continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiters = state.lock.sync { () -> [CheckedContinuation<Void, Never>] in
                let waiting = state.waiters
                state.waiters.removeAll()
                return waiting
            }
            for waiter in waiters { waiter.resume() }
        }
    }
}

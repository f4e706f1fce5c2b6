import AdminCore

/// How a console consumer's reading ends and is reported, as Kafka's tool does it.
struct ConsumeLifecycle {
    let context: CommandContext
    let signal: ShutdownSignal
    /// `--timeout-ms`: stop when no record arrived for this long.
    let idleTimeoutMs: Int64?
    /// `--enable-systest-events`.
    let systestEvents: Bool

    /// Runs the consuming `body` until it ends, a signal arrives or (with --timeout-ms) no record came for that
    /// long; then runs `finally` (commit and leave, in a group) and reports like Kafka's tool:
    /// "Processed a total of N messages" on stderr, exit 130 after a signal, 0 when the reader closed stdout.
    func run(
        _ body: @escaping @Sendable (SharedCounter, SharedCounter) async throws -> Void,
        finally: () async -> Void
    ) async throws {
        let printed = SharedCounter(0)
        let lastActivity = SharedCounter(WallClock.millis())
        let timeoutMs = idleTimeoutMs
        let outcome: Outcome = await withTaskGroup(of: Outcome.self) { group in
            group.addTask {
                do {
                    try await body(printed, lastActivity)
                    return .finished
                } catch let error as KafkactlError {
                    return .failed(error)
                } catch is OutputClosed {
                    return .outputClosed
                } catch is CancellationError {
                    return .finished
                } catch {
                    return .failed(KafkactlError(.internal, "\(error)"))
                }
            }
            group.addTask {
                await signal.wait()
                return Task.isCancelled ? .finished : .interrupted
            }
            if let timeoutMs {
                group.addTask {
                    while !Task.isCancelled {
                        let idle = WallClock.millis() - lastActivity.value
                        if idle >= timeoutMs { return .idle }
                        try? await Task.sleep(for: .milliseconds(min(100, max(1, timeoutMs - idle))))
                    }
                    return .finished
                }
            }
            let first = await group.next()!
            group.cancelAll()
            return first
        }
        try? context.stdout.flush()
        await finally()
        let total = printed.value
        switch outcome {
        case .outputClosed:
            return
        case .failed(let error):
            context.printError("Processed a total of \(total) messages")
            reportShutdown()
            throw error
        case .interrupted:
            context.printError("Processed a total of \(total) messages")
            reportShutdown()
            // Ctrl-C is how a tail ends: the total above says all there is, and the exit code says how.
            throw KafkactlError(.interrupted, "")
        case .finished, .idle:
            context.printError("Processed a total of \(total) messages")
            reportShutdown()
        }
    }

    /// Kafka's shutdown hook prints this last, after the total, for its system tests.
    func reportShutdown() {
        guard systestEvents else { return }
        try? context.print("shutdown_complete")
        try? context.stdout.flush()
    }

    enum Outcome: Sendable {
        case finished, idle, interrupted, outputClosed
        case failed(KafkactlError)
    }
}

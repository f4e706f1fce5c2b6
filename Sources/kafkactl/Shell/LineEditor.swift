@preconcurrency import CLibEdit
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// libedit's readline interface: line editing, history in a file (kept to `historyLimit` lines and saved after
/// every command, so the next shell has it), and Tab completion through a `CompletionEngine`. libedit calls
/// back synchronously from C, so the engine sits in a global that only the editor sets.
final class LineEditor: Sendable {
    let historyPath: String
    let historyLimit: Int32 = 1000

    init(historyPath: String, completion: CompletionEngine) {
        self.historyPath = historyPath
        LineEditor.engine.withLock { $0 = completion }
        rl_readline_name = UnsafePointer(strdup("kafkactl"))
        // The shell and each command handle SIGINT themselves; libedit must leave the handlers alone.
        rl_catch_signals = 0
        rl_attempted_completion_function = { text, start, _ in
            // Offer nothing but our candidates (no file names).
            rl_attempted_completion_over = 1
            return rl_completion_matches(text) { text, state in LineEditor.nextCandidate(text, state) }
        }
        using_history()
        stifle_history(historyLimit)
        _ = read_history(historyPath)
    }

    /// Reads one line with the prompt; nil at end of input (Ctrl-D). Runs on a thread of its own: `readline`
    /// blocks, and must not hold one of the few Swift concurrency threads.
    ///
    /// The line comes with the interrupt that will stop its command, listening from the moment `readline` returns:
    /// a Ctrl-C typed just after Enter, before the command has started, stops the command instead of reaching no
    /// listener, which the shell ignores as a Ctrl-C at its prompt.
    func readLine(prompt: String) async -> (text: String, interrupt: ShutdownSignal)? {
        await withCheckedContinuation { continuation in
            PosixThread.start {
                guard let raw = readline(prompt) else {
                    continuation.resume(returning: nil)
                    return
                }
                let interrupt = ShutdownSignal()
                let line = String(cString: raw)
                free(raw)
                continuation.resume(returning: (line, interrupt))
            }
        }
    }

    /// Remembers a line and saves the history (at most `historyLimit` lines) at once, so a crash loses nothing
    /// and the next shell starts with it.
    func remember(_ line: String) {
        add_history(line)
        _ = write_history(historyPath)
    }

    // MARK: The C side of completion

    private static let engine = Mutex<CompletionEngine?>(nil)
    private static let pending = Mutex<[String]>([])

    /// libedit asks for candidates one at a time (state 0 first) and frees the strings it gets.
    private static func nextCandidate(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
        if state == 0 {
            let line = rl_line_buffer.map { String(cString: $0) } ?? ""
            let upToCursor = String(line.utf8.prefix(Int(rl_point))) ?? line
            let candidates = engine.withLock { $0?.candidates(for: upToCursor) } ?? []
            // A lone `key=` (a property or config name) wants its value next, not a space.
            rl_completion_append_character = candidates.count == 1 && candidates[0].hasSuffix("=") ? 0 : 32
            pending.withLock { $0 = candidates }
        }
        return pending.withLock { list in
            guard !list.isEmpty else { return nil }
            return strdup(list.removeFirst())
        }
    }

    /// `$XDG_STATE_HOME/kafkactl/history`, or `~/.local/state/kafkactl/history`; the folder is created.
    static func defaultHistoryPath() -> String {
        StatePaths.folder() + "/history"
    }
}

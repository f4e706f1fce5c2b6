import AdminCore
import Glibc
import Synchronization

/// Reads the answer to a question (acls --remove's y/n) so that Ctrl-C cancels the question instead of being lost:
/// in the shell, which ignores Ctrl-C at its own prompt, a blocking read would otherwise leave the question open and
/// take the next command typed as its answer.
///
/// On a terminal the line is read a byte at a time on a thread of its own, after `poll` says input is there, so that
/// nothing past the answer is taken from the shell's input, and the read gives up when a signal rings its wake pipe.
/// Otherwise (a script or pipe) the next line is the answer, as Apache's tools read it.
enum AnswerPrompt {
    /// The line typed (without its newline), or nil at the end of input; throws `.interrupted` on Ctrl-C.
    static func readAnswer() async throws -> String? {
        guard StdinReader.isTerminal() else { return Swift.readLine(strippingNewline: true) }
        let signal = ShutdownSignal()
        let wake = WakePipe()
        let answer = await withTaskGroup(of: Answer.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    PosixThread.start {
                        continuation.resume(returning: wake.waitForInput(on: 0) ? readLineUnbuffered().map(Answer.line) ?? .end : .interrupted)
                    }
                }
            }
            group.addTask {
                await signal.wait()
                wake.ring()
                return .interrupted
            }
            // The signal task has rung the pipe if it won; if the line won, the reading thread is done.
            let first = await group.next() ?? .end
            group.cancelAll()
            return first
        }
        switch answer {
        case .line(let text): return text
        case .end: return nil
        case .interrupted:
            var newline = UInt8(ascii: "\n")
            _ = write(1, &newline, 1)  // past the ^C the terminal echoed
            throw KafkactlError(.interrupted, "interrupted: nothing was changed")
        }
    }

    private enum Answer: Sendable {
        case line(String)
        case end
        case interrupted
    }

    /// One line from descriptor 0, a byte at a time: nothing after its newline is consumed.
    private static func readLineUnbuffered() -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(0, &byte, 1)
            if count == 1 {
                if byte == UInt8(ascii: "\n") { break }
                bytes.append(byte)
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                if bytes.isEmpty { return nil }
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

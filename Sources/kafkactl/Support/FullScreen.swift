import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The terminal as a full-screen program (`top`) uses it: raw keys, the alternate screen, no cursor. `restore()`
/// puts everything back and is safe to call more than once; the caller calls it on every way out (q, a signal, an
/// error), so the shell's prompt or the user's terminal is never left raw.
final class FullScreen: Sendable {
    private let saved: termios?
    private let restored = Atomic<Bool>(false)
    private let output: any OutputSink

    /// Raw mode on stdin (no echo, no line buffering, signals still delivered so Ctrl-C is SIGINT), then the
    /// alternate screen with the cursor hidden.
    init(output: any OutputSink) {
        self.output = output
        var settings = termios()
        if tcgetattr(0, &settings) == 0 {
            saved = settings
            var raw = settings
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
            raw.c_cc.6 = 1  // VMIN: a read returns each key
            raw.c_cc.5 = 0  // VTIME
            tcsetattr(0, TCSANOW, &raw)
        } else {
            saved = nil
        }
        try? output.write("\u{1B}[?1049h\u{1B}[?25l")
        try? output.flush()
    }

    func restore() {
        guard !restored.exchange(true, ordering: .acquiringAndReleasing) else { return }
        try? output.write("\u{1B}[?25h\u{1B}[?1049l")
        try? output.flush()
        if var saved { tcsetattr(0, TCSANOW, &saved) }
    }

    deinit { restore() }

    /// Draws a frame over the previous one: home, each line cleared to its end, the rest of the screen cleared.
    func draw(_ lines: [String]) {
        var text = "\u{1B}[H"
        for (index, line) in lines.enumerated() {
            text += line + "\u{1B}[K"
            if index < lines.count - 1 { text += "\r\n" }
        }
        text += "\u{1B}[J"
        try? output.write(text)
        try? output.flush()
    }

    /// The terminal's size, 80x24 when it does not say.
    static func size() -> (width: Int, height: Int) {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 {
            return (Int(size.ws_col), Int(size.ws_row))
        }
        return (80, 24)
    }
}

/// Keys typed while a full-screen view runs, read on a thread of their own (a blocking read must not hold one of
/// the few threads of Swift's pool) and handed over as a stream. `stop()` ends the thread without consuming a key
/// meant for whatever reads the terminal next (the shell's prompt).
final class KeyReader: Sendable {
    let keys: AsyncStream<UInt8>
    private let wake = WakePipe()
    private let stopped = StopFlag()

    init() {
        let (stream, continuation) = AsyncStream<UInt8>.makeStream()
        keys = stream
        let wake = self.wake
        let stopped = self.stopped
        PosixThread.start {
            var byte: UInt8 = 0
            while !stopped.isSet && wake.waitForInput(on: 0) {
                guard !stopped.isSet, read(0, &byte, 1) == 1 else { break }
                continuation.yield(byte)
            }
            continuation.finish()
        }
    }

    func stop() {
        stopped.set()
        wake.ring()
    }
}

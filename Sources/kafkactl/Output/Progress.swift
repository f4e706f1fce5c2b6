/// A one-line progress report on stderr, rewritten in place; only when stderr is a terminal and never with
/// `--output json`, so that logs and pipes stay clean.
struct Progress {
    private let enabled: Bool
    private let sink: any OutputSink
    private let start = ContinuousClock.now
    private var lastReport = ContinuousClock.now
    private var shown = false

    init(enabled: Bool, sink: any OutputSink) {
        self.enabled = enabled
        self.sink = sink
    }

    /// Reports at most twice a second.
    mutating func update(records: Int, bytes: Int, verb: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let seconds = max(Double((now - start).components.attoseconds) / 1e18 + Double((now - start).components.seconds), 0.001)
        let rate = Double(bytes) / seconds / 1_000_000
        show("\(verb) \(records) records (\(FixedDecimals.fixed(rate, 1)) MB/s)")
    }

    /// Shows `line` in place of the last one, at most twice a second.
    mutating func show(_ line: @autoclosure () -> String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard now - lastReport >= .milliseconds(500) else { return }
        lastReport = now
        try? sink.write("\r\(line())\u{1B}[K")
        try? sink.flush()
        shown = true
    }

    mutating func finish() {
        guard shown else { return }
        try? sink.write("\r\u{1B}[K")
        try? sink.flush()
        shown = false
    }
}

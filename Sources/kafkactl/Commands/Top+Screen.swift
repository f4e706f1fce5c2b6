import AdminCore

/// `top` on a terminal: the alternate screen redrawn every refresh and at every key. Sampling runs in a task of its
/// own, so keys answer at once even while a refresh waits on a slow broker; everything the screen shows is changed
/// only here, from one stream of events.
struct TopScreen {
    let sampler: TopSampler
    var controls: TopControls
    let interval: Double
    let iterations: Int?

    enum Event: Sendable {
        case key(UInt8)
        case sampled(LagSample)
        case failed(String)
        case signal
    }

    init(sampler: TopSampler, view: TopView, interval: Double, iterations: Int?) {
        self.sampler = sampler
        self.controls = TopControls(view: view)
        self.interval = interval
        self.iterations = iterations
    }

    mutating func run(on context: CommandContext) async throws {
        let signal = ShutdownSignal()
        // The first sample before the screen changes: a cluster that cannot be reached is one line on the normal
        // screen, not a flash of an empty view.
        var trend = LagTrend()
        let first = try await sampler.sample()
        trend.add(first)
        let screen = FullScreen(output: context.stdout)
        let keys = KeyReader()
        defer {
            keys.stop()
            screen.restore()
        }
        let (events, sink) = AsyncStream<Event>.makeStream()
        let sampler = self.sampler
        let interval = self.interval
        let remaining = iterations.map { $0 - 1 } ?? Int.max
        let sampling = Task {
            var next = LagClock.seconds()
            for _ in 0..<remaining {
                next += interval
                let wait = next - LagClock.seconds()
                if wait > 0 { try? await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
                if Task.isCancelled { return }
                do { sink.yield(.sampled(try await sampler.sample())) } catch let error as KafkactlError {
                    sink.yield(.failed(error.message))
                } catch {
                    sink.yield(.failed("\(error)"))
                }
            }
        }
        let typing = Task {
            for await key in keys.keys { sink.yield(.key(key)) }
        }
        let interrupt = Task {
            await signal.wait()
            if !Task.isCancelled { sink.yield(.signal) }
        }
        defer {
            sampling.cancel()
            typing.cancel()
            interrupt.cancel()
        }
        var rows = sampler.rows(trend)
        var groups = first.groups.count
        var samples = 1
        draw(rows, groups: groups, on: screen)
        if let iterations, samples >= iterations { return }
        for await event in events {
            switch event {
            case .signal: return
            case .failed(let message):
                controls.status = "refresh failed: \(message)"
            case .sampled(let sample):
                trend.add(sample)
                samples += 1
                if !controls.view.paused {
                    rows = sampler.rows(trend)
                    groups = sample.groups.count
                }
            case .key(let key):
                if controls.handle(key) == .quit { return }
            }
            draw(rows, groups: groups, on: screen)
            if let iterations, samples >= iterations { return }
        }
    }

    private func draw(_ rows: [TopicLag], groups: Int, on screen: FullScreen) {
        let size = FullScreen.size()
        screen.draw(TopRenderer.frame(rows, view: controls.view, groups: groups, interval: interval, width: size.width, height: size.height,
                                      colors: true, status: controls.bottomLine))
    }
}

/// What the keys change: the view, a filter being typed after `/`, and the bottom line.
struct TopControls {
    var view: TopView
    /// The filter typed so far, while one is typed.
    var filterInput: String?
    /// A message for the bottom line (a refused filter, a failed refresh) until the next key.
    var status: String?

    static let help = "q quit  s/> < sort  r reverse  / filter  p pause"

    var bottomLine: String {
        filterInput.map { "filter (regex, Enter applies, Esc cancels): \($0)" } ?? status ?? Self.help
    }

    enum Outcome { case keepGoing, quit }

    /// What a key does; while a filter is typed, keys edit it (Enter applies, Escape cancels).
    mutating func handle(_ key: UInt8) -> Outcome {
        if var typed = filterInput {
            switch key {
            case 13, 10:
                filterInput = nil
                do {
                    try view.setFilter(typed)
                    status = nil
                } catch let error as KafkactlError {
                    status = error.message
                } catch {
                    status = "\(error)"
                }
            case 27: filterInput = nil
            case 127, 8:
                if !typed.isEmpty { typed.removeLast() }
                filterInput = typed
            case 32...126:
                typed.append(Character(Unicode.Scalar(key)))
                filterInput = typed
            default: break
            }
            return .keepGoing
        }
        status = nil
        switch key {
        case UInt8(ascii: "q"), UInt8(ascii: "Q"): return .quit
        case UInt8(ascii: "s"), UInt8(ascii: ">"), UInt8(ascii: "."): view.moveSort(by: 1)
        case UInt8(ascii: "<"), UInt8(ascii: ","): view.moveSort(by: -1)
        case UInt8(ascii: "r"): view.reversed.toggle()
        case UInt8(ascii: "p"), UInt8(ascii: " "): view.paused.toggle()
        case UInt8(ascii: "/"): filterInput = ""
        default: break
        }
        return .keepGoing
    }

}

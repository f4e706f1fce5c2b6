import AdminCore
import ArgumentParser

/// `kafkactl top`: a live view of consumer-group lag (issue 22). Kafka has no such tool; flags and keys follow
/// `top`: `--interval`, `--iterations`, one frame and exit when stdout is not a terminal (`top -b -n 1`).
struct Top: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "top",
        abstract: "A live view of consumer-group lag: lag in records and time, rates, catch-up ETA (kafkactl).",
        discussion: """
            One row per group and topic: STATE and MEMBERS of the group, PARTS (partitions it committed), LAG in records, TIME-LAG (lag / consume rate; "stalled" when the group lags and commits nothing), CONSUME/s and PRODUCE/s (records per second, measured over the last 10 s of refreshes), ETA (lag / (consume - produce); "never" when the group does not gain). Rates need two refreshes: the first frame shows "-".

            Sorted by time lag by default. On a terminal the view refreshes every --interval seconds; keys: q quit, s or > next sort column, < previous, r reverse, / filter by regex (group or topic; empty clears), p or space pause. A state that changed is shown in reverse video, a growing lag in red.

            Without a terminal it prints --iterations frames (default 1), like top -b. --output json prints one JSON document per refresh, one per line (default: until interrupted).

            Each refresh sends ListGroups to every broker, DescribeGroups and OffsetFetch once per group coordinator (OffsetFetch v8+, Kafka 3.0+; older coordinators get one per group) and ListOffsets once per partition leader, however many groups there are.

            Examples:
              kafkactl top --bootstrap-server B
              kafkactl top --bootstrap-server B --group '^orders-' --sort lag
              kafkactl top --bootstrap-server B --output json --interval 5 | jq .rows[0]
            """)

    @OptionGroup var connection: ConnectionOptions
    @Option(help: ArgumentHelp("Only groups whose id matches this regular expression (anywhere; anchor with ^ and $).", valueName: "regex"),
            completion: .custom(LiveNames.groups))
    var group: String?
    @Option(help: ArgumentHelp("Only rows whose topic matches this regular expression.", valueName: "regex"),
            completion: .custom(LiveNames.topics))
    var topic: String?
    @Option(help: ArgumentHelp("Seconds between refreshes (default 1; fractions allowed).", valueName: "seconds"))
    var interval: String = "1"
    @Option(help: ArgumentHelp("Refreshes before exiting (default: 1 without a terminal, else until q or Ctrl-C).", valueName: "n"))
    var iterations: Int?
    @Option(help: ArgumentHelp("The column to sort by: \(TopView.Column.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "column"),
            completion: .list(TopView.Column.allCases.map(\.rawValue)))
    var sort: String = TopView.Column.timeLag.rawValue
    @Flag(help: "Reverse the sort order (numbers ascending, names descending).") var reverse = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard let seconds = Double(interval), seconds.isFinite, seconds >= 0.1, seconds <= 86_400 else {
            throw ValidationError("--interval '\(interval)' is not a number of seconds between 0.1 and 86400")
        }
        _ = seconds
        guard TopView.Column(rawValue: sort) != nil else {
            throw ValidationError("--sort '\(sort)' is not a column: give one of \(TopView.Column.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let iterations, iterations < 1 { throw ValidationError("--iterations must be at least 1, not \(iterations)") }
        for (flag, text) in [("--group", group), ("--topic", topic)] {
            guard let text else { continue }
            do { _ = try TopFilter.regex(text, what: flag) } catch let error as KafkactlError { throw ValidationError(error.message) }
        }
    }

    var seconds: Double { Double(interval) ?? 1 }

    func run(in context: CommandContext) async throws {
        let groupRegex = try group.map { try TopFilter.regex($0, what: "--group") }
        let topicRegex = try topic.map { try TopFilter.regex($0, what: "--topic") }
        let properties = try connection.commandConfig.map { try PropertiesFile.load(path: $0, flag: "--command-config") } ?? [:]
        let configuration = try connection.clientConfiguration(extraProperties: properties)
        let view = TopView(sort: TopView.Column(rawValue: sort) ?? .timeLag, reversed: reverse)
        let live = !output.isJSON && context.stdoutIsTerminal && StdinReader.isTerminal()
        try await context.withClient(configuration) { client in
            let sampler = TopSampler(admin: AdminClient(client: client), groupRegex: groupRegex, topicRegex: topicRegex)
            if live {
                var screen = TopScreen(sampler: sampler, view: view, interval: seconds, iterations: iterations)
                try await screen.run(on: context)
            } else {
                try await batch(sampler, view: view, on: context)
            }
        }
    }

    /// Without a terminal, or with --output json: frames (or documents) one after another, until --iterations or a
    /// signal.
    private func batch(_ sampler: TopSampler, view: TopView, on context: CommandContext) async throws {
        let signal = ShutdownSignal()
        var trend = LagTrend()
        let count = iterations ?? (output.isJSON ? Int.max : 1)
        var next = LagClock.seconds()
        for iteration in 0..<count {
            if iteration > 0 {
                next += seconds
                if await TopSampler.sleep(until: next, or: signal) { break }
            }
            let (rows, groups) = try await sampler.refresh(&trend)
            if output.isJSON {
                try context.print(TopRenderer.document(rows, view: view, timeMs: WallClock.millis(), groups: groups).serialized())
            } else {
                if iteration > 0 { try context.print("") }
                for line in TopRenderer.frame(rows, view: view, groups: groups, interval: seconds, width: .max, height: nil, colors: false) {
                    try context.print(line)
                }
            }
            try context.stdout.flush()
            if signal.isRequested { break }
        }
    }
}

/// One refresh of `top`: a sample of the groups --group accepts, added to the trend, rows of topics --topic
/// accepts.
struct TopSampler: Sendable {
    let admin: AdminClient
    nonisolated(unsafe) let groupRegex: Regex<AnyRegexOutput>?
    nonisolated(unsafe) let topicRegex: Regex<AnyRegexOutput>?

    func sample() async throws -> LagSample {
        let regex = groupRegex
        return try await admin.sampleLag(includes: { name in regex.map { TopFilter.matches($0, name) } ?? true })
    }

    func rows(_ trend: LagTrend) -> [TopicLag] {
        guard let topicRegex else { return trend.rows() }
        return trend.rows().filter { !$0.topic.isEmpty && TopFilter.matches(topicRegex, $0.topic) }
    }

    /// Rows and the number of groups sampled.
    func refresh(_ trend: inout LagTrend) async throws -> ([TopicLag], Int) {
        let sample = try await sample()
        trend.add(sample)
        return (rows(trend), sample.groups.count)
    }

    /// Sleeps until `deadline` (LagClock seconds); true when a signal came first.
    static func sleep(until deadline: Double, or signal: ShutdownSignal) async -> Bool {
        let wait = deadline - LagClock.seconds()
        if signal.isRequested { return true }
        guard wait > 0 else { return false }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                try? await Task.sleep(for: .milliseconds(Int(wait * 1000)))
                return false
            }
            group.addTask {
                await signal.wait()
                return !Task.isCancelled
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}

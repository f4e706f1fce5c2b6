import AdminCore

/// How `top` orders and filters its rows: what the keys change while it runs.
struct TopView {
    /// The columns, in screen order; each is a sort key too (`<` and `>` move between them).
    enum Column: String, CaseIterable, Sendable {
        case group, topic, state, members, partitions, lag
        case timeLag = "time-lag"
        case consumeRate = "consume-rate"
        case produceRate = "produce-rate"
        case eta

        var title: String {
            switch self {
            case .group: return "GROUP"
            case .topic: return "TOPIC"
            case .state: return "STATE"
            case .members: return "MEMBERS"
            case .partitions: return "PARTS"
            case .lag: return "LAG"
            case .timeLag: return "TIME-LAG"
            case .consumeRate: return "CONSUME/s"
            case .produceRate: return "PRODUCE/s"
            case .eta: return "ETA"
            }
        }

        /// Names read left to right: they sort ascending; numbers sort largest first, as `top` does.
        var descendingByDefault: Bool { ![.group, .topic, .state].contains(self) }
        var isNumeric: Bool { descendingByDefault }
    }

    var sort: Column = .timeLag
    var reversed = false
    /// Shown rows: group or topic matches anywhere (nil: all).
    var filter: String?
    var filterRegex: Regex<AnyRegexOutput>?
    var paused = false

    /// `s`/`>` and `<`: the next or previous column.
    mutating func moveSort(by step: Int) {
        let all = Column.allCases
        let index = all.firstIndex(of: sort)!
        sort = all[(index + step + all.count) % all.count]
        reversed = false
    }

    /// Sets the filter, or explains in one line why the text is no regular expression.
    mutating func setFilter(_ text: String) throws {
        if text.isEmpty {
            filter = nil
            filterRegex = nil
            return
        }
        filterRegex = try TopFilter.regex(text, what: "filter")
        filter = text
    }

    func arranged(_ rows: [TopicLag]) -> [TopicLag] {
        let shown = filterRegex.map { regex in rows.filter { TopFilter.matches(regex, $0.group) || TopFilter.matches(regex, $0.topic) } } ?? rows
        let descending = sort.descendingByDefault != reversed
        return shown.sorted { left, right in
            let order = Self.compare(left, right, by: sort)
            if order != 0 { return descending ? order > 0 : order < 0 }
            // Ties keep a stable, readable order: group, then topic.
            return (left.group, left.topic) < (right.group, right.topic)
        }
    }

    /// -1, 0 or 1 as `left` is before, beside or after `right` in ascending order of `column`.
    static func compare(_ left: TopicLag, _ right: TopicLag, by column: Column) -> Int {
        func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : a > b ? 1 : 0 }
        switch column {
        case .group: return order(left.group, right.group)
        case .topic: return order(left.topic, right.topic)
        case .state: return order(left.state, right.state)
        case .members: return order(left.members, right.members)
        case .partitions: return order(left.partitions, right.partitions)
        case .lag: return order(left.lag, right.lag)
        case .timeLag: return order(sortableTimeLag(left), sortableTimeLag(right))
        case .consumeRate: return order(left.consumeRate ?? -1, right.consumeRate ?? -1)
        case .produceRate: return order(left.produceRate ?? -1, right.produceRate ?? -1)
        case .eta: return order(sortableEta(left), sortableEta(right))
        }
    }

    /// A stalled group is the furthest behind of all; without rates yet, the record lag stands in (scaled below any
    /// measured time, so the first frame still puts the largest lags first).
    static func sortableTimeLag(_ row: TopicLag) -> Double {
        if row.stalled { return .infinity }
        if let timeLag = row.timeLag { return timeLag }
        return row.lag > 0 && row.consumeRate == nil ? -1 / Double(row.lag + 1) : -1
    }

    static func sortableEta(_ row: TopicLag) -> Double {
        if let eta = row.eta { return eta }
        return row.consumeRate == nil ? -1 : .infinity
    }
}

/// `--group`, `--topic` and the `/` filter: a regular expression found anywhere in the name (anchor it with ^ and $).
enum TopFilter {
    static func regex(_ text: String, what: String) throws -> Regex<AnyRegexOutput> {
        do {
            return try Regex(text)
        } catch {
            throw KafkactlUsageError("\(what) '\(text)' is not a valid regular expression: fix it or quote it for the shell")
        }
    }

    static func matches(_ regex: Regex<AnyRegexOutput>, _ name: String) -> Bool {
        (try? regex.firstMatch(in: name)) != nil
    }
}

/// `top`'s screen and its JSON documents, from rows and a view: pure, so every layout is unit-tested.
struct TopRenderer {
    /// One screen (or one batch-mode frame): a title line, the header and as many rows as fit, each line at most
    /// `width` columns. With `colors`, a state that changed since the last refresh is shown in reverse video and a
    /// growing lag in red, and the sort column's title is underlined.
    static func frame(_ rows: [TopicLag], view: TopView, groups: Int, interval: Double, width: Int, height: Int?, colors: Bool,
                      status: String? = nil) -> [String] {
        let arranged = view.arranged(rows)
        var title = "kafkactl top - \(groups) groups, \(arranged.count) rows - every \(formatSeconds(interval)) - sort: \(view.sort.rawValue)\(view.reversed ? " (reversed)" : "")"
        if let filter = view.filter { title += " - filter: \(filter)" }
        if view.paused { title += " - PAUSED" }
        let columns = TopView.Column.allCases
        let cells = arranged.map { row in columns.map { cell(row, $0) } }
        var widths = columns.enumerated().map { index, column in
            max(column.title.count, cells.map { $0[index].count }.max() ?? 0)
        }
        fit(&widths, columns: columns, into: width)
        var lines = [clip(title, width)]
        let header = columns.indices.compactMap { index -> String? in
            guard widths[index] > 0 else { return nil }
            let text = pad(columns[index].title, widths[index], right: columns[index].isNumeric)
            return colors && columns[index] == view.sort ? "\u{1B}[4m\(text)\u{1B}[24m" : text
        }
        lines.append(header.joined(separator: " "))
        let room = height.map { max(0, $0 - lines.count - (status == nil ? 0 : 1)) } ?? arranged.count
        for (row, rowCells) in zip(arranged, cells).prefix(room) {
            let line = columns.indices.compactMap { index -> String? in
                guard widths[index] > 0 else { return nil }
                let text = pad(clip(rowCells[index], widths[index]), widths[index], right: columns[index].isNumeric)
                guard colors else { return text }
                if columns[index] == .state && row.stateChanged { return "\u{1B}[7m\(text)\u{1B}[27m" }
                if columns[index] == .lag && row.lagGrowing { return "\u{1B}[31m\(text)\u{1B}[39m" }
                return text
            }
            lines.append(line.joined(separator: " "))
        }
        if let status { lines.append(clip(status, width)) }
        return lines
    }

    /// Makes the columns fit: the names give way first (down to 12 columns, cut with `~`), then columns are dropped
    /// from the right (width 0).
    static func fit(_ widths: inout [Int], columns: [TopView.Column], into width: Int) {
        func total() -> Int { widths.filter { $0 > 0 }.reduce(0, +) + max(0, widths.filter { $0 > 0 }.count - 1) }
        for name in [TopView.Column.group, .topic] where total() > width {
            let index = columns.firstIndex(of: name)!
            widths[index] = max(min(widths[index], 12), widths[index] - (total() - width))
        }
        var last = widths.count - 1
        while total() > width && last > 0 {
            widths[last] = 0
            last -= 1
        }
    }

    static func cell(_ row: TopicLag, _ column: TopView.Column) -> String {
        switch column {
        case .group: return row.group
        case .topic: return row.topic.isEmpty ? "-" : row.topic
        case .state: return row.error == nil ? (row.state.isEmpty ? "-" : row.state) : "ERROR"
        case .members: return String(row.members)
        case .partitions: return String(row.partitions)
        case .lag: return String(row.lag)
        case .timeLag: return row.stalled ? "stalled" : row.timeLag.map(formatSeconds) ?? (row.lag == 0 && row.consumeRate != nil ? "0s" : "-")
        case .consumeRate: return row.consumeRate.map(formatRate) ?? "-"
        case .produceRate: return row.produceRate.map(formatRate) ?? "-"
        case .eta:
            if let eta = row.eta { return formatSeconds(eta) }
            return row.consumeRate == nil ? "-" : "never"
        }
    }

    /// 42s, 3m05s, 2h07m, 3d04h: two units at most, as an operator reads a lag at a glance.
    static func formatSeconds(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "never" }
        if seconds < 10 && seconds != seconds.rounded() { return "\(Double(Int(seconds * 10)) / 10)s" }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        if whole < 3600 { return "\(whole / 60)m\(two(whole % 60))s" }
        if whole < 86_400 { return "\(whole / 3600)h\(two(whole % 3600 / 60))m" }
        return "\(whole / 86_400)d\(two(whole % 86_400 / 3600))h"
    }

    /// Records per second: 0, 12.5, 840, 12.3k, 4.5M.
    static func formatRate(_ rate: Double) -> String {
        func oneDecimal(_ value: Double) -> String {
            let tenths = Int((value * 10).rounded())
            return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
        }
        if rate >= 1_000_000 { return oneDecimal(rate / 1_000_000) + "M" }
        if rate >= 10_000 { return oneDecimal(rate / 1000) + "k" }
        if rate >= 100 { return String(Int(rate.rounded())) }
        return oneDecimal(rate)
    }

    static func pad(_ text: String, _ width: Int, right: Bool) -> String {
        let gap = String(repeating: " ", count: max(0, width - text.count))
        return right ? gap + text : text + gap
    }

    static func clip(_ text: String, _ width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        return String(text.prefix(width - 1)) + "~"
    }

    /// One refresh as one JSON document (one line): the wall time, and per row the numbers unformatted (seconds and
    /// records per second; null where there is no rate yet, eta null when the group does not gain).
    static func document(_ rows: [TopicLag], view: TopView, timeMs: Int64, groups: Int) -> JSON {
        .object([
            ("time_ms", .integer(timeMs)),
            ("groups", .int(groups)),
            ("rows", .array(view.arranged(rows).map { row in
                .object([
                    ("group", .string(row.group)),
                    ("topic", row.topic.isEmpty ? .null : .string(row.topic)),
                    ("state", .string(row.state)),
                    ("members", .int(row.members)),
                    ("partitions", .int(row.partitions)),
                    ("lag", .integer(row.lag)),
                    ("time_lag_s", row.timeLag.map(JSON.double) ?? .null),
                    ("consume_rate", row.consumeRate.map(JSON.double) ?? .null),
                    ("produce_rate", row.produceRate.map(JSON.double) ?? .null),
                    ("eta_s", row.eta.map(JSON.double) ?? .null),
                    ("stalled", .bool(row.stalled)),
                    ("state_changed", .bool(row.stateChanged)),
                    ("lag_growing", .bool(row.lagGrowing)),
                    ("error", .optional(row.error)),
                ])
            })),
        ])
    }
}

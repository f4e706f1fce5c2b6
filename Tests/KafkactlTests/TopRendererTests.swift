import AdminCore
import Testing

@testable import kafkactl

/// `top`'s screen, sort keys, filter and JSON documents, from rows made by hand.
@Suite struct TopRendererTests {
    static func row(_ group: String, _ topic: String, lag: Int64, consume: Double? = nil, produce: Double? = nil,
                    timeLag: Double? = nil, eta: Double? = nil, stalled: Bool = false, stateChanged: Bool = false,
                    lagGrowing: Bool = false, state: String = "Stable") -> TopicLag {
        TopicLag(group: group, topic: topic, state: state, members: 1, partitions: 3, lag: lag, consumeRate: consume,
                 produceRate: produce, timeLag: timeLag, eta: eta, stalled: stalled, stateChanged: stateChanged,
                 lagGrowing: lagGrowing, error: nil)
    }

    static let rows = [
        row("billing", "invoices", lag: 500, consume: 100, produce: 50, timeLag: 5, eta: 10),
        row("orders", "orders", lag: 9_000, consume: 3_000, produce: 3_000, timeLag: 3),
        row("audit", "events", lag: 20, consume: 0, produce: 1, stalled: true, lagGrowing: true),
        row("idle", "events", lag: 0, consume: 0, produce: 0, eta: 0, stateChanged: true, state: "Empty"),
    ]

    @Test func theScreenIsSortedByTimeLagStalledFirst() {
        let lines = TopRenderer.frame(Self.rows, view: TopView(), groups: 4, interval: 1, width: 200, height: nil, colors: false)
        #expect(lines[0] == "kafkactl top - 4 groups, 4 rows - every 1s - sort: time-lag")
        #expect(lines[1].split(separator: " ") == ["GROUP", "TOPIC", "STATE", "MEMBERS", "PARTS", "LAG", "TIME-LAG", "CONSUME/s", "PRODUCE/s", "ETA"])
        #expect(lines.dropFirst(2).map { $0.split(separator: " ").first! } == ["audit", "billing", "orders", "idle"])
        #expect(lines[2].split(separator: " ").suffix(4) == ["stalled", "0", "1", "never"])
        #expect(lines[3].split(separator: " ").suffix(4) == ["5s", "100", "50", "10s"])
        #expect(lines[4].split(separator: " ").suffix(4) == ["3s", "3000", "3000", "never"])
    }

    @Test func numbersAreRightAlignedUnderTheirTitles() {
        let lines = TopRenderer.frame(Self.rows, view: TopView(), groups: 4, interval: 1, width: 200, height: nil, colors: false)
        let lagEnd = lines[1].range(of: "LAG ")!.upperBound
        for line in lines.dropFirst(2) {
            #expect(line[line.index(before: lagEnd)] == " ", "\(line)")
            #expect(line[line.index(lagEnd, offsetBy: -2)] != " ", "\(line)")
        }
    }

    @Test func sortKeysMoveBetweenColumnsAndReverse() {
        var view = TopView()
        view.moveSort(by: 1)
        #expect(view.sort == .consumeRate)
        view.moveSort(by: -2)
        #expect(view.sort == .lag)
        #expect(view.arranged(Self.rows).map(\.lag) == [9_000, 500, 20, 0])
        view.reversed = true
        #expect(view.arranged(Self.rows).map(\.lag) == [0, 20, 500, 9_000])
        view.sort = .group
        view.reversed = false
        #expect(view.arranged(Self.rows).map(\.group) == ["audit", "billing", "idle", "orders"])
        view.sort = .eta
        #expect(view.arranged(Self.rows).map(\.group).prefix(2) == ["audit", "orders"])
    }

    @Test func theFilterMatchesGroupOrTopicAndABadOneIsOneLine() throws {
        var view = TopView()
        try view.setFilter("^ev")
        #expect(view.arranged(Self.rows).map(\.group) == ["audit", "idle"])
        try view.setFilter("bill")
        #expect(view.arranged(Self.rows).map(\.group) == ["billing"])
        #expect(throws: KafkactlError(.usage, "filter '(' is not a valid regular expression: fix it or quote it for the shell")) {
            try view.setFilter("(")
        }
        #expect(view.filter == "bill")
        try view.setFilter("")
        #expect(view.arranged(Self.rows).count == 4)
    }

    @Test func aNarrowScreenCutsNamesThenDropsColumnsAndAShortOneDropsRows() {
        let rows = [Self.row("a-very-long-consumer-group-name-indeed", "a-very-long-topic-name-as-well", lag: 5)]
        let lines = TopRenderer.frame(rows, view: TopView(), groups: 1, interval: 2, width: 60, height: 3, colors: false, status: "keys")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.count <= 60 }, "\(lines)")
        #expect(lines[1].hasPrefix("GROUP"))
        #expect(lines[2] == "keys")
        let wide = TopRenderer.frame(rows, view: TopView(), groups: 1, interval: 2, width: 100, height: 10, colors: false)
        #expect(wide.allSatisfy { $0.count <= 100 }, "\(wide)")
        #expect(wide[2].contains("~"))
        #expect(wide[1].hasSuffix("ETA"))
    }

    @Test func colorsMarkStateChangesGrowingLagAndTheSortColumn() {
        let lines = TopRenderer.frame(Self.rows, view: TopView(), groups: 4, interval: 1, width: 200, height: nil, colors: true)
        #expect(lines[1].contains("\u{1B}[4mTIME-LAG\u{1B}[24m"))
        #expect(lines[2].contains("\u{1B}[31m"))  // audit's lag grows
        #expect(lines[5].contains("\u{1B}[7mEmpty"))  // idle's state changed
        #expect(!lines[3].contains("\u{1B}[7m") && !lines[3].contains("\u{1B}[31m"))
    }

    @Test func pausedAndFilteredShowInTheTitle() throws {
        var view = TopView()
        view.paused = true
        try view.setFilter("ord")
        let lines = TopRenderer.frame(Self.rows, view: view, groups: 4, interval: 0.5, width: 200, height: nil, colors: false)
        #expect(lines[0] == "kafkactl top - 4 groups, 1 rows - every 0.5s - sort: time-lag - filter: ord - PAUSED")
    }

    @Test func durationsAndRatesReadAtAGlance() {
        #expect(TopRenderer.formatSeconds(0) == "0s")
        #expect(TopRenderer.formatSeconds(2.54) == "2.5s")
        #expect(TopRenderer.formatSeconds(42) == "42s")
        #expect(TopRenderer.formatSeconds(185) == "3m05s")
        #expect(TopRenderer.formatSeconds(7_620) == "2h07m")
        #expect(TopRenderer.formatSeconds(273_600) == "3d04h")
        #expect(TopRenderer.formatRate(0) == "0")
        #expect(TopRenderer.formatRate(12.46) == "12.5")
        #expect(TopRenderer.formatRate(840.4) == "840")
        #expect(TopRenderer.formatRate(12_345) == "12.3k")
        #expect(TopRenderer.formatRate(4_500_000) == "4.5M")
    }

    @Test func theDocumentCarriesRawNumbersInTheViewsOrder() {
        let document = TopRenderer.document([Self.rows[0], Self.row("new", "", lag: 0)], view: TopView(sort: .group), timeMs: 1_000, groups: 2)
        #expect(document.serialized() == #"{"time_ms":1000,"groups":2,"rows":[{"group":"billing","topic":"invoices","state":"Stable","members":1,"partitions":3,"lag":500,"time_lag_s":5.0,"consume_rate":100.0,"produce_rate":50.0,"eta_s":10.0,"stalled":false,"state_changed":false,"lag_growing":false,"error":null},{"group":"new","topic":null,"state":"Stable","members":1,"partitions":3,"lag":0,"time_lag_s":null,"consume_rate":null,"produce_rate":null,"eta_s":null,"stalled":false,"state_changed":false,"lag_growing":false,"error":null}]}"#)
    }

    @Test func keysChangeTheViewAndATypedFilterAppliesOnEnter() throws {
        var screen = TopControls(view: TopView())
        #expect(screen.handle(UInt8(ascii: "s")) == .keepGoing)
        #expect(screen.view.sort == .consumeRate)
        _ = screen.handle(UInt8(ascii: "<"))
        _ = screen.handle(UInt8(ascii: "r"))
        #expect(screen.view.sort == .timeLag && screen.view.reversed)
        _ = screen.handle(UInt8(ascii: " "))
        #expect(screen.view.paused)
        for key in "/ord".utf8 { _ = screen.handle(key) }
        #expect(screen.handle(UInt8(ascii: "q")) == .keepGoing, "q is text while a filter is typed")
        _ = screen.handle(127)
        _ = screen.handle(13)
        #expect(screen.view.filter == "ord")
        #expect(screen.handle(UInt8(ascii: "q")) == .quit)
        for key in "/(\r".utf8 { _ = screen.handle(key) }
        #expect(screen.bottomLine == "filter '(' is not a valid regular expression: fix it or quote it for the shell")
        #expect(screen.view.filter == "ord")
        _ = screen.handle(UInt8(ascii: "p"))
        #expect(screen.bottomLine == TopControls.help)
    }
}

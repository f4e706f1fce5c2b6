/// Which copied records the target has acknowledged, and the consistent cut that follows from it.
///
/// Records are numbered in the order they are handed to the producer (the producer's `source`). The cut is the
/// longest prefix of that order the target has acknowledged: every source partition's records before the cut are
/// in the target, and — the producer keeping each target partition in sending order, idempotently — each target
/// partition holds exactly those of its records before the cut, then records from after it. Acknowledgements past
/// a gap wait until the gap closes.
struct CopyTracker: Sendable {
    private struct Entry: Sendable {
        var source: Int32
        var offset: Int64
        var target: Int32
        var acknowledged = false
    }

    /// Number of `entries[head]`.
    private var base = 0
    private var head = 0
    private var entries: [Entry] = []
    /// Each source partition's offset after the last record handed over.
    private var read: [Int32: Int64]
    /// Each target partition's end at the cut: where the copy started in it, plus its records before the cut.
    private var targetEnds: [Int32: Int64]
    private(set) var acknowledgedRecords = 0
    private(set) var acknowledgedBytes = 0
    /// Source records left out by `copy --where`.
    private(set) var skippedRecords = 0
    private var sizes: [Int] = []

    init(sourceStarts: [Int32: Int64], targetEnds: [Int32: Int64]) {
        read = sourceStarts
        self.targetEnds = targetEnds
    }

    /// Records handed over and not yet behind the cut.
    var outstanding: Int { entries.count - head }

    /// Numbers a record about to be sent. Its source partition's position moves on with `advance`, once per chunk
    /// (a dictionary update per record was a tenth of the copy's instructions).
    mutating func register(source: Int32, offset: Int64, target: Int32, size: Int) -> Int {
        entries.append(Entry(source: source, offset: offset, target: target))
        sizes.append(size)
        return base + entries.count - head - 1
    }

    /// The source partition's records before `offset` are handed over or left out.
    mutating func advance(source: Int32, to offset: Int64) {
        read[source] = offset
    }

    /// A source record `copy --where` leaves out: `advance` moves its partition's position past it, so a cut with
    /// nothing outstanding there starts after it (one with records outstanding starts at the first of them).
    mutating func skip(source: Int32, offset: Int64) {
        skippedRecords += 1
    }

    mutating func acknowledge(_ numbers: [Int]) {
        for number in numbers where number >= base {
            entries[head + number - base].acknowledged = true
        }
        // Counted per target partition in a run, then added once: a dictionary update per record is not free.
        var run: (target: Int32, count: Int64)?
        while head < entries.count, entries[head].acknowledged {
            let target = entries[head].target
            if let current = run, current.target != target {
                targetEnds[current.target, default: 0] += current.count
                run = (target, 1)
            } else {
                run = (target, (run?.count ?? 0) + 1)
            }
            acknowledgedRecords += 1
            acknowledgedBytes += sizes[head]
            head += 1
            base += 1
        }
        if let run { targetEnds[run.target, default: 0] += run.count }
        if head > 4096 && head * 2 > entries.count {
            entries.removeFirst(head)
            sizes.removeFirst(head)
            head = 0
        }
    }

    /// Each source partition's first record not behind the cut, and each target partition's end at the cut.
    func cut() -> (sources: [Int32: Int64], targets: [Int32: Int64]) {
        var sources = read
        var seen: Set<Int32> = []
        for entry in entries[head...] where !seen.contains(entry.source) {
            seen.insert(entry.source)
            sources[entry.source] = entry.offset
        }
        return (sources, targetEnds)
    }
}

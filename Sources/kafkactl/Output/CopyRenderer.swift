import AdminCore

/// copy's output: the dry run's per-partition table, the summary, and the progress line (stderr, terminals only),
/// or one JSON document for the dry run or the summary.
struct CopyRenderer {
    var json: Bool

    func dryRun(_ plan: CopyPlan, resumed: Bool) -> String {
        if json {
            return JSON.object([
                ("dry_run", .bool(true)), ("source_topic", .string(plan.sourceTopic)), ("target_topic", .string(plan.targetTopic)),
                ("partition_map", .string(plan.partitionMap.rawValue)), ("creates_target", .bool(plan.createsTarget)),
                ("records", .int(plan.totalRecords)), ("partitions", partitions(plan.ranges)),
            ]).serialized()
        }
        var lines = ["Dry run: nothing copied. \(resumed ? "The resumed copy" : "The copy") would write \(plan.totalRecords) records from '\(plan.sourceTopic)' to '\(plan.targetTopic)'"
            + (plan.createsTarget ? " (created with \(plan.targetPartitionCount) partitions)" : "") + ":"]
        let rows = [["PARTITION", "FROM", "UNTIL", "RECORDS", "TARGET-PARTITION"]] + plan.ranges.map { range in
            ["\(range.partition)", "\(range.start)", "\(range.end)", "\(range.count)", range.target.map { "\($0)" } ?? "by key (hash)"]
        }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max()! }
        for row in rows {
            lines.append(row.enumerated().map { $0.offset == 4 ? $0.element : $0.element.padding(to: widths[$0.offset] + 2) }.joined())
        }
        return lines.joined(separator: "\n")
    }

    func summary(_ summary: CopySummary, checkpoint: String) -> String {
        let seconds = Self.seconds(summary.elapsed)
        if json {
            return JSON.object([
                ("source_topic", .string(summary.plan.sourceTopic)), ("target_topic", .string(summary.plan.targetTopic)),
                ("partition_map", .string(summary.plan.partitionMap.rawValue)), ("records", .int(summary.copied)),
                ("bytes", .int(summary.bytes)), ("reconciled", .int(summary.reconciled)),
                ("filtered_out", .int(summary.skipped)),
                ("seconds", .double(Double(FixedDecimals.fixed(seconds, 3))!)),
                ("complete", .bool(!summary.interrupted)), ("checkpoint", .string(checkpoint)),
                ("partitions", .array(summary.checkpoint.sources.map { source in
                    .object([("partition", .int(source.partition)), ("next_offset", .int(source.next)), ("end_offset", .int(source.end))])
                })),
            ]).serialized()
        }
        var text = "Copied \(summary.copied) records (\(FixedDecimals.fixed(Double(summary.bytes) / 1_000_000, 1)) MB) from '\(summary.plan.sourceTopic)' to '\(summary.plan.targetTopic)' in \(FixedDecimals.fixed(seconds, 1)) s (\(FixedDecimals.fixed(Self.megabytesPerSecond(summary.bytes, seconds), 1)) MB/s)"
        if summary.skipped > 0 {
            text += "\n\(summary.skipped) records did not match --where and were left out"
        }
        if summary.reconciled > 0 {
            text += "\n\(summary.reconciled) records an earlier run wrote after its last checkpoint were found in the target and not copied again"
        }
        return text + "\nCheckpoint: \(checkpoint)"
    }

    /// `copied 12000/20000 records, 45.1 MB/s, ETA 3 s; next offsets 0:4000 1:3990 ...`
    static func progressLine(_ progress: CopyProgress) -> String {
        let elapsed = max(Self.seconds(progress.elapsed), 0.001)
        // Records --where left out are done too: the ETA runs on the source records read.
        let done = progress.copied + progress.skipped
        let perSecond = Double(done) / elapsed
        let left = Double(max(progress.total - Int64(done), 0))
        let eta = perSecond > 0 ? "\(Int((left / perSecond).rounded(.up))) s" : "-"
        let positions = progress.positions.sorted { $0.key < $1.key }
        var shown = positions.prefix(8).map { "\($0.key):\($0.value)" }.joined(separator: " ")
        if positions.count > 8 { shown += " ..." }
        let filtered = progress.skipped > 0 ? " (\(progress.skipped) left out by --where)" : ""
        return "copied \(progress.copied)/\(progress.total) records\(filtered), \(FixedDecimals.fixed(megabytesPerSecond(progress.bytes, elapsed), 1)) MB/s, ETA \(eta); next offsets \(shown)"
    }

    private func partitions(_ ranges: [CopyRange]) -> JSON {
        .array(ranges.map { range in
            .object([("partition", .int(range.partition)), ("from", .int(range.start)), ("until", .int(range.end)),
                     ("records", .int(range.count)), ("target_partition", range.target.map { JSON.int($0) } ?? .null)])
        })
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func megabytesPerSecond(_ bytes: Int, _ seconds: Double) -> Double {
        Double(bytes) / max(seconds, 0.001) / 1_000_000
    }
}

private extension String {
    func padding(to width: Int) -> String { self + String(repeating: " ", count: max(width - count, 0)) }
}

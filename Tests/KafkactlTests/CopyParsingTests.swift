import AdminCore
import Testing

@testable import kafkactl

/// copy's value grammars and its output. The refusals are proven from the binary in CopyCommandTests.
@Suite struct CopyParsingTests {
    @Test func ratesAreRecordsOrDecimalBytesPerSecond() {
        #expect(CopyArguments.rate("5000/s") == .recordsPerSecond(5000))
        #expect(CopyArguments.rate("10MB/s") == .bytesPerSecond(10_000_000))
        #expect(CopyArguments.rate("512kb/s") == .bytesPerSecond(512_000))
        #expect(CopyArguments.rate("1.5GB/s") == .bytesPerSecond(1_500_000_000))
        #expect(CopyArguments.rate("100B/s") == .bytesPerSecond(100))
        for bad in ["fast", "10MB", "0/s", "-5/s", "MB/s", "10 MB/s", "nan/s", "inf/s"] {
            #expect(CopyArguments.rate(bad) == nil, "\(bad)")
        }
    }

    @Test func boundsAreOffsetsOrTimes() {
        #expect(CopyArguments.bound("42") == .offset(42))
        #expect(CopyArguments.bound("2026-11-23T10:00:00Z") == .timestamp(1_795_428_000_000))
        if case .timestamp? = CopyArguments.bound("-2h") {} else { Issue.record("-2h is a time") }
        #expect(CopyArguments.bound("soon") == nil)
    }

    @Test func partitionsRepeatOrListAndAreDeduplicated() {
        #expect(CopyArguments.partitions(["0", "2,3", "2"]) == [0, 2, 3])
        #expect(CopyArguments.partitions([]) == [])
        #expect(CopyArguments.partitions(["1,x"]) == nil)
        #expect(CopyArguments.partitions(["-1"]) == nil)
    }

    @Test func resumeTakesTheRangeFromTheCheckpoint() {
        for flags in [["--from", "5"], ["--partition", "1"], ["--max-messages", "3"], ["--create-topic"], ["--until", "9"]] {
            #expect(throws: (any Error).self) {
                _ = try Kafkactl.parseAsRoot(["copy", "--from-topic", "a", "--to-topic", "b", "--resume"] + flags)
            }
        }
        #expect(throws: Never.self) { _ = try Kafkactl.parseAsRoot(["copy", "--from-topic", "a", "--to-topic", "b", "--resume"]) }
    }

    static let plan = CopyPlan(
        sourceTopic: "src", targetTopic: "dst", partitionMap: .same, targetPartitionCount: 2,
        ranges: [CopyRange(partition: 1, start: 5, end: 12, target: 1), CopyRange(partition: 0, start: 0, end: 100, target: 0)])

    @Test func theDryRunIsATablePerSourcePartition() {
        #expect(CopyRenderer(json: false).dryRun(Self.plan, resumed: false) == """
            Dry run: nothing copied. The copy would write 107 records from 'src' to 'dst':
            PARTITION  FROM  UNTIL  RECORDS  TARGET-PARTITION
            0          0     100    100      0
            1          5     12     7        1
            """)
        #expect(CopyRenderer(json: true).dryRun(Self.plan, resumed: true) == #"{"dry_run":true,"source_topic":"src","target_topic":"dst","partition_map":"same","creates_target":false,"records":107,"partitions":[{"partition":0,"from":0,"until":100,"records":100,"target_partition":0},{"partition":1,"from":5,"until":12,"records":7,"target_partition":1}]}"#)
        var hashed = Self.plan
        hashed.partitionMap = .hash
        hashed.ranges = hashed.ranges.map { var range = $0; range.target = nil; return range }
        #expect(CopyRenderer(json: false).dryRun(hashed, resumed: true).hasSuffix("1          5     12     7        by key (hash)"))
    }

    @Test func theSummaryAndTheProgressLine() {
        let checkpoint = CopyCheckpoint(sourceTopic: "src", targetTopic: "dst", partitionMap: .same, targetPartitionCount: 2,
                                        sources: [.init(partition: 0, next: 100, end: 100)], targetEnds: [0: 100])
        let summary = CopySummary(plan: Self.plan, copied: 107, bytes: 2_500_000, reconciled: 3, elapsed: .milliseconds(500),
                                  interrupted: false, checkpoint: checkpoint)
        #expect(CopyRenderer(json: false).summary(summary, checkpoint: "/tmp/c") == """
            Copied 107 records (2.5 MB) from 'src' to 'dst' in 0.5 s (5.0 MB/s)
            3 records an earlier run wrote after its last checkpoint were found in the target and not copied again
            Checkpoint: /tmp/c
            """)
        #expect(CopyRenderer(json: true).summary(summary, checkpoint: "/tmp/c") == #"{"source_topic":"src","target_topic":"dst","partition_map":"same","records":107,"bytes":2500000,"reconciled":3,"filtered_out":0,"seconds":0.5,"complete":true,"checkpoint":"/tmp/c","partitions":[{"partition":0,"next_offset":100,"end_offset":100}]}"#)
        let progress = CopyProgress(copied: 50, bytes: 1_000_000, total: 150, positions: [1: 20, 0: 30], elapsed: .seconds(1))
        #expect(CopyRenderer.progressLine(progress) == "copied 50/150 records, 1.0 MB/s, ETA 2 s; next offsets 0:30 1:20")
        // Records --where left out are done too: 50 copied and 25 left out of 150 at 75 a second leave 1 s.
        let filtered = CopyProgress(copied: 50, bytes: 1_000_000, total: 150, positions: [0: 75], elapsed: .seconds(1), skipped: 25)
        #expect(CopyRenderer.progressLine(filtered) == "copied 50/150 records (25 left out by --where), 1.0 MB/s, ETA 1 s; next offsets 0:75")
        var filteredSummary = summary
        filteredSummary.skipped = 40
        #expect(CopyRenderer(json: false).summary(filteredSummary, checkpoint: "/tmp/c").contains("\n40 records did not match --where and were left out\n"))
    }
}

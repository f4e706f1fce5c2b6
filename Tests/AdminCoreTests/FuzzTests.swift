import Foundation
import Fuzzing
import TestSupport
import Testing

/// The committed short fuzzing run (issue #10): every decoder family, a fixed seed, a few thousand mutated
/// inputs each, no finding allowed. `scripts/fuzz` runs the same targets for millions of executions.
@Suite struct FuzzTests {
    static let executionsPerFamily = 3_000
    static let targets: [FuzzTarget] = {
        guard let directory = try? Fixture.directory, let corpus = try? SeedCorpus(directory: directory) else { return [] }
        return FuzzTargets.all(fixtures: corpus)
    }()

    // One family at a time: five at once on two cores starve the timing-sensitive tests running beside them.
    @Test(.serialized, arguments: FuzzFamily.allCases)
    func aShortRunFindsNothing(family: FuzzFamily) async throws {
        var configuration = FuzzConfiguration(executionsPerFamily: Self.executionsPerFamily, seed: 10)
        configuration.maximumFindings = 5
        // A debug build is an order of magnitude slower than scripts/fuzz's release build: smaller inputs, more time.
        configuration.maximumInputSize = 64 * 1024
        configuration.slowInputNanoseconds = 5_000_000_000
        // Seconds of CPU each: on a thread of its own, not on one of the threads every async test needs (holding
        // them stalled a group test in the same process past its 15 s join deadline).
        let report = try await offThePool { [configuration] in
            FuzzRunner(targets: Self.targets, configuration: configuration).run(family)
        }
        #expect(report.targets > 0)
        #expect(report.executions == Self.executionsPerFamily)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.description).joined(separator: "\n"))")
    }

    /// Every target starts from real bytes: a target without seeds would be skipped silently.
    @Test func everyTargetHasSeeds() async throws {
        // Building the targets (every codec's batches, the fixtures) takes a while: not on the shared threads.
        let empty = try await offThePool { Self.targets.filter(\.seeds.isEmpty).map(\.name) }
        #expect(empty.isEmpty, "no seeds: \(empty)")
    }

    /// A message added to Schemas/ without a fuzz target would escape the goal "every response decoder".
    @Test func everyGeneratedResponseDecoderIsATarget() async throws {
        let generated = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/AdminCore/Messages/Generated")
        let apis = try FileManager.default.contentsOfDirectory(atPath: generated.path).filter { $0.hasSuffix(".swift") }
            .map { String($0.dropLast(".swift".count)) }
        let targets = try await offThePool { Self.targets }
        let targeted = Set(targets.filter { $0.family == .messages }.compactMap { $0.name.split(separator: " ").first }
            .map { String($0.dropLast("Response".count)) })
        #expect(Set(apis) == targeted)
    }

    /// A slow input is one that takes CPU time, not one whose process was preempted: the long run shares the
    /// machine under nice, and a wall-clock check flagged a 90 ms input that had waited 2 s for the CPU.
    @Test func onlyCPUTimeMakesAnInputSlow() async throws {
        struct Waits: FuzzTarget {
            let seeds: [[UInt8]] = [[1]]
            var family: FuzzFamily { .handshake }
            var name: String { "waits" }
            func run(_ input: [UInt8]) throws { usleep(40_000) }
        }
        struct Spins: FuzzTarget {
            let seeds: [[UInt8]] = [[1]]
            var family: FuzzFamily { .handshake }
            var name: String { "spins" }
            func run(_ input: [UInt8]) throws {
                // 40 ms of this thread's CPU time, however long a loaded machine makes that take.
                func cpuNanoseconds() -> Int {
                    var now = timespec()
                    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
                    return now.tv_sec * 1_000_000_000 + now.tv_nsec
                }
                let start = cpuNanoseconds()
                var sum = 0
                while cpuNanoseconds() - start < 40_000_000 { sum &+= 1 }
                if sum == -1 { throw PropertyViolation("unreachable") }
            }
        }
        var configuration = FuzzConfiguration(executionsPerFamily: 2, seed: 1)
        configuration.slowInputNanoseconds = 10_000_000
        // Sleeping and spinning on a thread of its own, not on one every async test needs.
        let (waited, spun) = try await offThePool { [configuration] in
            (FuzzRunner(targets: [Waits()], configuration: configuration).run(.handshake).findings,
             FuzzRunner(targets: [Spins()], configuration: configuration).run(.handshake).findings)
        }
        #expect(waited.isEmpty)
        let findings = spun
        #expect(findings.count == 1 && findings.first?.message.contains("of CPU") == true)
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A broken property, an input slower than the limit, or the process growing past its memory limit.
public struct FuzzFinding: CustomStringConvertible, Sendable {
    public var family: FuzzFamily
    public var target: String
    public var message: String
    /// The smallest input found that still shows the problem.
    public var input: [UInt8]

    public var description: String {
        "\(family.rawValue) / \(target): \(message)\n  input (\(input.count) bytes): \(hex(input.prefix(256)))\(input.count > 256 ? " ..." : "")"
    }
}

public struct FuzzConfiguration: Sendable {
    public var executionsPerFamily: Int
    public var seed: UInt64
    /// An input taking longer than this is a finding ("no hang").
    public var slowInputNanoseconds: UInt64 = 1_000_000_000
    /// The peak resident size the process may reach ("no unbounded allocation"); 0 disables the check.
    public var memoryLimitBytes: Int = 0
    /// Past this many distinct findings a family stops: the rest are usually the same bug.
    public var maximumFindings = 20
    /// How large a mutated input may grow (frames get four times as much: a stream holds several frames).
    /// Large inputs are where a count checked only against "bytes left" shows, but they are slow in debug builds.
    public var maximumInputSize = 1 << 20

    public init(executionsPerFamily: Int, seed: UInt64) {
        self.executionsPerFamily = executionsPerFamily
        self.seed = seed
    }
}

public struct FamilyReport: Sendable {
    public var family: FuzzFamily
    public var targets: Int
    public var seeds: Int
    public var executions: Int
    public var seconds: Double
    public var findings: [FuzzFinding]
    public var executionsPerSecond: Double { seconds > 0 ? Double(executions) / seconds : 0 }
}

/// Runs the targets of one family: every seed as it is, then mutated inputs, round robin over the targets, each
/// input checked for properties, time and memory. Deterministic for a given seed and count.
public struct FuzzRunner {
    public let targets: [FuzzTarget]
    public let configuration: FuzzConfiguration
    /// Called with the target's name and the input just before each execution (the crash reporter keeps them).
    public var willExecute: ((String, [UInt8]) -> Void)?
    /// Called every `progressInterval` executions with the count so far.
    public var progress: ((FuzzFamily, Int) -> Void)?
    public var progressInterval = 1_000_000

    public init(targets: [FuzzTarget], configuration: FuzzConfiguration) {
        self.targets = targets
        self.configuration = configuration
    }

    public func run(_ family: FuzzFamily) -> FamilyReport {
        let targets = self.targets.filter { $0.family == family && !$0.seeds.isEmpty }
        let seeds = targets.map(\.seeds)
        let originals: [(target: Int, input: [UInt8])] = seeds.enumerated().flatMap { index, list in list.map { (index, $0) } }
        var mutator = Mutator(seed: configuration.seed ^ fuzzHash(Array(family.rawValue.utf8)),
                              maximumSize: configuration.maximumInputSize * (family == .frames ? 4 : 1))
        var previous = seeds.map { $0[0] }
        var findings: [String: FuzzFinding] = [:]
        let start = monotonicNanoseconds()
        var executions = 0
        while executions < configuration.executionsPerFamily, findings.count < configuration.maximumFindings, !targets.isEmpty {
            let index: Int
            let input: [UInt8]
            if executions < originals.count {
                (index, input) = originals[executions]
            } else {
                index = executions % targets.count
                // Usually a fresh seed; sometimes the last mutant again, to reach deeper stacks of changes.
                let base = mutator.random.oneIn(3) ? previous[index] : mutator.random.pick(seeds[index])
                input = mutator.mutate(base, donors: seeds[index])
                previous[index] = input
            }
            willExecute?(targets[index].name, input)
            let before = monotonicNanoseconds()
            let failure = Self.failure(of: targets[index], on: input)
            let elapsed = monotonicNanoseconds() - before
            executions += 1
            var message = failure
            var kind = failure.map { String($0.prefix(60)) } ?? ""
            // Wall time is cheap to read but counts the time other processes took the CPU (this runs under nice
            // on a shared machine): a slow input is run again and judged by the CPU time it takes itself.
            if message == nil, elapsed > configuration.slowInputNanoseconds {
                let cpu = Self.cpuNanoseconds(of: targets[index], on: input)
                if cpu > configuration.slowInputNanoseconds {
                    message = "took \(cpu / 1_000_000) ms of CPU (limit \(configuration.slowInputNanoseconds / 1_000_000) ms)"
                    kind = "slow"
                }
            }
            if message == nil, configuration.memoryLimitBytes > 0, peakResidentBytes() > configuration.memoryLimitBytes {
                message = "the process's peak resident size passed \(configuration.memoryLimitBytes >> 20) MiB"
                kind = "memory"
            }
            if let message {
                let key = "\(targets[index].name): \(kind)"
                if findings[key] == nil {
                    let minimal = failure == nil ? input : Self.minimize(input, target: targets[index], message: message)
                    findings[key] = FuzzFinding(family: family, target: targets[index].name, message: message, input: minimal)
                }
            }
            if executions % progressInterval == 0 { progress?(family, executions) }
        }
        return FamilyReport(
            family: family, targets: targets.count, seeds: originals.count, executions: executions,
            seconds: Double(monotonicNanoseconds() - start) / 1e9,
            findings: findings.values.sorted { ($0.target, $0.message) < ($1.target, $1.message) })
    }

    /// The violation `input` causes, if any.
    static func failure(of target: FuzzTarget, on input: [UInt8]) -> String? {
        do {
            try target.run(input)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// The CPU time this thread spends running `input` once more (targets are deterministic).
    static func cpuNanoseconds(of target: FuzzTarget, on input: [UInt8]) -> UInt64 {
        let before = threadCPUNanoseconds()
        _ = failure(of: target, on: input)
        return threadCPUNanoseconds() - before
    }

    /// Removes ranges of bytes while the same violation remains (bounded; good enough for a regression test).
    static func minimize(_ input: [UInt8], target: FuzzTarget, message: String) -> [UInt8] {
        var best = input
        var chunk = max(1, best.count / 2)
        var attempts = 0
        while chunk >= 1, attempts < 4_000 {
            var start = 0
            var shrunk = false
            while start < best.count, attempts < 4_000 {
                var candidate = best
                candidate.removeSubrange(start..<min(best.count, start + chunk))
                attempts += 1
                if failure(of: target, on: candidate) == message {
                    best = candidate
                    shrunk = true
                } else {
                    start += chunk
                }
            }
            if !shrunk { chunk /= 2 }
        }
        return best
    }
}

func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

func threadCPUNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// The process's peak resident set size so far (Linux reports kilobytes).
public func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

public func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: " ")
}

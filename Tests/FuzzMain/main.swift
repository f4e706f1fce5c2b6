import Foundation
import Fuzzing

// kafkactl-fuzz: the long-running side of the fuzzing harness (Tests/Fuzzing); scripts/fuzz builds it in
// release mode and runs it. Exits 0 with no finding, 1 with findings, 2 on bad usage; a crash leaves the input.

struct Options {
    var executions = 100_000
    var families = FuzzFamily.allCases
    var seed: UInt64 = 1
    var fixtures = "Tests/AdminCoreTests/Fixtures"
    var output = ".build/fuzz"
    var memoryLimitMiB = 1024
    var replay: String?
    var target: String?
    var listTargets = false
}

func usage() -> Never {
    FileHandle.standardError.write(Data("""
        usage: kafkactl-fuzz [--executions N] [--family F[,F...]] [--seed S] [--fixtures DIR] [--output DIR]
                             [--memory-limit-mb M] [--list-targets] [--replay FILE --target NAME]
        families: \(FuzzFamily.allCases.map(\.rawValue).joined(separator: ", "))

        """.utf8))
    exit(2)
}

/// Prints and flushes at once, so what was found reaches the terminal even if a later input crashes.
func say(_ line: String) {
    print(line)
    fflush(nil)
}

/// `usage()` where a value is expected (`?? badUsage()`).
func badUsage<T>() -> T { usage() }

var options = Options()
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    func value() -> String { arguments.popFirst() ?? badUsage() }
    switch argument {
    case "--executions": options.executions = Int(value().replacingOccurrences(of: "_", with: "")) ?? badUsage()
    case "--family":
        options.families = value().split(separator: ",").map { FuzzFamily(rawValue: String($0)) ?? badUsage() }
    case "--seed": options.seed = UInt64(value()) ?? badUsage()
    case "--fixtures": options.fixtures = value()
    case "--output": options.output = value()
    case "--memory-limit-mb": options.memoryLimitMiB = Int(value()) ?? badUsage()
    case "--replay": options.replay = value()
    case "--target": options.target = value()
    case "--list-targets": options.listTargets = true
    default: usage()
    }
}

let corpus: SeedCorpus
do {
    corpus = try SeedCorpus(directory: URL(fileURLWithPath: options.fixtures))
} catch {
    FileHandle.standardError.write(Data("kafkactl-fuzz: cannot read the fixtures at \(options.fixtures): \(error)\n".utf8))
    exit(2)
}
let targets = FuzzTargets.all(fixtures: corpus)

if options.listTargets {
    for target in targets { print("\(target.family.rawValue)\t\(target.name)\t\(target.seeds.count) seeds") }
    exit(0)
}

if let replay = options.replay {
    guard let name = options.target, let target = targets.first(where: { $0.name == name }),
        let data = FileManager.default.contents(atPath: replay)
    else { usage() }
    do {
        try target.run(Array(data))
        print("no finding: \(name) on \(data.count) bytes")
        exit(0)
    } catch {
        print("FINDING: \(name): \(error)")
        exit(1)
    }
}

CrashReporter.install(directory: options.output)
CrashReporter.startWatchdog(seconds: 30)
var configuration = FuzzConfiguration(executionsPerFamily: options.executions, seed: options.seed)
configuration.memoryLimitBytes = options.memoryLimitMiB << 20
var runner = FuzzRunner(targets: targets, configuration: configuration)
runner.willExecute = { name, input in CrashReporter.record(target: name, input: input) }
runner.progressInterval = max(1, min(1_000_000, options.executions / 10))
runner.progress = { family, count in
    FileHandle.standardError.write(Data("  \(family.rawValue): \(count) executions, peak RSS \(peakResidentBytes() >> 20) MiB\n".utf8))
}

say("kafkactl-fuzz: seed \(options.seed), \(options.executions) executions per family, \(targets.count) targets")
var findings = 0
for family in options.families {
    let report = runner.run(family)
    findings += report.findings.count
    let name = report.family.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)
    say(name + String(format: "%4d targets %5d seeds %12d executions %9.1f s %9.0f exec/s  %d findings",
                        report.targets, report.seeds, report.executions, report.seconds,
                        report.executionsPerSecond, report.findings.count))
    for finding in report.findings {
        say("  FINDING \(finding)")
        let file = "\(options.output)/finding-\(family.rawValue)-\(abs(finding.target.hashValue % 100_000)).bin"
        FileManager.default.createFile(atPath: file, contents: Data(finding.input))
        say("  saved to \(file) (replay: kafkactl-fuzz --replay \(file) --target '\(finding.target)')")
    }
}
say("peak RSS \(peakResidentBytes() >> 20) MiB; \(findings) findings")
exit(findings == 0 ? 0 : 1)

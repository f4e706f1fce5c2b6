import Foundation
import Fuzzing

// kafkactl-libfuzzer: the coverage-guided side of the fuzzing harness (issue 18.11). libFuzzer drives the targets
// of Tests/Fuzzing (the same ones kafkactl-fuzz mutates at random), keeping every input that reaches new code.
// scripts/libfuzz builds and runs it; by hand:
//
//   swift build -c release --product kafkactl-libfuzzer --scratch-path .build-libfuzzer \
//       -Xswiftc -sanitize=fuzzer,address -Xswiftc -DKAFKACTL_LIBFUZZER -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
//   KAFKACTL_FUZZ_TARGET=records .build-libfuzzer/release/kafkactl-libfuzzer --dump-seeds CORPUS
//   KAFKACTL_FUZZ_TARGET=records .build-libfuzzer/release/kafkactl-libfuzzer CORPUS -max_total_time=300
//
// KAFKACTL_FUZZ_TARGET is a family (messages, frames, records, consumer-protocol, handshake) or one target's name
// (`--list-targets`). When it selects several targets, an input's first two bytes (big-endian, modulo the count)
// pick the target and the rest is that target's input; one target gets the whole input. KAFKACTL_FUZZ_FIXTURES
// overrides the golden frames' directory (default Tests/AdminCoreTests/Fixtures). A violated property (what
// kafkactl-fuzz reports as a finding) aborts, so libFuzzer saves the input as crash-<sha1>.
//
// Built without -DKAFKACTL_LIBFUZZER (plain `swift build`), the same executable has no libFuzzer: it replays the
// files given as arguments through the selected targets, which is how a saved crash input is checked after a fix.

/// The targets an input is dispatched to.
struct Selection {
    let targets: [FuzzTarget]

    init(name: String, fixtures: String) throws {
        let corpus = try SeedCorpus(directory: URL(fileURLWithPath: fixtures))
        let all = FuzzTargets.all(fixtures: corpus)
        if let family = FuzzFamily(rawValue: name) {
            targets = all.filter { $0.family == family && !$0.seeds.isEmpty }
        } else {
            targets = all.filter { $0.name == name }
        }
    }

    /// The target and its input for one libFuzzer input.
    func dispatch(_ input: [UInt8]) -> (target: FuzzTarget, payload: [UInt8]) {
        guard targets.count > 1 else { return (targets[0], input) }
        let selector = Int(input.first ?? 0) << 8 | Int(input.dropFirst().first ?? 0)
        return (targets[selector % targets.count], Array(input.dropFirst(2)))
    }

    /// Every seed as a libFuzzer input (with its target's selector when there are several targets).
    var seeds: [[UInt8]] {
        targets.enumerated().flatMap { index, target in
            target.seeds.map { targets.count > 1 ? [UInt8(index >> 8), UInt8(index & 0xff)] + $0 : $0 }
        }
    }

    /// Runs one input; a violated property is reported with its target and ends the process with SIGABRT.
    func execute(_ input: [UInt8]) {
        let (target, payload) = dispatch(input)
        do {
            try target.run(payload)
        } catch {
            FileHandle.standardError.write(Data("kafkactl-libfuzzer: FINDING in \(target.name) (\(payload.count) bytes): \(error)\n".utf8))
            abort()
        }
    }
}

nonisolated(unsafe) var selection: Selection!

#if KAFKACTL_LIBFUZZER
/// libFuzzer's own driver (compiler-rt's FuzzerDriver.cpp), called from this executable's main so that the
/// options above are read first; libFuzzer's `main` is not linked in.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32
#endif

@main enum LibFuzzerMain {
    static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("kafkactl-libfuzzer: \(message)\n".utf8))
        return 2
    }

    static func main() {
        // Every mode returns before exit, so nothing it allocated is still on the stack for LeakSanitizer's check at exit.
        if let status = prepare() { exit(status) }
        #if KAFKACTL_LIBFUZZER
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            selection.execute(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        })
        #else
        exit(replay(Array(CommandLine.arguments.dropFirst())))
        #endif
    }

    /// Reads the selection; runs `--list-targets` and `--dump-seeds` to completion (their exit status). Nil: fuzz.
    static func prepare() -> Int32? {
        let environment = ProcessInfo.processInfo.environment
        let fixtures = environment["KAFKACTL_FUZZ_FIXTURES"] ?? "Tests/AdminCoreTests/Fixtures"
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--list-targets"] {
            guard let corpus = try? SeedCorpus(directory: URL(fileURLWithPath: fixtures)) else { return fail("cannot read \(fixtures)") }
            for target in FuzzTargets.all(fixtures: corpus) { print("\(target.family.rawValue)\t\(target.name)\t\(target.seeds.count) seeds") }
            return 0
        }
        guard let name = environment["KAFKACTL_FUZZ_TARGET"] else {
            return fail("set KAFKACTL_FUZZ_TARGET to a family (\(FuzzFamily.allCases.map(\.rawValue).joined(separator: ", "))) or a target (--list-targets)")
        }
        do { selection = try Selection(name: name, fixtures: fixtures) } catch { return fail("cannot read the fixtures at \(fixtures): \(error)") }
        guard !selection.targets.isEmpty else { return fail("no target is called \(name) (--list-targets)") }
        guard arguments.first == "--dump-seeds" else { return nil }
        guard arguments.count == 2 else { return fail("usage: kafkactl-libfuzzer --dump-seeds DIRECTORY") }
        let directory = arguments[1]
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var names = Set<String>()
        for seed in selection.seeds {
            let file = "seed-" + String(fuzzHash(seed), radix: 16)
            guard names.insert(file).inserted else { continue }
            guard FileManager.default.createFile(atPath: directory + "/" + file, contents: Data(seed)) else { return fail("cannot write \(directory)/\(file)") }
        }
        print("\(names.count) seeds of \(selection.targets.count) targets in \(directory)")
        return 0
    }

    /// Without libFuzzer: runs the given files (a directory: every file in it) through the selection.
    static func replay(_ arguments: [String]) -> Int32 {
        var count = 0
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else { return fail("no such file: \(argument)") }
            let files = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted().map { argument + "/" + $0 } : [argument]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                selection.execute(Array(data))
                count += 1
            }
        }
        print("replayed \(count) inputs through \(selection.targets.count) targets: no finding")
        return 0
    }
}

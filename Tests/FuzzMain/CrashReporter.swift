import Foundation
import Synchronization

/// Keeps the input being executed where a signal handler can reach it without allocating, so that a trap
/// (overflow, force unwrap, index out of range: SIGILL/SIGTRAP on Linux) or a segfault leaves the input on disk
/// as `<dir>/crash-input.bin` with its target in `crash-target.txt`. A watchdog does the same for a hang.
enum CrashReporter {
    static let capacity = 8 << 20
    nonisolated(unsafe) static var input = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    nonisolated(unsafe) static var inputCount = 0
    nonisolated(unsafe) static var target = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    nonisolated(unsafe) static var targetCount = 0
    nonisolated(unsafe) static var inputPath: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var targetPath: UnsafeMutablePointer<CChar>?
    static let executions = Atomic<Int>(0)

    static func install(directory: String) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        inputPath = strdup(directory + "/crash-input.bin")
        targetPath = strdup(directory + "/crash-target.txt")
        for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                CrashReporter.save()
                let note: StaticString = "kafkactl-fuzz: CRASH: the input is in crash-input.bin, its target in crash-target.txt\n"
                _ = write(2, note.utf8Start, note.utf8CodeUnitCount)
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
            action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND))
            sigaction(signal, &action, nil)
        }
    }

    static func record(target name: String, input bytes: [UInt8]) {
        executions.add(1, ordering: .relaxed)
        var name = name
        name.withUTF8 { utf8 in
            targetCount = min(utf8.count, 255)
            target.update(from: utf8.baseAddress!, count: targetCount)
        }
        inputCount = min(bytes.count, capacity)
        bytes.withUnsafeBytes { input.copyMemory(from: $0.baseAddress!, byteCount: inputCount) }
    }

    /// Only async-signal-safe calls: open, write, close.
    static func save() {
        guard let inputPath, let targetPath else { return }
        let fd = open(inputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd >= 0 { _ = write(fd, input, inputCount); close(fd) }
        let nameFD = open(targetPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if nameFD >= 0 { _ = write(nameFD, target, targetCount); close(nameFD) }
    }

    /// Ends the process when no execution finishes for `seconds`: an input that never ends is a finding.
    static func startWatchdog(seconds: Int) {
        let thread = Thread {
            var last = -1
            var still = 0
            while true {
                sleep(1)
                let now = executions.load(ordering: .relaxed)
                still = now == last ? still + 1 : 0
                last = now
                if still >= seconds {
                    save()
                    FileHandle.standardError.write(Data("kafkactl-fuzz: HANG: one input ran for \(seconds) s; saved to crash-input.bin\n".utf8))
                    exit(3)
                }
            }
        }
        thread.start()
    }
}

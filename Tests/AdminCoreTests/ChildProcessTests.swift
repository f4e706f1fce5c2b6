import Foundation
import Testing
import TestSupport

/// The harness's process launcher, which every end-to-end test runs kafkactl, Python peers and brokers with.
@Suite struct ChildProcessTests {
    private static func shell(_ script: String) -> ChildProcess {
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        return process
    }

    @Test func stdinStdoutStderrAndTheExitCodeGoThroughPipes() throws {
        let process = Self.shell(#"read line; echo "got $line"; echo "$GREETING" >&2; exit 3"#)
        process.environment = ["GREETING": "hello"]
        let (input, output, errors) = (Pipe(), Pipe(), Pipe())
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data("orders\n".utf8))
        try input.fileHandleForWriting.close()
        // run() closed this process's copies of the child's ends, so both reads end when the child does.
        let stdout = try output.fileHandleForReading.readToEnd() ?? Data()
        let stderr = try errors.fileHandleForReading.readToEnd() ?? Data()
        process.waitUntilExit()
        #expect(String(decoding: stdout, as: UTF8.self) == "got orders\n")
        #expect(String(decoding: stderr, as: UTF8.self) == "hello\n")
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 3)
        #expect(!process.isRunning)
    }

    @Test func aSignalIsReportedAsTheReason() throws {
        let process = Self.shell("sleep 30")
        process.standardInput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        #expect(process.isRunning)
        process.terminate()
        #expect(ended.wait(timeout: .now() + 10) == .success)
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGTERM)
        process.sendSignal(SIGKILL)  // after the exit: nothing to signal, and no other process is hit
    }

    @Test func aSignalIgnoredHereIsNotIgnoredByTheChild() throws {
        // kafkactl commands run in this process (CommandRunnerTests) leave SIGINT and SIGTERM ignored, and an
        // ignored signal survives exec: a child that inherited that could not be stopped. SIGUSR2 stands in for
        // them here, as no test sends it to this process.
        let previous = signal(SIGUSR2, SIG_IGN)
        defer { signal(SIGUSR2, previous) }
        let process = Self.shell("kill -USR2 $$; echo survived")
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let stdout = try output.fileHandleForReading.readToEnd() ?? Data()
        process.waitUntilExit()
        #expect(stdout.isEmpty)
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGUSR2)
    }

    @Test func aSignalBlockedInTheSpawningThreadIsNotBlockedInTheChild() throws {
        // Threads of Swift's concurrency pool block signals; the mask is per thread, so this touches no other test.
        var user = sigset_t()
        sigemptyset(&user)
        sigaddset(&user, SIGUSR2)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &user, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/grep")
        process.arguments = ["^SigBlk:", "/proc/self/status"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let line = String(decoding: try output.fileHandleForReading.readToEnd() ?? Data(), as: UTF8.self)
        process.waitUntilExit()
        let mask = UInt64(line.dropFirst("SigBlk:".count).trimmingCharacters(in: .whitespacesAndNewlines), radix: 16)
        #expect(mask == 0, "\(line)")
    }

    @Test func theChildInheritsNoDescriptorButItsStandardOnes() throws {
        // A pipe the child was not given: if it inherited the writing end, a reader would never see the end.
        let unrelated = Pipe()
        let process = Self.shell("ls /proc/self/fd")
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let listing = String(decoding: try output.fileHandleForReading.readToEnd() ?? Data(), as: UTF8.self)
        process.waitUntilExit()
        // 0-2, and the one ls opens to read the directory.
        let descriptors = Set(listing.split(separator: "\n").compactMap { Int($0) })
        #expect(descriptors.isSubset(of: [0, 1, 2, 3]), "\(listing)")
        #expect(descriptors.isSuperset(of: [0, 1, 2]), "\(listing)")
        try unrelated.fileHandleForWriting.close()
        #expect(try unrelated.fileHandleForReading.readToEnd() == nil)
    }

    @Test func aMissingExecutableIsAnErrorNamingIt() {
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: "/nonexistent/kafkactl")
        #expect(throws: ChildProcessError.self) { try process.run() }
        #expect(!process.isRunning)
    }
}

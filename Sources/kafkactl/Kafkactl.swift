import AdminCore
import ArgumentParser
import Dispatch
import NIOCore
import NIOPosix
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The root of the command tree. Subcommands are named so ArgumentParser derives Apache's names.
struct Kafkactl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kafkactl",
        abstract: "Apache Kafka's command-line tools in one fast binary that speaks the Kafka protocol itself.",
        discussion: """
            Flags and output follow kafka-topics.sh and friends, so runbooks carry over.

            Exit codes: 0 ok, 1 the operation failed, 64 usage error, 69 no broker reachable, 75 timed out, \
            130 interrupted.
            """,
        version: BuildInfo.line,
        subcommands: [Topics.self, ConsoleProducer.self, ConsoleConsumer.self, ProducerPerfTest.self, ConsumerPerfTest.self, ConsumerGroups.self, Configs.self, GetOffsets.self, DeleteRecords.self, Copy.self, Acls.self, LogDirs.self, LeaderElection.self, Transactions.self, ReassignPartitions.self, MetadataQuorum.self, Features.self, Top.self, BrokerApiVersionsCommand.self, Cluster.self, Shell.self, Config.self, Version.self, Completion.self, GenerateDocs.self])
}

/// A subcommand that runs against an injected context (output, client), so the CLI, the shell and tests share
/// one implementation.
protocol KafkactlCommand: AsyncParsableCommand {
    func run(in context: CommandContext) async throws
}

extension KafkactlCommand {
    mutating func run() async throws {
        try await run(in: .standard())
    }
}

/// Parses arguments, runs the command and turns every outcome into output and an exit code. The only place
/// that prints errors.
enum CommandRunner {
    /// Options whose value Kafka's tools make optional (`--list --state` vs `--list --state Stable`). ArgumentParser
    /// needs a value, so a bare one gets an empty value, which the commands read as "no filter".
    static let optionalValueOptions: Set<String> = ["--state", "--type"]

    static func normalized(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var skipNext = false
        for (index, argument) in arguments.enumerated() {
            if skipNext { skipNext = false; continue }
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            // Kafka's tools take a negative number as an option's own word (`--shift-by -5`, `--time -1`);
            // ArgumentParser would read it as a flag. Joined as `--shift-by=-5`, it is the value.
            if let next, isNegativeNumber(next), argument.hasPrefix("--"), argument.count > 2, !argument.contains("=") {
                result.append("\(argument)=\(next)")
                skipNext = true
                continue
            }
            result.append(argument)
            if optionalValueOptions.contains(argument) {
                let next = index + 1 < arguments.count ? arguments[index + 1] : nil
                if next == nil || next!.hasPrefix("--") { result.append("") }
            }
        }
        return ConfigEntityList.orderPreserving(result)
    }

    private static func isNegativeNumber(_ word: String) -> Bool {
        let digits = word.utf8.dropFirst()
        return word.utf8.first == UInt8(ascii: "-") && !digits.isEmpty
            && digits.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") }
    }

    static func run(_ arguments: [String], context: CommandContext, isProcessEntry: Bool = false) async -> Int32 {
        if isProcessEntry && opensShell(arguments) { return await runShell(context: context) }
        let arguments = normalized(arguments)
        let command: ParsableCommand
        do {
            // The async parser also answers the completion scripts' callbacks for live topic and group names.
            command = try await Kafkactl.asyncParseAsRoot(arguments)
        } catch {
            return reportParseError(error, arguments: arguments, context: context)
        }
        switch settle(command, arguments: arguments, context: context) {
        case .finished(let code): return code
        case .runs(let runnable): return await execute(runnable, arguments: arguments, context: context)
        }
    }

    /// What parsing leaves to do: nothing more (help, a version, a usage error: the exit code), or a command to run.
    enum Parsed {
        case finished(Int32)
        case runs(any KafkactlCommand)
    }

    /// Parses without Swift Concurrency, for the process entry: help, `--version` and usage errors are answered
    /// before its runtime (libdispatch's queues and threads) starts, which is about 0.5 ms of every such answer.
    /// Nil when only the async path can parse: the completion scripts' callbacks (`---completion`), whose topic and
    /// group names come from the broker, and bare `kafkactl` on a terminal, which opens the shell.
    static func parseWithoutConcurrency(_ arguments: [String], context: CommandContext) -> (parsed: Parsed, arguments: [String])? {
        if opensShell(arguments) || arguments.first == "---completion" { return nil }
        let arguments = normalized(arguments)
        do {
            let command = try Kafkactl.parseAsRoot(arguments)
            return (settle(command, arguments: arguments, context: context), arguments)
        } catch {
            return (.finished(reportParseError(error, arguments: arguments, context: context)), arguments)
        }
    }

    /// Bare `kafkactl` on a terminal opens the shell.
    private static func opensShell(_ arguments: [String]) -> Bool {
        arguments.isEmpty && isatty(0) == 1 && isatty(1) == 1
    }

    private static func runShell(context: CommandContext) async -> Int32 {
        // Connected when the environment or the contexts file names a cluster.
        let session: ShellSession
        do {
            session = try Shell.session(try ConnectionOptions.parse([]), context: context)
        } catch {
            context.printError("Error: \((error as? KafkactlError)?.message ?? "\(error)")")
            session = ShellSession(configuration: nil, context: context)
        }
        return await session.run()
    }

    private static func settle(_ command: ParsableCommand, arguments: [String], context: CommandContext) -> Parsed {
        if let runnable = command as? KafkactlCommand { return .runs(runnable) }
        if command is Kafkactl {
            // The root alone: show what there is to run.
            context.printError(Kafkactl.helpMessage())
            return .finished(64)
        }
        // `help`, `-h` and `--help` parse to ArgumentParser's help command, whose run() throws the help
        // request: report it like any clean exit (stdout, exit 0).
        do {
            var command = command
            try command.run()
            return .finished(0)
        } catch {
            return .finished(reportParseError(error, arguments: arguments, context: context))
        }
    }

    /// Runs a parsed command and turns its outcome into output and an exit code.
    static func execute(_ runnable: any KafkactlCommand, arguments: [String], context: CommandContext) async -> Int32 {
        do {
            try await runnable.run(in: context)
            try context.stdout.flush()
            return 0
        } catch is OutputClosed {
            return 0
        } catch let error as KafkactlError {
            try? context.stdout.flush()
            if !error.message.isEmpty { context.printError("Error: \(error.message)") }
            return error.exitCode
        } catch is CancellationError {
            try? context.stdout.flush()
            context.printError("Interrupted.")
            return 130
        } catch {
            try? context.stdout.flush()
            return reportParseError(error, arguments: arguments, context: context)
        }
    }

    /// Help and version go to stdout with exit 0; anything else is one line plus where to find the usage.
    private static func reportParseError(_ error: Error, arguments: [String], context: CommandContext) -> Int32 {
        let code = Kafkactl.exitCode(for: error).rawValue
        if code == 0 {
            try? context.print(Kafkactl.fullMessage(for: error))
            try? context.stdout.flush()
            return 0
        }
        let subcommand = arguments.first { name in Kafkactl.configuration.subcommands.contains { $0._commandName == name } }
        let message = Kafkactl.message(for: error)
        context.printError("Error: \(message)")
        context.printError("See 'kafkactl \(subcommand.map { "\($0) " } ?? "")--help' for usage.")
        return code == 1 ? 64 : Int32(code)
    }
}

@main
enum Main {
    static func main() {
        // A closed pipe must surface as EPIPE (a quiet exit 0), not kill the process.
        signal(SIGPIPE, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        let context = CommandContext.standard()
        guard let (parsed, normalized) = CommandRunner.parseWithoutConcurrency(arguments, context: context) else {
            exit(runBlocking { await CommandRunner.run(arguments, context: context, isProcessEntry: true) })
        }
        switch parsed {
        case .finished(let code):
            exit(code)
        case .runs(let runnable):
            let command = UncheckedSendable(runnable)
            runWithMainThreadAsEventLoop { eventLoop in
                await CommandRunner.execute(
                    command.value, arguments: normalized, context: CommandContext.standard(eventLoop: eventLoop))
            }
        }
    }

    /// Runs a command on Swift Concurrency's pool while the main thread, which would only wait, serves as the event
    /// loop of the command's clients, and exits with the command's code. Starting a thread for the event loop and
    /// waiting for it to come up cost `topics --list` about 0.26 ms (interleaved runs, BENCHMARKS.md).
    private static func runWithMainThreadAsEventLoop(_ body: @escaping @Sendable (any EventLoop) async -> Int32) -> Never {
        MultiThreadedEventLoopGroup.withCurrentThreadAsEventLoop { eventLoop in
            Task.detached { exit(await body(eventLoop)) }
        }
        // The loop only stops early if something shut it down; the command's task still ends the process.
        dispatchMain()
    }

    /// Runs `body` on Swift Concurrency's global executor while the main thread waits for its exit code. (An
    /// `async` main would start Concurrency's runtime before parsing; kafkactl keeps nothing on the main actor.)
    private static func runBlocking(_ body: @escaping @Sendable () async -> Int32) -> Int32 {
        let finished = DispatchSemaphore(value: 0)
        let code = Mutex<Int32>(0)
        Task.detached {
            let result = await body()
            code.withLock { $0 = result }
            finished.signal()
        }
        finished.wait()
        return code.withLock { $0 }
    }
}

/// A parsed command handed from the main thread to the task that runs it; the main thread only waits from then on.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}


import AdminCore
import ArgumentParser

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
        version: KafkactlVersion.current,
        subcommands: [Topics.self, ConsoleProducer.self, ConsoleConsumer.self, ConsumerGroups.self, Configs.self, GetOffsets.self, Cluster.self, Shell.self, Config.self, GenerateDocs.self])
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
        for (index, argument) in arguments.enumerated() {
            result.append(argument)
            if optionalValueOptions.contains(argument) {
                let next = index + 1 < arguments.count ? arguments[index + 1] : nil
                if next == nil || next!.hasPrefix("--") { result.append("") }
            }
        }
        return ConfigEntityList.orderPreserving(result)
    }

    static func run(_ arguments: [String], context: CommandContext, isProcessEntry: Bool = false) async -> Int32 {
        // Bare `kafkactl` on a terminal opens the shell.
        if isProcessEntry && arguments.isEmpty && isatty(0) == 1 && isatty(1) == 1 {
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
        let arguments = normalized(arguments)
        let command: ParsableCommand
        do {
            // The async parser also answers the completion scripts' callbacks for live topic and group names.
            command = try await Kafkactl.asyncParseAsRoot(arguments)
        } catch {
            return reportParseError(error, arguments: arguments, context: context)
        }
        guard let runnable = command as? KafkactlCommand else {
            if command is Kafkactl {
                // The root alone: show what there is to run.
                context.printError(Kafkactl.helpMessage())
                return 64
            }
            // `help`, `-h` and `--help` parse to ArgumentParser's help command, whose run() throws the help
            // request: report it like any clean exit (stdout, exit 0).
            do {
                var command = command
                try command.run()
                return 0
            } catch {
                return reportParseError(error, arguments: arguments, context: context)
            }
        }
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
    static func main() async {
        // A closed pipe must surface as EPIPE (a quiet exit 0), not kill the process.
        signal(SIGPIPE, SIG_IGN)
        let context = CommandContext.standard()
        let code = await CommandRunner.run(Array(CommandLine.arguments.dropFirst()), context: context, isProcessEntry: true)
        exit(code)
    }
}

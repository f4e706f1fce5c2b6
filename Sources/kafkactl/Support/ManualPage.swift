import AdminCore
import ArgumentParser

/// `man/kafkactl.1`, generated from the command tree's help (abstracts, discussions with their examples, and
/// every option), so the manual cannot drift from the binary. `scripts/generate-docs` writes it; a test checks
/// that the committed page is what this renders.
enum ManualPage {
    static func render() -> String {
        var page = """
            .TH KAFKACTL 1 "" "kafkactl \(KafkactlVersion.current)" "User Commands"
            .SH NAME
            kafkactl \\- \(escape(Kafkactl.configuration.abstract))
            .SH SYNOPSIS
            .B kafkactl
            .I subcommand
            .RI [ options ]
            .br
            .B kafkactl
            (on a terminal: the interactive shell)
            .SH DESCRIPTION
            \(escape(Kafkactl.configuration.discussion.replacingOccurrences(of: "\\\n", with: "")))
            .SH COMMANDS

            """
        for command in Kafkactl.configuration.subcommands where command.configuration.shouldDisplay {
            page += ".SS kafkactl \(command._commandName)\n"
            page += escape(command.configuration.abstract) + "\n"
            page += ".PP\n.nf\n"
            // 73 columns: man indents this block by 7 and cannot refill it, so the page fits an 80-column terminal.
            page += escape(Kafkactl.helpMessage(for: command, columns: 73)) + "\n"
            page += ".fi\n"
        }
        page += """
            .SH EXIT STATUS
            .TP
            .B 0
            Success, including when a reader closes standard output early (\\fBkafkactl ... | head\\fR).
            .TP
            .B 1
            The operation failed: rejected by the broker, not found, already exists, partly failed, or unsupported.
            .TP
            .B 64
            Usage error: a bad flag, value or combination of flags.
            .TP
            .B 69
            No broker reachable.
            .TP
            .B 75
            Timed out.
            .TP
            .B 130
            Interrupted (Ctrl-C or SIGTERM), after a clean shutdown.
            .PP
            Apache Kafka's tools exit 1 for nearly every failure (and kafka-consumer-groups.sh exits 0 after many);
            kafkactl differs on purpose and stays non-zero on every failure.
            .SH ENVIRONMENT
            .TP
            .B KAFKACTL_BOOTSTRAP_SERVER
            The cluster, when no \\fB--bootstrap-server\\fR and no bootstrap.servers from a flag's properties file name one.
            .TP
            .B KAFKACTL_CONTEXT
            The context to use when \\fB--context\\fR is not given (instead of the file's current-context).
            .TP
            .B KAFKACTL_CONFIG
            Another contexts file than \\fI$XDG_CONFIG_HOME/kafkactl/config.yaml\\fR.
            .SH FILES
            .TP
            .I $XDG_CONFIG_HOME/kafkactl/config.yaml
            Named connection contexts (\\fI~/.config/kafkactl/config.yaml\\fR when XDG_CONFIG_HOME is unset); see \\fBkafkactl config\\fR.
            .TP
            .I $XDG_STATE_HOME/kafkactl/history
            The shell's history (\\fI~/.local/state/kafkactl/history\\fR when XDG_STATE_HOME is unset), at most 1000 lines.
            .SH SEE ALSO
            .BR kafka-topics.sh (1),
            .BR kafka-console-producer.sh (1),
            .BR kafka-console-consumer.sh (1),
            .BR kafka-producer-perf-test.sh (1),
            .BR kafka-consumer-perf-test.sh (1),
            .BR kafka-consumer-groups.sh (1),
            .BR kafka-configs.sh (1),
            .BR kafka-get-offsets.sh (1),
            .BR kafka-delete-records.sh (1),
            .BR kafka-acls.sh (1),
            .BR kafka-log-dirs.sh (1),
            .BR kafka-leader-election.sh (1),
            .BR kafka-transactions.sh (1),
            .BR kafka-reassign-partitions.sh (1),
            .BR kafka-metadata-quorum.sh (1),
            .BR kafka-features.sh (1),
            .BR kafka-broker-api-versions.sh (1),
            .BR top (1),
            .BR connect-mirror-maker.sh (1)

            """
        return page
    }

    /// roff treats a backslash as an escape and a leading `.` or `'` as a request.
    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\e").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : String(line)
        }.joined(separator: "\n")
    }
}

/// `kafkactl generate-docs`: writes what `scripts/generate-docs` commits (hidden from help).
struct GenerateDocs: KafkactlCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-docs", abstract: "Print the manual page (roff).", shouldDisplay: false)

    func run(in context: CommandContext) async throws {
        try context.stdout.write(ManualPage.render())
    }
}

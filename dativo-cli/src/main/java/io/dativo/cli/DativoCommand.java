package io.dativo.cli;

import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root {@code dativo} command: global options and the list of subcommands. The subcommands are
 * added by {@link #subcommandsFor}: building picocli's model of every command (reflection over each
 * option) took ~0.14 s of every invocation's start, and a command line names one of them.
 */
@Command(
    name = "dativo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Config-driven ingestion into Apache Iceberg, with one governance and FinOps tag set",
      "carried into cloud resources, Terraform and table properties."
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 internal error, 2 invalid configuration or arguments,",
      "3 validation or policy failure, 4 partial failure, 5 external tool or service failure."
    })
public final class DativoCommand implements Runnable {
  @Option(
      names = "--format",
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      description =
          "Output format where the output is data: ${COMPLETION-CANDIDATES} (default: text).")
  OutputFormat format = OutputFormat.text;

  @Option(
      names = {"--debug", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Show stack traces of errors.")
  boolean debug;

  @Option(
      names = "--log-format",
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      description = "Log lines on stderr: text (default) or json (one event object per line).")
  LogFormat logFormat = LogFormat.text;

  /** How log lines are written. */
  enum LogFormat {
    text,
    json
  }

  /** The subcommands, in the order help lists them. */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          CheckCommand.class,
          RunCommand.class,
          TableCommand.class,
          DiscoverCommand.class,
          InfraCommand.class,
          DagsterCommand.class);

  /** Global options that take a value (the word after them is not a command). */
  private static final Set<String> OPTIONS_WITH_VALUES = Set.of("--format", "--log-format");

  /** Global options that print the root's help, which lists every command. */
  private static final Set<String> HELP_OPTIONS = Set.of("-h", "--help");

  /**
   * The subcommands a command line needs: the one its first word names, or all of them (for the
   * root's help, for a mistyped command's suggestions, or a command line without one).
   */
  static List<Class<?>> subcommandsFor(String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (HELP_OPTIONS.contains(arg)) {
        return SUBCOMMANDS; // `dativo --help run` prints the root's help
      } else if (OPTIONS_WITH_VALUES.contains(arg)) {
        i++;
      } else if (!arg.startsWith("-")) {
        for (Class<?> command : SUBCOMMANDS) {
          if (command.getAnnotation(Command.class).name().equals(arg)) {
            return List.of(command);
          }
        }

        return SUBCOMMANDS;
      }
    }

    return SUBCOMMANDS;
  }

  final CliContext context;

  /** The event log for this invocation. */
  EventLog log() {
    return new EventLog(context, logFormat == LogFormat.json);
  }

  DativoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "Missing command: try 'dativo check --config JOB.yaml'");
  }
}

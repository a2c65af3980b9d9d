package io.dativo.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root {@code dativo} command: global options and the list of subcommands. */
@Command(
    name = "dativo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Config-driven ingestion into Apache Iceberg, with one governance and FinOps tag set",
      "carried into cloud resources, Terraform and table properties."
    },
    subcommands = {
      CheckCommand.class,
      RunCommand.class,
      TableCommand.class,
      DiscoverCommand.class,
      InfraCommand.class,
      DagsterCommand.class
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

package io.dativo.cli;

import io.dativo.cli.output.ErrorReport;
import io.dativo.core.DativoException;
import io.dativo.core.config.ConfigException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/** The {@code dativo} entry point. {@link #run} is what tests call: it returns the exit code. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    NativeLibraries.useCache(NativeLibraries.cacheRoot(System.getenv()));
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    CliContext context =
        new CliContext(
            out, err, System.getenv(), Path.of("").toAbsolutePath(), System.console() != null);
    int code = run(context, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line; never throws, never exits. */
  public static int run(CliContext context, String... args) {
    DativoCommand root = new DativoCommand(context);
    CommandLine commandLine = new CommandLine(root);
    for (Class<?> subcommand : DativoCommand.subcommandsFor(args)) {
      commandLine.addSubcommand(subcommand);
    }

    commandLine.setOut(context.out());
    commandLine.setErr(context.err());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            context.color() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> {
          context.err().println("error: " + exception.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(exception, context.err());
          context
              .err()
              .println(
                  "Run '"
                      + exception.getCommandLine().getCommandSpec().qualifiedName()
                      + " --help' for usage.");
          return ExitCode.INVALID_CONFIG;
        });
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> handle(context, root, exception));
    int code;
    try {
      code = commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      // Not a bug to report with a stack trace: the heap the JVM was given is too small.
      context
          .err()
          .println(
              "error: the JVM ran out of memory (its heap is "
                  + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                  + " MB); nothing was committed");
      context.err().println("hint: give it more, e.g. DATIVO_JAVA_OPTS=-Xmx512m");
      code = ExitCode.EXTERNAL_FAILURE;
    }

    context.out().flush();
    context.err().flush();
    return code;
  }

  private static int handle(CliContext context, DativoCommand root, Exception exception) {
    if (exception instanceof ConfigException config) {
      ErrorReport report = ErrorReport.of(context.workingDir(), config);
      if (root.format == OutputFormat.json) {
        context.out().println(report.toJson());
      }

      context.err().print(report.toText(context.color()));
      printTrace(context, root, exception);
      return ExitCode.INVALID_CONFIG;
    }

    if (exception instanceof PolicyViolation violation) {
      context
          .err()
          .print(io.dativo.cli.output.CheckReport.policyText(violation.report(), context.color()));
      context.err().println("error: " + violation.getMessage());
      return ExitCode.VALIDATION_FAILED;
    }

    if (exception instanceof DativoException dativo) {
      context.err().println("error: " + dativo.getMessage());
      dativo.hint().ifPresent(h -> context.err().println("hint: " + h));
      printTrace(context, root, exception);
      return exitCode(dativo);
    }

    if (exception instanceof org.apache.iceberg.exceptions.CommitFailedException
        || exception instanceof org.apache.iceberg.exceptions.RuntimeIOException
        || exception instanceof java.io.UncheckedIOException
        || exception instanceof com.google.cloud.BaseServiceException
        || exception instanceof software.amazon.awssdk.core.exception.SdkException) {
      context.err().println("error: " + exception.getMessage());
      context.err().println("hint: the catalog or storage failed; nothing was committed");
      printTrace(context, root, exception);
      return ExitCode.EXTERNAL_FAILURE;
    }

    context.err().println("internal error: " + exception);
    context
        .err()
        .println(
            "This is a bug in Dativo. Run again with --debug for the stack trace, and report it.");
    printTrace(context, root, exception);
    return ExitCode.INTERNAL_ERROR;
  }

  /** A failed external tool or service is 5, rows that fail validation 3, other user errors 2. */
  static int exitCode(DativoException exception) {
    if (exception instanceof io.dativo.core.terraform.TerraformException terraform
        && terraform.isExternal()) {
      return ExitCode.EXTERNAL_FAILURE;
    }

    if (exception instanceof io.dativo.ingest.IngestException ingest) {
      return switch (ingest.kind()) {
        case DATA -> ExitCode.VALIDATION_FAILED;
        case EXTERNAL -> ExitCode.EXTERNAL_FAILURE;
        case CONFIG, NOT_AVAILABLE -> ExitCode.INVALID_CONFIG;
      };
    }

    return ExitCode.INVALID_CONFIG;
  }

  private static void printTrace(CliContext context, DativoCommand root, Exception exception) {
    if (root.debug) {
      exception.printStackTrace(context.err());
    }
  }
}

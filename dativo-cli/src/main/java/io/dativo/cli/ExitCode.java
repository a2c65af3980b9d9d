package io.dativo.cli;

/** The exit codes of every dativo command (documented in docs/cli.md). */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;

  /** An internal error: a bug in Dativo. */
  public static final int INTERNAL_ERROR = 1;

  /** Invalid configuration or command-line arguments. */
  public static final int INVALID_CONFIG = 2;

  /** A validation or policy check failed. */
  public static final int VALIDATION_FAILED = 3;

  /** Some resources failed, others succeeded. */
  public static final int PARTIAL_FAILURE = 4;

  /** An external tool or service failed (terraform, a cloud API). */
  public static final int EXTERNAL_FAILURE = 5;

  private ExitCode() {}
}

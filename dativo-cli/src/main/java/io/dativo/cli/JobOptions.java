package io.dativo.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every job command shares. */
final class JobOptions {
  @Option(
      names = {"--config", "-c"},
      required = true,
      paramLabel = "JOB",
      description = "The job file (YAML).")
  Path config;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "A shared policy file; its rules apply together with the job's policy section.")
  Path policy;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description = "A Terraform state file to read mapped outputs from (instead of finding it).")
  Path state;
}

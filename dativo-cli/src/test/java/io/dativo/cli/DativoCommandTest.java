package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DativoCommandTest {
  @Test
  void aCommandLineGetsTheModelOfTheCommandItNames() {
    assertThat(DativoCommand.subcommandsFor("run", "--config", "job.yaml"))
        .containsExactly(RunCommand.class);
    // A global option's value is not a command.
    assertThat(DativoCommand.subcommandsFor("--format", "check", "run", "--config", "job.yaml"))
        .containsExactly(RunCommand.class);
    assertThat(DativoCommand.subcommandsFor("--debug", "infra", "tags"))
        .containsExactly(InfraCommand.class);
  }

  @Test
  void helpAndUnknownCommandsGetEveryCommand() {
    assertThat(DativoCommand.subcommandsFor("--help")).isEqualTo(DativoCommand.SUBCOMMANDS);
    assertThat(DativoCommand.subcommandsFor("-h", "run")).isEqualTo(DativoCommand.SUBCOMMANDS);
    // A command's own help needs only its model.
    assertThat(DativoCommand.subcommandsFor("run", "--help")).containsExactly(RunCommand.class);
    assertThat(DativoCommand.subcommandsFor()).isEqualTo(DativoCommand.SUBCOMMANDS);
    // "Did you mean" needs every name.
    assertThat(DativoCommand.subcommandsFor("chek", "--config", "job.yaml"))
        .isEqualTo(DativoCommand.SUBCOMMANDS);
  }

  @Test
  void aMistypedCommandIsStillSuggested() {
    var out = new java.io.StringWriter();
    var err = new java.io.StringWriter();
    CliContext context =
        new CliContext(
            new java.io.PrintWriter(out, true),
            new java.io.PrintWriter(err, true),
            java.util.Map.of(),
            java.nio.file.Path.of("").toAbsolutePath(),
            false);

    int code = Main.run(context, "chek", "--config", "job.yaml");

    assertThat(code).isEqualTo(ExitCode.INVALID_CONFIG);
    assertThat(err.toString()).contains("Did you mean: dativo check?");
  }
}

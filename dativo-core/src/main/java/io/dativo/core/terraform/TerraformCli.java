package io.dativo.core.terraform;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The real {@code terraform} binary, run as a child process. */
public final class TerraformCli {
  private final Path binary;
  private final Map<String, String> env;

  public TerraformCli(Path binary, Map<String, String> env) {
    this.binary = binary;
    this.env = Map.copyOf(env);
  }

  /** The {@code terraform} on {@code PATH} (or {@code DATIVO_TERRAFORM}), if there is one. */
  public static Optional<TerraformCli> find(Map<String, String> env) {
    String explicit = env.get("DATIVO_TERRAFORM");
    if (explicit != null && Files.isExecutable(Path.of(explicit))) {
      return Optional.of(new TerraformCli(Path.of(explicit), env));
    }

    for (String dir : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }

      Path candidate = Path.of(dir, "terraform");
      if (Files.isExecutable(candidate)) {
        return Optional.of(new TerraformCli(candidate, env));
      }
    }

    return Optional.empty();
  }

  public Path binary() {
    return binary;
  }

  /** How one command ended, and how long it took. */
  public record Result(
      List<String> command, int exitCode, Duration duration, String stdout, String stderr) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  /** Runs and captures stdout and stderr (for {@code output -json}). */
  public Result capture(Path dir, List<String> args, Map<String, String> extraEnv) {
    return execute(dir, args, extraEnv, null, null);
  }

  /** Runs and streams each line of stdout and stderr as it comes (for plan and apply). */
  public Result stream(
      Path dir,
      List<String> args,
      Map<String, String> extraEnv,
      Consumer<String> out,
      Consumer<String> err) {
    return execute(dir, args, extraEnv, out, err);
  }

  private Result execute(
      Path dir,
      List<String> args,
      Map<String, String> extraEnv,
      Consumer<String> out,
      Consumer<String> err) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> processEnv = builder.environment();
    processEnv.clear();
    processEnv.putAll(childEnv(extraEnv));
    long start = System.nanoTime();
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      StreamPump stdout = new StreamPump(process.getInputStream(), out);
      StreamPump stderr = new StreamPump(process.getErrorStream(), err);
      stdout.start();
      stderr.start();
      int code = process.waitFor();
      stdout.join();
      stderr.join();
      return new Result(
          List.copyOf(command),
          code,
          Duration.ofNanos(System.nanoTime() - start),
          stdout.text(),
          stderr.text());
    } catch (IOException e) {
      throw TerraformException.external(
          "Cannot run " + binary + ": " + e.getMessage(),
          "check that terraform is installed and executable",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw TerraformException.external(
          "Interrupted while running terraform " + String.join(" ", args), null, e);
    }
  }

  /** Terraform runs unattended: no prompts, no colour codes in captured output. */
  private Map<String, String> childEnv(Map<String, String> extraEnv) {
    Map<String, String> child = new HashMap<>(env);
    child.put("TF_IN_AUTOMATION", "1");
    child.put("TF_INPUT", "0");
    child.putAll(extraEnv);
    child.values().removeIf(java.util.Objects::isNull);
    return child;
  }

  /** Copies a child's stream line by line, keeping the text and passing each line on. */
  private static final class StreamPump extends Thread {
    private final InputStream in;
    private final Consumer<String> sink;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    StreamPump(InputStream in, Consumer<String> sink) {
      this.in = in;
      this.sink = sink;
      setDaemon(true);
    }

    @Override
    public void run() {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (sink != null) {
            sink.accept(line);
          } else {
            captured.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String text() {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }
}

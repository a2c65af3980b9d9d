package io.dativo.core.terraform;

import io.dativo.core.config.infra.BackendSpec;
import io.dativo.core.config.infra.TerraformSpec;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds a job's Terraform outputs. An explicit {@code --state FILE} wins; otherwise, in order: the
 * local backend's state files in {@code module_path}, {@code terraform output -json} run in {@code
 * module_path} when the binary is on the PATH, and the remote backend named in {@code
 * terraform.backend} read with the cloud's SDK.
 */
public final class OutputResolver {
  private final Map<String, String> env;
  private final Optional<TerraformCli> cli;
  private final Map<String, RemoteStateReader> remotes;

  public OutputResolver(
      Map<String, String> env, Optional<TerraformCli> cli, List<RemoteStateReader> remotes) {
    this.env = Map.copyOf(env);
    this.cli = cli;
    this.remotes =
        remotes.stream()
            .collect(
                Collectors.toMap(RemoteStateReader::backendType, Function.identity(), (a, b) -> a));
  }

  public StateLookup resolve(TerraformSpec spec, Optional<Path> explicitState) {
    String workspace = workspace(spec);
    List<String> tried = new ArrayList<>();
    if (explicitState.isPresent()) {
      return new StateLookup(
          Optional.of(readFile(explicitState.get(), workspace)),
          workspace,
          List.of(explicitState.get().toString()));
    }

    Optional<BackendSpec> backend = spec.backend();
    boolean local = backend.map(b -> b.type().equals("local")).orElse(true);
    if (local && spec.modulePath().isPresent()) {
      Path file = localStateFile(spec.modulePath().get(), backend, workspace);
      tried.add(file.toString());
      if (Files.isRegularFile(file)) {
        return new StateLookup(Optional.of(readFile(file, workspace)), workspace, tried);
      }
    }

    Optional<TerraformOutputs> fromCli = fromCli(spec, workspace, tried);
    if (fromCli.isPresent()) {
      return new StateLookup(fromCli, workspace, tried);
    }

    Optional<TerraformOutputs> fromRemote =
        backend.filter(b -> !local).flatMap(b -> fromRemote(b, workspace, tried));
    return new StateLookup(fromRemote, workspace, tried);
  }

  /** The job's workspace, else {@code TF_WORKSPACE}, else {@code default}. */
  public String workspace(TerraformSpec spec) {
    return spec.workspace()
        .or(() -> Optional.ofNullable(env.get("TF_WORKSPACE")))
        .orElse(BackendPaths.DEFAULT_WORKSPACE);
  }

  /**
   * {@code terraform.tfstate}, or {@code terraform.tfstate.d/<ws>/terraform.tfstate} (or the
   * backend's {@code path}).
   */
  static Path localStateFile(Path moduleDir, Optional<BackendSpec> backend, String workspace) {
    Path defaultState =
        backend
            .flatMap(b -> b.setting("path"))
            .map(moduleDir::resolve)
            .orElse(moduleDir.resolve("terraform.tfstate"));
    if (workspace.equals(BackendPaths.DEFAULT_WORKSPACE)) {
      return defaultState;
    }

    Path workspaceDir =
        backend
            .flatMap(b -> b.setting("workspace_dir"))
            .map(moduleDir::resolve)
            .orElse(moduleDir.resolve("terraform.tfstate.d"));
    return workspaceDir.resolve(workspace).resolve(defaultState.getFileName());
  }

  private static TerraformOutputs readFile(Path file, String workspace) {
    try (InputStream in = Files.newInputStream(file)) {
      return StateParser.parseState(in, file.toString(), workspace);
    } catch (IOException e) {
      throw TerraformException.input(
          "Cannot read Terraform state " + file + ": " + e.getMessage(),
          "check the path given with --state");
    }
  }

  private Optional<TerraformOutputs> fromCli(
      TerraformSpec spec, String workspace, List<String> tried) {
    if (cli.isEmpty() || spec.modulePath().filter(Files::isDirectory).isEmpty()) {
      if (cli.isEmpty()) {
        tried.add("terraform output -json (no terraform on PATH)");
      }

      return Optional.empty();
    }

    Path dir = spec.modulePath().get();
    TerraformCli.Result result =
        cli.get()
            .capture(
                dir, List.of("output", "-json", "-no-color"), Map.of("TF_WORKSPACE", workspace));
    String where = "terraform output -json in " + dir + " (workspace " + workspace + ")";
    if (!result.succeeded()) {
      tried.add(where + ": " + firstLine(result.stderr()));
      return Optional.empty();
    }

    TerraformOutputs outputs =
        StateParser.parseOutputJson(
            new java.io.ByteArrayInputStream(
                result.stdout().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            where,
            workspace);
    if (outputs.outputs().isEmpty()) {
      tried.add(where + ": no outputs (not applied yet?)");
      return Optional.empty();
    }

    tried.add(where);
    return Optional.of(outputs);
  }

  private Optional<TerraformOutputs> fromRemote(
      BackendSpec backend, String workspace, List<String> tried) {
    RemoteStateReader reader = remotes.get(backend.type());
    if (reader == null) {
      tried.add(
          backend.type()
              + " backend (Dativo cannot read it directly; install terraform to read it through 'terraform output')");
      return Optional.empty();
    }

    String location = reader.location(backend, workspace);
    tried.add(location);
    try (InputStream in = reader.open(backend, workspace, env)) {
      return Optional.of(StateParser.parseState(in, location, workspace));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw TerraformException.external(
          "Cannot read Terraform state " + location + ": " + e.getMessage(),
          "check credentials and the backend settings",
          e);
    }
  }

  private static String firstLine(String text) {
    return text.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("╷") && !l.equals("│"))
        .map(l -> l.replaceFirst("^│\\s*", ""))
        .findFirst()
        .orElse("failed");
  }
}

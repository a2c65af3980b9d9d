package io.dativo.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a path written in a config file. The canonical form is relative to the file that names
 * it. For the seeds' project-root style ({@code asset_path: assets/stripe/v1.0/customers.yaml} in
 * {@code jobs/acme/x.yaml}) the parent folders of the naming file are tried next, nearest first.
 */
public final class PathResolver {

  /** The path chosen, whether it exists, and every place tried (for "not found" messages). */
  public record Resolved(Path path, boolean exists, List<Path> tried) {}

  private PathResolver() {}

  public static Resolved resolve(Path namingFile, String raw) {
    Path written = Path.of(raw.trim());
    if (written.isAbsolute()) {
      return new Resolved(written.normalize(), Files.exists(written), List.of(written));
    }

    Path base = namingFile.toAbsolutePath().getParent();
    Path preferred = base.resolve(written).normalize();
    List<Path> tried = new ArrayList<>();
    for (Path dir = base; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(written).normalize();
      tried.add(candidate);
      if (Files.exists(candidate)) {
        return new Resolved(candidate, true, List.copyOf(tried));
      }
    }

    return new Resolved(preferred, false, List.copyOf(tried));
  }
}

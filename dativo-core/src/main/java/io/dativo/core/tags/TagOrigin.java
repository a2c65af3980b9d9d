package io.dativo.core.tags;

import io.dativo.core.config.yaml.Location;
import java.util.Optional;

/** Where exactly a value was written: a source, a file location when known, and a key path. */
public record TagOrigin(TagSource source, Optional<Location> location, String path) {

  public static TagOrigin of(TagSource source, String path) {
    return new TagOrigin(source, Optional.empty(), path);
  }

  public static TagOrigin at(TagSource source, Location location, String path) {
    return new TagOrigin(source, Optional.ofNullable(location), path);
  }

  /** {@code file:line:col key.path}, or the path alone. */
  public String describe() {
    return location.filter(Location::isKnown).map(l -> l + " ").orElse("") + path;
  }

  /** As {@link #describe()}, with the file shown relative to {@code base} when inside it. */
  public String describe(java.nio.file.Path base) {
    return location
            .filter(Location::isKnown)
            .map(l -> relative(base, l) + ":" + l.line() + ":" + l.column() + " ")
            .orElse("")
        + path;
  }

  private static String relative(java.nio.file.Path base, Location location) {
    java.nio.file.Path file = location.file().toAbsolutePath().normalize();
    java.nio.file.Path root = base.toAbsolutePath().normalize();
    return file.startsWith(root) ? root.relativize(file).toString() : file.toString();
  }
}

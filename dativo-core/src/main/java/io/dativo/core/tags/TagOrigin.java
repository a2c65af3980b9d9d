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
}

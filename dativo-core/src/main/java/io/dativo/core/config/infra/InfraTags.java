package io.dativo.core.config.infra;

import java.util.List;
import java.util.Optional;

/**
 * The tags an infrastructure block declares: seed 002's {@code infrastructure.tags} (snake_case
 * keys, with {@code custom}) and seed 000's {@code infrastructure.metadata.tags} (CamelCase keys),
 * in declaration order.
 */
public record InfraTags(
    List<TagEntry> declared, List<TagEntry> custom, List<TagEntry> metadataTags) {

  public static final InfraTags NONE = new InfraTags(List.of(), List.of(), List.of());

  public InfraTags {
    declared = List.copyOf(declared);
    custom = List.copyOf(custom);
    metadataTags = List.copyOf(metadataTags);
  }

  public Optional<TagEntry> declared(String key) {
    return declared.stream().filter(t -> t.key().equals(key)).findFirst();
  }

  public boolean isEmpty() {
    return declared.isEmpty() && custom.isEmpty() && metadataTags.isEmpty();
  }
}

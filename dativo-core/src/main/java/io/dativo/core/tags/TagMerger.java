package io.dativo.core.tags;

import io.dativo.core.config.ConfigProblem;
import io.dativo.core.config.yaml.Location;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges tag layers by precedence (later sources win, each tag remembering what it overrode). Only
 * the job may set identity tags and only Dativo system tags; a user source restating an identity or
 * infrastructure fact with the same value is harmless, changing it is a problem.
 */
public final class TagMerger {
  private TagMerger() {}

  /** The merged set and the problems found (reserved keys set by users). */
  public record Result(TagSet tags, List<ConfigProblem> problems) {}

  public static Result merge(Collection<TagLayer> layers) {
    Map<String, ResolvedTag> resolved = new LinkedHashMap<>();
    List<ConfigProblem> problems = new ArrayList<>();
    layers.stream()
        .sorted(Comparator.comparing(TagLayer::source))
        .forEach(
            layer ->
                layer.entries().forEach(entry -> apply(resolved, layer.source(), entry, problems)));
    return new Result(new TagSet(ordered(resolved)), List.copyOf(problems));
  }

  private static void apply(
      Map<String, ResolvedTag> resolved,
      TagSource source,
      TagLayer.Entry entry,
      List<ConfigProblem> problems) {
    ResolvedTag current = resolved.get(entry.key());
    if (!source.isReserved() && isProtected(entry.key(), current)) {
      if (current == null || !current.value().equals(entry.value())) {
        problems.add(reservedProblem(entry, current));
      }

      return;
    }

    if (entry.value() == null) {
      resolved.remove(entry.key());
      return;
    }

    if (current != null && current.source() == source && current.value().equals(entry.value())) {
      return; // the same value again from the same source: nothing to record
    }

    ResolvedTag tag = ResolvedTag.of(entry.key(), entry.value(), entry.origin());
    resolved.put(entry.key(), current == null ? tag : current.overriddenBy(tag));
  }

  private static boolean isProtected(String key, ResolvedTag current) {
    if (TagKeys.IDENTITY.contains(key) || TagKeys.SYSTEM.contains(key)) {
      return true;
    }

    return TagKeys.INFRASTRUCTURE_FACTS.contains(key)
        && current != null
        && current.origin().path().startsWith("infrastructure.")
        && !current.origin().path().startsWith("infrastructure.tags")
        && !current.origin().path().startsWith("infrastructure.metadata.tags");
  }

  private static ConfigProblem reservedProblem(TagLayer.Entry entry, ResolvedTag current) {
    Location location = entry.origin().location().orElse(Location.unknown(null));
    String reason =
        TagKeys.SYSTEM.contains(entry.key())
            ? "'" + entry.key() + "' is set by Dativo and cannot be set by a tag"
            : current == null
                ? "'" + entry.key() + "' is reserved for the job's own value"
                : "'"
                    + entry.key()
                    + "' is '"
                    + current.value()
                    + "' (from "
                    + current.origin().describe()
                    + "); a tag cannot change it to '"
                    + entry.value()
                    + "'";
    return ConfigProblem.withHint(
        location,
        entry.origin().path(),
        reason,
        "remove this tag, or rename it (for example Custom" + entry.key() + ")");
  }

  /**
   * Seed 000's order: identity, asset, classification, FinOps, infrastructure, ManagedBy, custom,
   * times.
   */
  private static Map<String, ResolvedTag> ordered(Map<String, ResolvedTag> resolved) {
    List<ResolvedTag> tags = new ArrayList<>(resolved.values());
    List<String> insertion = new ArrayList<>(resolved.keySet());
    tags.sort(
        Comparator.comparingInt((ResolvedTag t) -> position(t.key()))
            .thenComparingInt(t -> insertion.indexOf(t.key())));
    Map<String, ResolvedTag> ordered = new LinkedHashMap<>();
    tags.forEach(t -> ordered.put(t.key(), t));
    return ordered;
  }

  private static int position(String key) {
    if (key.equals(TagKeys.LAST_MODIFIED)) {
      return TagKeys.ORDER.size() + 1;
    }

    if (key.equals(TagKeys.CREATED_AT)) {
      return TagKeys.ORDER.size() + 2;
    }

    return TagKeys.rank(key);
  }
}

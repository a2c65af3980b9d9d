package io.dativo.core.tags.rules;

import io.dativo.core.config.OverflowPolicy;
import io.dativo.core.tags.ResolvedTag;
import io.dativo.core.tags.TagSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rendering every key/value provider shares: rewrite each key and value to the provider's rules
 * (reporting each change), refuse reserved keys and collisions by name, and fit the count limit by
 * priority.
 */
abstract class KeyValueRules implements TagRules {

  /** The most tags the provider holds on one resource, or {@link Integer#MAX_VALUE}. */
  abstract int maxTags();

  /** The provider key for a tag name; changes are reported through {@code changes}. */
  abstract String key(String tagKey, Changes changes);

  /** The provider value; changes are reported through {@code changes}. */
  abstract String value(String value, Changes changes);

  /** The form in which two keys are the same key to the provider (Azure ignores case). */
  String collisionKey(String renderedKey) {
    return renderedKey;
  }

  /** Why a rendered key is reserved by the provider, if it is. */
  abstract Optional<String> reserved(String renderedKey);

  /** Collects the reasons a key or value had to change. */
  static final class Changes {
    private final List<String> reasons = new ArrayList<>();

    void add(String reason) {
      reasons.add(reason);
    }

    String joined() {
      return String.join("; ", reasons);
    }

    boolean isEmpty() {
      return reasons.isEmpty();
    }
  }

  @Override
  public Rendering render(TagSet tags, OverflowPolicy overflow) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    List<Adjustment> adjustments = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, String> seen = new LinkedHashMap<>();
    for (ResolvedTag tag : byPriority(tags)) {
      Changes keyChanges = new Changes();
      String key = key(tag.key(), keyChanges);
      if (!keyChanges.isEmpty()) {
        adjustments.add(
            new Adjustment(
                tag.key(), Adjustment.Kind.KEY_CHANGED, tag.key(), key, keyChanges.joined()));
      }

      Optional<String> reserved = reserved(key);
      if (reserved.isPresent()) {
        problems.add(
            "tag " + tag.key() + " (from " + tag.origin().describe() + "): " + reserved.get());
        continue;
      }

      String collision = collisionKey(key);
      if (seen.containsKey(collision)) {
        problems.add(
            "tags "
                + seen.get(collision)
                + " and "
                + tag.key()
                + " both become "
                + id()
                + " key '"
                + key
                + "'");
        continue;
      }

      seen.put(collision, tag.key());

      Changes valueChanges = new Changes();
      String value = value(tag.value(), valueChanges);
      if (!valueChanges.isEmpty()) {
        adjustments.add(
            new Adjustment(
                tag.key(),
                Adjustment.Kind.VALUE_CHANGED,
                tag.value(),
                value,
                valueChanges.joined()));
      }

      values.put(key, value);
      sources.put(key, tag.key());
    }

    if (!problems.isEmpty()) {
      throw new TagRenderException(id(), problems, "rename or remove the tags named above");
    }

    fit(values, sources, adjustments, overflow);
    return inSetOrder(tags, values, sources, adjustments);
  }

  private void fit(
      Map<String, String> values,
      Map<String, String> sources,
      List<Adjustment> adjustments,
      OverflowPolicy overflow) {
    if (values.size() <= maxTags()) {
      return;
    }

    List<String> keys = new ArrayList<>(values.keySet());
    List<String> excess = keys.subList(maxTags(), keys.size());
    List<String> excessTags = excess.stream().map(sources::get).toList();
    if (overflow == OverflowPolicy.ERROR) {
      throw new TagRenderException(
          id(),
          List.of(
              values.size()
                  + " tags, but "
                  + id()
                  + " allows "
                  + maxTags()
                  + "; these do not fit: "
                  + String.join(", ", excessTags)),
          "remove tags, or set tags.on_overflow: drop_lowest in the job to drop the lowest-priority ones");
    }

    for (String key : List.copyOf(excess)) {
      adjustments.add(
          new Adjustment(
              sources.get(key),
              Adjustment.Kind.DROPPED,
              values.get(key),
              "",
              "over the " + maxTags() + "-tag limit of " + id()));
      values.remove(key);
      sources.remove(key);
    }
  }

  /** Priority decides what is kept; the output keeps the tag set's own order. */
  private Rendering inSetOrder(
      TagSet tags,
      Map<String, String> values,
      Map<String, String> sources,
      List<Adjustment> adjustments) {
    Map<String, String> keyOf = new LinkedHashMap<>();
    sources.forEach((key, tag) -> keyOf.put(tag, key));
    Map<String, String> orderedValues = new LinkedHashMap<>();
    Map<String, String> orderedSources = new LinkedHashMap<>();
    for (ResolvedTag tag : tags) {
      String key = keyOf.get(tag.key());
      if (key != null) {
        orderedValues.put(key, values.get(key));
        orderedSources.put(key, tag.key());
      }
    }

    return new Rendering(id(), orderedValues, orderedSources, adjustments);
  }

  private static List<ResolvedTag> byPriority(TagSet tags) {
    List<ResolvedTag> ordered = new ArrayList<>(tags.tags());
    ordered.sort(Comparator.comparingInt(t -> TagPriority.tier(t.key())));
    return ordered;
  }

  /** Clips to {@code max} code points (never splitting a surrogate pair), reporting it. */
  static String clip(String text, int max, Changes changes, String what) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }

    changes.add(what + " truncated to " + max + " characters");
    return text.substring(0, text.offsetByCodePoints(0, max));
  }

  /** Replaces each code point outside {@code allowed} with {@code replacement}, reporting it. */
  static String replaceDisallowed(
      String text, java.util.function.IntPredicate allowed, String replacement, Changes changes) {
    StringBuilder out = new StringBuilder();
    boolean replaced = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (allowed.test(cp)) {
        out.appendCodePoint(cp);
      } else {
        out.append(replacement);
        replaced = true;
      }

      i += Character.charCount(cp);
    }

    if (replaced) {
      changes.add("characters not allowed replaced with '" + replacement + "'");
    }

    return out.toString();
  }
}

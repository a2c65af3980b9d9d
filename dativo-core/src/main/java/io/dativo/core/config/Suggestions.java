package io.dativo.core.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt keys and names: the closest candidate by edit distance. */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate closest to {@code input}, if it is close enough to be a plausible typo: at most a
   * third of the input's length in edits (at least 1, at most 3), the same word in another case or
   * separator style ({@code costCenter} for {@code cost_center}), or a shortened or lengthened form
   * ({@code required} for {@code required_tags}).
   */
  public static Optional<String> closest(String input, Collection<String> candidates) {
    String normalizedInput = normalize(input);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (normalize(candidate).equals(normalizedInput)) {
        return Optional.of(candidate);
      }

      int distance = distance(input.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }

    int allowed = Math.min(3, Math.max(1, input.length() / 3));
    if (bestDistance <= allowed) {
      return Optional.ofNullable(best);
    }

    return prefixMatch(normalizedInput, candidates);
  }

  /** A truncated key ({@code required} for {@code required_tags}) names its candidate. */
  private static Optional<String> prefixMatch(
      String normalizedInput, Collection<String> candidates) {
    if (normalizedInput.length() < 4) {
      return Optional.empty();
    }

    return candidates.stream()
        .filter(
            c ->
                normalize(c).startsWith(normalizedInput)
                    || normalizedInput.startsWith(normalize(c)))
        .reduce((a, b) -> a.length() <= b.length() ? a : b);
  }

  /** "did you mean 'x'?" or a list of the allowed values when nothing is close. */
  public static String hint(String input, Collection<String> candidates) {
    return closest(input, candidates)
        .map(c -> "did you mean '" + c + "'?")
        .orElse("expected one of: " + String.join(", ", candidates));
  }

  static String normalize(String key) {
    return key.replaceAll("[-_\\s]", "").toLowerCase(Locale.ROOT);
  }

  /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }

    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }

    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }

    return d[a.length()][b.length()];
  }
}

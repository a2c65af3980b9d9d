package io.dativo.core.policy;

import java.util.List;

/** Every rule's result, and whether violations fail the command ({@code enforce: true}). */
public record PolicyReport(List<PolicyResult> results, boolean enforced, String source) {

  public PolicyReport {
    results = List.copyOf(results);
  }

  public List<PolicyResult> violations() {
    return results.stream().filter(r -> !r.passed()).toList();
  }

  public boolean hasViolations() {
    return results.stream().anyMatch(r -> !r.passed());
  }

  /** Violations under an enforced policy fail the command. */
  public boolean fails() {
    return enforced && hasViolations();
  }
}

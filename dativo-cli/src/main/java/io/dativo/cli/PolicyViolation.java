package io.dativo.cli;

import io.dativo.core.DativoException;
import io.dativo.core.policy.PolicyReport;

/** An enforced policy was violated: the command stops before it changes anything (exit 3). */
final class PolicyViolation extends DativoException {
  private final transient PolicyReport report;

  PolicyViolation(String action, PolicyReport report) {
    super(
        action + ": the job violates an enforced policy (" + report.source() + ")",
        "fix the violations listed above");
    this.report = report;
  }

  PolicyReport report() {
    return report;
  }
}

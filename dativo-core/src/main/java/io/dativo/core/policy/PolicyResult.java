package io.dativo.core.policy;

import java.util.Optional;

/** The outcome of one policy rule: which rule, whether it passed, what is wrong, and the fix. */
public record PolicyResult(String rule, boolean passed, String message, Optional<String> fix) {

  static PolicyResult pass(String rule, String message) {
    return new PolicyResult(rule, true, message, Optional.empty());
  }

  static PolicyResult fail(String rule, String message, String fix) {
    return new PolicyResult(rule, false, message, Optional.ofNullable(fix));
  }
}

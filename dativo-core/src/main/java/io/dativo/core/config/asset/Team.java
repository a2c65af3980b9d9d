package io.dativo.core.config.asset;

import java.util.List;
import java.util.Optional;

/** The team owning a contract: ODCS v3.0 members list, v3.1 object, or Dativo's {@code owner}. */
public record Team(Optional<String> owner, Optional<String> name, List<Member> members) {
  public static final Team NONE = new Team(Optional.empty(), Optional.empty(), List.of());

  public Team {
    members = List.copyOf(members);
  }

  /** A team member: who and in which role. */
  public record Member(String username, Optional<String> role) {}
}

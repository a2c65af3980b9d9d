package io.dativo.core.tags.rules;

import io.dativo.core.DativoException;
import java.util.List;

/** A tag set that cannot be rendered for a provider: collisions, reserved names, too many tags. */
public final class TagRenderException extends DativoException {
  private final String target;
  private final List<String> problems;

  public TagRenderException(String target, List<String> problems, String hint) {
    super("Cannot render tags for " + target + ":\n  " + String.join("\n  ", problems), hint);
    this.target = target;
    this.problems = List.copyOf(problems);
  }

  public String target() {
    return target;
  }

  public List<String> problems() {
    return problems;
  }
}

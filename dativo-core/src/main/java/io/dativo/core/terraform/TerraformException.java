package io.dativo.core.terraform;

import io.dativo.core.DativoException;

/** Terraform or its state could not be used: a missing binary, a failed command, a bad state. */
public final class TerraformException extends DativoException {
  private final boolean external;

  private TerraformException(String message, String hint, boolean external, Throwable cause) {
    super(message, hint, cause);
    this.external = external;
  }

  /** A problem with the user's input (a malformed state file, a missing output). */
  public static TerraformException input(String message, String hint) {
    return new TerraformException(message, hint, false, null);
  }

  /** The external tool or service failed (exit code 5). */
  public static TerraformException external(String message, String hint, Throwable cause) {
    return new TerraformException(message, hint, true, cause);
  }

  public boolean isExternal() {
    return external;
  }
}

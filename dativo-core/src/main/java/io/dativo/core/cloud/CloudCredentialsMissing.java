package io.dativo.core.cloud;

import io.dativo.core.DativoException;

/**
 * No credentials for a cloud could be found: said once, with how to provide them, rather than as
 * the same failure on every resource. Never carries a credential's value.
 */
public final class CloudCredentialsMissing extends DativoException {
  public CloudCredentialsMissing(String message, String hint) {
    super(message, hint);
  }
}

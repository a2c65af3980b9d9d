package io.dativo.cloud.azure;

import io.dativo.core.DativoException;

/**
 * Dativo cannot talk to Azure Resource Manager as configured: no access token, or an endpoint it
 * will not send a token to. The CLI prints the message and hint; neither ever contains the token.
 */
public final class AzureSetupException extends DativoException {
  AzureSetupException(String message, String hint) {
    super(message, hint);
  }
}

package io.dativo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Structured log lines on stderr for {@code --log-format json}: one JSON object per event with
 * {@code event_type} ({@code infrastructure_warning}, {@code tags_applied}, {@code terraform_step},
 * {@code run_summary}, …), the tenant, job and run id. Values of secret-looking environment
 * variables are redacted from every line; secrets from Terraform are {@code ****} already.
 */
final class EventLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(PASSWORD|SECRET|TOKEN|ACCESS_KEY|API_KEY|CREDENTIAL).*");

  private final CliContext context;
  private final boolean json;
  private final List<String> secrets;

  EventLog(CliContext context, boolean json) {
    this.context = context;
    this.json = json;
    this.secrets =
        context.env().entrySet().stream()
            .filter(e -> SECRET_NAME.matcher(e.getKey().toUpperCase(Locale.ROOT)).matches())
            .map(Map.Entry::getValue)
            .filter(v -> v != null && v.length() >= 4)
            .toList();
  }

  boolean isJson() {
    return json;
  }

  /** One event; in text mode the message alone, as before. */
  void event(String level, String eventType, String message, Map<String, ?> fields) {
    if (!json) {
      context.err().println(redact(message));
      return;
    }

    ObjectNode node = JSON.createObjectNode();
    node.put("time", Instant.now().toString());
    node.put("level", level);
    node.put("event_type", eventType);
    node.put("message", redact(message));
    fields.forEach(
        (key, value) ->
            node.set(key, JSON.valueToTree(value instanceof String s ? redact(s) : value)));
    context.err().println(node.toString());
  }

  private String redact(String text) {
    String redacted = text;
    for (String secret : secrets) {
      redacted = redacted.replace(secret, "****");
    }

    return redacted;
  }
}

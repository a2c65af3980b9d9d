package io.dativo.cloud.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RequestRetryCondition;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * How ARM calls are retried: 408, 429 and 5xx (but 501, 505) and I/O errors, with exponential
 * backoff bounded by {@code maxRetries} and {@code maxDelay}. A {@code Retry-After} (or {@code
 * retry-after-ms}) header from ARM's throttling wins over the computed delay, up to {@code
 * maxDelay}: azure-core would wait whatever the header says, so a longer wait is not retried and
 * the call fails for that resource instead of stalling the run.
 */
record ArmRetry(int maxRetries, Duration baseDelay, Duration maxDelay) {
  static final ArmRetry DEFAULT = new ArmRetry(5, Duration.ofMillis(250), Duration.ofSeconds(20));

  RetryPolicy policy() {
    ExponentialBackoffOptions backoff =
        new ExponentialBackoffOptions()
            .setMaxRetries(maxRetries)
            .setBaseDelay(baseDelay)
            .setMaxDelay(maxDelay);
    ExponentialBackoff standard = new ExponentialBackoff(backoff);
    // RetryPolicy(RetryOptions) reads the well-known retry-after headers itself.
    return new RetryPolicy(
        new RetryOptions(backoff)
            .setShouldRetryCondition(
                condition -> standard.shouldRetryCondition(condition) && !waitsTooLong(condition)));
  }

  private boolean waitsTooLong(RequestRetryCondition condition) {
    return retryAfter(condition.getResponse()).filter(d -> d.compareTo(maxDelay) > 0).isPresent();
  }

  /** The delay a response asks for, in ARM's headers: milliseconds first, then seconds. */
  static Optional<Duration> retryAfter(HttpResponse response) {
    if (response == null) {
      return Optional.empty();
    }

    for (String header : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
      Optional<Duration> millis =
          number(response.getHeaderValue(HttpHeaderName.fromString(header)))
              .map(Duration::ofMillis);
      if (millis.isPresent()) {
        return millis;
      }
    }

    return number(response.getHeaderValue(HttpHeaderName.RETRY_AFTER)).map(Duration::ofSeconds);
  }

  private static Optional<Long> number(String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty(); // an HTTP date: azure-core handles it
    }
  }
}

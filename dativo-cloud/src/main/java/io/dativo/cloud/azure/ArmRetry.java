package io.dativo.cloud.azure;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import java.time.Duration;

/**
 * How ARM calls are retried: 408, 429 and 5xx (but 501, 505) and I/O errors, with exponential
 * backoff bounded by {@code maxRetries} and {@code maxDelay}. A {@code Retry-After} (or {@code
 * retry-after-ms}) header from ARM's throttling wins over the computed delay.
 */
record ArmRetry(int maxRetries, Duration baseDelay, Duration maxDelay) {
  static final ArmRetry DEFAULT = new ArmRetry(5, Duration.ofMillis(250), Duration.ofSeconds(20));

  RetryPolicy policy() {
    // RetryPolicy(RetryOptions) reads the well-known retry-after headers itself.
    return new RetryPolicy(
        new RetryOptions(
            new ExponentialBackoffOptions()
                .setMaxRetries(maxRetries)
                .setBaseDelay(baseDelay)
                .setMaxDelay(maxDelay)));
  }
}

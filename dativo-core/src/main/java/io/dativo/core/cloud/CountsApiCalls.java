package io.dativo.core.cloud;

/**
 * A provider that counts the cloud API calls it made (retries included), for summaries and
 * benchmarks.
 */
public interface CountsApiCalls {
  long apiCalls();
}

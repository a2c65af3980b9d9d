package io.dativo.ingest.source.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dativo.ingest.IngestException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * An authenticated JSON client for source APIs: a bearer token (never logged or put in messages),
 * retries on 429 (honouring {@code Retry-After}) and 5xx with exponential backoff, bounded in
 * attempts and in total wait; 401/403 fail at once with the status, not the key.
 */
public final class RestClient {
  static final int MAX_ATTEMPTS = 6;
  static final Duration MAX_WAIT = Duration.ofSeconds(60);
  static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
  private final String token;
  private final String service;

  public RestClient(String service, String token) {
    this.service = service;
    this.token = token;
  }

  public JsonNode get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  public JsonNode post(URI uri, String json) {
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private JsonNode send(HttpRequest.Builder builder) {
    HttpRequest request =
        builder
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(60))
            .build();
    Duration waited = Duration.ZERO;
    Duration backoff = FIRST_BACKOFF;
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        response = null;
        if (attempt >= MAX_ATTEMPTS) {
          throw new IngestException(
              IngestException.Kind.EXTERNAL,
              "Cannot reach "
                  + service
                  + " at "
                  + request.uri().getHost()
                  + ": "
                  + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()),
              "check source.base_url and the network",
              e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IngestException(
            IngestException.Kind.EXTERNAL, "Interrupted while calling " + service, null, e);
      }

      if (response != null) {
        int status = response.statusCode();
        if (status / 100 == 2) {
          return parse(response.body());
        }

        if (status == 401 || status == 403) {
          throw new IngestException(
              IngestException.Kind.EXTERNAL,
              "Cannot read from " + service + ": authentication failed (HTTP " + status + ")",
              "check the API key's value and permissions (it is never printed)");
        }

        boolean retryable = status == 429 || status / 100 == 5;
        if (!retryable || attempt >= MAX_ATTEMPTS) {
          throw new IngestException(
              IngestException.Kind.EXTERNAL,
              "Cannot read from "
                  + service
                  + ": HTTP "
                  + status
                  + " for "
                  + request.uri().getPath(),
              null);
        }

        Optional<Duration> retryAfter =
            response.headers().firstValue("Retry-After").flatMap(RestClient::seconds);
        backoff = retryAfter.orElse(backoff);
      }

      if (waited.plus(backoff).compareTo(MAX_WAIT) > 0) {
        throw new IngestException(
            IngestException.Kind.EXTERNAL,
            "Cannot read from " + service + ": still throttled after " + waited.toSeconds() + " s",
            "try again later");
      }

      sleep(backoff);
      waited = waited.plus(backoff);
      backoff = backoff.multipliedBy(2).plusMillis((long) (Math.random() * 100));
    }
  }

  private static Optional<Duration> seconds(String value) {
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IngestException(
          IngestException.Kind.EXTERNAL, "Cannot parse a response: " + e.getMessage(), null, e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.dativo.ingest.source.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dativo.ingest.IngestException;
import io.dativo.ingest.source.RowStream;
import io.dativo.ingest.source.SourceUnit;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Stripe source against a loopback HTTP server that speaks Stripe's list protocol (limit,
 * starting_after, has_more, created[gt] and created[gte]) and misbehaves on demand: 429 with
 * Retry-After, 500, 401.
 */
class StripeSourceTest {
  private static final String KEY = "sk_test_secret_123";
  private static final int CUSTOMERS = 250;

  private HttpServer server;
  private final List<String> queries = new CopyOnWriteArrayList<>();
  private final AtomicInteger throttleNext = new AtomicInteger();
  private final AtomicInteger failNext = new AtomicInteger();

  /** A customer as the stand-in serves it. */
  private record Customer(String id, long created) {}

  private final List<Customer> customers = new CopyOnWriteArrayList<>();

  @BeforeEach
  void customers() {
    for (int i = 1; i <= CUSTOMERS; i++) {
      customers.add(new Customer("cus_" + i, 1_700_000_000L + i));
    }
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/customers", this::customers);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void customers(HttpExchange exchange) throws IOException {
    String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
    queries.add(URLDecoder.decode(query, StandardCharsets.UTF_8));
    if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      respond(exchange, 401, "{\"error\":{\"message\":\"Invalid API Key provided\"}}");
      return;
    }

    if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      exchange.getResponseHeaders().add("Retry-After", "0");
      respond(exchange, 429, "{\"error\":{\"message\":\"rate limited\"}}");
      return;
    }

    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      respond(exchange, 500, "{}");
      return;
    }

    Map<String, String> params = new HashMap<>();
    for (String pair : URLDecoder.decode(query, StandardCharsets.UTF_8).split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(kv[0], kv.length > 1 ? kv[1] : "");
    }

    int limit = Integer.parseInt(params.getOrDefault("limit", "10"));
    long createdAfter = Long.parseLong(params.getOrDefault("created[gt]", "-1"));
    long createdFrom = Long.parseLong(params.getOrDefault("created[gte]", "0"));
    // Stripe lists newest first; here in the order created, which is all the cursor needs.
    List<String> page = new ArrayList<>();
    boolean started = !params.containsKey("starting_after");
    int remaining = 0;
    for (Customer customer : customers) {
      String id = customer.id();
      long created = customer.created();
      String i = id.substring(id.indexOf('_') + 1);
      if (!started) {
        started = id.equals(params.get("starting_after"));
        continue;
      }

      if (created <= createdAfter || created < createdFrom) {
        continue;
      }

      if (page.size() < limit) {
        page.add(
            "{\"id\":\""
                + id
                + "\",\"object\":\"customer\",\"email\":\"c"
                + i
                + "@example.com\",\"created\":"
                + created
                + ",\"metadata\":{\"tier\":\"gold\"}}");
      } else {
        remaining++;
      }
    }

    respond(
        exchange,
        200,
        "{\"object\":\"list\",\"data\":["
            + String.join(",", page)
            + "],\"has_more\":"
            + (remaining > 0)
            + "}");
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private StripeSource source(String key, boolean incremental) {
    return new StripeSource(
        new RestClient("Stripe", key),
        "http://127.0.0.1:" + server.getAddress().getPort() + "/",
        List.of("customers"),
        incremental);
  }

  private static List<List<Object>> readAll(
      StripeSource source, List<String> columns, Optional<String> cursor) {
    List<List<Object>> rows = new ArrayList<>();
    SourceUnit unit = source.units().get(0);
    try (RowStream stream = source.open(unit, columns, cursor)) {
      while (stream.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
          row.add(stream.value(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void followsPagesUntilHasMoreIsFalse() {
    List<List<Object>> rows =
        readAll(source(KEY, false), List.of("id", "email", "metadata"), Optional.empty());

    assertThat(rows).hasSize(CUSTOMERS);
    assertThat(rows.get(0)).containsExactly("cus_1", "c1@example.com", "{\"tier\":\"gold\"}");
    assertThat(rows.get(CUSTOMERS - 1).get(0)).isEqualTo("cus_250");
    assertThat(queries)
        .containsExactly(
            "limit=100", "limit=100&starting_after=cus_100", "limit=100&starting_after=cus_200");
  }

  @Test
  void retriesThrottlingAndServerErrorsThenCarriesOn() {
    throttleNext.set(2);
    failNext.set(1);

    List<List<Object>> rows = readAll(source(KEY, false), List.of("id"), Optional.empty());

    assertThat(rows).hasSize(CUSTOMERS);
    assertThat(queries).hasSize(3 + 3);
  }

  @Test
  void aRejectedKeyFailsAtOnceWithoutPrintingIt() {
    String wrongKey = "sk_test_wrong_987";

    assertThatThrownBy(() -> readAll(source(wrongKey, false), List.of("id"), Optional.empty()))
        .isInstanceOfSatisfying(
            IngestException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(IngestException.Kind.EXTERNAL);
              assertThat(e.getMessage()).contains("HTTP 401").doesNotContain(wrongKey);
            });
    assertThat(queries).hasSize(1);
  }

  @Test
  void incrementalReadsResumeAfterTheCommittedCreatedCursor() {
    StripeSource source = source(KEY, true);
    assertThat(source.cursorField()).contains("created");
    assertThat(source.replacesTable()).isFalse();

    SourceUnit unit = source.units().get(0);
    String cursor;
    try (RowStream stream = source.open(unit, List.of("id"), Optional.empty())) {
      int n = 0;
      while (stream.next()) {
        n++;
      }
      assertThat(n).isEqualTo(CUSTOMERS);
      cursor = stream.cursor().orElseThrow();
    }
    long newest = 1_700_000_000L + CUSTOMERS;
    assertThat(cursor).isEqualTo(newest + "|cus_" + CUSTOMERS);

    queries.clear();
    assertThat(readAll(source, List.of("id"), Optional.of(cursor))).isEmpty();
    assertThat(queries).containsExactly("limit=100&created[gte]=" + newest);

    List<List<Object>> newer =
        readAll(source, List.of("id"), Optional.of((1_700_000_000L + 240) + "|cus_240"));
    assertThat(newer)
        .extracting(r -> r.get(0))
        .containsExactly(
            "cus_241", "cus_242", "cus_243", "cus_244", "cus_245", "cus_246", "cus_247", "cus_248",
            "cus_249", "cus_250");
  }

  @Test
  void anObjectCreatedInTheSameSecondAfterARunIsReadOnceByTheNext() {
    StripeSource source = source(KEY, true);
    SourceUnit unit = source.units().get(0);
    long newest = 1_700_000_000L + CUSTOMERS;
    customers.add(new Customer("cus_250b", newest));
    String cursor = cursorAfterReading(source, unit, Optional.empty());
    assertThat(cursor).isEqualTo(newest + "|cus_250,cus_250b");

    // Created in the second the previous run ended in, after it read: gt would miss it.
    customers.add(new Customer("cus_250c", newest));
    List<List<Object>> next = readAll(source, List.of("id"), Optional.of(cursor));
    assertThat(next).extracting(r -> r.get(0)).containsExactly("cus_250c");
    String after = cursorAfterReading(source, unit, Optional.of(cursor));
    assertThat(after).isEqualTo(newest + "|cus_250,cus_250b,cus_250c");

    customers.add(new Customer("cus_251", newest + 1));
    assertThat(readAll(source, List.of("id"), Optional.of(after)))
        .extracting(r -> r.get(0))
        .containsExactly("cus_251");
    assertThat(cursorAfterReading(source, unit, Optional.of(after)))
        .isEqualTo((newest + 1) + "|cus_251");
  }

  @Test
  void aCursorOfEarlierVersionsIsStillReadWithGt() {
    StripeSource source = source(KEY, true);
    long second = 1_700_000_000L + 245;

    List<List<Object>> rows = readAll(source, List.of("id"), Optional.of(Long.toString(second)));

    assertThat(rows)
        .extracting(r -> r.get(0))
        .containsExactly("cus_246", "cus_247", "cus_248", "cus_249", "cus_250");
    assertThat(queries).contains("limit=100&created[gt]=" + second);
  }

  @Test
  void aDamagedCursorSaysHowToRecover() {
    StripeSource source = source(KEY, true);
    SourceUnit unit = source.units().get(0);

    assertThatThrownBy(() -> source.open(unit, List.of("id"), Optional.of("yesterday")))
        .isInstanceOfSatisfying(
            IngestException.class,
            e -> {
              assertThat(e.getMessage()).contains("'yesterday'");
              assertThat(e.hint())
                  .hasValueSatisfying(h -> assertThat(h).contains("--full-refresh"));
            });
  }

  private static String cursorAfterReading(
      StripeSource source, SourceUnit unit, Optional<String> cursor) {
    try (RowStream stream = source.open(unit, List.of("id"), cursor)) {
      while (stream.next()) {
        // reading to the end
      }
      return stream.cursor().orElseThrow();
    }
  }

  @Test
  void unknownObjectsAreAConfigError() {
    assertThatThrownBy(
            () ->
                new StripeSource(
                    new RestClient("Stripe", KEY), "http://127.0.0.1:1", List.of("widgets"), false))
        .isInstanceOfSatisfying(
            IngestException.class,
            e -> assertThat(e.kind()).isEqualTo(IngestException.Kind.CONFIG));
  }
}

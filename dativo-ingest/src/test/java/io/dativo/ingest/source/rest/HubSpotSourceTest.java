package io.dativo.ingest.source.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dativo.ingest.source.RowStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HubSpot CRM v3 against a loopback server: list paging by {@code paging.next.after}, the asset's
 * columns requested as properties, search by {@code lastmodifieddate} for incremental reads.
 */
class HubSpotSourceTest {
  private static final String TOKEN = "pat-na1-test";
  private static final int CONTACTS = 205;
  private static final long BASE_MS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger throttleNext = new AtomicInteger();

  /** When contact n was last modified (epoch ms). */
  private volatile java.util.function.IntToLongFunction modifiedOf = n -> BASE_MS + n * 1000L;

  /** Runs once, after the next search page is served (a change made during a read). */
  private volatile Runnable afterNextSearch = () -> {};

  /** Like HubSpot's 10,000: a search query refuses to page past this many results. */
  private volatile int searchCap = 10_000;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/crm/v3/objects/contacts", this::contacts);
    server.createContext(
        "/crm/v3/properties/contacts",
        exchange ->
            respond(
                exchange,
                200,
                "{\"results\":[{\"name\":\"email\",\"type\":\"string\"},"
                    + "{\"name\":\"lastmodifieddate\",\"type\":\"datetime\"},"
                    + "{\"name\":\"num_employees\",\"type\":\"number\"},"
                    + "{\"name\":\"hs_is_contact\",\"type\":\"bool\"}]}"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void contacts(HttpExchange exchange) throws IOException {
    if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      respond(exchange, 401, "{}");
      return;
    }

    if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      exchange.getResponseHeaders().add("Retry-After", "0");
      respond(exchange, 429, "{}");
      return;
    }

    int start;
    long modifiedFrom = Long.MIN_VALUE;
    if (exchange.getRequestMethod().equals("POST")) {
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      requests.add("POST " + body);
      JsonNode filters = body.path("filterGroups").path(0).path("filters");
      if (filters.size() > 0) {
        long value = filters.get(0).path("value").asLong();
        modifiedFrom = filters.get(0).path("operator").asText().equals("GTE") ? value : value + 1;
      }
      start = body.path("after").asInt(0);
      if (start + body.path("limit").asInt(10) > searchCap) {
        respond(
            exchange,
            400,
            "{\"status\":\"error\",\"message\":\"paging past " + searchCap + " results\"}");
        return;
      }
    } else {
      String query =
          URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
      requests.add("GET " + query);
      start =
          query.contains("after=")
              ? Integer.parseInt(query.replaceAll(".*after=(\\d+).*", "$1"))
              : 0;
    }

    // Ascending by modification time, then by id, as the search sorts.
    List<Integer> matching = new ArrayList<>();
    for (int n = 1; n <= CONTACTS; n++) {
      if (modifiedOf.applyAsLong(n) >= modifiedFrom) {
        matching.add(n);
      }
    }
    matching.sort(java.util.Comparator.comparingLong(n -> modifiedOf.applyAsLong(n)));
    List<String> results = new ArrayList<>();
    int end = Math.min(matching.size(), start + 100);
    for (int n : matching.subList(Math.min(start, end), end)) {
      long modified = modifiedOf.applyAsLong(n);
      results.add(
          ("{\"id\":\"%d\",\"properties\":{\"email\":\"c%d@example.com\",\"firstname\":\"F%d\","
                  + "\"lastmodifieddate\":\"%s\"},\"createdAt\":\"%s\",\"archived\":false}")
              .formatted(n, n, n, Instant.ofEpochMilli(modified), Instant.ofEpochMilli(modified)));
    }

    String paging =
        end < matching.size() ? ",\"paging\":{\"next\":{\"after\":\"" + end + "\"}}" : "";
    if (exchange.getRequestMethod().equals("POST")) {
      Runnable hook = afterNextSearch;
      afterNextSearch = () -> {};
      hook.run();
    }
    respond(exchange, 200, "{\"results\":[" + String.join(",", results) + "]" + paging + "}");
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private HubSpotSource source(boolean incremental) {
    return new HubSpotSource(
        new RestClient("HubSpot", TOKEN),
        "http://127.0.0.1:" + server.getAddress().getPort(),
        List.of("contacts"),
        incremental);
  }

  private static List<List<Object>> read(RowStream stream, int columns) {
    List<List<Object>> rows = new ArrayList<>();
    while (stream.next()) {
      List<Object> row = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        row.add(stream.value(c));
      }
      rows.add(row);
    }
    return rows;
  }

  @Test
  void pagesTheListEndpointAskingOnlyForTheAssetsProperties() {
    throttleNext.set(1);
    HubSpotSource source = source(false);
    List<String> columns = List.of("id", "email", "firstname", "archived");
    List<List<Object>> rows;
    try (RowStream stream = source.open(source.units().get(0), columns, Optional.empty())) {
      rows = read(stream, columns.size());
    }

    assertThat(rows).hasSize(CONTACTS);
    assertThat(rows.get(0)).containsExactly("1", "c1@example.com", "F1", false);
    assertThat(rows.get(CONTACTS - 1).get(0)).isEqualTo("205");
    assertThat(requests)
        .containsExactly(
            "GET limit=100&properties=email,firstname",
            "GET limit=100&properties=email,firstname&after=100",
            "GET limit=100&properties=email,firstname&after=200");
  }

  @Test
  void incrementalReadsSearchAfterTheCommittedModificationTime() {
    HubSpotSource source = source(true);
    assertThat(source.cursorField()).contains("lastmodifieddate");
    List<String> columns = List.of("id", "lastmodifieddate");

    String cursor;
    try (RowStream stream = source.open(source.units().get(0), columns, Optional.empty())) {
      assertThat(read(stream, 2)).hasSize(CONTACTS);
      cursor = stream.cursor().orElseThrow();
    }
    assertThat(cursor).isEqualTo((BASE_MS + CONTACTS * 1000L) + "|" + CONTACTS);
    assertThat(requests.get(0))
        .contains("\"sorts\":[{\"propertyName\":\"lastmodifieddate\",\"direction\":\"ASCENDING\"}]")
        .contains("\"properties\":[\"lastmodifieddate\"]")
        .doesNotContain("\"operator\"");

    requests.clear();
    String resumeAt = Long.toString(BASE_MS + 200 * 1000L);
    List<List<Object>> newer;
    try (RowStream stream = source.open(source.units().get(0), columns, Optional.of(resumeAt))) {
      newer = read(stream, 2);
    }
    assertThat(newer).extracting(r -> r.get(0)).containsExactly("201", "202", "203", "204", "205");
    assertThat(requests)
        .singleElement()
        .asString()
        .contains(
            "{\"propertyName\":\"lastmodifieddate\",\"operator\":\"GT\",\"value\":\""
                + resumeAt
                + "\"}");
  }

  @Test
  void discoverTypesThePropertiesTheCrmDeclares() {
    var objects = source(false).discover();

    assertThat(objects).singleElement().satisfies(o -> assertThat(o.name()).isEqualTo("contacts"));
    assertThat(objects.get(0).fields())
        .extracting(f -> f.name() + ":" + f.logicalType())
        .containsExactly(
            "id:string",
            "createdAt:timestamp",
            "updatedAt:timestamp",
            "archived:boolean",
            "email:string",
            "lastmodifieddate:timestamp",
            "num_employees:number",
            "hs_is_contact:boolean");
  }

  @Test
  void anIncrementalReadLongerThanTheSearchCapContinuesInANewQuery() {
    searchCap = 100;
    HubSpotSource source =
        new HubSpotSource(
            new RestClient("HubSpot", TOKEN),
            "http://127.0.0.1:" + server.getAddress().getPort(),
            List.of("contacts"),
            true,
            100);
    List<String> columns = List.of("id");

    List<List<Object>> rows;
    String cursor;
    try (RowStream stream = source.open(source.units().get(0), columns, Optional.empty())) {
      rows = read(stream, 1);
      cursor = stream.cursor().orElseThrow();
    }

    assertThat(rows).hasSize(CONTACTS);
    assertThat(rows.stream().map(r -> r.get(0)).distinct().count()).isEqualTo(CONTACTS);
    assertThat(cursor).isEqualTo((BASE_MS + CONTACTS * 1000L) + "|" + CONTACTS);
    // Three queries: from the start, then from contact 100's and contact 199's millisecond.
    assertThat(requests).hasSize(3);
    assertThat(requests.get(1))
        .contains(
            "{\"propertyName\":\"lastmodifieddate\",\"operator\":\"GTE\",\"value\":\""
                + (BASE_MS + 100 * 1000L)
                + "\"}")
        .doesNotContain("\"after\"");
  }

  @Test
  void contactsSharingAMillisecondWithTheCursorAreReadOnce() {
    HubSpotSource source = source(true);
    long same = BASE_MS + 500_000L;
    modifiedOf = n -> n <= 200 ? BASE_MS + n * 1000L : same;

    List<List<Object>> rows;
    // Committed earlier: everything to contact 200's millisecond, and contact 201 at `same`.
    try (RowStream stream =
        source.open(source.units().get(0), List.of("id"), Optional.of(same + "|201"))) {
      rows = read(stream, 1);
    }

    assertThat(rows).extracting(r -> r.get(0)).containsExactly("202", "203", "204", "205");
  }

  @Test
  void moreRecordsInOneMillisecondThanOneQueryReturnsIsAClearError() {
    searchCap = 100;
    modifiedOf = n -> BASE_MS;
    HubSpotSource source =
        new HubSpotSource(
            new RestClient("HubSpot", TOKEN),
            "http://127.0.0.1:" + server.getAddress().getPort(),
            List.of("contacts"),
            true,
            100);

    assertThatThrownBy(
            () -> {
              try (RowStream stream =
                  source.open(source.units().get(0), List.of("id"), Optional.empty())) {
                read(stream, 1);
              }
            })
        .isInstanceOfSatisfying(
            io.dativo.ingest.IngestException.class,
            e -> {
              assertThat(e.getMessage()).contains("more than 100 records share lastmodifieddate");
              assertThat(e.hint()).isPresent();
            });
  }

  @Test
  void aRecordModifiedDuringTheReadMakesNoOtherRecordBeSkipped() {
    HubSpotSource source = source(true);
    afterNextSearch =
        () -> {
          // Contact 50, already read, is modified: it moves to the end of the sorted results.
          java.util.function.IntToLongFunction before = modifiedOf;
          modifiedOf = n -> n == 50 ? BASE_MS + 1_000_000L : before.applyAsLong(n);
        };

    List<List<Object>> rows;
    String cursor;
    try (RowStream stream = source.open(source.units().get(0), List.of("id"), Optional.empty())) {
      rows = read(stream, 1);
      cursor = stream.cursor().orElseThrow();
    }

    java.util.Set<Object> ids = new java.util.HashSet<>();
    rows.forEach(r -> ids.add(r.get(0)));
    // Every contact is read (an offset into the shifted results would have skipped 101), and the
    // modified one twice: its second version is a new row for an append-only table.
    assertThat(ids).hasSize(CONTACTS);
    assertThat(rows).hasSize(CONTACTS + 1);
    assertThat(cursor).isEqualTo((BASE_MS + 1_000_000L) + "|50");
  }

  @Test
  void aCursorWithTooManyIdsAtItsValueStartsThereAgainSkippingNothing() {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (int i = 0; i <= BoundaryCursor.MAX_IDS; i++) {
      ids.add(Integer.toString(i));
    }

    String formatted = BoundaryCursor.of(BASE_MS, ids).format();

    assertThat(formatted).isEqualTo(BASE_MS + "|");
    BoundaryCursor resumed = BoundaryCursor.parse(formatted, "HubSpot");
    assertThat(resumed.withIds()).isTrue();
    assertThat(resumed.alreadyRead(BASE_MS, "5")).isFalse();
    assertThat(resumed.alreadyRead(BASE_MS - 1, "5")).isTrue();
    assertThat(BoundaryCursor.of(BASE_MS, java.util.Set.of("1", "2")).format())
        .isEqualTo(BASE_MS + "|1,2");
  }
}

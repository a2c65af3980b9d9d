package io.dativo.ingest.source.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.dativo.ingest.source.RowStream;
import io.dativo.ingest.source.SourceUnit;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Stripe objects ({@code source.objects}: customers, charges, invoices, subscriptions) over the
 * list API: {@code limit}, {@code starting_after}, {@code has_more}; incrementally by {@code
 * created}. Rows stream page by page; nested objects become JSON text, as the asset's string or
 * object columns declare.
 *
 * <p>{@code created} has one-second resolution, so an incremental read asks for {@code
 * created[gte]} the committed second and skips the objects it already committed in that second: the
 * cursor is {@code SECOND|id,id,...} (see {@link BoundaryCursor}). Asking for {@code gt} would miss
 * an object created in the same second after the previous read; {@code gte} alone would duplicate
 * the boundary objects.
 */
public final class StripeSource extends ApiObjectsSource {
  public static final List<String> OBJECTS =
      List.of("customers", "charges", "invoices", "subscriptions");
  static final int PAGE_SIZE = 100;

  public StripeSource(
      RestClient client, String baseUrl, List<String> objects, boolean incremental) {
    super("Stripe", OBJECTS, "created", client, baseUrl, objects, incremental);
  }

  /** Fields from the newest object of each type (Stripe has no schema endpoint). */
  @Override
  public List<SourceObject> discover() {
    List<SourceObject> found = new java.util.ArrayList<>();
    for (String object : objects) {
      JsonNode sample =
          client.get(URI.create(baseUrl + "/v1/" + object + "?limit=1")).path("data").path(0);
      List<Field> fields = new java.util.ArrayList<>();
      sample
          .fields()
          .forEachRemaining(
              e ->
                  fields.add(
                      new Field(
                          e.getKey(),
                          e.getKey().equals("created")
                              ? "timestamp"
                              : JsonValues.logicalType(e.getValue()))));
      found.add(new SourceObject(object, fields));
    }
    return found;
  }

  @Override
  public RowStream open(SourceUnit unit, List<String> columns, Optional<String> cursorStart) {
    return new Pages(unit.id(), columns, incremental ? cursorStart : Optional.empty());
  }

  /** Streams the objects, fetching the next page when the current one is used up. */
  private final class Pages implements RowStream {
    private final String object;
    private final List<String> columns;
    private final Optional<BoundaryCursor> start;
    private Iterator<JsonNode> page = java.util.Collections.emptyIterator();
    private boolean more = true;
    private String lastId;
    private JsonNode current;
    private long count;
    private final NewestSeen newest;

    Pages(String object, List<String> columns, Optional<String> cursorStart) {
      this.object = object;
      this.columns = columns;
      this.start = cursorStart.map(c -> BoundaryCursor.parse(c, "Stripe"));
      this.newest = new NewestSeen(start);
    }

    @Override
    public boolean next() {
      while (true) {
        while (!page.hasNext() && more) {
          fetch();
        }

        if (!page.hasNext()) {
          return false;
        }

        JsonNode candidate = page.next();
        JsonNode created = candidate.path("created");
        String id = candidate.path("id").asText();
        // Only a real time can be compared with the cursor; anything else goes on to be checked
        // against the schema (and rejected or failed there), never silently dropped.
        if (created.isIntegralNumber()) {
          if (start.isPresent() && start.get().alreadyRead(created.asLong(), id)) {
            continue;
          }

          newest.saw(created.asLong(), id);
        }

        current = candidate;
        count++;
        return true;
      }
    }

    private void fetch() {
      StringBuilder query = new StringBuilder("limit=" + PAGE_SIZE);
      if (lastId != null) {
        query.append("&starting_after=").append(URLEncoder.encode(lastId, StandardCharsets.UTF_8));
      }

      start.ifPresent(
          c ->
              query
                  .append("&")
                  .append(
                      URLEncoder.encode(
                          c.withIds() ? "created[gte]" : "created[gt]", StandardCharsets.UTF_8))
                  .append('=')
                  .append(c.value()));
      JsonNode response = client.get(URI.create(baseUrl + "/v1/" + object + "?" + query));
      JsonNode data = response.path("data");
      List<JsonNode> rows = new java.util.ArrayList<>();
      data.forEach(rows::add);
      page = rows.iterator();
      more = response.path("has_more").asBoolean(false) && !rows.isEmpty();
      if (!rows.isEmpty()) {
        lastId = rows.get(rows.size() - 1).path("id").asText();
      }
    }

    @Override
    public Object value(int index) {
      return JsonValues.of(current.get(columns.get(index)));
    }

    @Override
    public String position() {
      return "stripe "
          + object
          + " object "
          + count
          + (current != null ? " (" + current.path("id").asText() + ")" : "");
    }

    @Override
    public Optional<String> cursor() {
      return newest.any() ? Optional.of(newest.resume().format()) : Optional.empty();
    }

    @Override
    public void close() {}
  }
}

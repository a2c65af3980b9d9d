package io.dativo.ingest.source.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dativo.ingest.source.RowStream;
import io.dativo.ingest.source.SourceUnit;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * HubSpot CRM v3 objects ({@code source.objects}: contacts, companies, deals). A full read pages
 * the list endpoint ({@code limit}, {@code after} from {@code paging.next.after}); an incremental
 * read uses the search endpoint, {@code lastmodifieddate} GTE the committed millisecond (epoch ms),
 * sorted ascending, skipping the records committed at that millisecond (a {@link BoundaryCursor}).
 * The search endpoint serves at most 10,000 results per query, so a longer read starts a new query
 * from the newest millisecond it has read, the same way. Columns are the record's {@code id},
 * {@code createdAt}, {@code updatedAt}, {@code archived}, or else its property of that name; only
 * the asset's columns are requested.
 */
public final class HubSpotSource extends ApiObjectsSource {
  public static final List<String> OBJECTS = List.of("contacts", "companies", "deals");
  static final String CURSOR = "lastmodifieddate";
  private static final Set<String> RECORD_FIELDS =
      Set.of("id", "createdAt", "updatedAt", "archived");
  private static final int PAGE_SIZE = 100;

  /** HubSpot's search returns at most this many results for one query, however it is paged. */
  static final int SEARCH_RESULT_CAP = 10_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final int searchCap;

  public HubSpotSource(
      RestClient client, String baseUrl, List<String> objects, boolean incremental) {
    this(client, baseUrl, objects, incremental, SEARCH_RESULT_CAP);
  }

  /** With another result cap per search query (tests use a small one). */
  HubSpotSource(
      RestClient client, String baseUrl, List<String> objects, boolean incremental, int searchCap) {
    super("HubSpot", OBJECTS, CURSOR, client, baseUrl, objects, incremental);
    this.searchCap = searchCap;
  }

  /** Each object's properties from the CRM properties API, typed as ODCS logical types. */
  @Override
  public List<SourceObject> discover() {
    List<SourceObject> found = new ArrayList<>();
    for (String object : objects) {
      List<Field> fields = new ArrayList<>();
      fields.add(new Field("id", "string"));
      fields.add(new Field("createdAt", "timestamp"));
      fields.add(new Field("updatedAt", "timestamp"));
      fields.add(new Field("archived", "boolean"));
      client
          .get(URI.create(baseUrl + "/crm/v3/properties/" + object))
          .path("results")
          .forEach(
              p ->
                  fields.add(
                      new Field(p.path("name").asText(), logicalType(p.path("type").asText()))));
      found.add(new SourceObject(object, fields));
    }
    return found;
  }

  private static String logicalType(String hubSpotType) {
    return switch (hubSpotType) {
      case "number" -> "number";
      case "datetime" -> "timestamp";
      case "date" -> "date";
      case "bool" -> "boolean";
      default -> "string";
    };
  }

  @Override
  public RowStream open(SourceUnit unit, List<String> columns, Optional<String> cursorStart) {
    return new Pages(unit.id(), columns, incremental ? cursorStart : Optional.empty());
  }

  private final class Pages implements RowStream {
    private final String object;
    private final List<String> columns;
    private final Optional<BoundaryCursor> start;

    /**
     * Where the current search query starts. Each page of an incremental read is a new query from
     * the newest record read (inclusive, skipping the ids read there), not the next offset of the
     * previous one: a record modified during the read moves to the end of the sorted results, and
     * offsets would then skip a record that is never read again.
     */
    private Optional<BoundaryCursor> window;

    private Iterator<JsonNode> page = Collections.emptyIterator();
    private boolean more = true;
    private boolean queried;
    private String after;
    private JsonNode current;
    private long count;
    private final NewestSeen newest;

    Pages(String object, List<String> columns, Optional<String> cursorStart) {
      this.object = object;
      this.columns = columns;
      this.start = cursorStart.map(c -> BoundaryCursor.parse(c, "HubSpot"));
      this.window = start;
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
        Optional<Long> modified = modified(candidate);
        String id = candidate.path("id").asText();
        if (modified.isPresent()
            && window.isPresent()
            && window.get().alreadyRead(modified.get(), id)) {
          continue;
        }

        current = candidate;
        count++;
        modified.ifPresent(ms -> newest.saw(ms, id));
        return true;
      }
    }

    private void fetch() {
      if (incremental && queried) {
        moveWindow();
      }

      List<String> properties = columns.stream().filter(c -> !RECORD_FIELDS.contains(c)).toList();
      JsonNode response =
          incremental
              ? client.post(
                  URI.create(baseUrl + "/crm/v3/objects/" + object + "/search"), search(properties))
              : client.get(
                  URI.create(baseUrl + "/crm/v3/objects/" + object + "?" + list(properties)));
      queried = true;
      List<JsonNode> rows = new ArrayList<>();
      response.path("results").forEach(rows::add);
      page = rows.iterator();
      JsonNode next = response.path("paging").path("next").path("after");
      after = next.isMissingNode() || next.isNull() ? null : next.asText();
      more = after != null && !rows.isEmpty();
    }

    /**
     * Before the next page: a new query from the newest record read, or, when the last page held
     * nothing new (many records share one millisecond), the next offset of the same query, up to
     * the search API's result cap.
     */
    private void moveWindow() {
      Optional<BoundaryCursor> from = newest.any() ? Optional.of(newest.resume()) : window;
      boolean movedOn =
          from.isPresent() && (window.isEmpty() || from.get().value() > window.get().value());
      if (movedOn) {
        window = from;
        after = null;
        return;
      }

      // Still within one millisecond: the next offset of the same query (the ids already read
      // there are skipped), rather than the same pages again from the start.

      if (beyondSearchCap(after)) {
        throw new io.dativo.ingest.IngestException(
            io.dativo.ingest.IngestException.Kind.EXTERNAL,
            "Cannot read HubSpot "
                + object
                + " incrementally: more than "
                + searchCap
                + " records share lastmodifieddate "
                + window.map(w -> Instant.ofEpochMilli(w.value()).toString()).orElse("(none)")
                + ", more than HubSpot's search returns for one query",
            "read this object in full once (without source.incremental): a cursor with that many"
                + " records in its last millisecond resumes after that millisecond");
      }
    }

    private boolean beyondSearchCap(String offset) {
      try {
        return Long.parseLong(offset) + PAGE_SIZE > searchCap;
      } catch (NumberFormatException e) {
        return false;
      }
    }

    private String list(List<String> properties) {
      StringBuilder query = new StringBuilder("limit=" + PAGE_SIZE);
      if (!properties.isEmpty()) {
        query
            .append("&properties=")
            .append(URLEncoder.encode(String.join(",", properties), StandardCharsets.UTF_8));
      }

      if (after != null) {
        query.append("&after=").append(URLEncoder.encode(after, StandardCharsets.UTF_8));
      }

      return query.toString();
    }

    private String search(List<String> properties) {
      ObjectNode body = JSON.createObjectNode();
      ArrayNode filters = body.putArray("filterGroups").addObject().putArray("filters");
      window.ifPresent(
          c ->
              filters
                  .addObject()
                  .put("propertyName", CURSOR)
                  .put("operator", c.withIds() ? "GTE" : "GT")
                  .put("value", Long.toString(c.value())));
      body.putArray("sorts").addObject().put("propertyName", CURSOR).put("direction", "ASCENDING");
      ArrayNode props = body.putArray("properties");
      properties.forEach(props::add);
      body.put("limit", PAGE_SIZE);
      if (after != null) {
        body.put("after", after);
      }

      return body.toString();
    }

    @Override
    public Object value(int index) {
      String column = columns.get(index);
      JsonNode node =
          RECORD_FIELDS.contains(column)
              ? current.get(column)
              : current.path("properties").get(column);
      return JsonValues.of(node);
    }

    @Override
    public String position() {
      return "hubspot "
          + object
          + " record "
          + count
          + (current != null ? " (id " + current.path("id").asText() + ")" : "");
    }

    @Override
    public Optional<String> cursor() {
      return newest.any() ? Optional.of(newest.resume().format()) : Optional.empty();
    }

    @Override
    public void close() {}
  }

  /** The record's last modification in epoch ms: the property, else {@code updatedAt}. */
  private static Optional<Long> modified(JsonNode record) {
    JsonNode value = record.path("properties").path(CURSOR);
    if (value.isMissingNode() || value.isNull()) {
      value = record.path("updatedAt");
    }

    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }

    String text = value.asText();
    try {
      return Optional.of(
          text.chars().allMatch(Character::isDigit)
              ? Long.parseLong(text)
              : Instant.parse(text).toEpochMilli());
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}

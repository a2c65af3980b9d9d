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
 * read uses the search endpoint, {@code lastmodifieddate} GT the committed cursor (epoch ms),
 * sorted ascending. Columns are the record's {@code id}, {@code createdAt}, {@code updatedAt},
 * {@code archived}, or else its property of that name; only the asset's columns are requested.
 */
public final class HubSpotSource extends ApiObjectsSource {
  public static final List<String> OBJECTS = List.of("contacts", "companies", "deals");
  static final String CURSOR = "lastmodifieddate";
  private static final Set<String> RECORD_FIELDS =
      Set.of("id", "createdAt", "updatedAt", "archived");
  private static final int PAGE_SIZE = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  public HubSpotSource(
      RestClient client, String baseUrl, List<String> objects, boolean incremental) {
    super("HubSpot", OBJECTS, CURSOR, client, baseUrl, objects, incremental);
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
    private final Optional<String> modifiedAfter;
    private Iterator<JsonNode> page = Collections.emptyIterator();
    private boolean more = true;
    private String after;
    private JsonNode current;
    private long count;
    private long maxModified = -1;

    Pages(String object, List<String> columns, Optional<String> modifiedAfter) {
      this.object = object;
      this.columns = columns;
      this.modifiedAfter = modifiedAfter;
    }

    @Override
    public boolean next() {
      while (!page.hasNext() && more) {
        fetch();
      }

      if (!page.hasNext()) {
        return false;
      }

      current = page.next();
      count++;
      modified(current).ifPresent(ms -> maxModified = Math.max(maxModified, ms));
      return true;
    }

    private void fetch() {
      List<String> properties = columns.stream().filter(c -> !RECORD_FIELDS.contains(c)).toList();
      JsonNode response =
          incremental
              ? client.post(
                  URI.create(baseUrl + "/crm/v3/objects/" + object + "/search"), search(properties))
              : client.get(
                  URI.create(baseUrl + "/crm/v3/objects/" + object + "?" + list(properties)));
      List<JsonNode> rows = new ArrayList<>();
      response.path("results").forEach(rows::add);
      page = rows.iterator();
      JsonNode next = response.path("paging").path("next").path("after");
      after = next.isMissingNode() || next.isNull() ? null : next.asText();
      more = after != null && !rows.isEmpty();
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
      modifiedAfter.ifPresent(
          c ->
              filters
                  .addObject()
                  .put("propertyName", CURSOR)
                  .put("operator", "GT")
                  .put("value", c));
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
      return maxModified >= 0 ? Optional.of(Long.toString(maxModified)) : Optional.empty();
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

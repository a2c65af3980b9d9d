package io.dativo.ingest.source.rest;

import io.dativo.ingest.IngestException;
import io.dativo.ingest.source.Source;
import io.dativo.ingest.source.SourceCatalog;
import io.dativo.ingest.source.SourceUnit;
import java.util.List;
import java.util.Optional;

/**
 * What the API sources share: a choice of object types (one unit each), a base URL, and either a
 * full read (which replaces the table's rows) or an incremental one by the service's cursor field.
 */
abstract class ApiObjectsSource implements Source, SourceCatalog {
  final RestClient client;
  final String baseUrl;
  final List<String> objects;
  final boolean incremental;
  private final String scheme;
  private final String cursorField;

  ApiObjectsSource(
      String service,
      List<String> known,
      String cursorField,
      RestClient client,
      String baseUrl,
      List<String> objects,
      boolean incremental) {
    for (String object : objects) {
      if (!known.contains(object)) {
        throw new IngestException(
            IngestException.Kind.CONFIG,
            "Cannot read " + service + " object '" + object + "'",
            "one of " + String.join(", ", known));
      }
    }

    this.client = client;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.objects = List.copyOf(objects);
    this.incremental = incremental;
    this.scheme = service.toLowerCase(java.util.Locale.ROOT);
    this.cursorField = cursorField;
  }

  @Override
  public final List<SourceUnit> units() {
    return objects.stream().map(o -> new SourceUnit(o, scheme + ":" + o, 0)).toList();
  }

  @Override
  public final Optional<String> cursorField() {
    return incremental ? Optional.of(cursorField) : Optional.empty();
  }

  @Override
  public final boolean replacesTable() {
    return !incremental;
  }
}

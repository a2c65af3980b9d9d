package io.dativo.ingest.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * What earlier runs committed, read from the snapshot summaries Dativo writes: the fingerprints of
 * source files ({@code dativo.source-files}) and the cursor of incremental reads ({@code
 * dativo.cursor.<unit>}). The state lives in the table, so it commits atomically with the data.
 */
public final class CommittedSources {
  public static final String SOURCE_FILES = "dativo.source-files";
  public static final String CURSOR_PREFIX = "dativo.cursor.";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CommittedSources() {}

  /** Every fingerprint committed since the last full refresh. */
  public static Set<String> fingerprints(Table table) {
    Set<String> fingerprints = new HashSet<>();
    for (Snapshot snapshot : ancestors(table)) {
      String files = snapshot.summary().get(SOURCE_FILES);
      if (files != null) {
        fingerprints.addAll(parse(files));
      }

      if ("true".equals(snapshot.summary().get("dativo.full-refresh"))) {
        break;
      }
    }

    return fingerprints;
  }

  /** The newest committed cursor of {@code unit}. */
  public static Optional<String> cursor(Table table, String unit) {
    for (Snapshot snapshot : ancestors(table)) {
      String cursor = snapshot.summary().get(CURSOR_PREFIX + unit);
      if (cursor != null) {
        return Optional.of(cursor);
      }
    }

    return Optional.empty();
  }

  public static String format(List<String> fingerprints) {
    try {
      return MAPPER.writeValueAsString(fingerprints);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> parse(String json) {
    try {
      return MAPPER.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  /** The current snapshot and its ancestors, newest first. */
  private static List<Snapshot> ancestors(Table table) {
    List<Snapshot> chain = new java.util.ArrayList<>();
    Snapshot snapshot = table.currentSnapshot();
    Map<Long, Snapshot> byId = new java.util.HashMap<>();
    table.snapshots().forEach(s -> byId.put(s.snapshotId(), s));
    while (snapshot != null) {
      chain.add(snapshot);
      snapshot = snapshot.parentId() == null ? null : byId.get(snapshot.parentId());
    }

    return chain;
  }
}

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

  /** Every fingerprint committed to {@code branch} since its last full refresh. */
  public static Set<String> fingerprints(Table table, String branch) {
    Set<String> fingerprints = new HashSet<>();
    for (Snapshot snapshot : ancestors(table, branch)) {
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

  /** The newest cursor of {@code unit} committed to {@code branch}. */
  public static Optional<String> cursor(Table table, String branch, String unit) {
    for (Snapshot snapshot : ancestors(table, branch)) {
      String cursor = snapshot.summary().get(CURSOR_PREFIX + unit);
      if (cursor != null) {
        return Optional.of(cursor);
      }
    }

    return Optional.empty();
  }

  /**
   * What the branch's snapshots after {@code since} committed: source fingerprints and cursor keys
   * ({@code dativo.cursor.<unit>}). {@code since} null: the whole history.
   */
  public static Set<String> committedSince(Table table, String branch, Long since) {
    Set<String> found = new HashSet<>();
    for (Snapshot snapshot : ancestors(table, branch)) {
      if (since != null && snapshot.snapshotId() == since) {
        break;
      }

      String files = snapshot.summary().get(SOURCE_FILES);
      if (files != null) {
        found.addAll(parse(files));
      }

      snapshot.summary().keySet().stream()
          .filter(key -> key.startsWith(CURSOR_PREFIX))
          .forEach(found::add);
      if ("true".equals(snapshot.summary().get("dativo.full-refresh"))) {
        break; // what came before was replaced, as fingerprints() reads it
      }
    }

    return found;
  }

  /** The snapshot a run on {@code branch} builds on: the branch's head, else main's. */
  public static Optional<Long> head(Table table, String branch) {
    return Optional.ofNullable(headSnapshot(table, branch)).map(Snapshot::snapshotId);
  }

  /** The branch's head; main's while the branch does not exist (where a run creates it). */
  public static Snapshot headSnapshot(Table table, String branch) {
    return table.refs().containsKey(branch) ? table.snapshot(branch) : table.currentSnapshot();
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

  /**
   * The branch's head and its ancestors, newest first. A branch not created yet starts from the
   * main branch's head (that is where a run creates it), so its state is main's.
   */
  private static List<Snapshot> ancestors(Table table, String branch) {
    List<Snapshot> chain = new java.util.ArrayList<>();
    Snapshot snapshot = headSnapshot(table, branch);
    Map<Long, Snapshot> byId = new java.util.HashMap<>();
    table.snapshots().forEach(s -> byId.put(s.snapshotId(), s));
    while (snapshot != null) {
      chain.add(snapshot);
      snapshot = snapshot.parentId() == null ? null : byId.get(snapshot.parentId());
    }

    return chain;
  }
}

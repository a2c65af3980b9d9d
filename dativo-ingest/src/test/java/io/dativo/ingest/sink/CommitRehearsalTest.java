package io.dativo.ingest.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.ingest.schema.EveryColumnType;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** The end-of-run rehearsal commits, in memory, what a run commits to a table of any spec. */
class CommitRehearsalTest {
  @Test
  void commitsOneAppendToATableOfEveryColumnTypeAndPartitionTransform() {
    Schema schema = EveryColumnType.schema();
    PartitionSpec spec =
        PartitionSpec.builderFor(schema)
            .identity("c6")
            .day("c7")
            .bucket("c8", 4)
            .truncate("c4", 10)
            .identity("c5")
            .build();

    TableMetadata committed = CommitRehearsal.rehearse(schema, spec);

    Snapshot snapshot = committed.currentSnapshot();
    assertThat(snapshot.operation()).isEqualTo("append");
    assertThat(snapshot.summary())
        .containsEntry("added-data-files", "1")
        .containsEntry("added-records", "1")
        .containsEntry("changed-partition-count", "1")
        .containsEntry("dativo.run-id", "rehearsal");
    assertThat(committed.spec().fields()).hasSize(5);
  }

  @Test
  void commitsToAnUnpartitionedTable() {
    Schema schema = new Schema(Types.NestedField.optional(1, "id", Types.LongType.get()));

    TableMetadata committed = CommitRehearsal.rehearse(schema, PartitionSpec.unpartitioned());

    assertThat(committed.snapshots()).hasSize(1);
    assertThat(committed.currentSnapshot().summary()).containsEntry("total-records", "1");
  }
}

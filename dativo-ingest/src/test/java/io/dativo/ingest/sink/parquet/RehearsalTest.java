package io.dativo.ingest.sink.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.ingest.schema.EveryColumnType;
import org.apache.iceberg.Metrics;
import org.junit.jupiter.api.Test;

/** The start-of-run rehearsal writes a real one-row file of any table the writer covers. */
class RehearsalTest {
  @Test
  void writesOneRowInEveryColumnTypeEvenWhereValuesAreRequired() throws Exception {
    Metrics metrics = ColumnarParquetWriter.rehearse(EveryColumnType.schema());

    assertThat(metrics.recordCount()).isEqualTo(1);
    assertThat(metrics.valueCounts())
        .hasSize(EveryColumnType.TYPES.size())
        .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    assertThat(metrics.nullValueCounts()).allSatisfy((id, count) -> assertThat(count).isZero());
  }
}

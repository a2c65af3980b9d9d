package io.dativo.ingest.sink.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.iceberg.Metrics;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** The start-of-run rehearsal writes a real one-row file of any table the writer covers. */
class RehearsalTest {
  @Test
  void writesOneRowInEveryColumnTypeEvenWhereValuesAreRequired() throws Exception {
    Schema schema =
        new Schema(
            Types.NestedField.required(1, "id", Types.LongType.get()),
            Types.NestedField.required(2, "small", Types.IntegerType.get()),
            Types.NestedField.required(3, "ratio", Types.FloatType.get()),
            Types.NestedField.required(4, "amount", Types.DoubleType.get()),
            Types.NestedField.required(5, "price", Types.DecimalType.of(9, 2)),
            Types.NestedField.required(6, "paid", Types.BooleanType.get()),
            Types.NestedField.required(7, "day", Types.DateType.get()),
            Types.NestedField.required(8, "at", Types.TimestampType.withZone()),
            Types.NestedField.required(9, "name", Types.StringType.get()),
            Types.NestedField.optional(10, "blob", Types.BinaryType.get()));

    Metrics metrics = ColumnarParquetWriter.rehearse(schema);

    assertThat(metrics.recordCount()).isEqualTo(1);
    assertThat(metrics.valueCounts())
        .hasSize(10)
        .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    assertThat(metrics.nullValueCounts()).allSatisfy((id, count) -> assertThat(count).isZero());
  }
}

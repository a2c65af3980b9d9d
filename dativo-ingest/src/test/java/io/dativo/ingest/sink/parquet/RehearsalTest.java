package io.dativo.ingest.sink.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** The start-of-run rehearsal writes a real one-row file of any table the writer covers. */
class RehearsalTest {
  @Test
  void writesOneRowInEveryColumnTypeEvenWhereValuesAreRequired() throws Exception {
    List<Type> types =
        List.of(
            Types.LongType.get(),
            Types.IntegerType.get(),
            Types.FloatType.get(),
            Types.DoubleType.get(),
            Types.DecimalType.of(9, 2),
            Types.BooleanType.get(),
            Types.DateType.get(),
            Types.TimestampType.withZone(),
            Types.StringType.get(),
            Types.BinaryType.get());
    List<Types.NestedField> fields = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      fields.add(Types.NestedField.required(i + 1, "c" + i, types.get(i)));
    }

    Metrics metrics = ColumnarParquetWriter.rehearse(new Schema(fields));

    assertThat(metrics.recordCount()).isEqualTo(1);
    assertThat(metrics.valueCounts())
        .hasSize(types.size())
        .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    assertThat(metrics.nullValueCounts()).allSatisfy((id, count) -> assertThat(count).isZero());
  }
}

package io.dativo.ingest.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** A table with a required column of each flat type an asset can give, named c0, c1, …. */
public final class EveryColumnType {
  public static final List<Type> TYPES =
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

  private EveryColumnType() {}

  /** Column {@code c<i>} has {@code TYPES.get(i)} and field id {@code i + 1}. */
  public static Schema schema() {
    List<Types.NestedField> fields = new ArrayList<>();
    for (int i = 0; i < TYPES.size(); i++) {
      fields.add(Types.NestedField.required(i + 1, "c" + i, TYPES.get(i)));
    }

    return new Schema(fields);
  }
}

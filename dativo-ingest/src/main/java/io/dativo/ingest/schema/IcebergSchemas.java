package io.dativo.ingest.schema;

import io.dativo.core.config.asset.AssetDefinition;
import io.dativo.core.config.asset.Column;
import io.dativo.core.config.asset.LogicalType;
import io.dativo.ingest.IngestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * An asset's schema as an Iceberg schema: ODCS logical types to Iceberg types, required columns
 * (and primary keys) required, primary keys as identifier fields, and the asset's partitioning.
 * {@code ingest_date}, when partitioned on, is a column Dativo adds with the run's date.
 */
public final class IcebergSchemas {
  public static final String INGEST_DATE = "ingest_date";
  private static final Pattern TRANSFORM =
      Pattern.compile(
          "(year|month|day|hour|bucket|truncate)\\((?:(\\d+)\\s*,\\s*)?([A-Za-z_][A-Za-z0-9_]*)\\)");

  private IcebergSchemas() {}

  public static Schema schema(AssetDefinition asset) {
    List<Types.NestedField> fields = new ArrayList<>();
    Set<Integer> identifiers = new HashSet<>();
    int id = 1;
    for (Column column : asset.columns()) {
      boolean required = column.required() || column.primaryKey();
      Types.NestedField field =
          required
              ? Types.NestedField.required(
                  id, column.name(), type(column.type()), column.description().orElse(null))
              : Types.NestedField.optional(
                  id, column.name(), type(column.type()), column.description().orElse(null));
      fields.add(field);
      if (column.primaryKey()) {
        identifiers.add(id);
      }

      id++;
    }

    if (partitionColumns(asset).contains(INGEST_DATE)
        && fields.stream().noneMatch(f -> f.name().equals(INGEST_DATE))) {
      fields.add(
          Types.NestedField.required(
              id, INGEST_DATE, Types.DateType.get(), "the date Dativo ingested the row"));
    }

    return new Schema(fields, identifiers);
  }

  public static Type type(LogicalType type) {
    return switch (type) {
      case STRING, OBJECT, ARRAY -> Types.StringType.get();
      case INTEGER -> Types.LongType.get();
      case NUMBER -> Types.DoubleType.get();
      case DECIMAL -> Types.DecimalType.of(38, 9);
      case BOOLEAN -> Types.BooleanType.get();
      case DATE -> Types.DateType.get();
      case TIMESTAMP -> Types.TimestampType.withZone();
      case TIME -> Types.TimeType.get();
      case BINARY -> Types.BinaryType.get();
    };
  }

  /**
   * {@code target.partitioning}: column names (identity) or {@code day(col)}, {@code bucket(16,
   * col)}, …
   */
  public static PartitionSpec spec(AssetDefinition asset, Schema schema) {
    PartitionSpec.Builder builder = PartitionSpec.builderFor(schema);
    for (String entry : asset.target().partitioning()) {
      String term = entry.trim().toLowerCase(Locale.ROOT);
      Matcher matcher = TRANSFORM.matcher(term);
      if (!matcher.matches()) {
        requireColumn(schema, term, entry);
        builder.identity(term);
        continue;
      }

      String column = matcher.group(3);
      requireColumn(schema, column, entry);
      switch (matcher.group(1)) {
        case "year" -> builder.year(column);
        case "month" -> builder.month(column);
        case "day" -> builder.day(column);
        case "hour" -> builder.hour(column);
        case "bucket" -> builder.bucket(column, Integer.parseInt(number(matcher, entry)));
        default -> builder.truncate(column, Integer.parseInt(number(matcher, entry)));
      }
    }

    return builder.build();
  }

  private static List<String> partitionColumns(AssetDefinition asset) {
    List<String> columns = new ArrayList<>();
    for (String entry : asset.target().partitioning()) {
      Matcher matcher = TRANSFORM.matcher(entry.trim().toLowerCase(Locale.ROOT));
      columns.add(matcher.matches() ? matcher.group(3) : entry.trim().toLowerCase(Locale.ROOT));
    }

    return columns;
  }

  private static String number(Matcher matcher, String entry) {
    if (matcher.group(2) == null) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot partition by '" + entry + "': the transform needs a width",
          "write e.g. bucket(16, id)");
    }

    return matcher.group(2);
  }

  private static void requireColumn(Schema schema, String column, String entry) {
    if (schema.findField(column) == null) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot partition by '" + entry + "': no column '" + column + "' in the schema",
          null);
    }
  }
}

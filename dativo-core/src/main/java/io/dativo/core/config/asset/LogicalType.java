package io.dativo.core.config.asset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A column's type. ODCS {@code logicalType} values and the older {@code type} names of Dativo's
 * legacy assets map onto the same set.
 */
public enum LogicalType {
  STRING,
  INTEGER,
  NUMBER,
  DECIMAL,
  BOOLEAN,
  DATE,
  TIMESTAMP,
  TIME,
  BINARY,
  OBJECT,
  ARRAY;

  /** Every accepted spelling, lower case, and the type it means. */
  public static final Map<String, LogicalType> NAMES = names();

  public static Optional<LogicalType> parse(String name) {
    return Optional.ofNullable(NAMES.get(name.trim().toLowerCase(Locale.ROOT)));
  }

  public static List<String> acceptedNames() {
    return List.copyOf(NAMES.keySet());
  }

  private static Map<String, LogicalType> names() {
    Map<String, LogicalType> names = new LinkedHashMap<>();
    names.put("string", STRING);
    names.put("integer", INTEGER);
    names.put("number", NUMBER);
    names.put("boolean", BOOLEAN);
    names.put("date", DATE);
    names.put("timestamp", TIMESTAMP);
    names.put("time", TIME);
    names.put("object", OBJECT);
    names.put("array", ARRAY);
    names.put("decimal", DECIMAL);
    names.put("binary", BINARY);
    names.put("str", STRING);
    names.put("text", STRING);
    names.put("varchar", STRING);
    names.put("uuid", STRING);
    names.put("int", INTEGER);
    names.put("long", INTEGER);
    names.put("bigint", INTEGER);
    names.put("double", NUMBER);
    names.put("float", NUMBER);
    names.put("bool", BOOLEAN);
    names.put("datetime", TIMESTAMP);
    names.put("timestamp_tz", TIMESTAMP);
    names.put("bytes", BINARY);
    names.put("json", OBJECT);
    names.put("struct", OBJECT);
    names.put("list", ARRAY);
    return java.util.Collections.unmodifiableMap(names);
  }
}

package io.dativo.core.config.asset;

import java.util.List;
import java.util.Optional;

/** An ODCS schema object (a table) and its columns; legacy assets have one, unnamed. */
public record SchemaObject(
    Optional<String> name, Optional<String> physicalName, List<Column> columns) {
  public SchemaObject {
    columns = List.copyOf(columns);
  }
}

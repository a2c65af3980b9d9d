package io.dativo.ingest.source.rest;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON field as a source value: scalars as Java values, objects and arrays as JSON text. */
final class JsonValues {
  private JsonValues() {}

  static Object of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }

    if (node.isContainerNode()) {
      return node.toString();
    }

    if (node.isIntegralNumber()) {
      return node.longValue();
    }

    if (node.isNumber()) {
      return node.doubleValue();
    }

    if (node.isBoolean()) {
      return node.booleanValue();
    }

    return node.asText();
  }

  /** The ODCS logical type a JSON value suggests; nested values are kept as JSON text. */
  static String logicalType(JsonNode node) {
    if (node.isIntegralNumber()) {
      return "integer";
    }

    if (node.isNumber()) {
      return "number";
    }

    if (node.isBoolean()) {
      return "boolean";
    }

    return "string";
  }
}

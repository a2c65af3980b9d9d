package io.dativo.core.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the outputs of a Terraform state (format version 4) or of {@code terraform output -json}
 * with a streaming parser: resources, often most of a state, are skipped without being held, so a
 * 100 MB state needs only the memory of its outputs.
 */
public final class StateParser {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final JsonFactory FACTORY = MAPPER.getFactory();
  static final int SUPPORTED_VERSION = 4;

  private StateParser() {}

  /** The outputs of a state file's JSON. */
  public static TerraformOutputs parseState(InputStream in, String location, String workspace) {
    try (JsonParser parser = FACTORY.createParser(in)) {
      expect(parser.nextToken() == JsonToken.START_OBJECT, location, "a JSON object");
      Map<String, OutputValue> outputs = Map.of();
      Integer version = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "version" -> version = parser.getIntValue();
          case "outputs" -> outputs = parseOutputs(parser, location);
          default -> {
            if (value.isStructStart()) {
              parser.skipChildren();
            }
          }
        }
      }

      expect(version != null, location, "a Terraform state (no \"version\" field)");
      if (version != SUPPORTED_VERSION) {
        throw TerraformException.input(
            "Cannot read Terraform state "
                + location
                + ": format version "
                + version
                + " (Dativo reads version 4)",
            "states written by Terraform 0.12 and later are version 4; run 'terraform state pull' with a current Terraform");
      }

      return new TerraformOutputs(outputs, location, workspace);
    } catch (IOException e) {
      throw TerraformException.input(
          "Cannot read Terraform state " + location + ": " + e.getMessage(), null);
    }
  }

  /** The JSON printed by {@code terraform output -json}. */
  public static TerraformOutputs parseOutputJson(
      InputStream in, String location, String workspace) {
    try (JsonParser parser = FACTORY.createParser(in)) {
      expect(parser.nextToken() == JsonToken.START_OBJECT, location, "a JSON object");
      return new TerraformOutputs(parseOutputs(parser, location), location, workspace);
    } catch (IOException e) {
      throw TerraformException.input(
          "Cannot read Terraform outputs from " + location + ": " + e.getMessage(), null);
    }
  }

  /** Reads {@code {name: {value, type, sensitive}}} with the parser on its START_OBJECT. */
  private static Map<String, OutputValue> parseOutputs(JsonParser parser, String location)
      throws IOException {
    Map<String, OutputValue> outputs = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      JsonNode output = MAPPER.readTree(parser);
      expect(
          output.isObject() && output.has("value"), location, "output '" + name + "' with a value");
      outputs.put(
          name,
          new OutputValue(plain(output.get("value")), output.path("sensitive").asBoolean(false)));
    }

    return outputs;
  }

  static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
      return java.util.Collections.unmodifiableMap(map);
    }

    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(plain(item)));
      return java.util.Collections.unmodifiableList(list);
    }

    if (node.isNumber()) {
      return node.decimalValue();
    }

    if (node.isBoolean()) {
      return node.booleanValue();
    }

    return node.isNull() ? null : node.asText();
  }

  private static void expect(boolean condition, String location, String what) {
    if (!condition) {
      throw TerraformException.input(
          "Cannot read Terraform state " + location + ": expected " + what, null);
    }
  }
}

package io.dativo.core.terraform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes variable values as HCL, the way {@code terraform fmt} lays them out: two-space indents,
 * {@code =} aligned across consecutive single-line attributes, multi-line values breaking the
 * alignment. Strings are escaped for HCL: quotes, backslashes, control characters, and template
 * sequences ({@code ${} and {@code %{} become {@code $${} and {@code %%{}), so a value is never
 * evaluated.
 */
public final class HclWriter {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private HclWriter() {}

  /** A tfvars file: one attribute per variable. */
  public static String write(Map<String, Object> variables) {
    StringBuilder out = new StringBuilder();
    List<String[]> group = new ArrayList<>();
    boolean first = true;
    for (Map.Entry<String, Object> entry : variables.entrySet()) {
      if (!IDENTIFIER.matcher(entry.getKey()).matches()) {
        throw new IllegalArgumentException("Not a Terraform variable name: " + entry.getKey());
      }

      String value = value(entry.getValue(), "");
      if (value.contains("\n")) {
        flush(out, group, "");
        if (!first) {
          out.append('\n');
        }

        out.append(entry.getKey()).append(" = ").append(value).append("\n\n");
        first = true;
      } else {
        group.add(new String[] {entry.getKey(), value});
        first = false;
      }
    }

    flush(out, group, "");
    return out.toString().stripTrailing() + "\n";
  }

  private static String value(Object value, String indent) {
    if (value instanceof Map<?, ?> map) {
      return map(map, indent);
    }

    if (value instanceof List<?> list) {
      return list(list, indent);
    }

    if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      return value.toString();
    }

    if (value instanceof BigDecimal || value instanceof Double) {
      return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    return value == null ? "null" : string(value.toString());
  }

  private static String map(Map<?, ?> map, String indent) {
    if (map.isEmpty()) {
      return "{}";
    }

    String inner = indent + "  ";
    StringBuilder out = new StringBuilder("{\n");
    List<String[]> group = new ArrayList<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = string(String.valueOf(entry.getKey()));
      String value = value(entry.getValue(), inner);
      if (value.contains("\n")) {
        flush(out, group, inner);
        out.append(inner).append(key).append(" = ").append(value).append('\n');
      } else {
        group.add(new String[] {key, value});
      }
    }

    flush(out, group, inner);
    return out.append(indent).append('}').toString();
  }

  private static String list(List<?> list, String indent) {
    List<String> items = new ArrayList<>();
    String inner = indent + "  ";
    for (Object item : list) {
      items.add(value(item, inner));
    }

    if (items.stream().noneMatch(i -> i.contains("\n"))) {
      return "[" + String.join(", ", items) + "]";
    }

    StringBuilder out = new StringBuilder("[\n");
    items.forEach(i -> out.append(inner).append(i).append(",\n"));
    return out.append(indent).append(']').toString();
  }

  private static void flush(StringBuilder out, List<String[]> group, String indent) {
    int width = group.stream().mapToInt(g -> g[0].codePointCount(0, g[0].length())).max().orElse(0);
    for (String[] attribute : group) {
      int pad = width - attribute[0].codePointCount(0, attribute[0].length());
      out.append(indent)
          .append(attribute[0])
          .append(" ".repeat(pad))
          .append(" = ")
          .append(attribute[1])
          .append('\n');
    }

    group.clear();
  }

  /** An HCL quoted string. */
  public static String string(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '$', '%' -> {
          out.append(c);
          if (i + 1 < text.length() && text.charAt(i + 1) == '{') {
            out.append(c);
          }
        }
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }

    return out.append('"').toString();
  }
}

package io.dativo.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  @Test
  void readsPlainQuotedAndEmptyFields() throws IOException {
    assertThat(read("a,b,c\n1,\"x, y\",\n\"say \"\"hi\"\"\",,3\n"))
        .containsExactly(
            List.of("a", "b", "c"), List.of("1", "x, y", ""), List.of("say \"hi\"", "", "3"));
  }

  @Test
  void handlesCrlfQuotedNewlinesAndEmptyLines() throws IOException {
    assertThat(read("a,b\r\n\r\n\"line1\nline2\",z\r\nlast,row"))
        .containsExactly(List.of("a", "b"), List.of("line1\nline2", "z"), List.of("last", "row"));
  }

  @Test
  void fieldsSpanningTheBufferBoundaryAreWhole() throws IOException {
    String longValue = "v".repeat(70_000);
    assertThat(read("x," + longValue + ",y\n\"" + longValue + "\"\n"))
        .containsExactly(List.of("x", longValue, "y"), List.of(longValue));
  }

  @Test
  void otherDelimitersWork() throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (CsvReader reader =
        new CsvReader(bytes("a\tb\n1\t2\n"), StandardCharsets.UTF_8, '\t', '"')) {
      while (reader.next()) {
        rows.add(reader.fields());
      }
    }

    assertThat(rows).containsExactly(List.of("a", "b"), List.of("1", "2"));
  }

  @Test
  void anUnterminatedQuoteIsAnError() {
    assertThatThrownBy(() -> read("a\n\"open,1\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("unterminated quoted field");
  }

  private static List<List<String>> read(String text) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (CsvReader reader = new CsvReader(bytes(text), StandardCharsets.UTF_8, ',', '"')) {
      while (reader.next()) {
        rows.add(reader.fields());
      }
    }

    return rows;
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}

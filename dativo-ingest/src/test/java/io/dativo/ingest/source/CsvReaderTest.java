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
  void textAfterBuffersOfAsciiIsCheckedAgain() throws IOException {
    // The reader checks each buffer it reads for non-ASCII bytes once; a later buffer's UTF-8 and
    // malformed bytes must still be seen as such, quoted (unescaped) or not.
    StringBuilder ascii = new StringBuilder("id,note\n");
    for (int i = 0; ascii.length() < 3 * (1 << 18); i++) {
      ascii.append(i).append(",plain text ").append(i).append('\n');
    }

    byte[] head = ascii.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "x,caf\u00e9\ny,\"a \"\"q\"\" \u00e9\"\nz,".getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[head.length + tail.length + 2];
    System.arraycopy(head, 0, input, 0, head.length);
    System.arraycopy(tail, 0, input, head.length, tail.length);
    input[input.length - 2] = (byte) 0xE9; // Latin-1 'é' alone: not UTF-8
    input[input.length - 1] = '\n';

    List<String> notes = new ArrayList<>();
    try (CsvReader reader =
        new CsvReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8, ',', '"')) {
      while (reader.next()) {
        String id = reader.get(0);
        if (id.equals("x") || id.equals("y")) {
          assertThat(reader.text(1).isAscii()).as(id).isFalse();
          notes.add(reader.get(1));
        } else if (id.equals("z")) {
          assertThat(reader.text(1).isAscii()).isFalse();
          assertThatThrownBy(() -> reader.text(1).requireUtf8())
              .isInstanceOf(io.dativo.ingest.columns.ByteText.InvalidText.class);
        } else {
          assertThat(reader.text(1).isAscii()).as(id).isTrue();
        }
      }
    }

    assertThat(notes).containsExactly("caf\u00e9", "a \"q\" \u00e9");
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

  @Test
  void everyBoundaryBetweenReadsGivesTheSameRecords() throws IOException {
    String text =
        "\uFEFFa,b,c\r\n\r\n\"x\"\"y\",\"\",z\r\n1,\"multi\r\nline\",\"\"\"\"\n\n"
            + "caf\u00e9,\u65e5\u672c,\r\nlast,\"q\"";
    List<List<String>> whole = read(text);
    assertThat(whole)
        .containsExactly(
            List.of("a", "b", "c"),
            List.of("x\"y", "", "z"),
            List.of("1", "multi\r\nline", "\""),
            List.of("caf\u00e9", "\u65e5\u672c", ""),
            List.of("last", "q"));
    // Reads that stop after every possible byte: each split of a quote, CR LF or UTF-8 sequence.
    for (int chunk = 1; chunk <= 7; chunk++) {
      List<List<String>> rows = new ArrayList<>();
      try (CsvReader reader =
          new CsvReader(trickle(bytes(text), chunk), StandardCharsets.UTF_8, ',', '"')) {
        while (reader.next()) {
          rows.add(reader.fields());
        }
      }

      assertThat(rows).as("reads of %d bytes", chunk).isEqualTo(whole);
    }
  }

  @Test
  void aRecordLongerThanTheBufferIsWholeAndLineEndsAtTheBufferEdgeCountOnce() throws IOException {
    String huge = "h".repeat(300_000);
    assertThat(read("a," + huge + "\n\"" + huge + "\"\"\",b\n"))
        .containsExactly(List.of("a", huge), List.of(huge + "\"", "b"));

    // a CR as the last byte of the first buffer fill, its LF the first of the next
    String first = "x".repeat((1 << 18) - 1);
    try (CsvReader reader =
        new CsvReader(bytes(first + "\r\nsecond\r\n"), StandardCharsets.UTF_8, ',', '"')) {
      assertThat(reader.next()).isTrue();
      assertThat(reader.next()).isTrue();
      assertThat(reader.get(0)).isEqualTo("second");
      assertThat(reader.line()).isEqualTo(3);
      assertThat(reader.next()).isFalse();
    }
  }

  @Test
  void otherEncodingsAreReadAsTheirText() throws IOException {
    String text = "n\u00e4me;\u20ac\n\"\u00e9t\u00e9\";\u65e5\n";
    for (var encoding : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE)) {
      List<List<String>> rows = new ArrayList<>();
      try (CsvReader reader =
          new CsvReader(new ByteArrayInputStream(text.getBytes(encoding)), encoding, ';', '"')) {
        while (reader.next()) {
          rows.add(reader.fields());
        }
      }

      assertThat(rows)
          .containsExactly(List.of("n\u00e4me", "\u20ac"), List.of("\u00e9t\u00e9", "\u65e5"));
    }
  }

  @Test
  void fieldsOfEveryLengthEndWhereTheirDelimiterIs() throws IOException {
    java.util.Random random = new java.util.Random(42);
    List<List<String>> expected = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int row = 0; row < 500; row++) {
      List<String> fields = new ArrayList<>();
      for (int field = 0, count = 1 + random.nextInt(6); field < count; field++) {
        StringBuilder value = new StringBuilder();
        for (int i = 0, length = random.nextInt(23); i < length; i++) {
          value.append("xyz\u00e9\u65e5 ".charAt(random.nextInt(6)));
        }

        fields.add(value.toString());
      }

      if (fields.size() == 1 && fields.get(0).isEmpty()) {
        fields.set(0, "v"); // an empty line is skipped, not a record
      }

      expected.add(fields);
      text.append(String.join(",", fields)).append(random.nextBoolean() ? "\n" : "\r\n");
    }

    assertThat(read(text.toString())).isEqualTo(expected);
  }

  @Test
  void aQuotedFieldOfManyMegabytesInAnotherEncodingIsWhole() throws IOException {
    // The transcoder hands over a few KB per read; the reader fills its buffer before parsing the
    // record again (it used to re-scan it after every few KB: 24 s for 32 MB).
    String huge = "\u00e9".repeat(8 << 20);
    try (CsvReader reader =
        new CsvReader(
            new ByteArrayInputStream(
                ("\"" + huge + "\",x\n").getBytes(StandardCharsets.ISO_8859_1)),
            StandardCharsets.ISO_8859_1,
            ',',
            '"')) {
      assertThat(reader.next()).isTrue();
      assertThat(reader.text(0).length()).isEqualTo(2 * huge.length()); // é is 2 bytes in UTF-8
      assertThat(reader.get(1)).isEqualTo("x");
    }
  }

  @Test
  void errorsNameTheLineAndTheCharacter() throws IOException {
    // a blank CRLF line split across reads counts once
    assertThatThrownBy(
            () -> {
              try (CsvReader reader =
                  new CsvReader(
                      trickle(bytes("ab\n\r\n\"open"), 1), StandardCharsets.UTF_8, ',', '"')) {
                while (reader.next()) {
                  // to the error
                }
              }
            })
        .hasMessageContaining("before line 3");
    assertThatThrownBy(() -> read("\"a\"\u00e9,b\n"))
        .hasMessageContaining("unexpected character '\\xC3' after a closing quote on line 1");
  }

  @Test
  void asciiIsCheckedNotAssumed() {
    assertThatThrownBy(
            () -> {
              try (CsvReader reader =
                  new CsvReader(
                      new ByteArrayInputStream(new byte[] {'a', (byte) 0xE9, '\n'}),
                      StandardCharsets.US_ASCII,
                      ',',
                      '"')) {
                reader.next();
              }
            })
        .isInstanceOf(java.nio.charset.CharacterCodingException.class);
  }

  @Test
  void aDelimiterOutsideAsciiIsRefused() {
    assertThatThrownBy(() -> new CsvReader(bytes("a"), StandardCharsets.UTF_8, '\u00a7', '"'))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ASCII");
  }

  /** {@code in}, at most {@code chunk} bytes per read. */
  private static InputStream trickle(InputStream in, int chunk) {
    return new java.io.FilterInputStream(in) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
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

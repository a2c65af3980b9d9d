package io.dativo.ingest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast path gives Double.parseDouble's result bit for bit, and its errors. */
class FastNumbersTest {
  @Test
  void plainDecimalsParseExactlyAsTheJdkDoes() {
    SplittableRandom random = new SplittableRandom(20261124);
    for (int n = 0; n < 1_000_000; n++) {
      String text = randomDecimal(random);
      assertSame(text);
    }
  }

  @Test
  void edgesAndEverythingElseAgreeWithTheJdk() {
    for (String text :
        new String[] {
          "0",
          "-0",
          "+0",
          "0.0",
          "-0.0",
          ".5",
          "5.",
          "-.5",
          "+1.5",
          "007.250",
          "0.1",
          "0.2",
          "0.3",
          "9007199254740991",
          "9007199254740992",
          "9007199254740993",
          "123456789012345.6",
          "1234567890123456789",
          "0.00000000000000000000001",
          "0.0000000000000000000001",
          "1e5",
          "1.5E-3",
          "NaN",
          "-Infinity",
          "1d",
          "2f",
          "0x1p3",
          "179769313486231570000000"
        }) {
      assertSame(text);
    }
  }

  @Test
  void textThatIsNotANumberFailsAsTheJdkDoes() {
    for (String text : new String[] {"", "-", "+", ".", "1.2.3", "1,5", "abc", "--1", "1-"}) {
      assertThatThrownBy(() -> FastNumbers.parseDouble(text))
          .as(text)
          .isInstanceOf(NumberFormatException.class);
    }
  }

  private static void assertSame(String text) {
    assertThat(Double.doubleToRawLongBits(FastNumbers.parseDouble(text)))
        .as(text)
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
  }

  private static String randomDecimal(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    if (random.nextInt(4) == 0) {
      text.append('-');
    }

    int whole = random.nextInt(0, 12);
    for (int i = 0; i < whole; i++) {
      text.append((char) ('0' + random.nextInt(10)));
    }

    if (whole == 0 || random.nextBoolean()) {
      text.append('.');
      int fraction = random.nextInt(1, whole == 0 ? 20 : 10);
      for (int i = 0; i < fraction; i++) {
        text.append((char) ('0' + random.nextInt(10)));
      }
    }

    return text.toString();
  }
}

package io.dativo.ingest.schema;

/**
 * Decimal text to {@code double} without {@link Double#parseDouble}'s general algorithm when the
 * text is a plain decimal of at most 15 significant digits: the digits as a {@code long} and the
 * power of ten are both exact doubles, so one IEEE division gives the correctly rounded result
 * (Clinger's fast path). Anything else (exponents, NaN, more digits) goes to {@code parseDouble}.
 */
final class FastNumbers {
  private static final long EXACT_LIMIT = 1L << 53;
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private FastNumbers() {}

  /** As {@link Double#parseDouble}, bit for bit. */
  static double parseDouble(CharSequence text) {
    int length = text.length();
    int i = 0;
    boolean negative = false;
    if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
      negative = text.charAt(0) == '-';
      i = 1;
    }

    long mantissa = 0;
    int digits = 0;
    int fractionDigits = -1; // -1: no decimal point yet
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits > 18) {
          return Double.parseDouble(text.toString());
        }

        mantissa = mantissa * 10 + (c - '0');
        if (fractionDigits >= 0) {
          fractionDigits++;
        }
      } else if (c == '.' && fractionDigits < 0) {
        fractionDigits = 0;
      } else {
        return Double.parseDouble(
            text.toString()); // an exponent, a suffix, NaN, or not a number at all
      }
    }

    int scale = Math.max(fractionDigits, 0);
    if (digits == 0 || mantissa >= EXACT_LIMIT || scale >= POWERS_OF_TEN.length) {
      return Double.parseDouble(text.toString());
    }

    double value = scale == 0 ? (double) mantissa : mantissa / POWERS_OF_TEN[scale];
    return negative ? -value : value;
  }
}

package io.dativo.ingest.columns;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A field's UTF-8 text as a slice of a reader's buffer, read in place: parsing a number or a
 * timestamp from it needs no {@code String}. {@link #charAt} gives ASCII characters as they are
 * (any other byte is not a digit, sign or separator, so the number and time parsers fall back to
 * the decoded text). A view: valid until its reader moves on.
 */
public final class ByteText implements CharSequence {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] bytes;
  private int from;
  private int length;

  /** Whether the reader already knows the bytes to be ASCII (it checked its whole buffer). */
  private boolean knownAscii;

  /** Not valid UTF-8: the reader says where. */
  public static final class InvalidText extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidText() {
      super("the text is not valid UTF-8", null, false, false);
    }
  }

  /** Points this view at {@code bytes[from, from + length)}. */
  public ByteText set(byte[] bytes, int from, int length) {
    return set(bytes, from, length, false);
  }

  /**
   * Points this view at {@code bytes[from, from + length)}, which the caller knows to be ASCII when
   * {@code ascii} (so {@link #isAscii} need not look at them again).
   */
  public ByteText set(byte[] bytes, int from, int length, boolean ascii) {
    this.bytes = bytes;
    this.from = from;
    this.length = length;
    this.knownAscii = ascii;
    return this;
  }

  public byte[] bytes() {
    return bytes;
  }

  public int from() {
    return from;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    return (char) (bytes[from + index] & 0xff);
  }

  /** Whether every byte is ASCII (then each byte is one character). */
  public boolean isAscii() {
    if (knownAscii) {
      return true;
    }

    return isAscii(bytes, from, from + length);
  }

  /** Whether {@code bytes[from, end)} are all ASCII: eight bytes at a time. */
  public static boolean isAscii(byte[] bytes, int from, int end) {
    int i = from;
    long highBits = 0;
    for (; i + 8 <= end; i += 8) {
      highBits |= (long) LONGS.get(bytes, i); // a set high bit is a non-ASCII byte
    }

    if ((highBits & 0x8080808080808080L) != 0) {
      return false;
    }

    for (; i < end; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }

    return true;
  }

  /** Checks that the bytes are well-formed UTF-8; throws {@link InvalidText} when not. */
  public void requireUtf8() {
    if (!isAscii()) {
      decode();
    }
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().subSequence(start, end);
  }

  /** The text, decoded; malformed UTF-8 throws {@link InvalidText} rather than being replaced. */
  @Override
  public String toString() {
    if (isAscii()) {
      return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }

    return decode();
  }

  private String decode() {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidText();
    }
  }
}

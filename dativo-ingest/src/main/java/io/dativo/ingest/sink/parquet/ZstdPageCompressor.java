package io.dativo.ingest.sink.parquet;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * zstd for pages through one native compression context, reused page after page: parquet-mr's codec
 * opens a compression stream, with a new context, for every page, which cost the writing thread
 * about as much as compressing. Each page is one standard zstd frame, as parquet-mr writes it, at
 * the same level (3 unless {@code write.parquet.compression-level} says otherwise).
 */
final class ZstdPageCompressor implements BytesInputCompressor {
  /** parquet-mr's default level for zstd. */
  static final int DEFAULT_LEVEL = 3;

  private final ZstdCompressCtx context = new ZstdCompressCtx();
  private byte[] output = new byte[64 * 1024];

  ZstdPageCompressor(int level) {
    context.setLevel(level);
  }

  /** The page {@code bytes[0, length)}, compressed (a new array of its exact size). */
  byte[] compress(byte[] bytes, int length) {
    int bound = bound(length);
    if (output.length < bound) {
      output = new byte[bound];
    }

    int size = context.compressByteArray(output, 0, output.length, bytes, 0, length);
    return Arrays.copyOf(output, size);
  }

  /** The most {@code length} bytes take compressed. */
  static int bound(int length) {
    return (int) Math.min(Zstd.compressBound(length), Integer.MAX_VALUE - 16);
  }

  /**
   * The page {@code bytes[0, length)} compressed into {@code output} at {@code offset}, which has
   * room for {@link #bound}; returns the compressed size.
   */
  int compressInto(byte[] output, int offset, byte[] bytes, int length) {
    return context.compressByteArray(output, offset, bound(length), bytes, 0, length);
  }

  @Override
  public BytesInput compress(BytesInput bytes) throws IOException {
    byte[] input = bytes.toByteArray();
    return BytesInput.from(compress(input, input.length));
  }

  @Override
  public CompressionCodecName getCodecName() {
    return CompressionCodecName.ZSTD;
  }

  @Override
  public void release() {
    context.close();
  }
}

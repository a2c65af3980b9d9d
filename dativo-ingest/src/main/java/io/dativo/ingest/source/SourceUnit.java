package io.dativo.ingest.source;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One thing a source reads in a run: a file, a table, a query. The fingerprint says whether it was
 * already committed (a file's path, size and SHA-256; a table's name for incremental reads). A
 * file's checksum is known only once its bytes have been read: its {@link #identity} (path and
 * size, what the fingerprint starts with) is known at once, and tells whether a committed
 * fingerprint could match at all. The checksum of a file the run reads is taken from the bytes as
 * they are read ({@link #checksumRead}); it is computed on its own only when asked for first (a
 * file that may be skipped as committed).
 */
public final class SourceUnit {
  /** What a file's fingerprint says before its checksum: {@code <path>:<size>:sha256=<hex>}. */
  public static final String CHECKSUM = "sha256=";

  private final String id;
  private final String identity;
  private final CompletableFuture<String> fingerprint;
  private final Supplier<String> checksum;
  private final long sizeBytes;

  /** A unit whose fingerprint is known. */
  public SourceUnit(String id, String fingerprint, long sizeBytes) {
    this(id, fingerprint, CompletableFuture.completedFuture(fingerprint), null, sizeBytes);
  }

  private SourceUnit(
      String id,
      String identity,
      CompletableFuture<String> fingerprint,
      Supplier<String> checksum,
      long sizeBytes) {
    this.id = id;
    this.identity = identity;
    this.fingerprint = fingerprint;
    this.checksum = checksum;
    this.sizeBytes = sizeBytes;
  }

  /**
   * A unit whose fingerprint is {@code identity} and a checksum not known yet: {@link
   * #checksumRead} gives it, or {@code checksum} computes it (its failure is thrown by {@link
   * #fingerprint}).
   */
  public static SourceUnit pending(
      String id, String identity, Supplier<String> checksum, long sizeBytes) {
    return new SourceUnit(id, identity, new CompletableFuture<>(), checksum, sizeBytes);
  }

  /** The unit's checksum (hex), taken from its bytes as a run read all of them. */
  void checksumRead(String hex) {
    fingerprint.complete(identity + CHECKSUM + hex);
  }

  public String id() {
    return id;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  /** What the fingerprint starts with; known without reading the unit. */
  public String identity() {
    return identity;
  }

  /**
   * The identity a committed fingerprint was made from: the fingerprint without its checksum (a
   * file's {@code sha256=...}), or the whole fingerprint when it has none.
   */
  public static String identityOf(String fingerprint) {
    int checksum = fingerprint.lastIndexOf(":" + CHECKSUM);
    return checksum < 0 ? fingerprint : fingerprint.substring(0, checksum + 1);
  }

  /** The fingerprint; a checksum nothing has read yet is computed now. */
  public String fingerprint() {
    if (!fingerprint.isDone()) {
      try {
        fingerprint.complete(identity + CHECKSUM + checksum.get());
      } catch (RuntimeException e) {
        fingerprint.completeExceptionally(e);
      }
    }

    try {
      return fingerprint.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }

      throw e;
    }
  }

  @Override
  public String toString() {
    return id;
  }
}

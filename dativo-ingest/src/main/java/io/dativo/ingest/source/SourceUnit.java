package io.dativo.ingest.source;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One thing a source reads in a run: a file, a table, a query. The fingerprint says whether it was
 * already committed (a file's path, size and SHA-256; a table's name for incremental reads). A
 * file's checksum may still be being computed while the run goes on: its {@link #identity} (path
 * and size, what the fingerprint starts with) is known at once, and tells whether a committed
 * fingerprint could match at all.
 */
public final class SourceUnit {
  /** What a file's fingerprint says before its checksum: {@code <path>:<size>:sha256=<hex>}. */
  public static final String CHECKSUM = "sha256=";

  private final String id;
  private final String identity;
  private final CompletableFuture<String> fingerprint;
  private final long sizeBytes;

  /** A unit whose fingerprint is known. */
  public SourceUnit(String id, String fingerprint, long sizeBytes) {
    this(id, fingerprint, CompletableFuture.completedFuture(fingerprint), sizeBytes);
  }

  private SourceUnit(
      String id, String identity, CompletableFuture<String> fingerprint, long sizeBytes) {
    this.id = id;
    this.identity = identity;
    this.fingerprint = fingerprint;
    this.sizeBytes = sizeBytes;
  }

  /**
   * A unit whose fingerprint is still being computed; it will start with {@code identity}. A
   * failure to compute it is thrown, as it was, by {@link #fingerprint}.
   */
  public static SourceUnit pending(
      String id, String identity, CompletableFuture<String> fingerprint, long sizeBytes) {
    return new SourceUnit(id, identity, fingerprint, sizeBytes);
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

  /** The fingerprint, waiting for it if it is still being computed. */
  public String fingerprint() {
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

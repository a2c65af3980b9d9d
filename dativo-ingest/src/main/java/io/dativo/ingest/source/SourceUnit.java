package io.dativo.ingest.source;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One thing a source reads in a run: a file, a table, a query. The fingerprint says whether it was
 * already committed (a file's path, size and checksum; a table's name for incremental reads). A
 * file's checksum is known only once its bytes have been read: its {@link #identity} (path and
 * size, what the fingerprint starts with) is known at once, and tells whether a committed
 * fingerprint could match at all. The checksum of a file the run reads is taken from the bytes as
 * they are read ({@link #checksumRead}); it is computed on its own only when asked for first (a
 * file that may be skipped as committed).
 */
public final class SourceUnit {
  private final String id;
  private final String identity;
  private final CompletableFuture<String> fingerprint;
  private final FileChecksum kind;
  private final Function<FileChecksum, String> checksum;
  private final long sizeBytes;

  /** A unit whose fingerprint is known. */
  public SourceUnit(String id, String fingerprint, long sizeBytes) {
    this(id, fingerprint, CompletableFuture.completedFuture(fingerprint), null, null, sizeBytes);
  }

  private SourceUnit(
      String id,
      String identity,
      CompletableFuture<String> fingerprint,
      FileChecksum kind,
      Function<FileChecksum, String> checksum,
      long sizeBytes) {
    this.id = id;
    this.identity = identity;
    this.fingerprint = fingerprint;
    this.kind = kind;
    this.checksum = checksum;
    this.sizeBytes = sizeBytes;
  }

  /**
   * A unit whose fingerprint is {@code identity} and a checksum of {@code kind} not known yet:
   * {@link #checksumRead} gives it, or {@code checksum} computes one of any kind (its failure is
   * thrown by {@link #fingerprint} and {@link #committedIn}).
   */
  public static SourceUnit pending(
      String id,
      String identity,
      FileChecksum kind,
      Function<FileChecksum, String> checksum,
      long sizeBytes) {
    return new SourceUnit(id, identity, new CompletableFuture<>(), kind, checksum, sizeBytes);
  }

  /** The unit's checksum (hex, of its kind), taken from its bytes as a run read all of them. */
  void checksumRead(String hex) {
    fingerprint.complete(identity + kind.token() + hex);
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
   * file's {@code sha256=...} or {@code crc32c+crc32=...}), or the whole fingerprint when it has
   * none.
   */
  public static String identityOf(String fingerprint) {
    int checksum = -1;
    for (FileChecksum kind : FileChecksum.values()) {
      checksum = Math.max(checksum, fingerprint.lastIndexOf(":" + kind.token()));
    }

    return checksum < 0 ? fingerprint : fingerprint.substring(0, checksum + 1);
  }

  /**
   * Whether one of {@code committed} is this unit's fingerprint. A committed file's fingerprint of
   * another kind than this run's (a table written before the default changed, or with another
   * {@code checksum} option) is compared by computing that kind's checksum of the file.
   */
  public boolean committedIn(Set<String> committed) {
    if (checksum == null) {
      return committed.contains(fingerprint());
    }

    for (FileChecksum other : FileChecksum.values()) {
      String prefix = identity + other.token();
      if (committed.stream().anyMatch(f -> f.startsWith(prefix))
          && committed.contains(
              other == kind ? fingerprint() : prefix + sum(() -> checksum.apply(other)))) {
        return true;
      }
    }

    return false;
  }

  /** The fingerprint; a checksum nothing has read yet is computed now. */
  public String fingerprint() {
    if (!fingerprint.isDone()) {
      try {
        fingerprint.complete(identity + kind.token() + checksum.apply(kind));
      } catch (RuntimeException e) {
        fingerprint.completeExceptionally(e);
      }
    }

    return sum(fingerprint::join);
  }

  /** A checksum's computation, with its own exception rather than a completion's wrapper. */
  private static String sum(Supplier<String> computation) {
    try {
      return computation.get();
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

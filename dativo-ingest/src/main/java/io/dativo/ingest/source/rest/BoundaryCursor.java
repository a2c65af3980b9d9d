package io.dativo.ingest.source.rest;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Where an incremental API read stopped: the newest value of the service's cursor field committed
 * (Stripe's {@code created} second, HubSpot's {@code lastmodifieddate} millisecond) and the ids
 * committed at that value, written {@code 1700000250|cus_a,cus_b}. The next read asks for values
 * from there on, inclusive, and skips those ids: nothing created at the same value after the
 * previous read is missed, and nothing is written twice. A bare value (the form of earlier
 * versions) carries no ids and is resumed exclusively, as it was written.
 *
 * @param withIds whether {@code ids} is the complete set committed at {@code value}; the next read
 *     is inclusive ({@code gte}) exactly when it is
 */
record BoundaryCursor(long value, SortedSet<String> ids, boolean withIds) {
  /** The most ids a committed cursor lists (it is kept in every snapshot's summary). */
  static final int MAX_IDS = 1000;

  BoundaryCursor {
    ids = Collections.unmodifiableSortedSet(new TreeSet<>(ids));
  }

  static BoundaryCursor of(long value, Set<String> ids) {
    return new BoundaryCursor(value, new TreeSet<>(ids), true);
  }

  /** Reads a committed cursor of {@code service}; a damaged one says how to start over. */
  static BoundaryCursor parse(String text, String service) {
    try {
      return parseOrThrow(text);
    } catch (NumberFormatException e) {
      throw new io.dativo.ingest.IngestException(
          io.dativo.ingest.IngestException.Kind.CONFIG,
          "Cannot resume the " + service + " read: the committed cursor '" + text + "' is damaged",
          "run once with --full-refresh to read everything again");
    }
  }

  private static BoundaryCursor parseOrThrow(String text) {
    int bar = text.indexOf('|');
    if (bar < 0) {
      return new BoundaryCursor(Long.parseLong(text.trim()), new TreeSet<>(), false);
    }

    String ids = text.substring(bar + 1);
    return of(
        Long.parseLong(text.substring(0, bar).trim()),
        ids.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(ids.split(","))));
  }

  /** Whether an object is on this side of the cursor (read before; only boundary ids re-served). */
  boolean alreadyRead(long at, String id) {
    return at < value || (at == value && (!withIds || ids.contains(id)));
  }

  /** The cursor after also reading {@code idsAtMax}, the newest objects, at {@code max}. */
  BoundaryCursor advancedTo(long max, Set<String> idsAtMax) {
    if (max > value) {
      return of(max, idsAtMax);
    }

    // Only objects at the same value were new: they join the ones read before.
    TreeSet<String> all = new TreeSet<>(ids);
    all.addAll(idsAtMax);
    return new BoundaryCursor(value, all, withIds);
  }

  /**
   * {@code VALUE|id,id,...}; with more than {@link #MAX_IDS} ids at the value (a bulk import in one
   * second), {@code VALUE|}: the next read starts at that value again and skips nothing there, so
   * those objects may be written twice but none is lost, and the cursor stays small.
   */
  String format() {
    return ids.size() > MAX_IDS ? value + "|" : value + "|" + String.join(",", ids);
  }
}

package io.dativo.ingest.source;

/**
 * One thing a source reads in a run: a file, a table, a query. The fingerprint says whether it was
 * already committed (a file's path, size and SHA-256; a table's name for incremental reads).
 */
public record SourceUnit(String id, String fingerprint, long sizeBytes) {}

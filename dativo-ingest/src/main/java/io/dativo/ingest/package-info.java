/**
 * Sources, the ingestion pipeline and the Iceberg sink. Empty in this version: {@code dativo run}
 * is not available yet, and the CLI says so.
 */
package io.dativo.ingest;

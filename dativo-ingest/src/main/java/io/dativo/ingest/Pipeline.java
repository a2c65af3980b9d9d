package io.dativo.ingest;

import io.dativo.core.config.JobConfig;
import io.dativo.core.config.SchemaValidationMode;
import io.dativo.core.config.asset.AssetDefinition;
import io.dativo.core.config.asset.Column;
import io.dativo.ingest.catalog.CatalogFactory;
import io.dativo.ingest.columns.ByteText;
import io.dativo.ingest.columns.ColumnBatch;
import io.dativo.ingest.schema.IcebergSchemas;
import io.dativo.ingest.schema.TextValues;
import io.dativo.ingest.schema.ValueConverter;
import io.dativo.ingest.sink.AsyncBatchWriter;
import io.dativo.ingest.sink.AsyncRecordWriter;
import io.dativo.ingest.sink.CommitExecutor;
import io.dativo.ingest.sink.CommitRehearsal;
import io.dativo.ingest.sink.CommittedSources;
import io.dativo.ingest.sink.RollingWriter;
import io.dativo.ingest.sink.TableProperties;
import io.dativo.ingest.sink.parquet.ColumnarParquetWriter;
import io.dativo.ingest.source.RowStream;
import io.dativo.ingest.source.Source;
import io.dativo.ingest.source.SourceUnit;
import io.dativo.ingest.source.Sources;
import io.dativo.ingest.source.TextRowStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.SnapshotUpdate;
import org.apache.iceberg.Table;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.UpdateProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.ThreadPools;

/**
 * A run: source rows, typed by the asset's schema, into Parquet data files, and one atomic Iceberg
 * commit that carries the data, the table properties and the run's bookkeeping (source files,
 * cursors, run id) together. Nothing is visible before the commit; a failure deletes what was
 * written.
 */
public final class Pipeline {
  static final int PROGRESS_INTERVAL = 100_000;

  private Pipeline() {}

  public static RunResult run(RunRequest request) {
    long start = System.nanoTime();
    JobConfig job = request.loaded().job();
    AssetDefinition asset =
        request
            .loaded()
            .asset()
            .orElseThrow(
                () ->
                    new IngestException(
                        IngestException.Kind.CONFIG,
                        "Cannot run: the job has no asset_path",
                        null));
    Schema assetSchema = IcebergSchemas.schema(asset);
    PartitionSpec spec = IcebergSchemas.spec(asset, assetSchema);
    CatalogFactory.CatalogSpec catalogSpec =
        CatalogFactory.spec(job.target(), request.workingDir());
    try (Source source = Sources.open(request.loaded(), request.env())) {
      // Listing the input (files, tables) overlaps with opening the catalog; a CSV file's checksum
      // is taken as the run reads it.
      CompletableFuture<List<SourceUnit>> units = CompletableFuture.supplyAsync(source::units);
      if (!request.dryRun()
          && RollingWriter.ParquetWriter.fromEnvironment(request.env())
              == RollingWriter.ParquetWriter.AUTO) {
        ColumnarParquetWriter.rehearseInBackground(assetSchema);
      }
      Catalog catalog = CatalogFactory.open(catalogSpec, request.env());
      try {
        TableIdentifier id = tableId(job, asset);
        return new Run(request, catalog, id, branch(job), assetSchema, spec, source, units, start)
            .execute();
      } finally {
        closeQuietly(catalog);
      }
    }
  }

  /** The source's units (listed while the catalog opens); its errors as they were thrown. */
  private static List<SourceUnit> await(CompletableFuture<List<SourceUnit>> units) {
    try {
      return units.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }

      if (e.getCause() instanceof Error cause) {
        throw cause;
      }

      throw e;
    }
  }

  /**
   * {@code target.namespace}/{@code target.table}, else the tenant (and domain) and the asset's
   * name.
   */
  public static TableIdentifier tableId(JobConfig job, AssetDefinition asset) {
    Object namespace = job.target().get("namespace");
    if (namespace == null
        && job.target().get("catalog") instanceof Map<?, ?> catalog
        && catalog.get("glue_database") != null) {
      namespace = catalog.get("glue_database"); // a Glue database is a one-level namespace
    }

    List<String> levels = new ArrayList<>();
    if (namespace != null) {
      levels.addAll(List.of(String.valueOf(namespace).split("\\.")));
    } else {
      levels.add(job.tenantId());
      asset.domain().map(d -> d.replace('-', '_')).ifPresent(levels::add);
    }

    String table =
        job.target().get("table") != null
            ? String.valueOf(job.target().get("table"))
            : asset.name();
    return TableIdentifier.of(Namespace.of(levels.toArray(String[]::new)), table);
  }

  /**
   * {@code target.branch}: the Iceberg branch the run commits to (write-audit-publish), {@code
   * main} when unset. A branch that does not exist yet is created at main's head in the run's
   * commit.
   */
  public static String branch(JobConfig job) {
    Object branch = job.target().get("branch");
    if (branch == null) {
      return SnapshotRef.MAIN_BRANCH;
    }

    // YAML reads `branch: 2024` as a number: scalars are names, as the job loader accepts them
    String name =
        branch instanceof String || branch instanceof Number || branch instanceof Boolean
            ? String.valueOf(branch).strip()
            : "";
    if (name.isEmpty()) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "target.branch in " + job.file() + ": expected a branch name, found '" + branch + "'",
          "for example branch: audit (or remove it to write to main)");
    }

    return name;
  }

  /** The run's writer thread: records, or column batches for text sources. */
  private record RowWriter(AsyncRecordWriter records, AsyncBatchWriter batches) {
    void finish() {
      if (records != null) {
        records.finish();
      } else {
        batches.finish();
      }
    }

    void abort() {
      if (records != null) {
        records.abort();
      } else {
        batches.abort();
      }
    }
  }

  /** Attempts at a commit while other runs keep committing first. */
  static final int COMMIT_ATTEMPTS = 10;

  /** Another run committed this run's input (all of it, or part) after this run read the table. */
  private static final class InputCommittedConcurrently extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean all;

    InputCommittedConcurrently(boolean all) {
      super(null, null, false, false);
      this.all = all;
    }
  }

  /** The state of one run. */
  private static final class Run {
    private final RunRequest request;
    private final Catalog catalog;
    private final TableIdentifier id;
    private final String branch;
    private final Schema assetSchema;
    private final PartitionSpec spec;
    private final Source source;
    private final CompletableFuture<List<SourceUnit>> units;
    private final long start;
    private final JobConfig job;
    private final List<Column> columns;
    private long rowsRead;
    private long rowsWritten;
    private long rowsRejected;
    private long sourceBytes;
    private Rejects rejects;
    private String parquetWriter;

    /** The table as the run found it (null: new); committed input and cursors are read from it. */
    private Table startTable;

    /** The snapshot the run's committed-input check read; null for a new or empty table. */
    private Long readFrom;

    /** Set once a commit happened or may have: its data files must stay. */
    private boolean filesMayBeReferenced;

    Run(
        RunRequest request,
        Catalog catalog,
        TableIdentifier id,
        String branch,
        Schema assetSchema,
        PartitionSpec spec,
        Source source,
        CompletableFuture<List<SourceUnit>> units,
        long start) {
      this.request = request;
      this.catalog = catalog;
      this.id = id;
      this.branch = branch;
      this.assetSchema = assetSchema;
      this.spec = spec;
      this.source = source;
      this.units = units;
      this.start = start;
      this.job = request.loaded().job();
      this.columns = request.loaded().asset().orElseThrow().columns();
    }

    RunResult execute() {
      if (!branch.equals(SnapshotRef.MAIN_BRANCH)
          && !CatalogFactory.keepsIcebergBranches(catalog)) {
        throw new IngestException(
            IngestException.Kind.CONFIG,
            "Cannot write to Iceberg branch '"
                + branch
                + "' (target.branch): a Nessie catalog does not keep Iceberg branches",
            "remove target.branch and use a Nessie branch instead: target.catalog.type nessie with"
                + " target.catalog.branch: "
                + branch);
      }

      // One load: the committed input is read from it, the transaction builds on it, and a
      // concurrent commit after it is checked for the same input before this run commits.
      // (Catalog.tableExists loads the table too: asked first, it read the metadata twice.)
      Table start = loadIfExists();
      boolean exists = start != null;
      startTable = start;
      readFrom = start == null ? null : CommittedSources.head(start, branch).orElse(null);
      if (exists) {
        SnapshotRef ref = start.refs().get(branch);
        if (ref != null && ref.isTag()) {
          throw new IngestException(
              IngestException.Kind.CONFIG,
              "Cannot write to '" + branch + "' (target.branch): it is a tag of " + id,
              "name a branch: an existing one, or a new one (created at main's head)");
        }
      }

      Set<String> committed =
          exists && !request.fullRefresh()
              ? CommittedSources.fingerprints(start, branch)
              : Set.of();
      Set<String> committedIdentities =
          committed.stream()
              .map(SourceUnit::identityOf)
              .collect(java.util.stream.Collectors.toSet());
      List<SourceUnit> units = await(this.units);
      List<SourceUnit> toRead = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      for (SourceUnit unit : units) {
        // A file's checksum is computed first only when a committed fingerprint has its path and
        // size.
        if (source.cursorField().isEmpty()
            && !source.replacesTable()
            && committedIdentities.contains(unit.identity())
            && unit.committedIn(committed)) {
          skipped.add(unit.id());
        } else {
          toRead.add(unit);
        }
      }

      if (request.dryRun()) {
        return result(
            Optional.empty(), 0, 0, toRead.stream().map(SourceUnit::id).toList(), skipped);
      }

      if (toRead.isEmpty()) {
        return propertiesOnly(exists, skipped);
      }

      Transaction txn = exists ? start.newTransaction() : createTransaction();
      Schema schema = evolve(txn);
      Map<String, String> effective =
          TableProperties.plan(txn.table().properties(), request.tableProperties())
              .applyTo(txn.table().properties());
      RollingWriter writer =
          new RollingWriter(
              txn.table(),
              schema,
              txn.table().spec(),
              request.targetFileBytes(),
              request.runId(),
              effective,
              RollingWriter.ParquetWriter.fromEnvironment(request.env()));
      parquetWriter = writer.parquetWriter();
      // CSV text into flat columnar files goes row by row into column batches, typed from the
      // bytes; everything else through records.
      boolean batches = writer.writesBatches() && source.readsText();
      RowPlan plan = plan(schema);
      RowWriter async =
          batches
              ? new RowWriter(null, new AsyncBatchWriter(writer, schema))
              : new RowWriter(new AsyncRecordWriter(writer, schema), null);
      try {
        Map<String, String> cursors = new LinkedHashMap<>();
        List<String> fingerprints = new ArrayList<>();
        int done = 0;
        for (SourceUnit unit : toRead) {
          read(unit, plan, async, cursors);
          fingerprints.add(unit.fingerprint());
          sourceBytes += unit.sizeBytes();
          request.progress().progress(rowsRead, unit.id(), ++done, toRead.size());
        }

        // The last batches, row group and footer are written next, on one core: the commit's
        // first-time code runs on the other, in memory, before the real commit needs it.
        CommitRehearsal.startInBackground(schema, txn.table().spec());
        async.finish();
        List<DataFile> files = writer.complete();
        if (files.isEmpty() && exists && !request.fullRefresh() && !source.replacesTable()) {
          // Nothing new (an incremental read found no rows): no empty snapshot.
          return propertiesOnly(true, skipped);
        }

        long snapshot;
        try {
          snapshot = commit(txn, files, fingerprints, cursors, exists);
        } catch (InputCommittedConcurrently concurrent) {
          writer.abort(); // nothing references this run's files
          if (!concurrent.all) {
            throw new IngestException(
                IngestException.Kind.EXTERNAL,
                "Another run committed part of this run's input to "
                    + id
                    + " while it ran: this run committed nothing, so no row is duplicated",
                "run again: it reads only what is still uncommitted");
          }

          rowsWritten = 0;
          List<String> alreadyCommitted = new ArrayList<>(skipped);
          toRead.forEach(u -> alreadyCommitted.add(u.id()));
          return propertiesOnly(true, alreadyCommitted);
        }

        long bytes = files.stream().mapToLong(DataFile::fileSizeInBytes).sum();
        return result(
            Optional.of(snapshot),
            files.size(),
            bytes,
            toRead.stream().map(SourceUnit::id).toList(),
            skipped);
      } catch (RuntimeException | Error e) {
        // an Error too (out of memory, say): the files written so far are deleted all the same
        async.abort();
        if (!filesMayBeReferenced) {
          writer.abort();
        }

        throw e;
      } finally {
        if (rejects != null) {
          rejects.close();
        }
      }
    }

    private Table loadIfExists() {
      try {
        return catalog.loadTable(id);
      } catch (NoSuchTableException e) {
        return null;
      }
    }

    private Transaction createTransaction() {
      if (catalog instanceof SupportsNamespaces namespaces
          && !id.namespace().isEmpty()
          && !namespaces.namespaceExists(id.namespace())) {
        createNamespace(namespaces, id.namespace());
      }

      // The tags go into the create request itself: a REST catalog (Nessie's, for one) refuses a
      // commit carrying two property updates, and the create already carries one.
      Map<String, String> properties =
          TableProperties.plan(Map.of(), request.tableProperties())
              .applyTo(Map.of("format-version", "2"));
      return catalog.newCreateTableTransaction(id, assetSchema, spec, properties);
    }

    private static void createNamespace(SupportsNamespaces namespaces, Namespace namespace) {
      for (int i = 1; i <= namespace.length(); i++) {
        Namespace level = Namespace.of(java.util.Arrays.copyOf(namespace.levels(), i));
        if (!namespaces.namespaceExists(level)) {
          try {
            namespaces.createNamespace(level);
          } catch (RuntimeException e) {
            // Created concurrently by another run: fine. Iceberg's JDBC catalog reports that as a
            // failed insert (a primary key), not as AlreadyExistsException.
            if (!namespaces.namespaceExists(level)) {
              throw e;
            }
          }
        }
      }
    }

    /** New nullable columns of the asset are added to the table; a changed type is an error. */
    private Schema evolve(Transaction txn) {
      Schema current = txn.table().schema();
      org.apache.iceberg.UpdateSchema update = null;
      for (Types.NestedField field : assetSchema.columns()) {
        Types.NestedField existing = current.findField(field.name());
        if (existing == null) {
          if (update == null) {
            update = txn.updateSchema();
          }

          update.addColumn(field.name(), field.type(), field.doc());
        } else if (!existing.type().equals(field.type())) {
          throw new IngestException(
              IngestException.Kind.CONFIG,
              "Cannot write column '"
                  + field.name()
                  + "' of "
                  + id
                  + ": the table has type "
                  + existing.type()
                  + ", the asset says "
                  + field.type(),
              "change the asset back, or migrate the table");
        }
      }

      if (update != null) {
        update.commit();
      }

      return txn.table().schema();
    }

    /** Which table column each of the asset's columns fills, and what Dativo fills itself. */
    private record RowPlan(
        List<String> names,
        Types.NestedField[] fields,
        int[] positions,
        int ingestDatePosition,
        LocalDate today,
        int[] unfilled) {}

    private RowPlan plan(Schema schema) {
      List<String> names = columns.stream().map(Column::name).toList();
      int[] positions = new int[names.size()];
      Types.NestedField[] fields = new Types.NestedField[names.size()];
      for (int i = 0; i < names.size(); i++) {
        fields[i] = schema.findField(names.get(i));
        positions[i] = schema.columns().indexOf(fields[i]);
      }

      Types.NestedField ingestDate = schema.findField(IcebergSchemas.INGEST_DATE);
      int ingestDatePosition =
          ingestDate != null && !names.contains(IcebergSchemas.INGEST_DATE)
              ? schema.columns().indexOf(ingestDate)
              : -1;
      LocalDate today = request.startedAt().atOffset(ZoneOffset.UTC).toLocalDate();
      return new RowPlan(
          names,
          fields,
          positions,
          ingestDatePosition,
          today,
          unfilled(schema, positions, ingestDatePosition));
    }

    private void read(
        SourceUnit unit, RowPlan plan, RowWriter writer, Map<String, String> cursors) {
      Optional<String> cursorStart =
          source
              .cursorField()
              .flatMap(
                  f ->
                      startTable != null && !request.fullRefresh()
                          ? CommittedSources.cursor(startTable, branch, unit.id())
                          : Optional.empty());
      Types.NestedField[] fields = plan.fields();
      int[] positions = plan.positions();
      int ingestDatePosition = plan.ingestDatePosition();
      LocalDate today = plan.today();
      try (RowStream rows = source.open(unit, plan.names(), cursorStart)) {
        if (writer.batches() != null) {
          readText((TextRowStream) rows, unit, plan, writer.batches());
          return;
        }

        while (rows.next()) {
          rowsRead++;
          GenericRecord record = writer.records().next();
          if (fill(record, rows, fields, positions)) {
            if (ingestDatePosition >= 0) {
              record.set(ingestDatePosition, today);
            }

            writer.records().commitRecord();
            rowsWritten++;
          }

          if (rowsRead % PROGRESS_INTERVAL == 0) {
            request.progress().progress(rowsRead, unit.id(), 0, 0);
          }
        }

        rows.cursor().ifPresent(c -> cursors.put(CommittedSources.CURSOR_PREFIX + unit.id(), c));
      }
    }

    /** Table columns neither the asset nor Dativo fills (left by an earlier asset): null. */
    private static int[] unfilled(Schema schema, int[] positions, int ingestDatePosition) {
      java.util.BitSet filled = new java.util.BitSet();
      for (int position : positions) {
        filled.set(position);
      }

      if (ingestDatePosition >= 0) {
        filled.set(ingestDatePosition);
      }

      return java.util.stream.IntStream.range(0, schema.columns().size())
          .filter(i -> !filled.get(i))
          .toArray();
    }

    /**
     * A text source's rows into column batches: each field typed from the reader's buffer (the
     * writer thread encodes the batches meanwhile).
     */
    private void readText(
        TextRowStream rows, SourceUnit unit, RowPlan plan, AsyncBatchWriter writer) {
      Types.NestedField[] fields = plan.fields();
      int[] positions = plan.positions();
      long today = plan.today().toEpochDay();
      while (rows.next()) {
        rowsRead++;
        ColumnBatch batch = writer.batch();
        int row = batch.size();
        batch.beginRow();
        if (fillText(batch, row, rows, fields, positions)) {
          if (plan.ingestDatePosition() >= 0) {
            batch.column(plan.ingestDatePosition()).setLong(row, today);
          }

          for (int position : plan.unfilled()) {
            batch.column(position).setNull(row);
          }

          batch.commitRow();
          writer.rowDone();
          rowsWritten++;
        } else {
          batch.discardRow();
        }

        if (rowsRead % PROGRESS_INTERVAL == 0) {
          request.progress().progress(rowsRead, unit.id(), 0, 0);
        }
      }
    }

    /** Types one row's text into the batch; false when the row is rejected (warn mode). */
    private boolean fillText(
        ColumnBatch batch,
        int row,
        TextRowStream rows,
        Types.NestedField[] fields,
        int[] positions) {
      for (int i = 0; i < fields.length; i++) {
        ColumnBatch.Column column = batch.column(positions[i]);
        ByteText value = rows.text(i);
        try {
          TextValues.store(value, column, row);
          if (fields[i].isRequired() && column.isNull(row)) {
            throw new ValueConverter.BadValue("a value is required");
          }
        } catch (ValueConverter.BadValue bad) {
          // the raw text as far as it decodes, for the rejects file
          Object raw =
              value == null
                  ? null
                  : new String(
                      value.bytes(),
                      value.from(),
                      value.length(),
                      java.nio.charset.StandardCharsets.UTF_8);
          return reject(rows.position(), fields[i].name(), bad.getMessage(), raw);
        }
      }

      return true;
    }

    /** Converts one row into {@code record}; false when the row is rejected (warn mode). */
    private boolean fill(
        GenericRecord record, RowStream rows, Types.NestedField[] fields, int[] positions) {
      for (int i = 0; i < fields.length; i++) {
        Object raw;
        try {
          raw = rows.value(i);
        } catch (ByteText.InvalidText e) {
          return reject(rows.position(), fields[i].name(), TextValues.NOT_UTF8, null);
        }

        try {
          Object value = ValueConverter.convert(raw, fields[i].type());
          if (value == null && fields[i].isRequired()) {
            throw new ValueConverter.BadValue("a value is required");
          }

          record.set(positions[i], value);
        } catch (ValueConverter.BadValue bad) {
          return reject(rows.position(), fields[i].name(), bad.getMessage(), raw);
        }
      }

      return true;
    }

    private boolean reject(String position, String column, String reason, Object raw) {
      if (job.schemaValidationMode() == SchemaValidationMode.STRICT) {
        throw new IngestException(
            IngestException.Kind.DATA,
            "Cannot ingest " + position + ": column '" + column + "': " + reason,
            "fix the source, or set schema_validation_mode: warn to write bad rows to a rejects file");
      }

      rowsRejected++;
      if (rejects == null) {
        rejects = Rejects.open(request.workingDir(), id, request.runId());
      }

      rejects.add(position, column, reason, raw);
      return false;
    }

    private long commit(
        Transaction first,
        List<DataFile> files,
        List<String> fingerprints,
        Map<String, String> cursors,
        boolean exists) {
      Transaction txn = first;
      Long validateFrom = readFrom;
      boolean tableExists = exists;
      for (int attempt = 1; ; attempt++) {
        stage(txn, files, fingerprints, cursors, tableExists, validateFrom);
        RuntimeException concurrent;
        try {
          txn.commitTransaction();
          break;
        } catch (AlreadyExistsException created) {
          concurrent = created; // another run created the table first: same checks as below
        } catch (ValidationException added) {
          // Another run added data since this one read what was committed: if it committed
          // this run's input, committing would duplicate those rows.
          concurrent = added;
        } catch (CommitStateUnknownException e) {
          filesMayBeReferenced = true;
          throw new IngestException(
              IngestException.Kind.EXTERNAL,
              "The catalog could not confirm the commit to "
                  + id
                  + ", which may have happened: "
                  + e.getMessage(),
              "look at the table (dativo table) before re-running: the data files were kept",
              e);
        }

        Table now = catalog.loadTable(id);
        Set<String> since = CommittedSources.committedSince(now, branch, validateFrom);
        List<String> taken =
            java.util.stream.Stream.concat(fingerprints.stream(), cursors.keySet().stream())
                .filter(since::contains)
                .toList();
        if (!taken.isEmpty()) {
          throw new InputCommittedConcurrently(
              taken.size() == fingerprints.size() + cursors.size());
        }

        if (attempt == COMMIT_ATTEMPTS) {
          throw new IngestException(
              IngestException.Kind.EXTERNAL,
              "Cannot commit to " + id + ": other runs kept committing first",
              "run again: this run committed nothing",
              concurrent);
        }

        txn = now.newTransaction();
        evolve(txn);
        validateFrom = CommittedSources.head(now, branch).orElse(null);
        tableExists = true;
      }

      filesMayBeReferenced = true;
      Snapshot landed;
      try {
        propagateToCatalog();
        landed = catalog.loadTable(id).snapshot(branch);
      } catch (RuntimeException e) {
        throw new IngestException(
            IngestException.Kind.EXTERNAL,
            "The data is committed to " + id + ", but what follows the commit failed: " + e,
            "the run's data is in the table (a re-run skips its input); see dativo table",
            e);
      }

      if (landed == null) {
        throw new IngestException(
            IngestException.Kind.EXTERNAL,
            "The catalog accepted the commit to "
                + id
                + " but kept no branch '"
                + branch
                + "': it does not keep Iceberg branches, and the data may be on another branch",
            "check the table's snapshots before re-running; write without target.branch there");
      }

      return landed.snapshotId();
    }

    /** The run's changes in {@code txn}: properties and the snapshot with its bookkeeping. */
    private void stage(
        Transaction txn,
        List<DataFile> files,
        List<String> fingerprints,
        Map<String, String> cursors,
        boolean exists,
        Long validateFrom) {
      updateProperties(txn);
      boolean replace = request.fullRefresh() || source.replacesTable();
      SnapshotUpdate<?> update;
      if (replace && exists) {
        var overwrite = txn.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue());
        files.forEach(overwrite::addFile);
        update = overwrite;
      } else if (validateFrom != null) {
        // An append (only added files: Iceberg records it as one) that fails instead of being
        // retried blindly when another run added data since validateFrom: commit() then checks
        // whether that run committed this one's input.
        var append =
            txn.newOverwrite()
                .validateFromSnapshot(validateFrom)
                .conflictDetectionFilter(Expressions.alwaysTrue())
                .validateNoConflictingData();
        files.forEach(append::addFile);
        update = append;
      } else {
        // Nothing committed yet (a new table, or one without snapshots): no manifests to merge,
        // so a fast append writes what a merging one would, without reading its manifest list
        // back after the commit (~20 ms of first-time Avro reading code at the end of a run).
        var append = txn.newFastAppend();
        files.forEach(append::appendFile);
        update = append;
      }

      update.scanManifestsWith(new CommitExecutor(ThreadPools.getWorkerPool()));
      update.set("dativo.job", job.file().getFileName().toString());
      update.set("dativo.tenant", job.tenantId());
      update.set("dativo.run-id", request.runId());
      update.set(CommittedSources.SOURCE_FILES, CommittedSources.format(fingerprints));
      update.set(
          "dativo.source-position",
          rowsRead + " rows from " + fingerprints.size() + " source unit(s)");
      update.set("dativo.rows-rejected", Long.toString(rowsRejected));
      if (replace) {
        update.set("dativo.full-refresh", "true");
      }

      cursors.forEach(update::set);
      if (!branch.equals(SnapshotRef.MAIN_BRANCH)) {
        // A branch that does not exist yet starts at main's head (Iceberg's own rule), as the
        // committed-sources check assumed. Creating it in a separate operation of this
        // transaction would break Iceberg's retry when another run commits first.
        update.toBranch(branch);
      }

      update.commit();
    }

    private void updateProperties(Transaction txn) {
      TableProperties plan =
          TableProperties.plan(txn.table().properties(), request.tableProperties());
      if (plan.isEmpty()) {
        return;
      }

      UpdateProperties update = txn.updateProperties();
      plan.set().forEach(update::set);
      plan.remove().forEach(update::remove);
      update.commit();
    }

    /** Glue keeps its own copy of table parameters: bring it up to date after each commit. */
    private void propagateToCatalog() {
      if (catalog instanceof org.apache.iceberg.aws.glue.GlueCatalog) {
        io.dativo.ingest.catalog.GlueTablePropagator.propagate(
            id.namespace().level(0), id.name(), request.tableProperties(), request.env());
      }
    }

    /** Nothing new to read: bring the properties up to date, if they changed. */
    private RunResult propertiesOnly(boolean exists, List<String> skipped) {
      Optional<Long> snapshot = Optional.empty();
      if (exists) {
        Table table = catalog.loadTable(id);
        if (!TableProperties.plan(table.properties(), request.tableProperties()).isEmpty()) {
          Transaction txn = table.newTransaction();
          updateProperties(txn);
          txn.commitTransaction();
          propagateToCatalog();
        }

        // a branch nothing was written to does not exist yet: no snapshot to report
        snapshot =
            Optional.ofNullable(catalog.loadTable(id).snapshot(branch)).map(s -> s.snapshotId());
      }

      return result(snapshot, 0, 0, List.of(), skipped);
    }

    private RunResult result(
        Optional<Long> snapshot, int files, long bytes, List<String> read, List<String> skipped) {
      return new RunResult(
          id.toString(),
          branch,
          request.runId(),
          snapshot,
          rowsRead,
          rowsWritten,
          rowsRejected,
          files,
          bytes,
          sourceBytes,
          read,
          skipped,
          Optional.ofNullable(rejects).map(Rejects::file),
          Duration.ofNanos(System.nanoTime() - start),
          request.dryRun(),
          files == 0 ? Optional.empty() : Optional.ofNullable(parquetWriter));
    }
  }

  private static void closeQuietly(Catalog catalog) {
    if (catalog instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // closing a catalog's connection pool after the run
      }
    }
  }
}

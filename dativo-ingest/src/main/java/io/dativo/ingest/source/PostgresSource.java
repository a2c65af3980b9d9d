package io.dativo.ingest.source;

import io.dativo.core.config.JobConfig;
import io.dativo.core.config.Secret;
import io.dativo.ingest.IngestException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * PostgreSQL tables ({@code source.tables}) or a query ({@code source.query}) over JDBC, streamed
 * with a server-side cursor (autocommit off, a fetch size), so rows are never all in memory.
 * Connection from {@code source.connection} ({@code host}, {@code port}, {@code database}, {@code
 * user}, {@code password}; Terraform outputs and {@code ${VAR}} welcome, passwords as secrets).
 * With {@code source.incremental.cursor_field}, each run reads rows after the committed cursor.
 */
public final class PostgresSource implements Source {
  static final int FETCH_SIZE = 10_000;
  private static final Pattern TABLE_NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

  private final String url;
  private final Properties credentials;
  private final List<String> tables;
  private final Optional<String> query;
  private final Optional<String> cursorField;

  private PostgresSource(
      String url,
      Properties credentials,
      List<String> tables,
      Optional<String> query,
      Optional<String> cursorField) {
    this.url = url;
    this.credentials = credentials;
    this.tables = tables;
    this.query = query;
    this.cursorField = cursorField;
  }

  @SuppressWarnings("unchecked")
  static PostgresSource of(JobConfig job) {
    Map<String, Object> source = job.source();
    Map<String, Object> connection =
        source.get("connection") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    String url =
        text(connection.get("url"))
            .orElseGet(
                () ->
                    "jdbc:postgresql://"
                        + text(connection.get("host"))
                            .orElseThrow(() -> missing("source.connection.host"))
                        + ":"
                        + text(connection.get("port")).orElse("5432")
                        + "/"
                        + text(connection.get("database"))
                            .orElseThrow(() -> missing("source.connection.database")));
    Properties credentials = new Properties();
    text(connection.get("user")).ifPresent(u -> credentials.setProperty("user", u));
    text(connection.get("password")).ifPresent(p -> credentials.setProperty("password", p));
    List<String> tables =
        source.get("tables") instanceof List<?> list
            ? list.stream().map(String::valueOf).toList()
            : List.of();
    Optional<String> query = text(source.get("query"));
    if (tables.isEmpty() == query.isEmpty()) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot read PostgreSQL: give source.tables or source.query (one of them)",
          null);
    }

    tables.stream()
        .filter(t -> !TABLE_NAME.matcher(t).matches())
        .findFirst()
        .ifPresent(
            t -> {
              throw new IngestException(
                  IngestException.Kind.CONFIG,
                  "Cannot read PostgreSQL table '" + t + "': expected table or schema.table",
                  null);
            });
    Optional<String> cursor =
        source.get("incremental") instanceof Map<?, ?> incremental
            ? text(incremental.get("cursor_field"))
            : Optional.empty();
    return new PostgresSource(url, credentials, tables, query, cursor);
  }

  private static Optional<String> text(Object value) {
    if (value == null) {
      return Optional.empty();
    }

    return Optional.of(value instanceof Secret secret ? secret.value() : String.valueOf(value));
  }

  private static IngestException missing(String key) {
    return new IngestException(
        IngestException.Kind.CONFIG,
        "Cannot connect to PostgreSQL: " + key + " is missing",
        "or give source.connection.url");
  }

  @Override
  public List<SourceUnit> units() {
    if (query.isPresent()) {
      return List.of(new SourceUnit("query", "postgres:query", 0));
    }

    return tables.stream().map(t -> new SourceUnit(t, "postgres:" + t, 0)).toList();
  }

  @Override
  public Optional<String> cursorField() {
    return cursorField;
  }

  @Override
  public boolean replacesTable() {
    return cursorField.isEmpty();
  }

  @Override
  public RowStream open(SourceUnit unit, List<String> columns, Optional<String> cursorStart) {
    String select = columns.stream().map(PostgresSource::quote).collect(Collectors.joining(", "));
    String from =
        unit.id().equals("query") ? "(" + query.orElseThrow() + ") AS q" : quoteTable(unit.id());
    StringBuilder sql = new StringBuilder("SELECT ").append(select).append(" FROM ").append(from);
    cursorField.ifPresent(
        field -> {
          if (cursorStart.isPresent()) {
            sql.append(" WHERE ").append(quote(field)).append(" > ?");
          }

          sql.append(" ORDER BY ").append(quote(field));
        });
    try {
      Connection connection = DriverManager.getConnection(url, credentials);
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      PreparedStatement statement =
          connection.prepareStatement(
              sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(FETCH_SIZE);
      if (cursorField.isPresent() && cursorStart.isPresent()) {
        statement.setObject(1, cursorStart.get(), Types.OTHER);
      }

      ResultSet rows = statement.executeQuery();
      int cursorIndex = cursorField.map(columns::indexOf).orElse(-1);
      return new JdbcRows(connection, statement, rows, unit.id(), columns.size(), cursorIndex);
    } catch (SQLException e) {
      throw new IngestException(
          IngestException.Kind.EXTERNAL,
          "Cannot read " + unit.id() + " from PostgreSQL: " + e.getMessage(),
          "check source.connection and the table name",
          e);
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String quoteTable(String table) {
    return java.util.Arrays.stream(table.split("\\."))
        .map(PostgresSource::quote)
        .collect(Collectors.joining("."));
  }

  /** Streams a result set. */
  private static final class JdbcRows implements RowStream {
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final String unit;
    private final Object[] values;
    private final int cursorIndex;
    private long count;
    private String maxCursor;

    JdbcRows(
        Connection connection,
        PreparedStatement statement,
        ResultSet rows,
        String unit,
        int width,
        int cursorIndex) {
      this.connection = connection;
      this.statement = statement;
      this.rows = rows;
      this.unit = unit;
      this.values = new Object[width];
      this.cursorIndex = cursorIndex;
    }

    @Override
    public boolean next() {
      try {
        if (!rows.next()) {
          return false;
        }

        for (int i = 0; i < values.length; i++) {
          values[i] = rows.getObject(i + 1);
        }

        count++;
        if (cursorIndex >= 0 && values[cursorIndex] != null) {
          maxCursor = cursorText(values[cursorIndex]);
        }

        return true;
      } catch (SQLException e) {
        throw new IngestException(
            IngestException.Kind.EXTERNAL,
            "Cannot read " + unit + " from PostgreSQL: " + e.getMessage(),
            null,
            e);
      }
    }

    private static String cursorText(Object value) {
      if (value instanceof java.sql.Timestamp timestamp) {
        return timestamp.toLocalDateTime().toString();
      }

      return String.valueOf(value);
    }

    @Override
    public Object value(int index) {
      return values[index];
    }

    @Override
    public String position() {
      return unit + " row " + count;
    }

    @Override
    public Optional<String> cursor() {
      return Optional.ofNullable(maxCursor);
    }

    @Override
    public void close() {
      try (connection;
          statement;
          rows) {
        connection.rollback();
      } catch (SQLException e) {
        // closing a read-only cursor: nothing to lose
      }
    }
  }
}

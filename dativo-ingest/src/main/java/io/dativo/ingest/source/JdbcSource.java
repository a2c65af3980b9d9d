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
 * PostgreSQL or MySQL tables ({@code source.tables}) or a query ({@code source.query}) over JDBC,
 * streamed with a server-side cursor, so rows are never all in memory. Connection from {@code
 * source.connection} ({@code host}, {@code port}, {@code database}, {@code user}, {@code password},
 * or {@code url}; Terraform outputs and {@code ${VAR}} welcome, passwords as secrets). With {@code
 * source.incremental.cursor_field}, each run reads rows after the committed cursor, in its order.
 */
public final class JdbcSource implements Source {
  static final int FETCH_SIZE = 10_000;
  private static final Pattern TABLE_NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

  /** What differs between the databases: URL, default port, identifier quotes, streaming. */
  enum Dialect {
    // PostgreSQL streams with a cursor when autocommit is off and a fetch size is set.
    POSTGRES("PostgreSQL", "postgres", "jdbc:postgresql://", 5432, '"', ""),
    // MySQL Connector/J streams with server-side cursors when asked (useCursorFetch).
    MYSQL("MySQL", "mysql", "jdbc:mysql://", 3306, '`', "?useCursorFetch=true");

    final String product;
    final String scheme;
    final String urlPrefix;
    final int defaultPort;
    final char quote;
    final String urlOptions;

    Dialect(
        String product,
        String scheme,
        String urlPrefix,
        int defaultPort,
        char quote,
        String urlOptions) {
      this.product = product;
      this.scheme = scheme;
      this.urlPrefix = urlPrefix;
      this.defaultPort = defaultPort;
      this.quote = quote;
      this.urlOptions = urlOptions;
    }

    String quote(String identifier) {
      String q = String.valueOf(quote);
      return q + identifier.replace(q, q + q) + q;
    }
  }

  private final Dialect dialect;
  private final String url;
  private final Properties credentials;
  private final List<String> tables;
  private final Optional<String> query;
  private final Optional<String> cursorField;

  private JdbcSource(
      Dialect dialect,
      String url,
      Properties credentials,
      List<String> tables,
      Optional<String> query,
      Optional<String> cursorField) {
    this.dialect = dialect;
    this.url = url;
    this.credentials = credentials;
    this.tables = tables;
    this.query = query;
    this.cursorField = cursorField;
  }

  @SuppressWarnings("unchecked")
  static JdbcSource of(Dialect dialect, JobConfig job) {
    Map<String, Object> source = job.source();
    Map<String, Object> connection =
        source.get("connection") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    String url =
        text(connection.get("url"))
            .map(u -> withDialectOptions(dialect, u))
            .orElseGet(
                () ->
                    dialect.urlPrefix
                        + text(connection.get("host"))
                            .orElseThrow(() -> missing(dialect, "source.connection.host"))
                        + ":"
                        + text(connection.get("port")).orElse(Integer.toString(dialect.defaultPort))
                        + "/"
                        + text(connection.get("database"))
                            .orElseThrow(() -> missing(dialect, "source.connection.database"))
                        + dialect.urlOptions);
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
          "Cannot read " + dialect.product + ": give source.tables or source.query (one of them)",
          null);
    }

    tables.stream()
        .filter(t -> !TABLE_NAME.matcher(t).matches())
        .findFirst()
        .ifPresent(
            t -> {
              throw new IngestException(
                  IngestException.Kind.CONFIG,
                  "Cannot read "
                      + dialect.product
                      + " table '"
                      + t
                      + "': expected table or schema.table",
                  null);
            });
    Optional<String> cursor =
        source.get("incremental") instanceof Map<?, ?> incremental
            ? text(incremental.get("cursor_field"))
            : Optional.empty();
    return new JdbcSource(dialect, url, credentials, tables, query, cursor);
  }

  /** A MySQL URL without {@code useCursorFetch} would buffer whole results in memory. */
  private static String withDialectOptions(Dialect dialect, String url) {
    if (dialect.urlOptions.isEmpty()
        || url.contains(dialect.urlOptions.substring(1).split("=")[0])) {
      return url;
    }

    return url + (url.contains("?") ? "&" : "?") + dialect.urlOptions.substring(1);
  }

  private static Optional<String> text(Object value) {
    if (value == null) {
      return Optional.empty();
    }

    return Optional.of(value instanceof Secret secret ? secret.value() : String.valueOf(value));
  }

  private static IngestException missing(Dialect dialect, String key) {
    return new IngestException(
        IngestException.Kind.CONFIG,
        "Cannot connect to " + dialect.product + ": " + key + " is missing",
        "or give source.connection.url");
  }

  @Override
  public List<SourceUnit> units() {
    if (query.isPresent()) {
      return List.of(new SourceUnit("query", dialect.scheme + ":query", 0));
    }

    return tables.stream().map(t -> new SourceUnit(t, dialect.scheme + ":" + t, 0)).toList();
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
    String select = columns.stream().map(dialect::quote).collect(Collectors.joining(", "));
    String from =
        unit.id().equals("query") ? "(" + query.orElseThrow() + ") AS q" : quoteTable(unit.id());
    StringBuilder sql = new StringBuilder("SELECT ").append(select).append(" FROM ").append(from);
    cursorField.ifPresent(
        field -> {
          if (cursorStart.isPresent()) {
            sql.append(" WHERE ").append(dialect.quote(field)).append(" > ?");
          }

          sql.append(" ORDER BY ").append(dialect.quote(field));
        });
    Connection connection = null;
    PreparedStatement statement = null;
    try {
      connection = DriverManager.getConnection(url, credentials);
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      statement =
          connection.prepareStatement(
              sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(FETCH_SIZE);
      if (cursorField.isPresent() && cursorStart.isPresent()) {
        // The cursor is text; each server converts it to the column's type in the comparison.
        if (dialect == Dialect.POSTGRES) {
          statement.setObject(1, cursorStart.get(), Types.OTHER);
        } else {
          statement.setString(1, cursorStart.get());
        }
      }

      ResultSet rows = statement.executeQuery();
      int cursorIndex = cursorField.map(columns::indexOf).orElse(-1);
      return new JdbcRows(
          connection, statement, rows, unit.id(), dialect.product, columns.size(), cursorIndex);
    } catch (SQLException e) {
      closeQuietly(statement, connection);
      throw new IngestException(
          IngestException.Kind.EXTERNAL,
          "Cannot read " + unit.id() + " from " + dialect.product + ": " + e.getMessage(),
          "check source.connection and the table name",
          e);
    }
  }

  /** After a failed open: end the read-only transaction and release the connection. */
  private static void closeQuietly(PreparedStatement statement, Connection connection) {
    try (connection;
        statement) {
      if (connection != null) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // the original failure is what the user needs to see
    }
  }

  private String quoteTable(String table) {
    return java.util.Arrays.stream(table.split("\\."))
        .map(dialect::quote)
        .collect(Collectors.joining("."));
  }

  /** Streams a result set. */
  private static final class JdbcRows implements RowStream {
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final String unit;
    private final String product;
    private final Object[] values;
    private final int cursorIndex;
    private long count;
    private String maxCursor;

    JdbcRows(
        Connection connection,
        PreparedStatement statement,
        ResultSet rows,
        String unit,
        String product,
        int width,
        int cursorIndex) {
      this.connection = connection;
      this.statement = statement;
      this.rows = rows;
      this.unit = unit;
      this.product = product;
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
            "Cannot read " + unit + " from " + product + ": " + e.getMessage(),
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

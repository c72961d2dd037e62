package io.sluice.slt.run;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One database for all files, run one after another. The tables and views that exist when a
 * file starts are noted; when it ends, everything new is dropped, so the next file starts as
 * the first did. Objects are found through {@link DatabaseMetaData#getTables}, which sees what
 * any statement created, and dropped with {@code DROP <type> <name>} using the type the driver
 * reports. Drops are retried while some succeed, because a view cannot go before the views that
 * read it.
 */
final class SharedDatabase implements FileIsolation {
  private final String url;

  SharedDatabase(String url) {
    this.url = url;
  }

  @Override
  public FileDatabase open() throws SQLException {
    Connection connection = DriverManager.getConnection(url);
    Set<DbObject> before;
    try {
      before = objects(connection);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return new FileDatabase() {
      @Override
      public Connection connection() {
        return connection;
      }

      @Override
      public void close() throws SQLException {
        // After a timeout the file's connection is closed; clean up over a new one.
        try (Connection cleaner =
            connection.isClosed() ? DriverManager.getConnection(url) : connection) {
          dropCreatedSince(cleaner, before);
        } finally {
          connection.close();
        }
      }
    };
  }

  @Override
  public boolean parallelFiles() {
    return false;
  }

  @Override
  public Optional<String> whyNoOwnServer() {
    return Optional.of("sluice restart and sluice kill need a server the runner starts itself,"
        + " and " + url + " is not one (run without --url)");
  }

  /** A table or view and the type name the driver gives it. */
  private record DbObject(String schema, String name, String type) {}

  private static Set<DbObject> objects(Connection connection) throws SQLException {
    Set<DbObject> found = new LinkedHashSet<>();
    try (ResultSet rows = connection.getMetaData().getTables(null, null, "%", null)) {
      while (rows.next()) {
        String type = rows.getString("TABLE_TYPE");
        // System tables are not the file's to drop.
        if (type != null && !type.toUpperCase(Locale.ROOT).startsWith("SYSTEM")) {
          found.add(new DbObject(rows.getString("TABLE_SCHEM"), rows.getString("TABLE_NAME"),
              type));
        }
      }
    }
    return found;
  }

  private static void dropCreatedSince(Connection connection, Set<DbObject> before)
      throws SQLException {
    List<DbObject> left = new ArrayList<>(objects(connection));
    left.removeAll(before);
    String quote = connection.getMetaData().getIdentifierQuoteString().strip();
    SQLException lastError = null;
    boolean progress = true;
    while (!left.isEmpty() && progress) {
      progress = false;
      // Newest first: later objects tend to depend on earlier ones.
      for (int i = left.size() - 1; i >= 0; i--) {
        DbObject object = left.get(i);
        try (Statement drop = connection.createStatement()) {
          drop.execute("DROP " + object.type() + " " + qualified(object, quote));
          left.remove(i);
          progress = true;
        } catch (SQLException e) {
          lastError = e;
        }
      }
    }
    if (!left.isEmpty()) {
      SQLException e = new SQLException("could not drop " + left + " after the file");
      e.initCause(lastError);
      throw e;
    }
  }

  private static String qualified(DbObject object, String quote) {
    if (quote.isEmpty()) {
      // The driver does not quote identifiers; its names are then plain words.
      return object.schema() == null || object.schema().isEmpty() ? object.name()
          : object.schema() + "." + object.name();
    }
    String name = quote + object.name().replace(quote, quote + quote) + quote;
    if (object.schema() == null || object.schema().isEmpty()) {
      return name;
    }
    return quote + object.schema().replace(quote, quote + quote) + quote + "." + name;
  }
}

package io.sluice.slt.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code sluice wait fresh}: waits until every materialized view is running and has consumed
 * every write acknowledged before the wait began.
 *
 * <p>How: poll {@code sys.materialized_views} until every view's status is {@code running}
 * (a view that is {@code failed} ends the wait at once, as a failure); then read each view
 * once with {@code view_reads = fresh}, which returns only when the view has caught up with
 * every acknowledged write (a read that finds the view restarting waits and polls again); then
 * check every view is still running. The session's own {@code view_reads} setting is restored
 * afterwards. Once the wait passes, a read with {@code view_reads = committed} sees every write
 * acknowledged before the wait, which is what a script can check.
 */
final class Freshness {
  private static final String NOT_READY = "55000";
  private static final Duration POLL = Duration.ofMillis(50);

  private Freshness() {}

  /** A view as {@code sys.materialized_views} shows it. */
  private record ViewStatus(String schema, String name, String status, String error) {
    String quotedName() {
      return quote(schema) + "." + quote(name);
    }

    private static String quote(String identifier) {
      return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
      return schema + "." + name + " " + status + (error == null ? "" : " (" + error + ")");
    }
  }

  /**
   * Waits for every view to be fresh; empty when they are, else why not.
   *
   * @throws SQLException if the database cannot be asked
   */
  static Optional<String> await(Connection connection, Duration timeout) throws SQLException {
    String setting = viewReads(connection);
    set(connection, "fresh");
    try {
      return awaitFresh(connection, timeout);
    } finally {
      set(connection, setting);
    }
  }

  private static Optional<String> awaitFresh(Connection connection, Duration timeout)
      throws SQLException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ViewStatus> views = statuses(connection);
    while (true) {
      Optional<ViewStatus> failed =
          views.stream().filter(v -> v.status().equals("failed")).findFirst();
      if (failed.isPresent()) {
        return Optional.of("materialized view failed: " + failed.get());
      }
      if (views.stream().allMatch(v -> v.status().equals("running")) && readAll(connection,
          views) && statuses(connection).stream().allMatch(v -> v.status().equals("running"))) {
        return Optional.empty();
      }
      if (System.nanoTime() > deadline) {
        return Optional.of("materialized views not fresh within " + timeout.toSeconds()
            + " s: " + statuses(connection));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of("interrupted while waiting for views");
      }
      views = statuses(connection);
    }
  }

  /** Reads each view fresh; false if one is not ready (restarting), to poll again. */
  private static boolean readAll(Connection connection, List<ViewStatus> views)
      throws SQLException {
    for (ViewStatus view : views) {
      try (Statement st = connection.createStatement();
          ResultSet rows = st.executeQuery("SELECT COUNT(*) FROM " + view.quotedName())) {
        rows.next();
      } catch (SQLException e) {
        if (NOT_READY.equals(e.getSQLState())) {
          return false;
        }
        throw e;
      }
    }
    return true;
  }

  private static List<ViewStatus> statuses(Connection connection) throws SQLException {
    List<ViewStatus> views = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet rows = st.executeQuery("SELECT table_schema, table_name, status, error"
            + " FROM sys.materialized_views")) {
      while (rows.next()) {
        views.add(new ViewStatus(rows.getString(1), rows.getString(2), rows.getString(3),
            rows.getString(4)));
      }
    }
    return views;
  }

  private static String viewReads(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rows = st.executeQuery("SHOW view_reads")) {
      return rows.next() ? rows.getString(1) : "fresh";
    }
  }

  private static void set(Connection connection, String viewReads) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("SET view_reads = " + viewReads);
    }
  }
}

package io.sluice.slt.run;

import io.sluice.slt.script.QueryRecord;
import io.sluice.slt.script.SortMode;
import io.sluice.slt.script.StatementRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Incremental mode: every query of a script becomes a materialized view as soon as the tables
 * it reads exist — normally before the script's data arrives — so the view is built by
 * maintenance, change by change, not by a backfill. Where the query stands in the script, the
 * view's rows are its answer; the view is then dropped.
 *
 * <p>A query whose expected output keeps the query's own order ({@code nosort}) is also run
 * ad hoc: the view must hold exactly the query's rows (as a multiset), and the query's order is
 * then the one checked. For {@code rowsort} and {@code valuesort} the view's rows are checked
 * directly.
 *
 * <p>Views are created at the start of the script and after each CREATE TABLE or CREATE VIEW
 * for the queries whose tables have come to exist (an attempt that fails for want of a table is
 * tried again when a statement creates that name; any other error is the query's failure).
 * Before a DROP TABLE or DROP VIEW the views whose SQL mentions the name are dropped, since a
 * view would keep what it reads from being dropped, and created again once the name exists
 * again. A query that reads a name the script drops before the query's place gets its view
 * when the name is created for the last time before its place (still before that table's data
 * arrives), not at once: it would only be dropped at the DROP.
 *
 * <p>On a database with no tables or views at the start (a fresh one, as a file normally gets)
 * no query is tried at the start: each is tried first when a statement creates a name its SQL
 * mentions (failing there, as at the start, only for the names it reads that do not exist
 * yet). Every attempt at the start would fail for want of a table, and cost a parse and a
 * validation: 14% of the runner's time in {@code index/commute/100/slt_good_2.test}. A query
 * that reads no table gets its view at its place.
 */
public final class IncrementalQueryExecution implements QueryExecution {
  private static final Pattern DROP = Pattern.compile("^\\s*DROP\\s+(TABLE|VIEW)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern CREATE = Pattern.compile(
      "^\\s*CREATE\\s+(?:TABLE|VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?([A-Za-z_][A-Za-z0-9_]*)",
      Pattern.CASE_INSENSITIVE);
  /** A DROP TABLE or DROP VIEW and the name it drops. */
  private static final Pattern DROPPED = Pattern.compile(
      "^\\s*DROP\\s+(?:TABLE|VIEW)\\s+(?:IF\\s+EXISTS\\s+)?\"?([A-Za-z_][A-Za-z0-9_]*)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern NOT_FOUND = Pattern.compile("Object '([^']+)' not found");
  private static final String UNDEFINED_TABLE = "42P01";

  private final BatchQueryExecution batch = new BatchQueryExecution();
  /** Queries without a view yet, by line. */
  private final TreeMap<Integer, QueryRecord> pending = new TreeMap<>();
  /**
   * For pending queries whose last attempt failed for want of a table, its name (lower case):
   * they are tried again only when a statement creates that name.
   */
  private final Map<Integer, String> waitingFor = new HashMap<>();
  /** Queries with a view, by line. */
  private final TreeMap<Integer, QueryRecord> created = new TreeMap<>();
  /** Why a query could not become a view, by line. */
  private final Map<Integer, String> creationErrors = new HashMap<>();
  /** The script's DROP TABLE and DROP VIEW statements: line to the name dropped (lower case). */
  private final TreeMap<Integer, String> drops = new TreeMap<>();
  /**
   * Pending queries never tried, on a database that had no tables or views at the start: each
   * is tried first when a statement creates a name it mentions.
   */
  private final java.util.Set<Integer> untried = new java.util.HashSet<>();
  /** The line of the statement running or last run. */
  private int now;
  /** The names (lower case) each query's SQL mentions, by line. */
  private final Map<Integer, java.util.Set<String>> words = new HashMap<>();

  @Override
  public QueryExecution forScript() {
    return new IncrementalQueryExecution();
  }

  @Override
  public void begin(Connection connection, List<QueryRecord> queries) {
    begin(connection, queries, List.of());
  }

  @Override
  public void begin(Connection connection, List<QueryRecord> queries,
      List<StatementRecord> statements) {
    for (StatementRecord st : statements) {
      Matcher m = DROPPED.matcher(st.sql());
      if (m.find()) {
        drops.put(st.line(), m.group(1).toLowerCase(Locale.ROOT));
      }
    }
    for (QueryRecord q : queries) {
      pending.put(q.line(), q);
    }
    if (hasTablesOrViews(connection)) {
      createPending(connection, null);
    } else {
      untried.addAll(pending.keySet());
    }
  }

  /** Whether the database has a table or view (not a system table); true when unsure. */
  private static boolean hasTablesOrViews(Connection connection) {
    try (java.sql.ResultSet tables = connection.getMetaData().getTables(null, null, "%", null)) {
      while (tables.next()) {
        String type = tables.getString("TABLE_TYPE");
        if (type == null || !type.toUpperCase(Locale.ROOT).contains("SYSTEM")) {
          return true;
        }
      }
      return false;
    } catch (SQLException | RuntimeException e) {
      return true;
    }
  }

  /** The views dropped before the DROP statement running: created again if it fails. */
  private final List<Integer> droppedForStatement = new ArrayList<>();

  @Override
  public void beforeStatement(Connection connection, StatementRecord statement) {
    now = statement.line();
    droppedForStatement.clear();
    if (!DROP.matcher(statement.sql()).find() || created.isEmpty()) {
      return;
    }
    // A view would keep what it reads from being dropped: the views that mention the name go
    // (all of them when the name is not known), to be created again once it exists again.
    Matcher m = DROPPED.matcher(statement.sql());
    String name = m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    for (QueryRecord q : new ArrayList<>(created.values())) {
      if (name == null || mentions(q, name)) {
        created.remove(q.line());
        pending.put(q.line(), q);
        droppedForStatement.add(q.line());
      }
    }
    dropAll(connection, droppedForStatement);
  }

  @Override
  public void afterStatement(Connection connection, StatementRecord statement) {
    if (DROP.matcher(statement.sql()).find()) {
      // If the DROP failed, the views it took away can come back at once; if it succeeded,
      // each now waits for the name it lacks.
      for (int line : droppedForStatement) {
        waitingFor.remove(line);
      }
      createPending(connection, null, droppedForStatement);
      droppedForStatement.clear();
      return;
    }
    Matcher create = CREATE.matcher(statement.sql());
    if (create.find()) {
      createPending(connection, create.group(1).toLowerCase(Locale.ROOT));
    }
  }

  @Override
  public List<String> run(Connection connection, QueryRecord query)
      throws SQLException, ResultShapeException {
    if (!created.containsKey(query.line())) {
      pending.remove(query.line());
      waitingFor.remove(query.line());
      untried.remove(query.line());
      String error = creationErrors.remove(query.line());
      if (error == null) {
        // Its tables never existed while the script ran: the view cannot be created now either.
        error = create(connection, query).orElse(null);
        if (error == null) {
          created.put(query.line(), query);
        }
      }
      if (error != null) {
        throw new ResultShapeException("the query cannot be a materialized view: " + error);
      }
    }
    try {
      List<String> values = BatchQueryExecution.values(connection,
          "SELECT * FROM " + viewName(query), query.types());
      int columns = query.types().size();
      if (query.sortMode() != SortMode.NOSORT || values.size() <= columns) {
        return values;
      }
      List<String> adhoc = batch.run(connection, query);
      String difference = RowDifference.of(values, adhoc, columns);
      if (!difference.isEmpty()) {
        throw new ResultShapeException("the view's rows differ from the query's: "
            + difference);
      }
      return adhoc;
    } finally {
      created.remove(query.line());
      dropAll(connection, List.of(query.line()));
    }
  }

  @Override
  public void end(Connection connection) {
    dropAll(connection, created.keySet());
    created.clear();
    pending.clear();
    waitingFor.clear();
    untried.clear();
  }

  /**
   * Tries to create the pending views: all of them when {@code createdName} is null, else those
   * waiting for that name (or for no known name).
   */
  private void createPending(Connection connection, String createdName) {
    createPending(connection, createdName, pending.keySet());
  }

  /** As {@link #createPending(Connection, String)}, for the pending queries on these lines. */
  private void createPending(Connection connection, String createdName,
      Collection<Integer> lines) {
    for (int line : new ArrayList<>(lines)) {
      QueryRecord q = pending.get(line);
      if (q == null) {
        continue;
      }
      String waiting = waitingFor.get(q.line());
      if (createdName != null && waiting != null && !waiting.equals(createdName)) {
        continue;
      }
      if (untried.contains(q.line())) {
        if (createdName == null || !mentions(q, createdName)) {
          continue;
        }
        untried.remove(q.line());
      }
      // A name the query reads is dropped before the query's place: a view created now would
      // be dropped then, so it waits until the name is created again (before that table's
      // data arrives, as now). Without this, a script that drops and creates its tables again
      // and again (index/delete) dropped and created most of its views at every DROP.
      String droppedFirst = droppedBefore(q);
      if (droppedFirst != null) {
        waitingFor.put(q.line(), droppedFirst);
        continue;
      }
      Optional<String> error = create(connection, q);
      if (error.isEmpty()) {
        pending.remove(q.line());
        waitingFor.remove(q.line());
        created.put(q.line(), q);
      } else if (error.get().startsWith(UNDEFINED_TABLE)) {
        String missing = error.get().substring(UNDEFINED_TABLE.length());
        if (missing.isEmpty()) {
          waitingFor.remove(q.line());
        } else {
          waitingFor.put(q.line(), missing);
        }
      } else {
        pending.remove(q.line());
        waitingFor.remove(q.line());
        creationErrors.put(q.line(), error.get());
      }
    }
  }

  /**
   * Creates a query's view; empty on success, else the error, or for a missing table "42P01"
   * followed by the table's name in lower case when the message gives it.
   */
  private static Optional<String> create(Connection connection, QueryRecord query) {
    StringBuilder sql = new StringBuilder("CREATE MATERIALIZED VIEW ")
        .append(viewName(query)).append(" (");
    for (int i = 0; i < query.types().size(); i++) {
      sql.append(i == 0 ? "" : ", ").append('c').append(i + 1);
    }
    sql.append(") AS ").append(query.sql());
    try (Statement st = connection.createStatement()) {
      st.execute(sql.toString());
      return Optional.empty();
    } catch (SQLException e) {
      if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
        return Optional.of(ErrorText.of(e));
      }
      Matcher m = NOT_FOUND.matcher(String.valueOf(e.getMessage()));
      return Optional.of(UNDEFINED_TABLE
          + (m.find() ? m.group(1).toLowerCase(Locale.ROOT) : ""));
    } catch (RuntimeException | Error e) {
      // An Error the in-process driver let through fails this query, not the whole file.
      return Optional.of(ErrorText.of(e));
    }
  }

  /** The first name the query mentions that a DROP between now and the query drops, or null. */
  private String droppedBefore(QueryRecord q) {
    for (Map.Entry<Integer, String> d : drops.subMap(now, false, q.line(), false).entrySet()) {
      if (mentions(q, d.getValue())) {
        return d.getValue();
      }
    }
    return null;
  }

  /** Whether the query's SQL mentions the name (lower case) as a word. */
  private boolean mentions(QueryRecord q, String name) {
    return words.computeIfAbsent(q.line(), line -> {
      java.util.Set<String> out = new java.util.HashSet<>();
      Matcher m = WORD.matcher(q.sql());
      while (m.find()) {
        out.add(m.group().toLowerCase(Locale.ROOT));
      }
      return out;
    }).contains(name);
  }

  private void dropAll(Connection connection, Collection<Integer> lines) {
    for (int line : List.copyOf(lines)) {
      try (Statement st = connection.createStatement()) {
        st.execute("DROP MATERIALIZED VIEW IF EXISTS slt_view_" + line);
      } catch (SQLException | RuntimeException | Error e) {
        // The view is gone with its connection, or was never there: nothing left to drop.
      }
    }
  }

  private static String viewName(QueryRecord query) {
    return "slt_view_" + query.line();
  }
}

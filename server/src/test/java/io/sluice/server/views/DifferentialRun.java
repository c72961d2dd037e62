package io.sluice.server.views;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One run of the differential test: a Sluice database and an H2 database given the same
 * tables, the pool's queries as materialized views in Sluice (and as plain views in H2, where
 * they compute on every read), then rounds of random changes applied to both. After every
 * round every view is read and must equal the same query run ad hoc by Sluice and, where H2
 * can check it, H2's answer.
 *
 * <p>A view that disagrees once is reported with its first difference and not checked again
 * (it keeps being maintained), so one run reports every broken query rather than the first.
 * Changes run in H2 first, in a transaction: a change Sluice rejects wrongly is undone in H2
 * and reported, and the run goes on. A change Sluice applies differently (another row count,
 * or accepting what H2 rejects) ends the run, since the databases no longer hold the same
 * rows. Every statement given to Sluice is recorded; when the run fails the script is written
 * under {@code target/sluice-diff/}, for {@code bin/sluice -f} to replay.
 */
final class DifferentialRun {
  /** How long to wait before reading a disagreeing view again, to tell stale from wrong. */
  private static final long RECHECK_MILLIS = 300;

  /**
   * What to run.
   *
   * @param seed the seed of every random choice
   * @param rounds batches of changes, each followed by a check of every view
   * @param sluiceUrl where Sluice is ({@code jdbc:sluice:mem:<name>} or {@code embedded:})
   * @param reopenAfter rounds after which every Sluice connection is closed (closing the
   *     database) and opened again; only meaningful for an on-disk database
   * @param only names of the queries to run (with the views they read); empty for all
   * @param label names the run in messages and in the script's file name
   * @param reproduce how to run it again, for failure messages
   */
  record Settings(long seed, int rounds, String sluiceUrl, Set<Integer> reopenAfter,
      Set<String> only, String label, String reproduce) {}

  private final Settings settings;
  /** Chooses the schema, the data and the changes: the same for any selection of queries. */
  private final Random random;
  /** Chooses which views to drop and create again. */
  private final Random viewRandom;
  private final DiffSchema schema;
  private final Workload workload;
  private final List<ViewQuery> queries;
  private final Set<String> late = new HashSet<>();
  private final Connection h2;
  private Connection writer;
  private Connection reader;
  private final Set<String> live = new LinkedHashSet<>();
  private final Map<String, PreparedStatement> viewReads = new HashMap<>();
  private final Map<String, PreparedStatement> adhocReads = new HashMap<>();
  private final Map<String, PreparedStatement> h2Reads = new HashMap<>();
  private final Map<String, String> failures = new LinkedHashMap<>();
  /** Statements Sluice rejected wrongly (undone in H2, so the run could go on). */
  private final List<String> rejected = new ArrayList<>();
  private final StringBuilder script = new StringBuilder();
  /** The most rows each view held at a check: a query that never has rows tests little. */
  private final Map<String, Integer> mostRows = new HashMap<>();
  private int round;
  private long checks;
  private long statements;
  /** Nanoseconds spent reading views, running queries ad hoc, in H2, and changing data. */
  private long viewNanos;
  private long adhocNanos;
  private long h2Nanos;
  private long changeNanos;

  private DifferentialRun(Settings settings) throws SQLException {
    this.settings = settings;
    // Scrambled: java.util.Random's first draws are alike for nearby seeds (1, 2, 3...).
    this.random = new Random(new SplittableRandom(settings.seed()).nextLong());
    this.viewRandom = new Random(new SplittableRandom(~settings.seed()).nextLong());
    this.schema = new DiffSchema(random);
    this.queries = selected(settings.only());
    for (ViewQuery q : queries) {
      // About a third of the views start after data exists (backfill, then follow); a view
      // reading a late view is late too. Chosen per name, so that running a few queries
      // alone (sluice.diff.queries) creates them when the full run did.
      boolean chosen = new SplittableRandom(settings.seed() * 31
          + q.name().hashCode()).nextInt(10) < 3;
      if (chosen || q.reads().stream().anyMatch(late::contains)) {
        late.add(q.name());
      }
    }
    this.h2 = DriverManager.getConnection("jdbc:h2:mem:");
    h2.setAutoCommit(false);
    this.workload = new Workload(random, schema, new H2Keys());
  }

  /** Runs and throws an AssertionError describing every disagreement. */
  static void run(Settings settings) throws Exception {
    DifferentialRun run = new DifferentialRun(settings);
    try {
      run.execute();
    } catch (AssertionError e) {
      throw new AssertionError(run.header() + "\n" + e.getMessage() + run.report()
          + run.saveScript());
    } catch (SQLException | RuntimeException e) {
      throw new AssertionError(run.header() + "\nunexpected error: " + e + run.report()
          + run.saveScript(), e);
    } finally {
      run.close();
    }
    if (!run.failures.isEmpty() || !run.rejected.isEmpty()) {
      throw new AssertionError(run.header() + run.report() + run.saveScript());
    }
  }

  /** The disagreements found so far, or nothing. */
  private String report() {
    StringBuilder sb = new StringBuilder();
    if (!rejected.isEmpty()) {
      sb.append("\n").append(rejected.size()).append(" statement(s) Sluice rejected wrongly"
          + " (each undone in H2; the first shown):\n");
      rejected.stream().limit(5).forEach(r -> sb.append(r).append('\n'));
    }
    if (!failures.isEmpty()) {
      sb.append("\n").append(failures.size()).append(" of ").append(queries.size())
          .append(" views disagree (each shown at its first disagreement):\n");
      for (String f : failures.values()) {
        sb.append(f).append('\n');
      }
      sb.append("to check only these views add -Dsluice.diff.queries=")
          .append(String.join(",", failures.keySet()));
    }
    return sb.toString();
  }

  private void execute() throws SQLException, InterruptedException {
    long start = System.nanoTime();
    openSluice();
    for (String ddl : schema.ddl()) {
      h2Update(ddl);
      sluiceUpdate(ddl);
    }
    for (ViewQuery q : queries) {
      if (q.checkedByH2()) {
        h2Update("CREATE VIEW " + q.view() + " AS " + q.h2Sql());
        h2Reads.put(q.name(), h2.prepareStatement("SELECT * FROM " + q.view()));
      }
    }
    createViews(false);
    log("created %d views on empty tables in %d ms", live.size(), millisSince(start));
    checkAll("at round 0, views created on empty tables");
    int lateRound = Math.max(1, settings.rounds() / 3);
    for (round = 1; round <= settings.rounds(); round++) {
      script.append("\n-- round ").append(round).append('\n');
      if (round == lateRound) {
        createViews(true);
      }
      if (round == 1) {
        for (String sql : workload.initialLoad()) {
          apply(sql);
        }
      }
      int n = 1 + random.nextInt(5);
      for (int i = 0; i < n; i++) {
        apply(workload.next());
      }
      if (viewRandom.nextInt(8) == 0) {
        dropAndRecreate();
      }
      checkAll("after the changes of round " + round);
      if (settings.reopenAfter().contains(round)) {
        reopen();
        checkAll("after reopening the database at round " + round);
      }
    }
    log("%s: %d rounds, %d statements, %d view checks, %d ms (reading views %d ms, ad hoc %d"
        + " ms, H2 %d ms, changes %d ms)", settings.label(), settings.rounds(), statements,
        checks, millisSince(start), viewNanos / 1_000_000, adhocNanos / 1_000_000,
        h2Nanos / 1_000_000, changeNanos / 1_000_000);
    List<String> empty = new ArrayList<>();
    for (ViewQuery q : queries) {
      if (mostRows.getOrDefault(q.name(), 0) == 0) {
        empty.add(q.name());
      }
    }
    log("views that never held a row: %s; most rows of a view: %d", empty,
        mostRows.values().stream().mapToInt(Integer::intValue).max().orElse(0));
  }

  // ---- views

  private void createViews(boolean lateOnes) throws SQLException {
    for (ViewQuery q : queries) {
      if (late.contains(q.name()) == lateOnes) {
        createView(q);
      }
    }
  }

  private void createView(ViewQuery q) throws SQLException {
    for (String read : q.reads()) {
      if (!live.contains(read)) {
        failures.putIfAbsent(q.name(), describe(q, "not created: it reads " + "mv_" + read
            + ", which could not be created"));
        return;
      }
    }
    String ddl = "CREATE MATERIALIZED VIEW " + q.view() + " AS " + q.sql();
    try (Statement st = writer.createStatement()) {
      st.execute(ddl);
      script.append(ddl).append(";\n");
    } catch (SQLException e) {
      script.append("-- fails: ").append(ddl).append(";\n");
      failures.putIfAbsent(q.name(), describe(q, "CREATE MATERIALIZED VIEW failed: "
          + message(e)));
      return;
    }
    live.add(q.name());
    prepare(q);
  }

  private void prepare(ViewQuery q) {
    try {
      viewReads.put(q.name(), reader.prepareStatement("SELECT * FROM " + q.view()));
    } catch (SQLException e) {
      failures.putIfAbsent(q.name(), describe(q, "the view cannot be read (at round " + round
          + "): " + message(e)));
      return;
    }
    try {
      adhocReads.put(q.name(), reader.prepareStatement(q.sql()));
    } catch (SQLException e) {
      failures.putIfAbsent(q.name(), describe(q, "the ad-hoc query fails: " + message(e)));
    }
  }

  /** Drops a view nothing reads and creates it again, which backfills it from the tables. */
  private void dropAndRecreate() throws SQLException {
    List<ViewQuery> leaves = new ArrayList<>();
    for (ViewQuery q : queries) {
      if (live.contains(q.name()) && queries.stream().noneMatch(
          o -> live.contains(o.name()) && o.reads().contains(q.name()))) {
        leaves.add(q);
      }
    }
    if (leaves.isEmpty()) {
      return;
    }
    ViewQuery q = leaves.get(viewRandom.nextInt(leaves.size()));
    closeQuietly(viewReads.remove(q.name()));
    closeQuietly(adhocReads.remove(q.name()));
    sluiceUpdate("DROP MATERIALIZED VIEW " + q.view());
    live.remove(q.name());
    createView(q);
  }

  // ---- changes

  /**
   * Applies a statement to H2 and then to Sluice. Both must accept it and report the same
   * number of rows, or both reject it with the same SQLSTATE (a duplicate key). H2 runs it in
   * a transaction, so that a statement Sluice wrongly rejects is undone in H2 too: it is
   * reported and the run goes on with both databases still equal.
   */
  private void apply(String sql) throws SQLException {
    statements++;
    long start = System.nanoTime();
    long h2Count = -1;
    SQLException h2Error = null;
    try (Statement st = h2.createStatement()) {
      h2Count = st.executeLargeUpdate(sql);
    } catch (SQLException e) {
      h2Error = e;
    }
    long count = -1;
    SQLException error = null;
    try (Statement st = writer.createStatement()) {
      st.execute(sql);
      count = st.getLargeUpdateCount();
    } catch (SQLException e) {
      error = e;
    }
    changeNanos += System.nanoTime() - start;
    script.append(error == null ? "" : "-- fails: ").append(sql).append(";\n");
    if (h2Error != null && !"23505".equals(h2Error.getSQLState())) {
      throw new AssertionError("the test made a statement H2 rejects: " + sql + "\n  "
          + h2Error.getMessage());
    }
    if (h2Error != null && error == null) {
      throw new AssertionError("Sluice accepted a statement that violates a key (H2: "
          + h2Error.getSQLState() + "), at round " + round + ":\n  " + sql);
    }
    if (error == null && count != h2Count) {
      throw new AssertionError("Sluice changed " + count + " rows, H2 " + h2Count
          + ", at round " + round + ":\n  " + sql);
    }
    if (h2Error == null && error != null) {
      h2.rollback();
      rejected.add("- round " + round + ", Sluice rejects a statement H2 accepts: " + sql
          + "\n  " + message(error));
      return;
    }
    h2.commit();
    if (error != null && !h2Error.getSQLState().equals(error.getSQLState())) {
      rejected.add("- round " + round + ", Sluice rejects a statement with SQLSTATE "
          + error.getSQLState() + ", H2 with " + h2Error.getSQLState() + ": " + sql + "\n  "
          + message(error));
    }
  }

  // ---- checks

  private void checkAll(String when) throws SQLException, InterruptedException {
    for (ViewQuery q : queries) {
      if (live.contains(q.name()) && !failures.containsKey(q.name())) {
        check(q, when);
      }
    }
  }

  private void check(ViewQuery q, String when) throws SQLException, InterruptedException {
    checks++;
    List<List<Object>> view;
    List<List<Object>> adhoc;
    long t0 = System.nanoTime();
    try {
      view = read(viewReads.get(q.name()));
    } catch (SQLException e) {
      fail(q, when, "  reading the view fails: " + message(e));
      return;
    }
    long t1 = System.nanoTime();
    try {
      adhoc = read(adhocReads.get(q.name()));
    } catch (SQLException e) {
      fail(q, when, "  the ad-hoc query fails: " + message(e));
      return;
    }
    long t2 = System.nanoTime();
    List<List<Object>> h2Rows = q.checkedByH2() ? read(h2Reads.get(q.name())) : null;
    mostRows.merge(q.name(), view.size(), Math::max);
    viewNanos += t1 - t0;
    adhocNanos += t2 - t1;
    h2Nanos += System.nanoTime() - t2;
    List<List<Object>> expected = h2Rows != null ? h2Rows : adhoc;
    String expectedName = h2Rows != null ? "H2" : "Sluice ad hoc";
    ResultRows.Diff viewDiff = ResultRows.diff(expected, view);
    ResultRows.Diff adhocDiff = h2Rows != null ? ResultRows.diff(h2Rows, adhoc)
        : ResultRows.diff(List.of(), List.of());
    if (viewDiff.isEmpty() && adhocDiff.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    if (!viewDiff.isEmpty()) {
      sb.append("  the view (").append(view.size()).append(" rows) differs from ")
          .append(expectedName).append(" (").append(expected.size()).append(" rows):\n")
          .append(viewDiff.describe(expectedName, "the view"));
      sb.append("    read again ").append(RECHECK_MILLIS).append(" ms later ")
          .append(recheck(q, expected)).append('\n');
      sb.append("    sys.materialized_views: ").append(status(q)).append('\n');
    }
    if (!adhocDiff.isEmpty()) {
      sb.append("  the same query run ad hoc by Sluice (").append(adhoc.size())
          .append(" rows) differs from H2:\n").append(adhocDiff.describe("H2", "Sluice"));
    }
    fail(q, when, sb.toString().stripTrailing());
  }

  /** Reads a disagreeing view again after a while: is it stale, or wrong? */
  private String recheck(ViewQuery q, List<List<Object>> expected) throws InterruptedException {
    Thread.sleep(RECHECK_MILLIS);
    try {
      return ResultRows.diff(expected, read(viewReads.get(q.name()))).isEmpty()
          ? "the view is right: it was a stale read" : "the view still differs";
    } catch (SQLException e) {
      return "reading the view fails: " + message(e);
    }
  }

  private void fail(ViewQuery q, String when, String what) {
    script.append("-- ").append(q.view()).append(" is wrong here: SELECT * FROM ")
        .append(q.view()).append(";\n");
    failures.putIfAbsent(q.name(), describe(q, when + "\n" + what));
  }

  private String describe(ViewQuery q, String what) {
    return "- " + q.view() + (q.checkedByH2() ? "" : " (Sluice only)") + ": " + what
        + "\n  query: " + q.sql();
  }

  private String status(ViewQuery q) {
    try (PreparedStatement ps = reader.prepareStatement("SELECT status, committed_epoch,"
        + " row_count, error FROM sys.materialized_views WHERE table_name = ?")) {
      ps.setString(1, q.view());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) + ", epoch " + rs.getLong(2) + ", " + rs.getLong(3)
            + " rows" + (rs.getString(4) == null ? "" : ", error: " + rs.getString(4))
            : "no row";
      }
    } catch (SQLException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  private static List<List<Object>> read(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return ResultRows.read(rs);
    }
  }

  // ---- connections

  private void openSluice() throws SQLException {
    // Two sessions: changes acknowledged to one must be seen by reads in the other.
    writer = DriverManager.getConnection(settings.sluiceUrl());
    reader = DriverManager.getConnection(settings.sluiceUrl());
  }

  /**
   * Closes every Sluice connection, which closes the database, and opens it again: the views
   * must resume from their committed state plus the logged changes since.
   */
  private void reopen() throws SQLException {
    long start = System.nanoTime();
    script.append("-- the database is closed and opened again here\n");
    closeSluice();
    openSluice();
    for (ViewQuery q : queries) {
      if (live.contains(q.name())) {
        prepare(q);
      }
    }
    log("reopened the database in %d ms", millisSince(start));
  }

  private void closeSluice() {
    for (PreparedStatement ps : viewReads.values()) {
      closeQuietly(ps);
    }
    for (PreparedStatement ps : adhocReads.values()) {
      closeQuietly(ps);
    }
    viewReads.clear();
    adhocReads.clear();
    closeQuietly(reader);
    closeQuietly(writer);
  }

  private void close() {
    closeSluice();
    closeQuietly(h2);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      // Closing after a failure: the failure is what matters.
    }
  }

  private void h2Update(String sql) throws SQLException {
    try (Statement st = h2.createStatement()) {
      st.execute(sql);
    }
  }

  private void sluiceUpdate(String sql) throws SQLException {
    try (Statement st = writer.createStatement()) {
      st.execute(sql);
    }
    script.append(sql).append(";\n");
  }

  /** The lockstep H2 database answers what the workload needs to know about keys. */
  private final class H2Keys implements Workload.Keys {
    @Override
    public List<Integer> ints(String table, String column, String where) throws SQLException {
      List<Integer> out = new ArrayList<>();
      try (Statement st = h2.createStatement();
          ResultSet rs = st.executeQuery("SELECT " + column + " FROM " + table + " WHERE "
              + where)) {
        while (rs.next()) {
          out.add(rs.getInt(1));
        }
      }
      return out;
    }

    @Override
    public Set<String> t3Keys(String where) throws SQLException {
      Set<String> out = new HashSet<>();
      try (Statement st = h2.createStatement();
          ResultSet rs = st.executeQuery("SELECT p, q FROM t3 WHERE " + where)) {
        while (rs.next()) {
          out.add(rs.getInt(1) + "/" + rs.getString(2));
        }
      }
      return out;
    }
  }

  // ---- reporting

  private String header() {
    String progress = round <= settings.rounds()
        ? "stopped at round " + round + " of " + settings.rounds()
        : "all " + settings.rounds() + " rounds run";
    return settings.label() + ": seed " + settings.seed() + ", " + progress + "; schema: "
        + schema.describe() + "\nreproduce with: " + settings.reproduce();
  }

  /** Writes the statements given to Sluice so far; returns a sentence saying where. */
  private String saveScript() {
    try {
      Path dir = Path.of("target", "sluice-diff");
      Files.createDirectories(dir);
      Path file = dir.resolve(settings.label() + "-seed-" + settings.seed() + ".sql");
      Files.writeString(file, "-- " + header() + "\n" + script);
      return "\nthe statements given to Sluice are in " + file.toAbsolutePath();
    } catch (IOException e) {
      return "\n(the script could not be written: " + e.getMessage() + ")";
    }
  }

  private static List<ViewQuery> selected(Set<String> only) {
    if (only.isEmpty()) {
      return QueryPool.ALL;
    }
    Set<String> wanted = new HashSet<>(only);
    List<ViewQuery> reversed = new ArrayList<>(QueryPool.ALL);
    Collections.reverse(reversed);
    for (ViewQuery q : reversed) {
      if (wanted.contains(q.name())) {
        wanted.addAll(q.reads());
      }
    }
    List<ViewQuery> out = new ArrayList<>();
    for (ViewQuery q : QueryPool.ALL) {
      if (wanted.remove(q.name())) {
        out.add(q);
      }
    }
    if (!wanted.isEmpty()) {
      throw new IllegalArgumentException("no queries named " + wanted);
    }
    return out;
  }

  private static String message(SQLException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    // The driver repeats the statement; the report shows it already.
    int repeated = m.indexOf("Error while executing SQL \"");
    int end = repeated < 0 ? -1 : m.indexOf("\": ", repeated);
    if (end >= 0) {
      m = m.substring(0, repeated) + m.substring(end + 3);
    }
    int newline = m.indexOf('\n');
    return "[" + e.getSQLState() + "] " + (newline < 0 ? m : m.substring(0, newline));
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static void log(String format, Object... args) {
    System.out.println("[views-diff] " + String.format(format, args));
  }
}

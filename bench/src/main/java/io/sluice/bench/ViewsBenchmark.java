package io.sluice.bench;

import io.sluice.server.DatabaseConfig;
import io.sluice.server.Session;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench views}: how fast materialized views keep up with changes, in process. For each
 * scenario a table and a materialized view are created; then, per phase, epochs are paused,
 * the phase's changes are written as fast as the session allows (not measured), epochs are
 * resumed and the time until the view reflects every change ({@code awaitFresh}) is measured:
 * changes/s = changes / catch-up time. After every phase the view is checked against the query
 * run ad hoc and against rows the benchmark computes itself.
 *
 * <p>A warm-up copy of each scenario (smaller, its own tables) runs first, so the measured
 * catch-up does not include compiling the operators' code or the JIT's first passes.
 */
@Command(name = "views", mixinStandardHelpOptions = true,
    description = "Maintenance throughput of materialized views in process (embedded, RocksDB "
        + "state): changes written while epochs are paused, then the catch-up is timed; every "
        + "view is checked afterwards.")
final class ViewsBenchmark implements Callable<Integer> {
  /** The scenarios and their default change counts, in the order they run. */
  private static final Map<String, Long> DEFAULT_CHANGES = new LinkedHashMap<>();

  static {
    DEFAULT_CHANGES.put(FilterProjectScenario.NAME, 3_000_000L);
    DEFAULT_CHANGES.put(CountByKeyScenario.NAME, 2_000_000L);
    DEFAULT_CHANGES.put(JoinScenario.NAME, 1_000_000L);
    DEFAULT_CHANGES.put(MinMaxScenario.NAME, 1_000_000L);
  }

  @Option(names = "--scenarios", split = ",", paramLabel = "NAME",
      defaultValue = "filter-project,count-by-key,join,min-max",
      description = "Scenarios to run, in order: filter-project, count-by-key, join, min-max "
          + "(default: all).")
  List<String> scenarios;

  @Option(names = "--changes", paramLabel = "N",
      description = "Changes written in each scenario's first phase (default: 3,000,000 for "
          + "filter-project, 2,000,000 for count-by-key, 1,000,000 for join and min-max).")
  Long changes;

  @Option(names = "--keys", defaultValue = "100000", paramLabel = "K",
      description = "Distinct group keys of count-by-key and min-max (default: ${DEFAULT-VALUE}).")
  long keys;

  @Option(names = "--warmup-changes", defaultValue = "200000", paramLabel = "N",
      description = "Changes of the unmeasured warm-up copy of each scenario, 0 for none "
          + "(default: ${DEFAULT-VALUE}).")
  long warmupChanges;

  @Option(names = "--timeout", defaultValue = "900", paramLabel = "SECONDS",
      description = "Give up (and print the engine's threads) when a catch-up takes longer "
          + "(default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Mixin
  EmbeddedOptions embedded = new EmbeddedOptions();

  /** Builds a scenario by name. */
  static ViewScenario scenario(String name, String prefix, long changes, long keys) {
    return switch (name) {
      case FilterProjectScenario.NAME -> new FilterProjectScenario(prefix, changes, keys);
      case CountByKeyScenario.NAME -> new CountByKeyScenario(prefix, changes, keys);
      case JoinScenario.NAME -> new JoinScenario(prefix, changes, keys);
      case MinMaxScenario.NAME -> new MinMaxScenario(prefix, changes, keys);
      default -> throw new IllegalArgumentException("unknown scenario " + name);
    };
  }

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    for (String s : scenarios) {
      if (!DEFAULT_CHANGES.containsKey(s)) {
        System.err.println("unknown scenario \"" + s + "\"; the scenarios are "
            + String.join(", ", DEFAULT_CHANGES.keySet()));
        return BenchMain.EXIT_FAILED;
      }
    }
    if ((changes != null && changes < 1) || keys < 1 || warmupChanges < 0) {
      System.err.println("--changes and --keys must be positive, --warmup-changes >= 0");
      return BenchMain.EXIT_FAILED;
    }
    boolean allOk = true;
    List<String> results = new ArrayList<>();
    for (String name : scenarios) {
      long n = changes != null ? changes : DEFAULT_CHANGES.get(name);
      ViewScenario measured = scenario(name, "", n, keys);
      out.printf(Locale.ROOT, "%n== views %s: %s ==%n", name, measured.description());
      // A database per scenario, so that no scenario inherits another's state. Nothing is
      // dropped either: deleted state below a view's own slows its MIN/MAX scans badly (see
      // EngineIssuesTest), which would measure the order scenarios run in.
      try (EmbeddedDatabase db = EmbeddedDatabase.open(embedded,
          DatabaseConfig.DEFAULT_BARRIER_INTERVAL_MILLIS, out);
          Session session = db.newSession()) {
        if (warmupChanges > 0) {
          ViewScenario warm = scenario(name, "warm_", Math.min(n, warmupChanges),
              Math.min(keys, Math.max(1, warmupChanges / 2)));
          out.printf(Locale.ROOT, "-- warm-up (its view stays, idle): %s%n", warm.description());
          allOk &= run(db, session, warm, false, out, results);
        }
        out.println("-- measured");
        allOk &= run(db, session, measured, true, out, results);
      }
    }
    out.println();
    for (String r : results) {
      out.println(r);
    }
    out.println(MachineInfo.embeddedLine(!embedded.noFsync));
    return allOk ? 0 : BenchMain.EXIT_WRONG_DATA;
  }

  /** Runs one scenario's phases; adds a RESULT line per phase when measured. */
  private boolean run(EmbeddedDatabase db, Session s, ViewScenario sc, boolean measured,
      PrintStream out, List<String> results) throws Exception {
    for (String ddl : sc.createTables()) {
      s.execute(ddl);
    }
    s.execute("CREATE MATERIALIZED VIEW " + sc.viewName() + " AS " + sc.viewQuery());
    boolean ok = true;
    int done = 0;
    for (ViewScenario.Phase phase : sc.phases()) {
      db.coordinator().pause();
      long changesWritten;
      long t0 = System.nanoTime();
      try (ProgressReporter progress = new ProgressReporter(sc.name() + " " + phase.name(),
          "rows", 0, out)) {
        changesWritten = phase.writer().write(s, progress.done(), out);
      }
      double ingestSeconds = (System.nanoTime() - t0) / 1e9;
      long epochBefore = db.coordinator().committedEpoch();
      long t1 = System.nanoTime();
      long cpu1 = processCpuNanos();
      db.coordinator().resume();
      long epochs = db.awaitFresh(timeoutSeconds, out) - epochBefore;
      double catchUpSeconds = (System.nanoTime() - t1) / 1e9;
      // CPU of the whole process over the catch-up (every thread: workers, commits, RocksDB's
      // flushes and compactions, the JVM's GC): what a change costs, whatever else the machine
      // runs.
      double cpuSeconds = (processCpuNanos() - cpu1) / 1e9;
      done++;
      double rate = changesWritten / catchUpSeconds;
      EmbeddedDatabase.ViewStatus status = db.viewStatus(s, sc.viewName());
      out.printf(Locale.ROOT, "  %s: wrote %,d changes in %.2f s (%,.0f/s, not measured); "
          + "caught up in %.3f s over %d epoch(s): %,.0f changes/s; %.2f CPU-s, %.2f us of CPU"
          + " per change%n", phase.name(), changesWritten, ingestSeconds,
          changesWritten / ingestSeconds, catchUpSeconds, epochs, rate, cpuSeconds,
          cpuSeconds * 1e6 / changesWritten);
      out.println("  view: " + status);
      boolean running = status != null && "running".equals(status.status());
      ViewVerifier.Outcome v = ViewVerifier.verify(s, sc, done, out);
      boolean phaseOk = running && v.ok();
      if (!running) {
        String message = "!!! view " + sc.viewName() + " is not running: " + status;
        out.println(message);
        System.err.println(message);
      }
      ok &= phaseOk;
      if (measured) {
        double target = sc.targetChangesPerSecond(phase.name());
        ResultLine line = new ResultLine("RESULT", "views")
            .add("scenario", sc.name())
            .add("phase", phase.name())
            .add("changes", changesWritten)
            .add("catchup_s", catchUpSeconds, 3)
            .add("changes_per_s", rate, 0)
            .add("epochs", epochs)
            .add("cpu_s", cpuSeconds, 2)
            .add("cpu_us_per_change", cpuSeconds * 1e6 / changesWritten, 2)
            .add("ingest_rows_per_s", changesWritten / ingestSeconds, 0)
            .add("view_rows", status == null ? -1 : status.rowCount())
            .add("state_mb", status == null ? Double.NaN : status.stateBytes() / 1048576.0, 1);
        if (!Double.isNaN(target)) {
          line.add("target_changes_per_s", target, 0)
              .add("meets_target", rate >= target ? "yes" : "no");
        }
        results.add(line.add("status", phaseOk ? "ok" : "WRONG_DATA").toString());
      }
    }
    return ok;
  }

  /** CPU time the process has used so far, every thread counted. */
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() : 0;
  }
}

package io.sluice.bench;

import io.sluice.executor.stream.EpochCoordinator;
import io.sluice.server.Database;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A Sluice database opened in this JVM, on disk in a fresh directory, for the length of one
 * benchmark run. {@link #close()} closes it and deletes the directory (unless asked to keep
 * it); a shutdown hook deletes it too when the JVM exits without closing.
 */
final class EmbeddedDatabase implements AutoCloseable {
  private final Database db;
  private final Path directory;
  private final boolean keep;
  private final Thread shutdownHook;
  private final PrintStream log;
  private boolean closed;

  private EmbeddedDatabase(Database db, Path directory, boolean keep, Thread shutdownHook,
      PrintStream log) {
    this.db = db;
    this.directory = directory;
    this.keep = keep;
    this.shutdownHook = shutdownHook;
    this.log = log;
  }

  /** Opens a database in a new directory under {@code --data-dir} (or java.io.tmpdir). */
  static EmbeddedDatabase open(EmbeddedOptions options, long barrierIntervalMillis,
      PrintStream log) throws IOException {
    quietLogging(options.engineLog);
    Path dir = options.dataDir == null ? Files.createTempDirectory("sluice-bench-")
        : Files.createTempDirectory(Files.createDirectories(options.dataDir), "sluice-bench-");
    Thread hook = new Thread(() -> {
      if (!options.keepData) {
        deleteQuietly(dir);
      }
    }, "sluice-bench-delete-data");
    Runtime.getRuntime().addShutdownHook(hook);
    Database db;
    try {
      db = Database.open(options.config(dir, barrierIntervalMillis));
    } catch (RuntimeException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      if (!options.keepData) {
        deleteQuietly(dir);
      }
      throw e;
    }
    log.printf(Locale.ROOT, "embedded database in %s (fsync %s, epoch every %d ms, %d workers)%n",
        dir, options.noFsync ? "off" : "on", barrierIntervalMillis, db.config().workers());
    return new EmbeddedDatabase(db, dir, options.keepData, hook, log);
  }

  /**
   * Keeps the engine's INFO lines (a line per view started, per database opened) out of the
   * benchmark's output unless asked for; must run before the engine's first logger exists.
   */
  private static void quietLogging(boolean verbose) {
    String key = "org.slf4j.simpleLogger.defaultLogLevel";
    if (System.getProperty(key) == null) {
      System.setProperty(key, verbose ? "info" : "warn");
    }
  }

  Database database() {
    return db;
  }

  EpochCoordinator coordinator() {
    return db.views().coordinator();
  }

  Path directory() {
    return directory;
  }

  /** A new session; the caller closes it. */
  Session newSession() {
    return db.newSession();
  }

  /** Runs a query and returns its rows. */
  static List<Object[]> rows(Session s, String sql) {
    StatementResult r = s.execute(sql);
    if (!(r instanceof StatementResult.Rows rows)) {
      throw new IllegalStateException("not a query: " + sql);
    }
    return rows.rows();
  }

  /** Runs a statement that returns a count (DML) and returns it. */
  static long update(Session s, String sql) {
    StatementResult r = s.execute(sql);
    return r instanceof StatementResult.Count c ? c.count() : 0;
  }

  /** A materialized view's line of {@code sys.materialized_views}, or null if it has none. */
  ViewStatus viewStatus(Session s, String view) {
    for (Object[] row : rows(s, "SELECT table_name, status, committed_epoch, row_count, "
        + "state_bytes, error FROM sys.materialized_views")) {
      if (view.equals(row[0])) {
        return new ViewStatus((String) row[1], ((Number) row[2]).longValue(),
            ((Number) row[3]).longValue(), ((Number) row[4]).longValue(), (String) row[5]);
      }
    }
    return null;
  }

  /** What {@code sys.materialized_views} says about a view. */
  record ViewStatus(String status, long committedEpoch, long rowCount, long stateBytes,
      String error) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "status %s, epoch %d, %,d rows, state %.1f MiB%s",
          status, committedEpoch, rowCount, stateBytes / 1048576.0,
          error == null ? "" : ", error: " + error);
    }
  }

  /**
   * Cuts an epoch and waits until every view reflects every change committed before the call
   * ({@link EpochCoordinator#awaitFresh()}), saying every 10 s that it still waits and how the
   * views stand. After {@code timeoutSeconds} it prints the engine's threads and gives up with
   * a {@link TimeoutException}, so that a hang is reported rather than waited out. Returns
   * the committed epoch.
   */
  long awaitFresh(long timeoutSeconds, PrintStream out)
      throws InterruptedException, TimeoutException {
    FutureTask<Long> wait = new FutureTask<>(() -> coordinator().awaitFresh());
    Thread t = new Thread(wait, "sluice-bench-await-fresh");
    t.setDaemon(true);
    long begin = System.nanoTime();
    t.start();
    while (true) {
      try {
        return wait.get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw new IllegalStateException("awaitFresh failed", e.getCause());
      } catch (TimeoutException e) {
        long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin);
        StringBuilder views = new StringBuilder();
        for (Object[] row : db.views().statusRows()) {
          views.append(' ').append(Arrays.toString(row));
        }
        out.printf(Locale.ROOT, "  still waiting for fresh views after %d s; committed epoch "
            + "%d; views:%s%n", waited, coordinator().committedEpoch(), views);
        if (waited >= timeoutSeconds) {
          out.println("  giving up; the engine's threads:");
          for (Map.Entry<Thread, StackTraceElement[]> th : Thread.getAllStackTraces().entrySet()) {
            if (th.getKey().getName().startsWith("sluice-")) {
              out.println("  \"" + th.getKey().getName() + "\" " + th.getKey().getState());
              for (StackTraceElement el : th.getValue()) {
                out.println("      at " + el);
              }
            }
          }
          throw new TimeoutException("views not fresh after " + waited + " s");
        }
      }
    }
  }

  /** The bytes the database's files take on disk now. */
  long diskBytes() {
    return directoryBytes(directory);
  }

  static long directoryBytes(Path dir) {
    AtomicLong total = new AtomicLong();
    try (Stream<Path> files = Files.walk(dir)) {
      files.forEach(p -> {
        try {
          if (Files.isRegularFile(p)) {
            total.addAndGet(Files.size(p));
          }
        } catch (IOException e) {
          // A file RocksDB deleted while we walked: it no longer counts.
        }
      });
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
    return total.get();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    db.close();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook does the same.
    }
    if (keep) {
      log.println("kept the database directory " + directory);
    } else {
      deleteQuietly(directory);
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      ServerProcess.deleteRecursively(dir);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }
}

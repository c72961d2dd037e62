package io.sluice.slt.run;

import io.sluice.slt.corpus.TestFile;
import io.sluice.slt.script.Directive;
import io.sluice.slt.script.Script;
import io.sluice.slt.script.ScriptParser;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs test files on a fixed pool of threads, each file on its own database, and hands their
 * results to a listener in the order the files were given, as soon as each is known; so the
 * output is the same however the threads interleave.
 *
 * <p>A file that uses {@code sluice checkpoint}, {@code sluice restart} or {@code sluice kill}
 * runs on a server process of its own when the isolation can give it one ({@link
 * FileIsolation#openServer()}); a file that restarts or kills the server is skipped, with the
 * reason, when it cannot.
 */
public final class SuiteRunner {
  private final FileIsolation isolation;
  private final String engineName;
  private final QueryExecution execution;
  private final int threads;
  private final Duration statementTimeout;

  /**
   * A suite runner.
   *
   * @param isolation how files get empty databases; if they cannot run in parallel, one thread
   *     is used whatever {@code threads} says
   * @param engineName the name skipif/onlyif lines are compared with
   * @param execution how queries run
   * @param threads how many files may run at once
   * @param statementTimeout how long one statement may run (zero for no limit)
   */
  public SuiteRunner(FileIsolation isolation, String engineName, QueryExecution execution,
      int threads, Duration statementTimeout) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    this.isolation = isolation;
    this.engineName = engineName;
    this.execution = execution;
    this.threads = isolation.parallelFiles() ? threads : 1;
    this.statementTimeout = statementTimeout;
  }

  /** The number of threads files actually run on. */
  public int threads() {
    return threads;
  }

  /** Runs the files; {@code listener} sees each result in file order. */
  public List<FileResult> run(List<TestFile> files, Consumer<FileResult> listener)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads("slt-file-"));
    ExecutorService statementThreads = Executors.newCachedThreadPool(daemonThreads("slt-sql-"));
    StatementTimeout timeout = StatementTimeout.of(statementTimeout, statementThreads);
    try {
      List<Future<FileResult>> pending = new ArrayList<>(files.size());
      for (TestFile file : files) {
        pending.add(pool.submit(() -> runFile(file, timeout)));
      }
      List<FileResult> results = new ArrayList<>(files.size());
      for (int i = 0; i < files.size(); i++) {
        FileResult result = resultOf(files.get(i), pending.get(i));
        listener.accept(result);
        results.add(result);
      }
      return results;
    } finally {
      pool.shutdownNow();
      statementThreads.shutdownNow();
    }
  }

  private static FileResult resultOf(TestFile file, Future<FileResult> future)
      throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      // runFile turns failures into results; what escapes it (an Error) still fails one file.
      return FileResult.unrunnable(file.name(), file.folder(), 0,
          "the runner failed: " + e.getCause());
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger number = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + number.incrementAndGet());
      // A statement abandoned after a timeout must not keep the JVM alive.
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Runs one file on a fresh database without a statement timeout. */
  public FileResult runFile(TestFile file) {
    return runFile(file, StatementTimeout.none());
  }

  /** Runs one file on a fresh database; never throws, a file that cannot run is a result. */
  private FileResult runFile(TestFile file, StatementTimeout timeout) {
    long start = System.nanoTime();
    Script script;
    try {
      script = ScriptParser.parse(file.name(), file.read());
    } catch (IOException e) {
      return FileResult.unrunnable(file.name(), file.folder(), elapsedMillis(start),
          "cannot read the file: " + e.getMessage());
    }
    Set<Directive> directives = script.directives();
    boolean needsOwnServer = directives.stream().anyMatch(Directive::needsOwnServer);
    Optional<String> noOwnServer = isolation.whyNoOwnServer();
    if (needsOwnServer && noOwnServer.isPresent()) {
      return FileResult.skippedFile(file.name(), file.folder(), elapsedMillis(start),
          countRunnable(script), "skipped: " + noOwnServer.get());
    }
    boolean ownServer = noOwnServer.isEmpty()
        && directives.stream().anyMatch(Directive::needsDurableDatabase);
    FileDatabase database;
    try {
      database = ownServer ? isolation.openServer() : isolation.open();
    } catch (SQLException e) {
      return FileResult.unrunnable(file.name(), file.folder(), elapsedMillis(start),
          "cannot open a database: " + e.getMessage());
    }
    ScriptRunner.Counts counts;
    try {
      counts = new ScriptRunner(database, engineName, execution, timeout,
          SkipList.standard()).run(script);
    } catch (RuntimeException | Error e) {
      closeQuietly(database);
      return FileResult.unrunnable(file.name(), file.folder(), elapsedMillis(start),
          "the runner failed: " + e);
    }
    List<String> problems = new ArrayList<>();
    counts.stopReason().ifPresent(reason -> problems.add(
        reason + "; " + counts.notRun() + " statements and queries not run"));
    int failed = counts.failures().size() + counts.notRun();
    try {
      database.close();
    } catch (SQLException e) {
      // A file that leaves objects behind spoils the files after it, so it fails the run.
      problems.add("cannot clean up after the file: " + e.getMessage());
      failed++;
    }
    Optional<String> error =
        problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    return new FileResult(file.name(), file.folder(), counts.passed(), failed,
        counts.skipped(), elapsedMillis(start), counts.failures(), error);
  }

  /** The statements, queries and directives of a script. */
  private static int countRunnable(Script script) {
    return (int) script.records().stream().filter(ScriptRunner::counts).count();
  }

  private static void closeQuietly(FileDatabase database) {
    try {
      database.close();
    } catch (SQLException ignored) {
      // The file already failed; its own error is the one worth reporting.
    }
  }

  private static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}

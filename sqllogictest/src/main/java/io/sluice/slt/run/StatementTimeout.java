package io.sluice.slt.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A limit on how long one statement or query may run.
 *
 * <p>With a limit, each statement runs on a thread of {@code statementThreads} while the file's
 * thread waits for it. When the limit passes, the file's connection is closed: {@link
 * java.sql.Statement#cancel} and {@link java.sql.Statement#setQueryTimeout} are advisory in many
 * drivers (Avatica's cancel only stops the client side), while closing a connection makes a
 * server abandon its statements. If the statement still has not returned after a grace period,
 * it is left running on its (daemon) thread, so a statement that ignores cancellation cannot
 * hang the run. Either way the file cannot go on without its connection: a timeout ends it.
 */
public final class StatementTimeout {
  /** How long a statement gets to notice its connection was closed. */
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final Duration limit;
  private final ExecutorService statementThreads;

  private StatementTimeout(Duration limit, ExecutorService statementThreads) {
    this.limit = limit;
    this.statementThreads = statementThreads;
  }

  /** No limit: statements run on the file's own thread. */
  public static StatementTimeout none() {
    return new StatementTimeout(Duration.ZERO, null);
  }

  /** A limit (none if zero) with statements run on {@code statementThreads}. */
  public static StatementTimeout of(Duration limit, ExecutorService statementThreads) {
    if (limit.isNegative() || limit.isZero()) {
      return none();
    }
    return new StatementTimeout(limit, statementThreads);
  }

  /** The limit; zero for none. */
  public Duration limit() {
    return limit;
  }

  /** A statement or query to run under the limit. */
  interface TimedCall<T> {
    T call() throws SQLException, ResultShapeException;
  }

  /** The limit passed and the connection was closed. */
  static final class TimedOut extends Exception {
    TimedOut() {
      super("timed out", null, false, false);
    }
  }

  /**
   * Runs {@code call}, which uses {@code connection}, and returns what it returns or throws
   * what it throws.
   *
   * @throws TimedOut if it ran past the limit (the connection is then closed)
   */
  <T> T run(Connection connection, TimedCall<T> call)
      throws SQLException, ResultShapeException, TimedOut {
    if (statementThreads == null) {
      return call.call();
    }
    Future<T> running = statementThreads.submit(call::call);
    try {
      return running.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      abandon(connection, running);
      throw new TimedOut();
    } catch (InterruptedException e) {
      abandon(connection, running);
      Thread.currentThread().interrupt();
      throw new TimedOut();
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    }
  }

  private static void abandon(Connection connection, Future<?> running) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Then the statement runs to its end on its own; the timeout is still reported.
    }
    try {
      running.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // Its outcome no longer matters: the record has timed out.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What the statement threw, thrown again on the file's thread. */
  private static SQLException rethrown(Throwable cause) throws ResultShapeException {
    if (cause instanceof SQLException e) {
      return e;
    }
    if (cause instanceof ResultShapeException e) {
      throw e;
    }
    if (cause instanceof RuntimeException e) {
      throw e;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException("a statement threw " + cause, cause);
  }
}

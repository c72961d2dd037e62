package io.sluice.server;

import io.sluice.common.error.SluiceException;
import io.sluice.server.statement.Prepared;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection's state: its settings and a flag that cancels its running statement. Runs
 * statements from one thread at a time (JDBC connections are not used concurrently; the
 * endpoint serializes calls per connection).
 */
public final class Session implements AutoCloseable {
  private final Database database;
  private final int id;
  private final SessionOptions options = new SessionOptions();
  private final long startedAt = System.currentTimeMillis();
  private volatile AtomicBoolean cancelFlag = new AtomicBoolean();
  private volatile boolean closed;

  Session(Database database, int id) {
    this.database = database;
    this.id = id;
  }

  public Database database() {
    return database;
  }

  public int id() {
    return id;
  }

  public SessionOptions options() {
    return options;
  }

  public long startedAt() {
    return startedAt;
  }

  /** Parses and plans a statement, to run it once or many times. */
  public Prepared prepare(String sql) {
    checkOpen();
    database.awaitRecovered();
    try {
      return Prepared.prepare(this, sql);
    } catch (AssertionError e) {
      throw brokenInvariant(e);
    }
  }

  /** Runs a statement without parameters. */
  public StatementResult execute(String sql) {
    Prepared p = prepare(sql);
    try {
      return p.execute(List.of());
    } catch (AssertionError e) {
      throw brokenInvariant(e);
    }
  }

  /**
   * Calcite reports a broken invariant of its own with an AssertionError: the statement fails
   * with an internal error (XX000), and the session and the database go on.
   */
  private static SluiceException brokenInvariant(AssertionError e) {
    return SluiceException.internal(e.toString(), e);
  }

  /** A fresh cancel flag for a statement about to run. */
  public AtomicBoolean beginStatement() {
    AtomicBoolean flag = new AtomicBoolean();
    cancelFlag = flag;
    return flag;
  }

  /** Cancels the running statement, if any. */
  public void cancel() {
    cancelFlag.set(true);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("session " + id + " is closed");
    }
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      cancel();
      database.sessionClosed(this);
    }
  }
}

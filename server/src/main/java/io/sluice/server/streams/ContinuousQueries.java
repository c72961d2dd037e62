package io.sluice.server.streams;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.executor.stream.EpochCoordinator;
import io.sluice.executor.stream.StreamingDataflow;
import io.sluice.executor.stream.ViewStateLayout;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.TableScanNode;
import io.sluice.planner.SluicePlanner;
import io.sluice.server.Database;
import io.sluice.server.Session;
import io.sluice.server.views.ChangeLogs;
import io.sluice.server.views.MaterializedViews;
import io.sluice.storage.codec.ByteWriter;
import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.KvSnapshot;
import io.sluice.storage.kv.Keyspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running continuous SELECTs of a database: starts each as a transient dataflow on the
 * materialized views' epoch coordinator, lists them, ends those whose client stopped fetching
 * ({@link #idleTimeoutMillis}), and frees a stream's dataflow, logs and state when it ends.
 * Thread-safe.
 *
 * <p>Streams have ids from {@link #FIRST_ID} on, far above catalog ids, so their state tables
 * ({@code id × 1000 + ordinal}) never meet a view's. Their state does not outlive them: it is
 * deleted when a stream ends, and everything in their id range when the database opens (what
 * streams left when the process died).
 */
public final class ContinuousQueries implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ContinuousQueries.class);
  /** The first stream id. */
  public static final long FIRST_ID = 1L << 40;
  /** How long a fetch waits for rows before returning an empty frame, unless configured. */
  public static final long DEFAULT_POLL_WAIT_MILLIS = 1000;
  /** How long a stream may go without a fetch before it is ended, unless configured. */
  public static final long DEFAULT_IDLE_TIMEOUT_MILLIS = 60_000;

  /** A running stream and what it holds. */
  private record Running(ContinuousSelect stream, StreamingDataflow dataflow,
      List<TableDef> tables, String query) {}

  private final Database db;
  private final ChangeLogs logs;
  private final MaterializedViews views;
  private final Map<Long, Running> running = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(FIRST_ID);
  private final ScheduledExecutorService janitor;
  private volatile long pollWaitMillis = DEFAULT_POLL_WAIT_MILLIS;
  private volatile long idleTimeoutMillis = DEFAULT_IDLE_TIMEOUT_MILLIS;

  public ContinuousQueries(Database db, ChangeLogs logs, MaterializedViews views) {
    this.db = db;
    this.logs = logs;
    this.views = views;
    wipe(FIRST_ID, Long.MAX_VALUE / ViewStateLayout.STATE_IDS_PER_VIEW);
    this.janitor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sluice-streams");
      t.setDaemon(true);
      return t;
    });
    janitor.scheduleWithFixedDelay(this::endIdle, 250, 250, TimeUnit.MILLISECONDS);
  }

  /** How long a fetch of a stream waits for rows before it returns none. */
  public long pollWaitMillis() {
    return pollWaitMillis;
  }

  public void setPollWaitMillis(long millis) {
    this.pollWaitMillis = millis;
  }

  /** How long a stream may go without being fetched before the server ends it. */
  public long idleTimeoutMillis() {
    return idleTimeoutMillis;
  }

  public void setIdleTimeoutMillis(long millis) {
    this.idleTimeoutMillis = millis;
  }

  /**
   * Starts a stream and waits until its initial result is complete (throws QUERY_CANCELED if
   * {@code cancelled} turns true first, ending the stream).
   */
  public ContinuousSelect start(Session session, String sql, SluicePlanner.StreamPlan plan,
      long bufferLimit, BooleanSupplier cancelled) {
    PlanNode root = plan.plan().root();
    List<TableDef> tables = tablesRead(root);
    long id = ids.getAndIncrement();
    int[] outputs = plan.plan().outputFields().stream().mapToInt(Integer::intValue).toArray();
    ContinuousSelect stream = new ContinuousSelect(id, session.id(), sql, outputs,
        plan.uniqueKey(), bufferLimit);
    List<ReentrantLock> locks = new ArrayList<>();
    for (TableDef t : tables) {
      locks.add(db.tableLock(t.id()));
    }
    StreamingDataflow dataflow;
    for (ReentrantLock l : locks) {
      l.lock();
    }
    try {
      for (TableDef t : tables) {
        logs.subscribe(t);
      }
      Map<Long, Long> offsets = new HashMap<>();
      for (TableDef t : tables) {
        offsets.put(t.id(), logs.committedSeq(t.id()));
      }
      KvSnapshot snapshot = db.store().snapshot();
      try {
        dataflow = StreamingDataflow.createTransient(id, "stream " + id, root,
            views.partitions(), db.store(), db, logs, offsets, snapshot, stream);
      } catch (RuntimeException e) {
        snapshot.close();
        throw e;
      }
    } catch (RuntimeException e) {
      for (TableDef t : tables) {
        logs.unsubscribe(t);
      }
      throw e;
    } finally {
      for (ReentrantLock l : locks) {
        l.unlock();
      }
    }
    Running r = new Running(stream, dataflow, tables, sql);
    running.put(id, r);
    // Freeing takes the coordinator's monitor, which the coordinator's thread (where a stream
    // learns that it failed) may be waiting on: free on the janitor's thread.
    stream.onStop(() -> {
      try {
        janitor.execute(() -> free(id));
      } catch (RejectedExecutionException e) {
        // Shutting down: close() frees every stream itself.
      }
    });
    views.coordinator().add(dataflow);
    try {
      stream.awaitInitial(cancelled);
    } catch (RuntimeException e) {
      end(stream);
      throw e;
    }
    return stream;
  }

  /** Ends a stream its client is done with and frees it; does nothing if it already ended. */
  public void end(ContinuousSelect stream) {
    stream.end();
    free(stream.id());
  }

  /** Fails every stream reading a table (it is being dropped). */
  public void tableDropped(long tableId, String name) {
    for (Running r : running.values()) {
      for (TableDef t : r.tables()) {
        if (t.id() == tableId) {
          r.stream().abort(SqlState.QUERY_CANCELED, "table \"" + name
              + "\" that the stream reads was dropped");
          free(r.stream().id());
          break;
        }
      }
    }
  }

  private void free(long id) {
    Running r = running.remove(id);
    if (r == null) {
      return;
    }
    try {
      views.coordinator().remove(id);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SluiceException(SqlState.QUERY_CANCELED, "interrupted while ending a stream");
    }
    for (TableDef t : r.tables()) {
      logs.unsubscribe(t);
    }
    wipe(id, id + 1);
    LOG.debug("stream {} ended", id);
  }

  private void endIdle() {
    try {
      long timeout = idleTimeoutMillis;
      for (Running r : running.values()) {
        if (r.stream().idleFor(timeout)) {
          LOG.info("stream {} of session {} not fetched for {} ms: ended", r.stream().id(),
              r.stream().sessionId(), timeout);
          r.stream().abort(SqlState.QUERY_CANCELED, "the stream was not fetched for "
              + timeout + " ms and was ended");
          free(r.stream().id());
        }
      }
    } catch (RuntimeException e) {
      LOG.error("ending idle streams failed", e);
    }
  }

  /** Rows of sys.continuous_queries for the streams. */
  public List<Object[]> rows() {
    List<Running> all = new ArrayList<>(running.values());
    all.sort(Comparator.comparingLong(r -> r.stream().id()));
    List<Object[]> out = new ArrayList<>();
    for (Running r : all) {
      out.add(r.stream().describe());
    }
    return out;
  }

  /** The number of running streams. */
  public int count() {
    return running.size();
  }

  /** Deletes the state of streams with ids in [from, to). */
  private void wipe(long from, long to) {
    try (KvBatch batch = db.store().newBatch()) {
      batch.deleteRange(Keyspace.STATE, id(from * ViewStateLayout.STATE_IDS_PER_VIEW),
          id(to * ViewStateLayout.STATE_IDS_PER_VIEW));
      db.store().write(batch);
    }
  }

  private static byte[] id(long id) {
    ByteWriter w = new ByteWriter(8);
    w.writeLong(id);
    return w.toByteArray();
  }

  private static List<TableDef> tablesRead(PlanNode root) {
    Map<Long, TableDef> tables = new LinkedHashMap<>();
    collect(root, tables);
    return new ArrayList<>(tables.values());
  }

  private static void collect(PlanNode node, Map<Long, TableDef> tables) {
    if (node instanceof TableScanNode scan && scan.table().kind() == TableDef.Kind.BASE) {
      tables.putIfAbsent(scan.table().id(), scan.table());
    }
    for (PlanNode in : node.inputs()) {
      collect(in, tables);
    }
  }

  @Override
  public void close() {
    janitor.shutdownNow();
    for (Running r : running.values()) {
      r.stream().abort(SqlState.QUERY_CANCELED, "the server is shutting down");
      free(r.stream().id());
    }
  }
}

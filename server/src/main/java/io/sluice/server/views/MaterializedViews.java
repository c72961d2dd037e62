package io.sluice.server.views;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.executor.operator.ViewContents;
import io.sluice.executor.stream.EpochCoordinator;
import io.sluice.executor.stream.EpochListener;
import io.sluice.executor.stream.EpochReport;
import io.sluice.executor.stream.StreamingDataflow;
import io.sluice.executor.stream.ViewStateLayout;
import io.sluice.executor.stream.ViewProgress;
import io.sluice.parser.SluiceParser;
import io.sluice.plan.PlanPrinter;
import io.sluice.plan.QueryPlan;
import io.sluice.plan.catalog.CatalogReader;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.catalog.ViewDef;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.TableScanNode;
import io.sluice.server.Database;
import io.sluice.server.SystemSettings;
import io.sluice.storage.codec.ByteWriter;
import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.KvSnapshot;
import io.sluice.storage.kv.Keyspace;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The materialized views of a database: creating one (plan, start logging its tables, backfill
 * from a snapshot, then follow the logs), running them all through one {@link
 * EpochCoordinator}, recovering them after a restart from their committed state, and dropping
 * them. Thread-safe.
 */
public final class MaterializedViews implements EpochListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MaterializedViews.class);
  /** Log entries are truncated once every this many epochs. */
  private static final int TRUNCATE_EVERY = 50;

  /** Where a view stands. */
  public enum Status { BACKFILLING, RUNNING, RESTARTING, FAILED, STOPPED }

  /** A view that ran longer than this since its last restart counts its next failure as new. */
  private static final long STABLE_MILLIS = 60_000;
  /** The longest wait before a restart. */
  private static final long MAX_RESTART_DELAY_MILLIS = 60_000;

  /** The restarts of one view, kept across the dataflows that run it. */
  private static final class Restarts {
    int total;
    int inARow;
    long lastMillis;
  }

  /** What is known about a running view. */
  private static final class View {
    final ViewDef def;
    final List<TableDef> tables;
    final StreamingDataflow dataflow;
    volatile Status status;
    volatile String error;
    volatile long committedEpoch;
    volatile Map<Long, Long> offsets = Map.of();

    View(ViewDef def, List<TableDef> tables, StreamingDataflow dataflow, Status status) {
      this.def = def;
      this.tables = tables;
      this.dataflow = dataflow;
      this.status = status;
    }
  }

  private final Database db;
  private final ChangeLogs logs;
  private final EpochCoordinator coordinator;
  private final Map<Long, View> views = new ConcurrentHashMap<>();
  private final int partitions;
  private final Object changed = new Object();
  private final Map<Long, Restarts> restarts = new ConcurrentHashMap<>();
  private final java.util.concurrent.ScheduledExecutorService restarter =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sluice-view-restarts");
        t.setDaemon(true);
        return t;
      });
  /**
   * The committed log positions of views that could not start: logs are not truncated past
   * them, so such a view, once it can start (say after an upgrade fixes what stopped it), still
   * finds every change after its state.
   */
  private final Map<Long, Map<Long, Long>> notStarted = new ConcurrentHashMap<>();

  /**
   * Views being started (during recovery, all of them until the last has started). Logs are
   * not truncated meanwhile: a view not yet in {@link #views} still needs the entries after its
   * committed positions, which the views already running may have consumed.
   */
  private final AtomicInteger starting = new AtomicInteger();

  public MaterializedViews(Database db, ChangeLogs logs, int workers, long barrierMillis) {
    this.db = db;
    this.logs = logs;
    this.partitions = workers;
    this.coordinator = new EpochCoordinator(db.store(), logs, this, workers, barrierMillis);
  }

  /** How many partitions each view's dataflow runs in. */
  public int partitions() {
    return partitions;
  }

  public EpochCoordinator coordinator() {
    return coordinator;
  }

  /** Starts every materialized view of the catalog from its committed state (or anew). */
  public void recoverAll() {
    starting.incrementAndGet();
    try {
      for (ViewDef v : db.catalog().current().allViews()) {
        if (v.materialized()) {
          try {
            start(v);
          } catch (RuntimeException e) {
            LOG.error("materialized view {} cannot start: {}", v.qualifiedName(),
                e.getMessage());
            ViewProgress progress = ViewProgress.read(db.store(), v.id());
            if (progress != null) {
              notStarted.put(v.id(), progress.offsets());
            }
          }
        }
      }
    } finally {
      starting.decrementAndGet();
    }
  }

  /**
   * Starts a view: from its committed state if it has one made by the same plan, otherwise by
   * backfilling from a snapshot of its tables ({@link #awaitBackfill} waits for that).
   */
  public void start(ViewDef def) {
    start(def, null);
  }

  /**
   * As {@link #start(ViewDef)}, with the view's plan when its creator has it already (the
   * continuous plan of its query against the catalog it was created in), or null to plan the
   * stored query.
   */
  public void start(ViewDef def, QueryPlan plan) {
    starting.incrementAndGet();
    try {
      startView(def, plan != null ? plan : plan(def));
    } finally {
      starting.decrementAndGet();
    }
  }

  private void startView(ViewDef def, QueryPlan plan) {
    List<TableDef> tables = tablesRead(plan.root());
    ViewContents contents = ViewContents.of(plan.root().rowType(), plan.uniqueKey());
    String fingerprint = fingerprint(plan, contents);
    ViewProgress progress = ViewProgress.read(db.store(), def.id());
    boolean resume = progress != null && progress.backfilled()
        && fingerprint.equals(storedFingerprint(def.id()));
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
      if (resume) {
        dataflow = StreamingDataflow.create(def.id(), def.name(), plan.root(),
            contents, partitions,
            db.store(), db, logs, progress.offsets(), progress.rowCount(), null);
      } else {
        wipeState(def.id(), fingerprint, contents);
        Map<Long, Long> offsets = new HashMap<>();
        for (TableDef t : tables) {
          offsets.put(t.id(), logs.committedSeq(t.id()));
        }
        KvSnapshot snapshot = db.store().snapshot();
        dataflow = StreamingDataflow.create(def.id(), def.name(), plan.root(),
            contents, partitions,
            db.store(), db, logs, offsets, 0, snapshot);
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
    View view = new View(def, tables, dataflow, resume ? Status.RUNNING : Status.BACKFILLING);
    if (resume) {
      view.committedEpoch = progress.epoch();
      view.offsets = progress.offsets();
    }
    views.put(def.id(), view);
    coordinator.add(dataflow);
    LOG.info("materialized view {} {}", def.qualifiedName(),
        resume ? "resumed after epoch " + progress.epoch() : "started, backfilling");
  }

  /**
   * Waits until a view's backfill is committed. Throws if the view fails or is dropped
   * meanwhile, or (QUERY_CANCELED) when {@code cancelled} turns true first.
   */
  public void awaitBackfill(ViewDef def, BooleanSupplier cancelled) {
    View view = views.get(def.id());
    if (view == null) {
      throw new SluiceException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "materialized view \"" + def.name() + "\" is not running");
    }
    synchronized (changed) {
      while (view.status == Status.BACKFILLING) {
        if (cancelled.getAsBoolean()) {
          throw new SluiceException(SqlState.QUERY_CANCELED,
              "canceled while backfilling materialized view \"" + def.name() + "\"");
        }
        try {
          changed.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SluiceException(SqlState.QUERY_CANCELED,
              "interrupted while backfilling " + def.name());
        }
      }
    }
    if (view.status == Status.FAILED) {
      String state = view.dataflow.failureSqlState();
      throw new SluiceException(state != null ? state : SqlState.DATA_EXCEPTION,
          "materialized view \"" + def.name() + "\" failed while backfilling: " + view.error);
    }
    if (view.status == Status.STOPPED) {
      throw new SluiceException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "materialized view \"" + def.name() + "\" was dropped while it backfilled");
    }
  }

  /** Stops a view and deletes its state; its tables stop being logged for it. */
  public void stop(ViewDef def) {
    restarts.remove(def.id());
    notStarted.remove(def.id());
    View view = views.remove(def.id());
    if (view != null) {
      view.status = Status.STOPPED;
      synchronized (changed) {
        changed.notifyAll();
      }
    }
    try {
      coordinator.remove(def.id());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SluiceException(SqlState.QUERY_CANCELED, "interrupted while stopping a view");
    }
    wipeState(def.id(), null, null);
    if (view != null) {
      for (TableDef t : view.tables) {
        logs.unsubscribe(t);
      }
    }
  }

  /**
   * Waits until the given views reflect every change committed before the call; throws
   * QUERY_CANCELED when {@code cancelled} turns true first.
   */
  public void awaitFresh(java.util.Collection<Long> viewIds, BooleanSupplier cancelled) {
    if (viewIds.isEmpty()) {
      return;
    }
    try {
      if (!coordinator.awaitFresh(viewIds, cancelled)) {
        throw new SluiceException(SqlState.QUERY_CANCELED,
            "canceled while waiting for views to catch up");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SluiceException(SqlState.QUERY_CANCELED, "interrupted while waiting for views");
    }
  }

  @Override
  public void committed(long epoch, List<EpochReport> reports) {
    for (EpochReport r : reports) {
      View v = views.get(r.dataflow().viewId());
      if (v == null) {
        continue;
      }
      v.committedEpoch = epoch;
      v.offsets = r.offsets();
      if (v.status == Status.BACKFILLING && r.backfilled()) {
        v.status = Status.RUNNING;
        LOG.info("materialized view {} backfilled at epoch {}", v.def.qualifiedName(), epoch);
      }
    }
    synchronized (changed) {
      changed.notifyAll();
    }
    if (epoch % TRUNCATE_EVERY == 0) {
      truncateLogs();
    }
  }

  /**
   * A view's dataflow stopped on an error. Under the restart policy ({@code
   * view.restart.attempts}, {@code view.restart.delay}) it restarts from its last committed
   * epoch after a delay that doubles with each restart in a row, up to a minute; a view that
   * failed that many times in a row without running a minute cleanly in between stays failed
   * (until the database restarts, or the view is dropped and created again). A view still
   * backfilling stays failed at once: its CREATE reports the error.
   */
  @Override
  public void failed(StreamingDataflow dataflow, String reason) {
    View v = views.get(dataflow.viewId());
    if (v == null || v.dataflow != dataflow) {
      return;
    }
    v.error = reason;
    Restarts r = restarts.computeIfAbsent(v.def.id(), id -> new Restarts());
    long now = System.currentTimeMillis();
    if (now - r.lastMillis > STABLE_MILLIS) {
      r.inARow = 0;
    }
    int attempts = db.settings().count(SystemSettings.RESTART_ATTEMPTS);
    if (v.status == Status.BACKFILLING || r.inARow >= attempts) {
      v.status = Status.FAILED;
      LOG.error("materialized view {} failed{}: {}", v.def.qualifiedName(),
          r.inARow > 0 ? " after " + r.inARow + " restarts in a row" : "", reason);
    } else {
      long delay = Math.min(MAX_RESTART_DELAY_MILLIS,
          db.settings().millis(SystemSettings.RESTART_DELAY) << Math.min(20, r.inARow));
      r.inARow++;
      r.total++;
      r.lastMillis = now + delay;
      v.status = Status.RESTARTING;
      LOG.warn("materialized view {} failed: {}; restarting from its last committed epoch in"
          + " {} ms (restart {} of {} in a row)", v.def.qualifiedName(), reason, delay, r.inARow,
          attempts);
      restarter.schedule(() -> restart(v), delay, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    synchronized (changed) {
      changed.notifyAll();
    }
  }

  /** Replaces a failed view's dataflow by a new one started from its committed state. */
  private void restart(View failed) {
    db.ddlLock().lock();
    try {
      if (views.get(failed.def.id()) != failed || failed.status != Status.RESTARTING) {
        return;
      }
      coordinator.remove(failed.def.id());
      for (TableDef t : failed.tables) {
        logs.unsubscribe(t);
      }
      ViewDef current = db.catalog().current().allViews().stream()
          .filter(d -> d.id() == failed.def.id()).findFirst().orElse(null);
      if (current == null) {
        views.remove(failed.def.id(), failed);
        return;
      }
      // Replaces the failed view's entry.
      start(current);
      View next = views.get(current.id());
      if (next != null) {
        next.error = failed.error;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failed.status = Status.FAILED;
      failed.error = failed.error + "; the restart failed: " + e.getMessage();
      LOG.error("materialized view {} could not restart", failed.def.qualifiedName(), e);
    } finally {
      db.ddlLock().unlock();
      synchronized (changed) {
        changed.notifyAll();
      }
    }
  }

  /** Removes log entries every view reading the table has committed. */
  private void truncateLogs() {
    if (starting.get() > 0) {
      return; // the next truncation counts the views being started
    }
    if (!logs.anyToTruncate()) {
      return; // nothing written since the last truncation: no need to walk every view
    }
    Map<Long, Long> lowest = new HashMap<>();
    for (View v : views.values()) {
      for (TableDef t : v.tables) {
        long offset = v.offsets.getOrDefault(t.id(), 0L);
        lowest.merge(t.id(), offset, Math::min);
      }
    }
    // Continuous SELECTs read the same logs.
    for (StreamingDataflow d : coordinator.dataflows()) {
      if (d.isTransient()) {
        for (Map.Entry<Long, Long> e : d.committedOffsets().entrySet()) {
          lowest.merge(e.getKey(), e.getValue(), Math::min);
        }
      }
    }
    for (Map<Long, Long> offsets : notStarted.values()) {
      for (Map.Entry<Long, Long> e : offsets.entrySet()) {
        lowest.computeIfPresent(e.getKey(), (table, low) -> Math.min(low, e.getValue()));
      }
    }
    for (Map.Entry<Long, Long> e : lowest.entrySet()) {
      logs.truncate(e.getKey(), e.getValue());
    }
  }

  /** Rows of sys.materialized_views. */
  public List<Object[]> statusRows() {
    List<Object[]> rows = new ArrayList<>();
    List<View> all = new ArrayList<>(views.values());
    all.sort(Comparator.comparing(v -> v.def.qualifiedName()));
    for (View v : all) {
      long base = v.def.id() * ViewStateLayout.STATE_IDS_PER_VIEW;
      long bytes = db.store().approximateSize(Keyspace.STATE, id(base),
          id(base + ViewStateLayout.STATE_IDS_PER_VIEW));
      Restarts r = restarts.get(v.def.id());
      rows.add(new Object[] {v.def.schema(), v.def.name(), v.status.name().toLowerCase(),
          committedEpoch(v), v.dataflow.rowCount(), bytes, r == null ? 0 : r.total, v.error});
    }
    return rows;
  }

  /**
   * The last epoch a view's state is committed as of. Epochs a view has nothing to do in are
   * not reported to it (most views in most epochs): a view whose state reflects every change
   * logged so far is as of the last committed epoch.
   */
  private long committedEpoch(View v) {
    long epoch = Math.max(v.committedEpoch, v.dataflow.freshEpoch());
    return v.status == Status.RUNNING && v.dataflow.current()
        ? Math.max(epoch, coordinator.committedEpoch()) : epoch;
  }

  /** Fails if the view has stopped on an error, saying which. */
  public void checkReadable(long viewId) {
    View v = views.get(viewId);
    if (v != null && v.status == Status.FAILED) {
      throw new SluiceException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "materialized view \""
          + v.def.name() + "\" stopped on an error: " + v.error);
    }
    if (v != null && v.status == Status.RESTARTING) {
      throw new SluiceException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "materialized view \""
          + v.def.name() + "\" is restarting after an error: " + v.error);
    }
  }

  /** Whether a view exists and is running. */
  public boolean isRunning(long viewId) {
    View v = views.get(viewId);
    return v != null && v.status == Status.RUNNING;
  }

  /** The plan of a running view, for EXPLAIN. */
  public QueryPlan planOf(ViewDef def) {
    return plan(def);
  }

  /**
   * Whether the state a view keeps was made by the plan of its stored query as planned now:
   * only then does a restart resume the view rather than backfill it again.
   */
  boolean stateMatchesPlan(ViewDef def) {
    QueryPlan plan = plan(def);
    String now = fingerprint(plan, ViewContents.of(plan.root().rowType(), plan.uniqueKey()));
    return now.equals(storedFingerprint(def.id()));
  }

  private QueryPlan plan(ViewDef def) {
    CatalogReader catalog = db.catalog().current();
    return db.planner().planContinuous(SluiceParser.parseQuery(def.sql()), catalog);
  }

  private static List<TableDef> tablesRead(PlanNode node) {
    Map<Long, TableDef> tables = new LinkedHashMap<>();
    collect(node, tables);
    List<TableDef> out = new ArrayList<>(tables.values());
    out.sort(Comparator.comparingLong(TableDef::id));
    return out;
  }

  private static void collect(PlanNode node, Map<Long, TableDef> tables) {
    if (node instanceof TableScanNode scan) {
      tables.putIfAbsent(scan.table().id(), scan.table());
    }
    for (PlanNode in : node.inputs()) {
      collect(in, tables);
    }
  }

  static String fingerprint(QueryPlan plan, ViewContents contents) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(PlanPrinter.print(plan.root()).getBytes(StandardCharsets.UTF_8));
      md.update(plan.root().rowType().toString().getBytes(StandardCharsets.UTF_8));
      if (contents.keyed()) {
        // Views stored their rows counted before they were stored by key: such a view's state
        // must be rebuilt in the new layout, not resumed.
        md.update(("contents keyed " + contents.encode()).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] fingerprintKey(long viewId) {
    return ("view/" + viewId + "/fingerprint").getBytes(StandardCharsets.UTF_8);
  }

  private String storedFingerprint(long viewId) {
    byte[] v = db.store().get(Keyspace.META, fingerprintKey(viewId));
    return v == null ? null : new String(v, StandardCharsets.UTF_8);
  }

  /**
   * Deletes a view's state and progress; records the plan's fingerprint and contents layout
   * when given (null: the view is gone).
   */
  private void wipeState(long viewId, String fingerprint, ViewContents contents) {
    long base = viewId * ViewStateLayout.STATE_IDS_PER_VIEW;
    try (KvBatch batch = db.store().newBatch()) {
      batch.deleteRange(Keyspace.STATE, id(base), id(base + ViewStateLayout.STATE_IDS_PER_VIEW));
      ViewProgress.delete(batch, viewId);
      if (fingerprint == null) {
        batch.delete(Keyspace.META, fingerprintKey(viewId));
        batch.delete(Keyspace.META, ViewStateLayout.contentsLayoutKey(viewId));
      } else {
        batch.put(Keyspace.META, fingerprintKey(viewId),
            fingerprint.getBytes(StandardCharsets.UTF_8));
        batch.put(Keyspace.META, ViewStateLayout.contentsLayoutKey(viewId),
            contents.encode().getBytes(StandardCharsets.UTF_8));
      }
      db.store().commit(batch);
    }
  }

  private static byte[] id(long id) {
    ByteWriter w = new ByteWriter(8);
    w.writeLong(id);
    return w.toByteArray();
  }

  @Override
  public void close() {
    restarter.shutdownNow();
    coordinator.close();
  }
}

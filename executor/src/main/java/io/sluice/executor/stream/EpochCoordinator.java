package io.sluice.executor.stream;

import io.sluice.storage.codec.ByteWriter;
import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.Keyspace;
import io.sluice.storage.kv.RocksDbStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts and commits epochs for every running materialized view.
 *
 * <p>Every {@code interval} (or at once when a reader asks for fresh data) it takes a cut —
 * the last committed log sequence number of every table a view reads — runs each view's
 * dataflow up to that cut on the worker pool, and writes every view's sealed state changes and
 * progress and the epoch number in one RocksDB batch. That write needs no fsync: what it holds
 * can be recomputed from the table logs, which are durable.
 *
 * <p>Commits are pipelined: epoch {@code e}'s batch is written on the commit thread while the
 * workers already run epoch {@code e + 1} (its operators read {@code e}'s writes from the
 * sealed overlays of their state tables until the write lands). At most one commit is in
 * flight, and commits land in epoch order. An epoch is committed — readers see it, listeners
 * hear of it — only once its write has returned.
 */
public final class EpochCoordinator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EpochCoordinator.class);
  private static final byte[] EPOCH_KEY = "epoch/committed".getBytes(StandardCharsets.UTF_8);

  private final RocksDbStore store;
  private final TableLogs logs;
  private final EpochListener listener;
  private final ExecutorService workers;
  private final Map<Long, StreamingDataflow> dataflows = new ConcurrentHashMap<>();
  private final Set<Long> removals = new HashSet<>();
  /** Table id to the dataflows reading it; under the monitor. */
  private final Map<Long, Set<Long>> readers = new HashMap<>();
  /** The cut of the last epoch taken (tables read then); under the monitor. */
  private Map<Long, Long> lastCut = new HashMap<>();
  /** Dataflows the next epoch visits whatever the logs: new ones, busy ones; under the monitor. */
  private final Set<Long> attention = new HashSet<>();
  private final Thread thread;
  /** Writes epochs' batches, one at a time, in order. */
  private final ExecutorService committer;
  /** The commit in flight (or the last one); used by the coordinator's thread only. */
  private CompletableFuture<Void> lastCommit = CompletableFuture.completedFuture(null);
  private final Object monitor = new Object();
  private volatile long intervalMillis;
  private long committed;
  /** The last epoch whose cut was taken (committed, or the one running). */
  private long cutTaken;
  private long requested;
  /** Whether a view was left behind by the last epoch: the next one starts at once. */
  private boolean lagging;
  private volatile boolean closed;
  private boolean paused;
  private boolean running;
  /** Whether an epoch's commit is in flight. */
  private boolean committing;
  /** Whether the next epoch cut stores its number even if no view changes in it. */
  private boolean storeNextEpoch;

  /**
   * @param workerThreads the size of the worker pool (about one per core)
   * @param intervalMillis the time between epochs
   */
  public EpochCoordinator(RocksDbStore store, TableLogs logs, EpochListener listener,
      int workerThreads, long intervalMillis) {
    this.store = store;
    this.logs = logs;
    this.listener = listener;
    this.intervalMillis = intervalMillis;
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(workerThreads, r -> {
      Thread t = new Thread(r, "sluice-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    byte[] stored = store.get(Keyspace.META, EPOCH_KEY);
    this.committed = stored == null ? 0 : java.nio.ByteBuffer.wrap(stored).getLong();
    this.cutTaken = committed;
    this.committer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "sluice-commit");
      t.setDaemon(true);
      return t;
    });
    this.thread = new Thread(this::loop, "sluice-epochs");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** The last committed epoch. */
  public long committedEpoch() {
    synchronized (monitor) {
      return committed;
    }
  }

  /** Changes the time between epochs. */
  public void setInterval(long millis) {
    intervalMillis = millis;
    synchronized (monitor) {
      monitor.notifyAll();
    }
  }

  public long interval() {
    return intervalMillis;
  }

  /**
   * Stops cutting epochs until {@link #resume}; returns once no epoch is running or committing.
   * Changes keep accumulating in the table logs (benchmarks use this to measure how fast views
   * catch up).
   */
  public void pause() throws InterruptedException {
    synchronized (monitor) {
      paused = true;
      while (running || committing) {
        monitor.wait();
      }
    }
  }

  /** Starts cutting epochs again after {@link #pause}. */
  public void resume() {
    synchronized (monitor) {
      paused = false;
      monitor.notifyAll();
    }
  }

  /** Starts running a dataflow from the next epoch on. */
  public void add(StreamingDataflow dataflow) {
    synchronized (monitor) {
      dataflows.put(dataflow.viewId(), dataflow);
      for (long t : dataflow.tableIds()) {
        readers.computeIfAbsent(t, k -> new HashSet<>()).add(dataflow.viewId());
      }
      attention.add(dataflow.viewId());
      // A new view starts its backfill at once rather than at the next interval.
      requested = Math.max(requested, cutTaken + 1);
      monitor.notifyAll();
    }
  }

  /** Takes a dataflow out of the map and the readers; under the monitor. */
  private StreamingDataflow forget(long viewId) {
    StreamingDataflow d = dataflows.remove(viewId);
    if (d != null) {
      for (long t : d.tableIds()) {
        Set<Long> ids = readers.get(t);
        if (ids != null && ids.remove(viewId) && ids.isEmpty()) {
          readers.remove(t);
          lastCut.remove(t);
        }
      }
    }
    attention.remove(viewId);
    return d;
  }

  /**
   * Stops running a dataflow and closes it, waiting until no epoch uses it: after this returns
   * its state tables are no longer written. No new epoch is asked for (with thousands of views
   * that made every DROP wait out whole epochs): between epochs, with no commit in flight, the
   * dataflow stops at once; otherwise when the commit in flight lands or the next epoch starts,
   * whichever comes first.
   */
  public void remove(long viewId) throws InterruptedException {
    synchronized (monitor) {
      if (!dataflows.containsKey(viewId)) {
        return;
      }
      removals.add(viewId);
      while (dataflows.containsKey(viewId) && !closed) {
        if (!running && !committing) {
          // The coordinator starts an epoch and hands over a commit only under this monitor:
          // nothing can be using the dataflow now.
          closeRemovals();
          break;
        }
        monitor.wait();
      }
    }
  }

  /** Closes the dataflows asked to stop; under the monitor, with no epoch or commit running. */
  private void closeRemovals() {
    for (long id : removals) {
      StreamingDataflow d = forget(id);
      if (d != null) {
        d.close();
      }
    }
    removals.clear();
    monitor.notifyAll();
  }

  /**
   * Closes the dataflows asked to stop; between epochs, on the coordinator's thread, once the
   * commit in flight (which may still write their state) has landed.
   */
  private void applyRemovals() throws InterruptedException {
    synchronized (monitor) {
      if (removals.isEmpty()) {
        return;
      }
    }
    awaitLastCommit();
    synchronized (monitor) {
      closeRemovals();
    }
  }


  /** The running dataflows. */
  public List<StreamingDataflow> dataflows() {
    return List.copyOf(dataflows.values());
  }

  /**
   * Cuts an epoch now and waits until the given views reflect every change committed before
   * the call (a view that is far behind takes several epochs). A view that failed or stopped
   * is not waited for. Returns false if {@code cancelled} turned true first.
   */
  public boolean awaitFresh(Collection<Long> viewIds, BooleanSupplier cancelled)
      throws InterruptedException {
    if (current(viewIds)) {
      return true;
    }
    synchronized (monitor) {
      // An epoch already running may have been cut before the call: wait for the next one.
      long target = cutTaken + 1;
      requested = Math.max(requested, target);
      monitor.notifyAll();
      while (!closed && !fresh(viewIds, target)) {
        if (cancelled.getAsBoolean()) {
          return false;
        }
        monitor.wait(100);
      }
      return true;
    }
  }

  /**
   * Waits until every running view reflects every change committed before the call; returns
   * the committed epoch.
   */
  public long awaitFresh() throws InterruptedException {
    awaitFresh(List.copyOf(dataflows.keySet()), () -> false);
    return committedEpoch();
  }

  /** Whether every view's committed state already reflects everything logged so far. */
  private boolean current(Collection<Long> viewIds) {
    for (long id : viewIds) {
      StreamingDataflow d = dataflows.get(id);
      if (d != null && d.failure() == null && !d.current()) {
        return false;
      }
    }
    return true;
  }

  private boolean fresh(Collection<Long> viewIds, long target) {
    if (committed < target) {
      return false;
    }
    for (long id : viewIds) {
      StreamingDataflow d = dataflows.get(id);
      // A view not visited since it was last fresh is current: none of its tables changed.
      if (d != null && d.failure() == null && d.freshEpoch() < target && !d.current()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Cuts an epoch now (a barrier through every dataflow), waits until it is committed, and
   * returns the committed epoch: every change logged before the call is in it, and its number
   * is stored with it even when no view changed. Used by checkpoints.
   */
  public long cutEpoch() throws InterruptedException {
    synchronized (monitor) {
      long target = cutTaken + 1;
      requested = Math.max(requested, target);
      storeNextEpoch = true;
      monitor.notifyAll();
      while (committed < target) {
        if (closed) {
          throw new IllegalStateException("the epoch coordinator is closed");
        }
        monitor.wait(100);
      }
      return committed;
    }
  }

  /** Waits until an epoch after {@code epoch} is committed. */
  public void awaitEpochAfter(long epoch) throws InterruptedException {
    synchronized (monitor) {
      requested = Math.max(requested, epoch + 1);
      monitor.notifyAll();
      while (committed <= epoch && !closed) {
        monitor.wait();
      }
    }
  }

  private void loop() {
    long next = System.currentTimeMillis() + intervalMillis;
    while (!closed) {
      try {
        synchronized (monitor) {
          long now = System.currentTimeMillis();
          while (!closed
              && (paused || (requested <= cutTaken && !lagging && now < next))) {
            monitor.wait(paused ? 0 : next - now);
            now = System.currentTimeMillis();
          }
          if (closed) {
            return;
          }
          running = true;
        }
        next = System.currentTimeMillis() + intervalMillis;
        try {
          runEpoch();
        } finally {
          synchronized (monitor) {
            running = false;
            monitor.notifyAll();
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.error("epoch failed; retrying at the next interval", e);
      }
    }
  }

  private void runEpoch() throws InterruptedException {
    applyRemovals();
    long number;
    boolean storeNumber;
    Map<Long, Long> cut = new HashMap<>();
    // Only the dataflows that can have work are visited: those reading a table logged to
    // since the last cut, and those that had work in the last epoch or are new (a backfill, a
    // view behind, one resumed after a restart). The others are idle: with thousands of views,
    // visiting each in every epoch was most of an epoch's time.
    Set<StreamingDataflow> candidates = new java.util.LinkedHashSet<>();
    Set<Long> attended;
    synchronized (monitor) {
      number = cutTaken + 1;
      storeNumber = storeNextEpoch;
      storeNextEpoch = false;
      for (Map.Entry<Long, Set<Long>> e : readers.entrySet()) {
        long seq = logs.committedSeq(e.getKey());
        cut.put(e.getKey(), seq);
        Long before = lastCut.get(e.getKey());
        if (before == null || seq > before) {
          for (long id : e.getValue()) {
            candidates.add(dataflows.get(id));
          }
        }
      }
      attended = new HashSet<>(attention);
      for (long id : attended) {
        candidates.add(dataflows.get(id));
      }
      cutTaken = number;
      lastCut = cut;
    }
    List<StreamingDataflow> running = new ArrayList<>();
    for (StreamingDataflow d : candidates) {
      if (d != null && d.failure() == null) {
        running.add(d);
      }
    }
    Epoch epoch = new Epoch(number, cut);
    // A dataflow with nothing to do in the epoch takes no further part in it but to be marked
    // fresh once it commits: with thousands of views, most are idle in most epochs, and a
    // report, a commit and a listener call each cost time in every one of them.
    List<CompletableFuture<EpochReport>> futures = new ArrayList<>();
    List<StreamingDataflow> busy = new ArrayList<>();
    List<StreamingDataflow> idle = new ArrayList<>();
    for (StreamingDataflow d : running) {
      if (d.hasWork(epoch)) {
        busy.add(d);
        futures.add(d.run(epoch, workers));
      } else {
        idle.add(d);
      }
    }
    running = busy;
    List<EpochReport> reports = new ArrayList<>();
    List<StreamingDataflow> failed = new ArrayList<>();
    boolean behind = false;
    for (int i = 0; i < futures.size(); i++) {
      StreamingDataflow d = running.get(i);
      EpochReport r;
      try {
        r = futures.get(i).get();
      } catch (ExecutionException e) {
        LOG.error("dataflow {} crashed", d.name(), e.getCause());
        r = null;
      }
      if (r == null) {
        failed.add(d);
        continue;
      }
      reports.add(r);
      behind |= !r.caughtUp();
    }
    // The previous epoch's commit lands first: a failed dataflow restarts from its last
    // committed state, so that state must be in the store before anyone hears of the failure,
    // and a dataflow whose previous epoch could not be committed cannot commit this one.
    awaitLastCommit();
    List<EpochReport> committable = new ArrayList<>();
    for (EpochReport r : reports) {
      if (r.dataflow().failure() == null) {
        committable.add(r);
      } else {
        failed.add(r.dataflow());
      }
    }
    for (StreamingDataflow d : failed) {
      LOG.warn("dataflow {} failed: {}", d.name(), d.failure());
      listener.failed(d, d.failure() == null ? "crashed" : d.failure());
    }
    synchronized (monitor) {
      lagging = behind;
      committing = true;
      // The next epoch visits this one's busy dataflows again (one may be behind its cut).
      attention.removeAll(attended);
      for (EpochReport r : committable) {
        if (dataflows.get(r.dataflow().viewId()) == r.dataflow()) {
          attention.add(r.dataflow().viewId());
        }
      }
    }
    try {
      lastCommit = CompletableFuture.runAsync(
          () -> commit(number, storeNumber, committable, idle), committer);
    } catch (RuntimeException e) {
      synchronized (monitor) {
        committing = false;
        monitor.notifyAll();
      }
      throw e;
    }
  }

  /** Waits until the commit in flight, if any, has landed (or failed). */
  private void awaitLastCommit() throws InterruptedException {
    try {
      lastCommit.get();
    } catch (ExecutionException e) {
      // commit() handles its own failures; nothing else can go wrong there.
      LOG.error("epoch commit crashed", e.getCause());
    }
  }

  /**
   * Writes an epoch's state changes, view progress and number in one batch, then tells the
   * dataflows and the listener. On the commit thread. If the write fails, every dataflow in the
   * batch fails (and restarts from its last committed state under the view restart policy)
   * rather than go on past an epoch the store does not have.
   */
  private void commit(long number, boolean storeNumber, List<EpochReport> reports,
      List<StreamingDataflow> idle) {
    try {
      // An epoch in which nothing changed writes nothing: the stored epoch number need only be
      // at least that of every view's stored progress.
      boolean anyChange = storeNumber || reports.stream().anyMatch(r -> !r.idle());
      long bytes = 0;
      for (EpochReport r : reports) {
        // Keys and values, and a few bytes of framing for each.
        bytes += r.delta().bytes() + 8L * r.delta().size();
      }
      try (KvBatch batch = anyChange ? store.newBatch(bytes + 4096) : null) {
        for (EpochReport r : reports) {
          if (r.idle()) {
            continue;
          }
          r.delta().addTo(batch);
          StreamingDataflow d = r.dataflow();
          if (!d.isTransient()) {
            new ViewProgress(number, r.backfilled(), d.rowCount() + r.rowDelta(), r.offsets())
                .write(batch, d.viewId());
          }
        }
        if (batch != null) {
          ByteWriter w = new ByteWriter(8);
          w.writeLong(number);
          batch.put(Keyspace.META, EPOCH_KEY, w.toByteArray());
          store.write(batch);
        }
      } catch (RuntimeException e) {
        LOG.error("epoch {} could not be committed; its dataflows stop", number, e);
        for (EpochReport r : reports) {
          r.dataflow().failCommit(e);
        }
        return;
      }
      for (EpochReport r : reports) {
        r.dataflow().committed(r);
      }
      for (StreamingDataflow d : idle) {
        d.committedIdle(number);
      }
      synchronized (monitor) {
        committed = number;
        monitor.notifyAll();
      }
      listener.committed(number, reports);
    } finally {
      synchronized (monitor) {
        committing = false;
        monitor.notifyAll();
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (monitor) {
      monitor.notifyAll();
    }
    try {
      thread.join(10_000);
      committer.shutdown();
      committer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    committer.shutdownNow();
    workers.shutdownNow();
    synchronized (monitor) {
      for (StreamingDataflow d : dataflows.values()) {
        d.close();
      }
      dataflows.clear();
      readers.clear();
      attention.clear();
    }
  }
}

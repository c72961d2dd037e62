package io.sluice.executor.stream;

import io.sluice.common.error.SluiceException;
import io.sluice.executor.ExecutionEnvironment;
import io.sluice.executor.RuntimeErrors;
import io.sluice.executor.codegen.QueryContext;
import io.sluice.executor.operator.Barrier;
import io.sluice.executor.operator.CollectChangesOperator;
import io.sluice.executor.operator.MaterializeOperator;
import io.sluice.executor.operator.ViewContents;
import io.sluice.executor.runtime.DataflowBuilder;
import io.sluice.executor.runtime.Source;
import io.sluice.executor.runtime.Vertex;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.node.ExchangeNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.TableScanNode;
import io.sluice.plan.node.ValuesNode;
import io.sluice.storage.codec.RowCodec;
import io.sluice.storage.kv.KvSnapshot;
import io.sluice.storage.kv.RocksDbStore;
import io.sluice.storage.state.EpochDelta;
import io.sluice.storage.state.RocksDbStateBackend;
import io.sluice.storage.state.StateTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A materialized view's dataflow: the view's plan, fed by its tables' change logs, ending in a
 * {@link MaterializeOperator} whose state table holds the view's rows. A continuous SELECT's
 * dataflow is the same but transient: it ends in a {@link CollectChangesOperator} instead, and
 * hands each committed epoch's net changes to a {@link ChangeConsumer}.
 *
 * <p>The plan's exchanges cut it into fragments; each fragment runs as {@code partitions}
 * instances, instance {@code p} owning the keys that hash to {@code p} in every keyed operator
 * of the fragment. An epoch runs the fragments upstream first, all instances of a fragment in
 * parallel on the worker pool; an exchange holds what its senders routed until the receiving
 * fragment runs. No task ever waits for another, so a small pool runs any number of views.
 *
 * <p>State lives in RocksDB through one {@link RocksDbStateBackend}: every instance has its own
 * dirty overlay of the tables it writes (their keys never overlap) and seals it as soon as it
 * has run the epoch, on its worker, in parallel with the other instances; after the last
 * fragment the sealed parts become one delta the coordinator commits. The state
 * layout does not depend on the number of partitions, so a view resumes under another.
 *
 * <p>Not thread-safe: the coordinator runs one epoch of a dataflow at a time.
 */
public final class StreamingDataflow {
  /**
   * A part of the plan between exchanges, with one instance per partition; or only one
   * instance when the planner holds all its rows in one partition (it reads exchanges that send
   * everything to partition 0, or constant rows). The planner never mixes the two kinds of
   * input in one fragment.
   */
  private static final class Fragment {
    final PlanNode root;
    final ExchangeNode output;
    final List<Fragment> upstream;
    final boolean single;
    final List<Instance> instances = new ArrayList<>();

    Fragment(PlanNode root, ExchangeNode output, List<Fragment> upstream, boolean single) {
      this.root = root;
      this.output = output;
      this.upstream = upstream;
      this.single = single;
    }
  }

  /**
   * One partition of a fragment: its vertices, the feeds that start them and the state tables
   * its operators own (no other instance writes them).
   */
  private record Instance(List<Vertex> vertices, List<Feed> feeds, List<StateTable> tables) {
    /** Runs the epoch's input through the instance, then seals its tables' writes. */
    void run(Barrier barrier, RocksDbStateBackend backend) {
      for (Feed f : feeds) {
        f.emitEpoch();
      }
      for (Feed f : feeds) {
        f.vertex().injectBarrier(barrier);
      }
      // Once the barrier has passed, the instance's operators write nothing more this epoch.
      backend.sealPart(barrier.epoch(), tables);
    }
  }

  private final long viewId;
  private final String name;
  private final int partitions;
  private final TableLogs logs;
  private final RocksDbStateBackend backend;
  private final List<Fragment> fragments = new ArrayList<>();
  private final Map<ExchangeNode, ExchangeBuffers> exchanges = new IdentityHashMap<>();
  private final Map<Long, TableInput> inputs = new TreeMap<>();
  private final List<TableFeed> tableFeeds = new ArrayList<>();
  private final List<ValuesFeed> valuesFeeds = new ArrayList<>();
  private final List<MaterializeOperator> sinks = new ArrayList<>();
  /** Whether the planner proved the view's rows distinct (see {@link MaterializeOperator}). */
  /** How the view's rows are kept (null for a continuous SELECT, which keeps none). */
  private ViewContents contents;
  /** For a continuous SELECT: who gets its changes, and its sinks; null and empty for a view. */
  private final ChangeConsumer consumer;
  private final List<CollectChangesOperator> collectors = new ArrayList<>();
  private boolean backfillReported;
  private KvSnapshot backfillSnapshot;
  private boolean caughtUp;
  private boolean busy;
  private volatile String failure;
  private volatile String failureSqlState;
  private volatile long freshEpoch;
  private volatile long rowCount;
  /** For each table read, the last log sequence number the committed state reflects. */
  private volatile Map<Long, Long> committedOffsets = Map.of();
  /** Whether the committed state includes the whole backfill and every constant row. */
  private volatile boolean committedComplete;

  /** The tables read, and their inputs: fixed once built (asked for in every epoch). */
  private Set<Long> tableIds = Set.of();
  private TableInput[] inputArray = new TableInput[0];
  /**
   * Whether the backfill is done and every constant row emitted: from then on only the logs
   * bring work. Read and set on the coordinator's thread.
   */
  private boolean settled;

  /** A view's data errors; null for a continuous SELECT, where an error ends the stream. */
  private ViewErrors errors;

  private StreamingDataflow(long viewId, String name, int partitions, TableLogs logs,
      RocksDbStateBackend backend, KvSnapshot backfillSnapshot, ChangeConsumer consumer) {
    this.viewId = viewId;
    this.consumer = consumer;
    this.name = name;
    this.partitions = partitions;
    this.logs = logs;
    this.backend = backend;
    this.backfillSnapshot = backfillSnapshot;
  }

  /**
   * Builds a view's dataflow.
   *
   * @param root the view's continuous plan, exchanges placed
   * @param partitions how many instances each fragment runs as
   * @param offsets for each table the view reads, the last log sequence number its committed
   *     state reflects
   * @param rowCount the rows in the view's committed state
   * @param backfillSnapshot when not null, the view is new: its tables' rows as of this
   *     snapshot (which {@code offsets} correspond to) are emitted first; the dataflow closes it
   */
  public static StreamingDataflow create(long viewId, String name, PlanNode root,
      ViewContents contents, int partitions, RocksDbStore store, ExecutionEnvironment env,
      TableLogs logs, Map<Long, Long> offsets, long rowCount, KvSnapshot backfillSnapshot) {
    return create(viewId, name, root, contents, partitions, store, env, logs, offsets,
        rowCount, backfillSnapshot, null);
  }

  /**
   * Builds a continuous SELECT's dataflow: like a new view's (it starts with the backfill from
   * {@code snapshot}) but transient, its state under {@code id}'s state table ids, its result
   * changes going to {@code consumer} after each epoch commits. Its progress is not recorded:
   * it does not survive a restart.
   */
  public static StreamingDataflow createTransient(long id, String name, PlanNode root,
      int partitions, RocksDbStore store, ExecutionEnvironment env, TableLogs logs,
      Map<Long, Long> offsets, KvSnapshot snapshot, ChangeConsumer consumer) {
    return create(id, name, root, null, partitions, store, env, logs, offsets, 0, snapshot,
        java.util.Objects.requireNonNull(consumer));
  }

  private static StreamingDataflow create(long viewId, String name, PlanNode root,
      ViewContents contents, int partitions, RocksDbStore store, ExecutionEnvironment env,
      TableLogs logs, Map<Long, Long> offsets, long rowCount, KvSnapshot backfillSnapshot,
      ChangeConsumer consumer) {
    StreamingDataflow d = new StreamingDataflow(viewId, name, partitions, logs,
        new RocksDbStateBackend(store), backfillSnapshot, consumer);
    d.contents = contents;
    d.rowCount = rowCount;
    try {
      d.build(root, env, offsets);
      d.tableIds = Set.copyOf(d.inputs.keySet());
      d.inputArray = d.inputs.values().toArray(new TableInput[0]);
      d.committedOffsets = d.positions();
      d.committedComplete = d.backfilled() && d.valuesFeeds.isEmpty();
    } catch (RuntimeException e) {
      d.close();
      throw e;
    }
    return d;
  }

  private void build(PlanNode root, ExecutionEnvironment env, Map<Long, Long> offsets) {
    Map<PlanNode, Long> stateIds = stateIds(root);
    Fragment sink = fragment(root, null);
    for (Fragment f : fragments) {
      for (int p = 0; p < (f.single ? 1 : partitions); p++) {
        f.instances.add(instance(f, f == sink, p, stateIds, env, offsets));
      }
    }
    for (Fragment f : fragments) {
      for (Instance i : f.instances) {
        for (Vertex v : i.vertices()) {
          v.open();
        }
      }
    }
  }

  /**
   * The id of each node's first state table: numbered in a walk of the plan (node, then its
   * inputs left to right), so the same plan always gets the same ids.
   */
  private Map<PlanNode, Long> stateIds(PlanNode root) {
    Map<PlanNode, Long> ids = new IdentityHashMap<>();
    long[] next = {ViewStateLayout.firstStateId(viewId)};
    walk(root, node -> {
      ids.put(node, next[0]);
      next[0] += node.stateTables().size();
    });
    if (next[0] > ViewStateLayout.errorsTableId(viewId)) {
      throw SluiceException.unsupported("the view's plan needs more than "
          + ViewStateLayout.PLAN_STATE_TABLES + " state tables");
    }
    return ids;
  }

  private static void walk(PlanNode node, java.util.function.Consumer<PlanNode> visit) {
    visit.accept(node);
    for (PlanNode in : node.inputs()) {
      walk(in, visit);
    }
  }

  /** Adds the fragment topped by {@code root}, after the fragments it reads. */
  private Fragment fragment(PlanNode root, ExchangeNode output) {
    List<Fragment> upstream = new ArrayList<>();
    boolean single = false;
    for (PlanNode leaf : leaves(root)) {
      if (leaf instanceof ExchangeNode e) {
        exchanges.put(e, new ExchangeBuffers(partitions));
        upstream.add(fragment(e.input(), e));
        single |= e.isSingle();
      } else {
        single |= leaf instanceof ValuesNode;
      }
    }
    Fragment f = new Fragment(root, output, upstream, single);
    fragments.add(f);
    return f;
  }

  /** The leaves of a fragment topped by {@code node}: exchanges, table scans, VALUES. */
  private static List<PlanNode> leaves(PlanNode node) {
    List<PlanNode> out = new ArrayList<>();
    if (node instanceof ExchangeNode || node.inputs().isEmpty()) {
      out.add(node);
      return out;
    }
    for (PlanNode in : node.inputs()) {
      out.addAll(leaves(in));
    }
    return out;
  }

  private Instance instance(Fragment f, boolean isSink, int partition,
      Map<PlanNode, Long> stateIds, ExecutionEnvironment env, Map<Long, Long> offsets) {
    List<StateTable> tables = new ArrayList<>();
    DataflowBuilder builder = new DataflowBuilder(backend.recordingTo(tables), QueryContext.now(),
        node -> leaf(node, partition, env, offsets),
        (node, index) -> stateIds.get(node) + index);
    if (consumer == null) {
      if (errors == null) {
        errors = new ViewErrors(backend.open(ViewStateLayout.errorsSpec(viewId)));
      }
      builder.keepDataErrors(errors);
    }
    Vertex top = builder.build(f.root);
    Vertex end;
    if (isSink && consumer != null) {
      CollectChangesOperator sink = new CollectChangesOperator();
      collectors.add(sink);
      end = builder.vertex("CollectChanges(" + name + ")", sink, 1, Map.of());
    } else if (isSink) {
      MaterializeOperator sink = new MaterializeOperator("contents", contents);
      sinks.add(sink);
      end = builder.vertex("Materialize(" + name + ")", sink, 1,
          Map.of(contents.decl(), ViewStateLayout.contentsTableId(viewId)));
    } else {
      end = builder.vertex(f.output.describe(), new ExchangeSender(exchanges.get(f.output),
          new Partitioner(f.output, partitions), partition), 1, Map.of());
    }
    top.connectTo(end, 0);
    List<Feed> feeds = new ArrayList<>();
    for (Map.Entry<Vertex, Source> e : builder.sources()) {
      Feed feed = (Feed) e.getValue();
      feed.attach(e.getKey());
      feeds.add(feed);
    }
    return new Instance(builder.vertices(), feeds, tables);
  }

  /** The feed standing for a leaf of a fragment in one partition. */
  private Source leaf(PlanNode node, int partition, ExecutionEnvironment env,
      Map<Long, Long> offsets) {
    if (node instanceof ExchangeNode e) {
      return new ExchangeFeed(exchanges.get(e), partition);
    }
    if (node instanceof ValuesNode v) {
      ValuesFeed feed = new ValuesFeed(partition == 0 && backfillSnapshot != null
          ? v.rows() : null);
      valuesFeeds.add(feed);
      return feed;
    }
    TableDef def = ((TableScanNode) node).table();
    if (def.kind() != TableDef.Kind.BASE) {
      throw SluiceException.unsupported("a materialized view cannot read "
          + def.qualifiedName() + ": only tables and other views");
    }
    TableInput input = inputs.computeIfAbsent(def.id(),
        id -> new TableInput(id, offsets.getOrDefault(id, 0L)));
    TableFeed feed = new TableFeed(input, new RowCodec(def.rowType().types()), partition,
        partition == 0 && backfillSnapshot != null ? env.storage(def).scan(backfillSnapshot)
            : null);
    tableFeeds.add(feed);
    return feed;
  }

  public long viewId() {
    return viewId;
  }

  /** Whether this is a continuous SELECT's dataflow: no contents table, no stored progress. */
  public boolean isTransient() {
    return consumer != null;
  }

  /** For each table read, the last log sequence number the committed state reflects. */
  public Map<Long, Long> committedOffsets() {
    return committedOffsets;
  }

  public String name() {
    return name;
  }

  /** How many instances each fragment runs as. */
  public int partitions() {
    return partitions;
  }

  /** Why the dataflow stopped, or null while it runs. */
  public String failure() {
    return failure;
  }

  /** The SQLSTATE of the error the dataflow stopped on, or null while it runs. */
  public String failureSqlState() {
    return failureSqlState;
  }

  /** The last committed epoch in which the view had read everything up to the epoch's cut. */
  public long freshEpoch() {
    return freshEpoch;
  }

  /** The rows in the view as of the last committed epoch, counting copies. */
  public long rowCount() {
    return rowCount;
  }

  /** The ids of the tables the view reads. */
  public Set<Long> tableIds() {
    return tableIds;
  }

  private Map<Long, Long> positions() {
    Map<Long, Long> out = new HashMap<>();
    for (TableInput in : inputs.values()) {
      out.put(in.tableId(), in.position());
    }
    return out;
  }

  /**
   * Whether the committed state already reflects every change the tables' logs hold now, so
   * that a read needs no new epoch. Cheap: compares positions, reads no storage.
   */
  public boolean current() {
    if (failure != null || !committedComplete) {
      return false;
    }
    for (Map.Entry<Long, Long> e : committedOffsets.entrySet()) {
      if (e.getValue() < logs.committedSeq(e.getKey())) {
        return false;
      }
    }
    return true;
  }

  /** Whether the snapshot backfill is complete. */
  public boolean backfilled() {
    for (TableFeed f : tableFeeds) {
      if (f.backfilling()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the epoch has anything for this dataflow: a backfill to go on with, constant rows
   * to emit, or log entries past its positions. Cheap: no storage is read.
   */
  public boolean hasWork(Epoch epoch) {
    if (!settled) {
      if (!backfilled()) {
        return true;
      }
      for (ValuesFeed v : valuesFeeds) {
        if (v.pending()) {
          return true;
        }
      }
      settled = true;
    }
    for (TableInput in : inputArray) {
      if (in.position() < epoch.cutOf(in.tableId())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells the dataflow that an epoch it had nothing to do in (see {@link #hasWork}) has
   * committed: its state is unchanged and reflects everything up to that epoch's cut.
   */
  void committedIdle(long epoch) {
    // Idle means settled: the backfill is done and every constant row emitted (a view resumed
    // after a restart has both from the start, and may never be busy again).
    committedComplete = true;
    freshEpoch = epoch;
  }

  /**
   * Starts the epoch's work on the pool. The result is the epoch's report, or null if the
   * dataflow failed (see {@link #failure()}), after which it takes part in no epoch.
   */
  public CompletableFuture<EpochReport> run(Epoch epoch, Executor pool) {
    if (failure != null) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.supplyAsync(() -> prepare(epoch), pool)
        .thenCompose(busy -> busy ? runFragments(epoch, pool)
            : CompletableFuture.completedFuture(null))
        .thenApply(v -> finish(epoch))
        .exceptionally(this::fail);
  }

  /** Reads the epoch's log input; returns whether there is anything to process. */
  private boolean prepare(Epoch epoch) {
    if (!backfilled()) {
      caughtUp = false;
      busy = true;
      return true;
    }
    busy = false;
    caughtUp = true;
    for (TableInput in : inputs.values()) {
      caughtUp &= in.read(logs, epoch.cutOf(in.tableId()), partitions);
      busy |= !in.isEmpty();
    }
    for (ValuesFeed v : valuesFeeds) {
      busy |= v.pending();
    }
    return busy;
  }

  private CompletableFuture<Void> runFragments(Epoch epoch, Executor pool) {
    Barrier barrier = new Barrier(epoch.number(), false);
    Map<Fragment, CompletableFuture<Void>> done = new HashMap<>();
    CompletableFuture<Void> last = null;
    for (Fragment f : fragments) {
      CompletableFuture<?>[] deps = f.upstream.stream().map(done::get)
          .toArray(CompletableFuture[]::new);
      last = CompletableFuture.allOf(deps).thenCompose(v -> CompletableFuture.allOf(
          f.instances.stream()
              .map(i -> CompletableFuture.runAsync(() -> i.run(barrier, backend), pool))
              .toArray(CompletableFuture[]::new)));
      done.put(f, last);
    }
    return last;
  }

  private EpochReport finish(Epoch epoch) {
    long rowDelta = 0;
    for (MaterializeOperator s : sinks) {
      rowDelta += s.takeRowDelta();
    }
    // A continuous SELECT's changes of this epoch, handed to its consumer once it commits.
    Map<List<Object>, Long> changes = new HashMap<>();
    for (CollectChangesOperator c : collectors) {
      for (Map.Entry<List<Object>, Long> e : c.takeChanges().entrySet()) {
        rowDelta += e.getValue();
        changes.merge(e.getKey(), e.getValue(), (a, b) -> a + b == 0 ? null : a + b);
      }
    }
    EpochDelta delta = backend.seal(epoch.number());
    Map<Long, Long> offsets = new HashMap<>();
    for (TableInput in : inputs.values()) {
      offsets.put(in.tableId(), in.position());
      in.release();
    }
    boolean done = backfilled();
    if (done && backfillSnapshot != null) {
      backfillSnapshot.close();
      backfillSnapshot = null;
    }
    return new EpochReport(this, delta, offsets, done, caughtUp, !busy, rowDelta, changes);
  }

  /**
   * The coordinator could not commit an epoch this dataflow took part in: the dataflow stops,
   * as on an error of its own, and is restarted (if at all) from its last committed state.
   */
  void failCommit(Throwable t) {
    fail(t);
  }

  private EpochReport fail(Throwable t) {
    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    SluiceException se = RuntimeErrors.translate(cause);
    failureSqlState = se.sqlState();
    failure = se.getMessage() + " (SQLSTATE " + se.sqlState() + ")";
    backend.discardUncommitted();
    for (ExchangeBuffers b : exchanges.values()) {
      b.clear();
    }
    if (consumer != null) {
      for (CollectChangesOperator c : collectors) {
        c.takeChanges();
      }
      consumer.failed(failure, failureSqlState);
    }
    return null;
  }

  /** Tells the state that the coordinator has committed the epoch of this report. */
  void committed(EpochReport report) {
    backend.committed(report.delta().epoch());
    rowCount += report.rowDelta();
    committedOffsets = Map.copyOf(report.offsets());
    boolean valuesDone = true;
    for (ValuesFeed v : valuesFeeds) {
      valuesDone &= !v.pending();
    }
    committedComplete = report.backfilled() && valuesDone;
    if (report.caughtUp()) {
      freshEpoch = report.delta().epoch();
    }
    if (consumer != null && (!report.changes().isEmpty()
        || (report.backfilled() && !backfillReported))) {
      backfillReported |= report.backfilled();
      consumer.committed(report.delta().epoch(), report.backfilled(), report.changes());
    }
  }

  /** Stops the dataflow and releases what it holds. */
  public void close() {
    for (TableFeed f : tableFeeds) {
      f.close();
    }
    for (Fragment f : fragments) {
      for (Instance i : f.instances) {
        for (Vertex v : i.vertices()) {
          v.close();
        }
      }
    }
    if (backfillSnapshot != null) {
      backfillSnapshot.close();
      backfillSnapshot = null;
    }
  }
}

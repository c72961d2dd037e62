package io.sluice.executor.stream;

import io.sluice.common.error.SluiceException;
import io.sluice.common.types.DataType;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.executor.ExecutionEnvironment;
import io.sluice.executor.RuntimeErrors;
import io.sluice.executor.codegen.QueryContext;
import io.sluice.executor.operator.Barrier;
import io.sluice.executor.operator.MaterializeOperator;
import io.sluice.executor.runtime.DataflowBuilder;
import io.sluice.executor.runtime.Source;
import io.sluice.executor.runtime.Vertex;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.StateTableDecl;
import io.sluice.plan.node.TableScanNode;
import io.sluice.storage.kv.KvSnapshot;
import io.sluice.storage.kv.RocksDbStore;
import io.sluice.storage.state.EpochDelta;
import io.sluice.storage.state.RocksDbStateBackend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A materialized view's dataflow: the view's plan, fed by its tables' change logs, ending in a
 * {@link MaterializeOperator} whose state table holds the view's rows. State lives in RocksDB
 * (through {@link RocksDbStateBackend}) and is written once per epoch by the coordinator.
 *
 * <p>It runs one epoch at a time on a worker thread ({@link #run}): emit every source's input up
 * to the epoch's cut, send the barrier through, seal the state, report. Not thread-safe: the
 * coordinator never runs it on two threads at once.
 */
public final class StreamingDataflow {
  /** State table ids of a view are its id times this, plus the table's ordinal. */
  public static final long STATE_IDS_PER_VIEW = 1000;
  /** The ordinal of the view contents table among the view's state tables. */
  public static final long CONTENTS_ORDINAL = STATE_IDS_PER_VIEW - 1;

  private final long viewId;
  private final String name;
  private final RocksDbStateBackend backend;
  private final List<Vertex> vertices;
  private final List<LogSource> sources;
  private final MaterializeOperator sink;
  private final KvSnapshot backfillSnapshot;
  private volatile String failure;

  private StreamingDataflow(long viewId, String name, RocksDbStateBackend backend,
      List<Vertex> vertices, List<LogSource> sources, MaterializeOperator sink,
      KvSnapshot backfillSnapshot) {
    this.viewId = viewId;
    this.name = name;
    this.backend = backend;
    this.vertices = vertices;
    this.sources = sources;
    this.sink = sink;
    this.backfillSnapshot = backfillSnapshot;
  }

  /** The declaration of a view's contents table: the row as the key, its count as the value. */
  public static StateTableDecl contentsDecl(RowType rowType) {
    List<StateTableDecl.KeyColumn> key = new ArrayList<>();
    for (int i = 0; i < rowType.size(); i++) {
      key.add(StateTableDecl.KeyColumn.of(rowType.type(i).withNullable(true)));
    }
    return new StateTableDecl("contents", key,
        List.of(new DataType(TypeKind.BIGINT, DataType.UNSPECIFIED, 0, false)));
  }

  /** The id of a view's contents table. */
  public static long contentsTableId(long viewId) {
    return viewId * STATE_IDS_PER_VIEW + CONTENTS_ORDINAL;
  }

  /**
   * Builds a view's dataflow.
   *
   * @param offsets for each table the view reads, the last log sequence number its committed
   *     state reflects
   * @param backfillSnapshot when not null, the view is new: its tables' rows as of this
   *     snapshot (which {@code offsets} correspond to) are emitted first; the dataflow closes it
   */
  public static StreamingDataflow create(long viewId, String name, PlanNode root,
      RocksDbStore store, ExecutionEnvironment env, TableLogs logs, Map<Long, Long> offsets,
      KvSnapshot backfillSnapshot) {
    RocksDbStateBackend backend = new RocksDbStateBackend(store);
    QueryContext context = QueryContext.now();
    AtomicLong ordinal = new AtomicLong();
    List<LogSource> sources = new ArrayList<>();
    DataflowBuilder builder = new DataflowBuilder(backend, context, scan -> {
      TableDef def = scan.table();
      if (def.kind() != TableDef.Kind.BASE) {
        throw SluiceException.unsupported("a materialized view cannot read "
            + def.qualifiedName() + ": only tables and other views");
      }
      long position = offsets.getOrDefault(def.id(), 0L);
      LogSource s = new LogSource(def.id(), logs, position, backfillSnapshot == null ? null
          : env.storage(def).scan(backfillSnapshot));
      sources.add(s);
      return s;
    }, () -> {
      long n = ordinal.getAndIncrement();
      if (n > CONTENTS_ORDINAL) {
        throw SluiceException.unsupported("the view's plan needs more than "
            + CONTENTS_ORDINAL + " state tables");
      }
      return viewId * STATE_IDS_PER_VIEW + n;
    });
    Vertex root0 = builder.build(root);
    if (ordinal.get() > CONTENTS_ORDINAL) {
      throw SluiceException.unsupported("the view's plan needs more than "
          + CONTENTS_ORDINAL + " state tables");
    }
    MaterializeOperator sink = new MaterializeOperator("contents");
    // The contents table gets its fixed id whatever the plan's size.
    ordinal.set(CONTENTS_ORDINAL);
    Vertex sinkVertex = builder.vertex("Materialize(" + name + ")", sink, 1,
        List.of(contentsDecl(root.rowType())));
    root0.connectTo(sinkVertex, 0);
    for (Map.Entry<Vertex, Source> e : builder.sources()) {
      ((LogSource) e.getValue()).attach(e.getKey());
    }
    StreamingDataflow d = new StreamingDataflow(viewId, name, backend, builder.vertices(),
        sources, sink, backfillSnapshot);
    for (Vertex v : d.vertices) {
      v.open();
    }
    return d;
  }

  public long viewId() {
    return viewId;
  }

  public String name() {
    return name;
  }

  /** Why the dataflow stopped, or null while it runs. */
  public String failure() {
    return failure;
  }

  /** The ids of the tables the view reads. */
  public java.util.Set<Long> tableIds() {
    java.util.Set<Long> ids = new java.util.HashSet<>();
    for (LogSource s : sources) {
      ids.add(s.tableId());
    }
    return ids;
  }

  /** Whether the snapshot backfill is complete. */
  public boolean backfilled() {
    for (LogSource s : sources) {
      if (s.backfilling()) {
        return false;
      }
    }
    return true;
  }

  /** The number of rows in the view, counting copies. */
  public long rowCount() {
    return sink.rowCount();
  }

  /**
   * Processes the input of one epoch and seals its state. Returns the report, or null if the
   * dataflow failed (see {@link #failure()}); it then stops taking part in epochs.
   */
  public EpochReport run(Epoch epoch) {
    if (failure != null) {
      return null;
    }
    try {
      for (LogSource s : sources) {
        s.beginEpoch();
      }
      for (LogSource s : sources) {
        s.emitFor(epoch);
      }
      Barrier barrier = new Barrier(epoch.number(), false);
      for (LogSource s : sources) {
        s.vertex().injectBarrier(barrier);
      }
      EpochDelta delta = backend.seal(epoch.number());
      Map<Long, Long> offsets = new HashMap<>();
      for (LogSource s : sources) {
        offsets.put(s.tableId(), s.position());
      }
      boolean done = backfilled();
      if (done && backfillSnapshot != null) {
        backfillSnapshot.close();
      }
      return new EpochReport(this, delta, offsets, done);
    } catch (RuntimeException e) {
      SluiceException se = RuntimeErrors.translate(e);
      failure = se.getMessage() + " (SQLSTATE " + se.sqlState() + ")";
      backend.discardUncommitted();
      return null;
    }
  }

  /** Tells the state that the coordinator has committed epochs up to this one. */
  public void committed(long epoch) {
    backend.committed(epoch);
  }

  /** Stops the dataflow and releases what it holds. */
  public void close() {
    for (LogSource s : sources) {
      s.close();
    }
    for (Vertex v : vertices) {
      v.close();
    }
    if (backfillSnapshot != null) {
      backfillSnapshot.close();
    }
  }
}

package io.sluice.executor.runtime;

import io.sluice.executor.ExecutionEnvironment;
import io.sluice.executor.RuntimeErrors;
import io.sluice.executor.codegen.CodeCache;
import io.sluice.executor.codegen.QueryContext;
import io.sluice.executor.data.Chunk;
import io.sluice.executor.data.ChunkBuilder;
import io.sluice.executor.operator.Barrier;
import io.sluice.executor.operator.RowOrder;
import io.sluice.executor.operator.ViewContents;
import io.sluice.plan.QueryPlan;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.expr.RowProgram;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.TableScanNode;
import io.sluice.executor.stream.ViewStateLayout;
import io.sluice.plan.node.StateTableDecl;
import io.sluice.storage.codec.KeyCodec;
import io.sluice.storage.kv.KvSnapshot;
import io.sluice.storage.state.StateSnapshotReader;
import io.sluice.storage.state.StateTableSpec;
import io.sluice.storage.state.MemoryStateBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a plan over a snapshot with the same operators a continuous query uses: every source
 * emits its rows as insertions, one final barrier closes the only epoch, and the collected
 * changes are the result. State is temporary (on the heap) and dropped afterwards.
 */
public final class AdhocQuery {
  private AdhocQuery() {}

  /** The rows a query's operator tree produces (unordered, every column of the tree). */
  public static List<Object[]> rows(PlanNode root, QueryContext context, KvSnapshot snapshot,
      ExecutionEnvironment env) {
    try (MemoryStateBackend backend = new MemoryStateBackend()) {
      DataflowBuilder builder = new DataflowBuilder(backend, context,
          scan -> source(scan, snapshot, env, context));
      Vertex rootVertex = builder.build(root);
      CollectSink sink = new CollectSink();
      Vertex sinkVertex = new Vertex("Collect", sink, 1, Map.of(), context);
      rootVertex.connectTo(sinkVertex, 0);
      List<Vertex> vertices = builder.vertices();
      try {
        for (Vertex v : vertices) {
          v.open();
        }
        sinkVertex.open();
        for (Map.Entry<Vertex, Source> s : builder.sources()) {
          Vertex v = s.getKey();
          Consumer<Chunk> out = v::emit;
          s.getValue().emitAll(out);
          if (context.isCancelled()) {
            throw Cancellation.cancelled();
          }
        }
        Barrier end = new Barrier(1, true);
        for (Map.Entry<Vertex, Source> s : builder.sources()) {
          s.getKey().injectBarrier(end);
        }
        return sink.rows();
      } catch (RuntimeException e) {
        throw RuntimeErrors.translate(e);
      } finally {
        for (Vertex v : vertices) {
          v.close();
        }
      }
    }
  }

  /** The result of a query: its rows in the plan's order, cut to the result columns. */
  public static List<Object[]> run(QueryPlan plan, QueryContext context, KvSnapshot snapshot,
      ExecutionEnvironment env) {
    List<Object[]> rows = rows(plan.root(), context, snapshot, env);
    if (!plan.order().isEmpty()) {
      rows.sort(RowOrder.comparator(plan.order()));
    }
    if (plan.outputIsIdentity()) {
      return rows;
    }
    int[] fields = plan.outputFields().stream().mapToInt(Integer::intValue).toArray();
    List<Object[]> out = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Object[] r = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        r[i] = row[fields[i]];
      }
      out.add(r);
    }
    return out;
  }

  /** A materialized view's rows, each with its count, as of the snapshot. */
  private static Source viewContents(TableDef view, KvSnapshot snapshot) {
    return out -> {
      ViewContents layout = ViewStateLayout.contents(snapshot, view.id(), view.rowType());
      StateTableDecl decl = layout.decl();
      List<KeyCodec.Column> key = new ArrayList<>();
      for (StateTableDecl.KeyColumn k : decl.keyColumns()) {
        key.add(new KeyCodec.Column(k.type(), k.descending(), k.nullsLast()));
      }
      StateTableSpec spec = new StateTableSpec(ViewStateLayout.contentsTableId(view.id()),
          view.name(), key, decl.valueTypes());
      // A view whose rows raised data errors reads as the first of them, as its query would.
      try (StateSnapshotReader r = new StateSnapshotReader(snapshot.store(), snapshot,
          ViewStateLayout.errorsSpec(view.id()))) {
        while (r.next()) {
          if ((Long) r.value()[0] > 0) {
            throw new io.sluice.common.error.SluiceException((String) r.key()[0],
                (String) r.key()[1]);
          }
        }
      }
      ChunkBuilder b = new ChunkBuilder(SnapshotScanSource.CHUNK_ROWS);
      try (StateSnapshotReader r = new StateSnapshotReader(snapshot.store(), snapshot, spec)) {
        while (r.next()) {
          b.add(layout.row(r.key(), r.value()), layout.count(r.value()));
          if (b.size() >= SnapshotScanSource.CHUNK_ROWS) {
            out.accept(b.build());
          }
        }
      }
      if (!b.isEmpty()) {
        out.accept(b.build());
      }
    };
  }

  private static Source source(TableScanNode scan, KvSnapshot snapshot,
      ExecutionEnvironment env, QueryContext context) {
    TableDef def = scan.table();
    if (def.kind() == TableDef.Kind.SYSTEM) {
      return out -> {
        ChunkBuilder b = new ChunkBuilder();
        for (Object[] row : env.systemRows(def)) {
          b.add(row, 1);
        }
        if (!b.isEmpty()) {
          out.accept(b.build());
        }
      };
    }
    if (def.kind() == TableDef.Kind.MATERIALIZED_VIEW) {
      return viewContents(def, snapshot);
    }
    List<RowProgram> lookups = new ArrayList<>();
    for (var code : scan.keyLookups()) {
      lookups.add(CodeCache.instance().instance(code, RowProgram.class));
    }
    return new SnapshotScanSource(env.storage(def), snapshot, lookups,
        scan.lookupPrefixLength(), context, context::isCancelled);
  }
}

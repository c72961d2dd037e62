package io.sluice.executor.runtime;

import io.sluice.executor.data.Chunk;
import io.sluice.executor.data.ChunkBuilder;
import io.sluice.executor.data.RowKey;
import io.sluice.plan.expr.RowProgram;
import io.sluice.storage.kv.KvSnapshot;
import io.sluice.storage.table.RowCursor;
import io.sluice.storage.table.StoredTable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A base table's rows as of a snapshot, all of them or only those under some primary key
 * prefixes.
 */
final class SnapshotScanSource implements Source {
  static final int CHUNK_ROWS = 1024;

  private final StoredTable table;
  private final KvSnapshot snapshot;
  private final List<RowProgram> lookups;
  private final int prefixLength;
  private final Object dataContext;
  private final BooleanSupplier cancelled;

  SnapshotScanSource(StoredTable table, KvSnapshot snapshot, List<RowProgram> lookups,
      int prefixLength, Object dataContext, BooleanSupplier cancelled) {
    this.table = table;
    this.snapshot = snapshot;
    this.lookups = lookups;
    this.prefixLength = prefixLength;
    this.dataContext = dataContext;
    this.cancelled = cancelled;
  }

  @Override
  public void emitAll(Consumer<Chunk> out) {
    ChunkBuilder b = new ChunkBuilder(CHUNK_ROWS);
    if (lookups.isEmpty()) {
      try (RowCursor c = table.scan(snapshot)) {
        drain(c, b, out);
      }
    } else {
      Set<RowKey> seen = new HashSet<>();
      for (RowProgram lookup : lookups) {
        Object[] key = lookup.apply(dataContext, new Object[0]);
        if (key == null || !seen.add(new RowKey(key)) || hasNull(key)) {
          continue;
        }
        try (RowCursor c = table.scanPrimaryKeyPrefix(snapshot, key, prefixLength)) {
          drain(c, b, out);
        }
      }
    }
    if (!b.isEmpty()) {
      out.accept(b.build());
    }
  }

  private void drain(RowCursor c, ChunkBuilder b, Consumer<Chunk> out) {
    while (c.next()) {
      b.add(c.row(), 1);
      if (b.size() == CHUNK_ROWS) {
        if (cancelled.getAsBoolean()) {
          throw Cancellation.cancelled();
        }
        out.accept(b.build());
      }
    }
  }

  private static boolean hasNull(Object[] key) {
    for (Object v : key) {
      if (v == null) {
        return true;
      }
    }
    return false;
  }
}

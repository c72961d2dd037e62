package io.sluice.server.views;

import io.sluice.executor.stream.TableLogWriter;
import io.sluice.executor.stream.TableLogs;
import io.sluice.plan.catalog.TableDef;
import io.sluice.storage.codec.ByteWriter;
import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.Keyspace;
import io.sluice.storage.kv.RocksDbStore;
import io.sluice.storage.log.ChangeLog;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The change logs of the tables materialized views read. A table is logged while at least one
 * view reads it; its sequence numbers keep increasing across restarts and across times it is
 * not logged (the next number is kept in META, written with every entry).
 */
public final class ChangeLogs implements TableLogs {
  private final RocksDbStore store;
  private final Map<Long, Log> logs = new ConcurrentHashMap<>();

  /** One logged table. */
  private final class Log implements TableLogWriter {
    final ChangeLog log;
    final byte[] nextKey;
    volatile long committed;
    /** Entries up to here are truncated; 0 until the first truncation since opening. */
    volatile long truncatedTo;
    long next;
    int subscribers;

    Log(TableDef table) {
      this.log = new ChangeLog(store, table.id(), table.rowType());
      this.nextKey = ("log/" + table.id() + "/next").getBytes(StandardCharsets.UTF_8);
      byte[] stored = store.get(Keyspace.META, nextKey);
      this.next = Math.max(stored == null ? 1 : ByteBuffer.wrap(stored).getLong(),
          log.lastSequence() + 1);
      this.committed = next - 1;
    }

    @Override
    public long append(KvBatch batch, List<Object[]> rows, long[] weights) {
      long seq = next++;
      log.append(batch, seq, rows, weights);
      ByteWriter w = new ByteWriter(8);
      w.writeLong(next);
      batch.put(Keyspace.META, nextKey, w.toByteArray());
      return seq;
    }

    @Override
    public void published(long seq) {
      committed = seq;
    }
  }

  public ChangeLogs(RocksDbStore store) {
    this.store = store;
  }

  /**
   * Starts (or keeps) logging a table for one more reader. Call under the table's write lock,
   * so that no write falls between the last unlogged one and the first logged one.
   */
  public synchronized void subscribe(TableDef table) {
    logs.computeIfAbsent(table.id(), id -> new Log(table)).subscribers++;
  }

  /** One reader less; when none is left the log is deleted (its numbering is kept). */
  public synchronized void unsubscribe(TableDef table) {
    Log l = logs.get(table.id());
    if (l == null) {
      return;
    }
    if (--l.subscribers == 0) {
      logs.remove(table.id());
      try (KvBatch batch = store.newBatch()) {
        l.log.deleteAll(batch);
        store.commit(batch);
      }
    }
  }

  /** Where a table's changes go, or null when it is not logged. */
  public TableLogWriter writer(TableDef table) {
    return logs.get(table.id());
  }

  @Override
  public long committedSeq(long tableId) {
    Log l = logs.get(tableId);
    return l == null ? 0 : l.committed;
  }

  @Override
  public List<ChangeLog.RawEntry> read(long tableId, long after, long upTo, long maxRows) {
    Log l = logs.get(tableId);
    return l == null ? List.of() : l.log.readRaw(after, upTo, maxRows);
  }

  /**
   * Whether some log holds committed entries not yet truncated. When none does (no table a view
   * reads was written since the last truncation), truncating needs no walk over the views.
   */
  public boolean anyToTruncate() {
    for (Log l : logs.values()) {
      if (l.committed > l.truncatedTo) {
        return true;
      }
    }
    return false;
  }

  /** Removes a table's entries up to {@code seq}, which every reader has committed. */
  public void truncate(long tableId, long seq) {
    Log l = logs.get(tableId);
    if (l == null || seq <= l.truncatedTo) {
      return;
    }
    try (KvBatch batch = store.newBatch()) {
      l.log.truncate(batch, seq);
      store.write(batch);
    }
    l.truncatedTo = seq;
  }
}

package io.sluice.server.streams;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.executor.stream.ChangeConsumer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One running {@code SELECT STREAM}: the rows waiting for its client. Thread-safe: the epoch
 * coordinator adds each committed epoch's changes, the client's fetches take them.
 *
 * <p>Every row the client sees is {@code op, epoch, epoch_end} followed by the query's
 * columns. First comes the query's result at the epoch its initial snapshot was complete, all
 * {@code +I}; then each committed epoch's net changes: {@code -D} and {@code +I}, or {@code -U}
 * immediately followed by {@code +U} when a deletion and an insertion share the query's unique
 * key. {@code epoch_end} is true on the last row of each epoch.
 *
 * <p>Changes the client has not fetched yet are bounded: when more than {@code bufferLimit}
 * rows of changes wait (the initial result does not count), the stream ends and the client's
 * next fetch fails with SQLSTATE 53400 saying so. Nothing is dropped silently.
 */
public final class ContinuousSelect implements ChangeConsumer {
  /** SQLSTATE of a stream ended because its client fell too far behind. */
  public static final String BUFFER_FULL = "53400";

  /** Where a stream stands. */
  public enum Status { BACKFILLING, RUNNING, FAILED, ENDED }

  private static final DataType OP = new DataType(TypeKind.VARCHAR, 2, 0, false);
  private static final DataType EPOCH = new DataType(TypeKind.BIGINT, DataType.UNSPECIFIED, 0,
      false);
  private static final DataType END = new DataType(TypeKind.BOOLEAN, DataType.UNSPECIFIED, 0,
      false);

  private final long id;
  private final int sessionId;
  private final String sql;
  private final long startedAt = System.currentTimeMillis();
  private final int[] outputFields;
  private final List<Integer> key;
  private final long bufferLimit;
  private final ArrayDeque<Object[]> buffer = new ArrayDeque<>();
  /** The initial result as it accumulates over the backfill's epochs. */
  private Map<List<Object>, Long> initial = new HashMap<>();
  /** Rows of the initial result still in the buffer (they do not count against the limit). */
  private long initialBuffered;
  private Status status = Status.BACKFILLING;
  private String error;
  private String errorState;
  private long delivered;
  private long lastEpoch;
  private long resultRows;
  private volatile long lastFetchMillis = System.currentTimeMillis();
  private int fetching;
  private Runnable onStop = () -> {};

  /**
   * @param outputFields for each result column, its position in the dataflow's rows
   * @param key result column positions forming a unique key, or empty
   * @param bufferLimit the most rows of changes that may wait for the client
   */
  ContinuousSelect(long id, int sessionId, String sql, int[] outputFields, List<Integer> key,
      long bufferLimit) {
    this.id = id;
    this.sessionId = sessionId;
    this.sql = sql;
    this.outputFields = outputFields.clone();
    this.key = List.copyOf(key);
    this.bufferLimit = bufferLimit;
  }

  /** The columns a stream's client sees: op, epoch, epoch_end, then the query's. */
  public static RowType columns(RowType query) {
    List<Field> fields = new ArrayList<>();
    fields.add(new Field("op", OP));
    fields.add(new Field("epoch", EPOCH));
    fields.add(new Field("epoch_end", END));
    for (int i = 0; i < query.size(); i++) {
      Field f = query.field(i);
      fields.add(new Field(f.name(), f.type()));
    }
    return new RowType(fields);
  }

  public long id() {
    return id;
  }

  public int sessionId() {
    return sessionId;
  }

  /** Called once the stream is stopped for any reason (the registry frees it then). */
  void onStop(Runnable r) {
    this.onStop = r;
  }

  // ---- the coordinator's side ---------------------------------------------------------------

  @Override
  public void committed(long epoch, boolean backfilled, Map<List<Object>, Long> changes) {
    boolean stop = false;
    synchronized (this) {
      if (status == Status.FAILED || status == Status.ENDED) {
        return;
      }
      lastEpoch = epoch;
      if (status == Status.BACKFILLING) {
        for (Map.Entry<List<Object>, Long> e : changes.entrySet()) {
          initial.merge(e.getKey(), e.getValue(), (a, b) -> a + b == 0 ? null : a + b);
        }
        if (backfilled) {
          List<Object[]> rows = new ArrayList<>();
          for (Map.Entry<List<Object>, Long> e : initial.entrySet()) {
            for (long n = 0; n < e.getValue(); n++) {
              rows.add(row("+I", epoch, e.getKey()));
            }
          }
          initial = null;
          append(rows);
          initialBuffered = rows.size();
          status = Status.RUNNING;
        }
      } else {
        List<Object[]> rows = changeRows(epoch, changes);
        long waiting = buffer.size() - initialBuffered;
        if (waiting + rows.size() > bufferLimit) {
          fail(BUFFER_FULL, "the client fell behind: " + (waiting + rows.size())
              + " rows of changes would wait for it, more than stream_buffer_rows ("
              + bufferLimit + "); the stream ended at epoch " + epoch
              + " (read faster, or SET stream_buffer_rows higher before SELECT STREAM)");
          stop = true;
        } else {
          append(rows);
        }
      }
      for (long w : changes.values()) {
        resultRows += w;
      }
      notifyAll();
    }
    if (stop) {
      onStop.run();
    }
  }

  @Override
  public void failed(String reason, String sqlState) {
    synchronized (this) {
      if (status == Status.FAILED || status == Status.ENDED) {
        return;
      }
      fail(sqlState != null ? sqlState : SqlState.DATA_EXCEPTION,
          "the stream stopped on an error: " + reason);
      notifyAll();
    }
    onStop.run();
  }

  private void fail(String state, String message) {
    status = Status.FAILED;
    errorState = state;
    error = message;
    buffer.clear();
    initialBuffered = 0;
    initial = null;
  }

  /** Ends the stream from the server's side (say, a table it reads was dropped). */
  void abort(String state, String message) {
    synchronized (this) {
      if (status == Status.FAILED || status == Status.ENDED) {
        return;
      }
      fail(state, message);
      notifyAll();
    }
    onStop.run();
  }

  /** Ends the stream: its client closed it. */
  void end() {
    synchronized (this) {
      if (status != Status.FAILED) {
        status = Status.ENDED;
      }
      buffer.clear();
      initialBuffered = 0;
      initial = null;
      notifyAll();
    }
  }

  private void append(List<Object[]> rows) {
    if (!rows.isEmpty()) {
      rows.get(rows.size() - 1)[2] = Boolean.TRUE;
      buffer.addAll(rows);
    }
  }

  /**
   * An epoch's changes as rows: deletions first, then updates (-U and its +U together), then
   * insertions.
   */
  private List<Object[]> changeRows(long epoch, Map<List<Object>, Long> changes) {
    List<Object[]> deletes = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    List<Object[]> inserts = new ArrayList<>();
    Map<List<Object>, List<Object>> deletedByKey = new HashMap<>();
    Map<List<Object>, List<Object>> insertedByKey = new HashMap<>();
    if (!key.isEmpty()) {
      Map<List<Object>, Integer> deletions = new HashMap<>();
      Map<List<Object>, Integer> insertions = new HashMap<>();
      for (Map.Entry<List<Object>, Long> e : changes.entrySet()) {
        Map<List<Object>, Integer> side = e.getValue() < 0 ? deletions : insertions;
        side.merge(keyOf(e.getKey()), (int) Math.min(Integer.MAX_VALUE,
            Math.abs(e.getValue())), Integer::sum);
      }
      for (Map.Entry<List<Object>, Long> e : changes.entrySet()) {
        List<Object> k = keyOf(e.getKey());
        // A key that is deleted once and inserted once in the epoch is an update.
        if (Integer.valueOf(1).equals(deletions.get(k))
            && Integer.valueOf(1).equals(insertions.get(k))) {
          (e.getValue() < 0 ? deletedByKey : insertedByKey).put(k, e.getKey());
        }
      }
    }
    for (Map.Entry<List<Object>, List<Object>> e : deletedByKey.entrySet()) {
      updates.add(row("-U", epoch, e.getValue()));
      updates.add(row("+U", epoch, insertedByKey.get(e.getKey())));
    }
    for (Map.Entry<List<Object>, Long> e : changes.entrySet()) {
      long w = e.getValue();
      if (!key.isEmpty() && (w == -1 || w == 1)) {
        List<Object> k = keyOf(e.getKey());
        if (deletedByKey.containsKey(k)) {
          continue;
        }
      }
      for (long n = 0; n < Math.abs(w); n++) {
        (w < 0 ? deletes : inserts).add(row(w < 0 ? "-D" : "+I", epoch, e.getKey()));
      }
    }
    List<Object[]> out = new ArrayList<>(deletes.size() + updates.size() + inserts.size());
    out.addAll(deletes);
    out.addAll(updates);
    out.addAll(inserts);
    return out;
  }

  private List<Object> keyOf(List<Object> row) {
    List<Object> k = new ArrayList<>(key.size());
    for (int i : key) {
      k.add(row.get(outputFields[i]));
    }
    return k;
  }

  private Object[] row(String op, long epoch, List<Object> values) {
    Object[] r = new Object[3 + outputFields.length];
    r[0] = op;
    r[1] = epoch;
    r[2] = Boolean.FALSE;
    for (int i = 0; i < outputFields.length; i++) {
      r[3 + i] = values.get(outputFields[i]);
    }
    return r;
  }

  // ---- the client's side --------------------------------------------------------------------

  /**
   * Waits until the initial result is complete; throws if the stream fails first, or
   * (QUERY_CANCELED) if {@code cancelled} turns true.
   */
  void awaitInitial(BooleanSupplier cancelled) {
    synchronized (this) {
      while (status == Status.BACKFILLING) {
        if (cancelled.getAsBoolean()) {
          throw new SluiceException(SqlState.QUERY_CANCELED,
              "canceled while computing the initial result of SELECT STREAM");
        }
        try {
          wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SluiceException(SqlState.QUERY_CANCELED, "interrupted");
        }
      }
      lastFetchMillis = System.currentTimeMillis();
    }
  }

  /**
   * Takes up to {@code maxRows} rows, waiting up to {@code waitMillis} for the first one; an
   * empty list when none arrived in time. Throws the stream's error once it has failed.
   */
  public List<Object[]> poll(int maxRows, long waitMillis) {
    long deadline = System.currentTimeMillis() + waitMillis;
    synchronized (this) {
      fetching++;
      try {
        while (buffer.isEmpty() && status != Status.FAILED && status != Status.ENDED) {
          long left = deadline - System.currentTimeMillis();
          if (left <= 0) {
            break;
          }
          try {
            wait(left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
        if (status == Status.FAILED) {
          throw new SluiceException(errorState, error);
        }
        if (status == Status.ENDED) {
          throw new SluiceException(SqlState.QUERY_CANCELED, "the stream was closed");
        }
        int n = Math.min(maxRows, buffer.size());
        List<Object[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          out.add(buffer.poll());
        }
        initialBuffered = Math.max(0, initialBuffered - n);
        delivered += n;
        return out;
      } finally {
        fetching--;
        lastFetchMillis = System.currentTimeMillis();
      }
    }
  }

  /** Whether the client has neither fetched nor been waiting in a fetch for this long. */
  synchronized boolean idleFor(long millis) {
    return fetching == 0 && System.currentTimeMillis() - lastFetchMillis > millis;
  }

  public synchronized Status status() {
    return status;
  }

  /** A row of sys.continuous_queries. */
  synchronized Object[] describe() {
    return new Object[] {"stream", "stream " + id, sessionId, sql,
        status.name().toLowerCase(), startedAt, lastEpoch, resultRows, delivered,
        (long) buffer.size(), error};
  }
}

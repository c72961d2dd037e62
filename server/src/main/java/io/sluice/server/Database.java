package io.sluice.server;

import io.sluice.executor.ExecutionEnvironment;
import io.sluice.executor.dml.TableWriter;
import io.sluice.plan.catalog.IndexDef;
import io.sluice.plan.catalog.TableDef;
import io.sluice.planner.SluicePlanner;
import io.sluice.server.catalog.CatalogState;
import io.sluice.server.catalog.DurableCatalog;
import io.sluice.server.catalog.SystemTables;
import io.sluice.server.checkpoint.CheckpointInfo;
import io.sluice.server.checkpoint.Checkpoints;
import io.sluice.server.checkpoint.DataDirectory;
import io.sluice.server.views.ChangeLogs;
import io.sluice.server.views.MaterializedViews;
import io.sluice.storage.kv.RocksDbStore;
import io.sluice.storage.kv.StoreOptions;
import io.sluice.storage.table.StoredIndex;
import io.sluice.storage.table.StoredTable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Sluice database: its store, catalog and tables, shared by every session. Thread-safe.
 *
 * <p>Concurrency: DDL statements run one at a time under {@link #ddlLock()}; writes to one
 * table run one at a time under its {@link #tableLock}; reads take a store snapshot and need
 * no lock.
 */
public final class Database implements AutoCloseable, ExecutionEnvironment {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final DatabaseConfig config;
  private final RocksDbStore store;
  private final DurableCatalog catalog;
  private final SluicePlanner planner = new SluicePlanner();
  private final TableWriter writer;
  private final Map<Long, StoredTable> tables = new ConcurrentHashMap<>();
  private final Map<Long, StoredIndex> indexes = new ConcurrentHashMap<>();
  private final ChangeLogs changeLogs;
  private final MaterializedViews views;
  private final SystemSettings settings;
  private final Checkpoints checkpoints;
  private final io.sluice.server.streams.ContinuousQueries streams;
  private final Map<Long, ReentrantLock> tableLocks = new ConcurrentHashMap<>();
  private final ReentrantLock ddlLock = new ReentrantLock();
  private final AtomicInteger sessionIds = new AtomicInteger();
  private final java.util.concurrent.CountDownLatch recovered =
      new java.util.concurrent.CountDownLatch(1);
  private final Map<Integer, Session> sessions = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private Database(DatabaseConfig config, RocksDbStore store) {
    this.config = config;
    this.store = store;
    this.catalog = DurableCatalog.load(store, SystemTables.all());
    this.writer = new TableWriter(store, this);
    this.changeLogs = new ChangeLogs(store);
    Map<String, String> commandLine = new java.util.LinkedHashMap<>(config.settings());
    if (config.barrierIntervalMillis() != DatabaseConfig.DEFAULT_BARRIER_INTERVAL_MILLIS) {
      commandLine.putIfAbsent(SystemSettings.BARRIER_INTERVAL,
          config.barrierIntervalMillis() + "ms");
    }
    this.settings = new SystemSettings(store, commandLine);
    this.views = new MaterializedViews(this, changeLogs, Math.max(1, config.workers()),
        settings.millis(SystemSettings.BARRIER_INTERVAL));
    settings.onChange((name, value) -> {
      if (name.equals(SystemSettings.BARRIER_INTERVAL)) {
        views.coordinator().setInterval(SystemSettings.parseMillis(value));
      }
    });
    this.checkpoints = new Checkpoints(store, views.coordinator(), settings,
        config.isInMemory() ? null : DataDirectory.checkpoints(config.dataDirectory()));
    this.streams = new io.sluice.server.streams.ContinuousQueries(this, changeLogs, views);
  }

  /** Opens (creating if needed) a database; returns once its views are running again. */
  public static Database open(DatabaseConfig config) {
    Database db = open(config, false);
    db.awaitRecovered();
    return db;
  }

  /**
   * Opens (creating if needed) a database. With {@code recoverInBackground}, its materialized
   * views are planned and started again on another thread, so that a server can start its
   * endpoint meanwhile; statements wait until that is done ({@link Session#prepare}).
   */
  public static Database open(DatabaseConfig config, boolean recoverInBackground) {
    long start = System.nanoTime();
    StoreOptions defaults = StoreOptions.defaults();
    StoreOptions options = new StoreOptions(config.syncWrites(), config.cacheBytes(),
        defaults.writeBufferBytes());
    if (config.restoreCheckpoint() != null) {
      if (config.isInMemory()) {
        throw new IllegalArgumentException("a database in memory has no checkpoints to restore");
      }
      DataDirectory.restore(config.dataDirectory(), config.restoreCheckpoint());
    }
    RocksDbStore store = config.isInMemory() ? RocksDbStore.inMemory(options)
        : RocksDbStore.open(DataDirectory.store(config.dataDirectory()), options);
    Database db;
    try {
      db = new Database(config, store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    if (recoverInBackground) {
      Thread t = new Thread(() -> db.recover(start), "sluice-recovery");
      t.setDaemon(true);
      t.start();
    } else {
      db.recover(start);
    }
    return db;
  }

  /** Starts every materialized view again from its committed state. */
  private void recover(long start) {
    try {
      long opened = System.nanoTime();
      views.recoverAll();
      warmUpInBackground();
      LOG.info("opened database {} in {} ms: committed epoch {}, {} tables, {} views resumed"
              + " in {} ms{}",
          config.isInMemory() ? "in memory" : config.dataDirectory().toAbsolutePath(),
          (System.nanoTime() - start) / 1_000_000, views.coordinator().committedEpoch(),
          catalog.current().tables(io.sluice.plan.catalog.CatalogReader.DEFAULT_SCHEMA).size(),
          catalog.current().allViews().stream().filter(v -> v.materialized()).count(),
          (System.nanoTime() - opened) / 1_000_000,
          config.restoreCheckpoint() != null
              ? " (restored checkpoint " + config.restoreCheckpoint() + ")" : "");
    } catch (RuntimeException e) {
      LOG.error("recovering materialized views failed", e);
    } finally {
      recovered.countDown();
    }
  }

  /** Waits until the materialized views are running again after the database opened. */
  public void awaitRecovered() {
    try {
      recovered.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.sluice.common.error.SluiceException(
          io.sluice.common.error.SqlState.QUERY_CANCELED, "interrupted while the database opens");
    }
  }

  /**
   * Plans and runs a small query on a background thread, so that loading Calcite and the code
   * generator does not fall on the first user statement (it takes about a second).
   */
  private void warmUpInBackground() {
    Thread t = new Thread(() -> {
      try (Session s = newSession()) {
        s.execute("SELECT a + 1, UPPER(b), COUNT(*) FROM (VALUES (1, 'x')) AS v(a, b) "
            + "WHERE a > 0 GROUP BY a, b ORDER BY 1");
      } catch (RuntimeException e) {
        LOG.debug("warm-up query failed", e);
      }
    }, "sluice-warm-up");
    t.setDaemon(true);
    t.start();
  }

  public DatabaseConfig config() {
    return config;
  }

  /** A new session. */
  public Session newSession() {
    checkOpen();
    Session s = new Session(this, sessionIds.incrementAndGet());
    sessions.put(s.id(), s);
    return s;
  }

  void sessionClosed(Session s) {
    sessions.remove(s.id());
  }

  /** The open sessions. */
  public List<Session> sessions() {
    return List.copyOf(sessions.values());
  }

  public RocksDbStore store() {
    return store;
  }

  public DurableCatalog catalog() {
    return catalog;
  }

  public SluicePlanner planner() {
    return planner;
  }

  public TableWriter writer() {
    return writer;
  }

  /** The lock DDL statements hold. */
  public ReentrantLock ddlLock() {
    return ddlLock;
  }

  /** The lock writers of a table hold. */
  public ReentrantLock tableLock(long tableId) {
    return tableLocks.computeIfAbsent(tableId, id -> new ReentrantLock());
  }

  @Override
  public StoredTable storage(TableDef table) {
    return tables.computeIfAbsent(table.id(),
        id -> new StoredTable(store, id, table.rowType(), table.primaryKeyArray()));
  }

  @Override
  public StoredIndex indexStorage(TableDef table, IndexDef index) {
    return indexes.computeIfAbsent(index.id(), id -> {
      int[] columns = index.columns().stream().mapToInt(Integer::intValue).toArray();
      boolean[] descending = new boolean[columns.length];
      for (int i = 0; i < columns.length; i++) {
        descending[i] = index.descending().get(i);
      }
      return new StoredIndex(store, id, table.rowType(), columns, descending, index.unique());
    });
  }

  /** Forgets the storage handle of a dropped table. */
  public void forgetTable(long tableId) {
    tables.remove(tableId);
    tableLocks.remove(tableId);
  }

  /** Forgets the storage handle of a dropped index. */
  public void forgetIndex(long indexId) {
    indexes.remove(indexId);
  }

  @Override
  public List<Object[]> systemRows(TableDef table) {
    if (table.id() == SystemTables.MATERIALIZED_VIEWS.id()) {
      return views.statusRows();
    }
    if (table.id() == SystemTables.CHECKPOINTS.id()) {
      return checkpointRows();
    }
    if (table.id() == SystemTables.CONTINUOUS_QUERIES.id()) {
      return continuousQueryRows();
    }
    CatalogState state = catalog.current();
    return SystemTables.rows(table, state);
  }

  @Override
  public io.sluice.executor.stream.TableLogWriter logWriter(TableDef table) {
    return changeLogs.writer(table);
  }

  /** The settings of the whole database (ALTER SYSTEM). */
  public SystemSettings settings() {
    return settings;
  }

  /** The checkpoints. */
  public Checkpoints checkpoints() {
    return checkpoints;
  }

  /** Rows of sys.checkpoints and SHOW CHECKPOINTS. */
  public List<Object[]> checkpointRows() {
    List<Object[]> rows = new java.util.ArrayList<>();
    for (CheckpointInfo c : checkpoints.list()) {
      rows.add(new Object[] {c.id(), c.epoch(), c.startedMillis(), c.durationMillis(),
          c.bytesAdded(), c.totalBytes(), c.status(), c.trigger(), c.error()});
    }
    return rows;
  }

  /** Rows of sys.continuous_queries: the running streams, then the materialized views. */
  private List<Object[]> continuousQueryRows() {
    List<Object[]> rows = new java.util.ArrayList<>(streams.rows());
    Map<String, String> sql = new java.util.HashMap<>();
    for (io.sluice.plan.catalog.ViewDef v : catalog.current().allViews()) {
      sql.put(v.schema() + "." + v.name(), v.sql());
    }
    for (Object[] v : views.statusRows()) {
      String name = v[0] + "." + v[1];
      rows.add(new Object[] {"materialized view", name, null, sql.get(name), v[2], null, v[3],
          v[4], null, null, v[7]});
    }
    return rows;
  }

  /** The running continuous SELECTs. */
  public io.sluice.server.streams.ContinuousQueries streams() {
    return streams;
  }

  /** The materialized views. */
  public MaterializedViews views() {
    return views;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the database is closed");
    }
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    // A database closed while its views restart in the background waits for them first.
    try {
      recovered.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closed = true;
    for (Session s : sessions.values()) {
      s.close();
    }
    streams.close();
    checkpoints.close();
    views.close();
    store.close();
    LOG.info("closed database {}",
        config.isInMemory() ? "in memory" : config.dataDirectory().toAbsolutePath());
  }
}

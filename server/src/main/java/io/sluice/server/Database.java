package io.sluice.server;

import io.sluice.executor.ExecutionEnvironment;
import io.sluice.executor.dml.TableWriter;
import io.sluice.plan.catalog.IndexDef;
import io.sluice.plan.catalog.TableDef;
import io.sluice.planner.SluicePlanner;
import io.sluice.server.catalog.CatalogState;
import io.sluice.server.catalog.DurableCatalog;
import io.sluice.server.catalog.SystemTables;
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
  private final io.sluice.server.streams.ContinuousQueries streams;
  private final Map<Long, ReentrantLock> tableLocks = new ConcurrentHashMap<>();
  private final ReentrantLock ddlLock = new ReentrantLock();
  private final AtomicInteger sessionIds = new AtomicInteger();
  private final Map<Integer, Session> sessions = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private Database(DatabaseConfig config, RocksDbStore store) {
    this.config = config;
    this.store = store;
    this.catalog = DurableCatalog.load(store, SystemTables.all());
    this.writer = new TableWriter(store, this);
    this.changeLogs = new ChangeLogs(store);
    this.views = new MaterializedViews(this, changeLogs, Math.max(1, config.workers()),
        config.barrierIntervalMillis());
    this.streams = new io.sluice.server.streams.ContinuousQueries(this, changeLogs, views);
  }

  /** Opens (creating if needed) a database. */
  public static Database open(DatabaseConfig config) {
    long start = System.nanoTime();
    StoreOptions options = StoreOptions.defaults().withSyncWrites(config.syncWrites());
    RocksDbStore store = config.isInMemory() ? RocksDbStore.inMemory(options)
        : RocksDbStore.open(config.dataDirectory(), options);
    try {
      Database db = new Database(config, store);
      db.views.recoverAll();
      db.warmUpInBackground();
      LOG.info("opened database {} in {} ms ({} tables, {} views)",
          config.isInMemory() ? "in memory" : config.dataDirectory().toAbsolutePath(),
          (System.nanoTime() - start) / 1_000_000,
          db.catalog.current().tables(io.sluice.plan.catalog.CatalogReader.DEFAULT_SCHEMA).size(),
          db.catalog.current().allViews().size());
      return db;
    } catch (RuntimeException e) {
      store.close();
      throw e;
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
          v[4], null, null, v[6]});
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
    closed = true;
    for (Session s : sessions.values()) {
      s.close();
    }
    streams.close();
    views.close();
    store.close();
    LOG.info("closed database {}",
        config.isInMemory() ? "in memory" : config.dataDirectory().toAbsolutePath());
  }
}

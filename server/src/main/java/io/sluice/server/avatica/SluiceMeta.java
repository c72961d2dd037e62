package io.sluice.server.avatica;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.common.types.DataType;
import io.sluice.server.Database;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import io.sluice.server.statement.Prepared;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.proto.Common;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.ProtobufMeta;
import org.apache.calcite.avatica.remote.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Avatica's {@code Meta} for a Sluice database: one {@link Session} per connection, statements
 * prepared and run through it, results held until fetched, DatabaseMetaData answered from the
 * catalog. Errors leave as {@link AvaticaRuntimeException}s carrying Sluice's SQLSTATE, which
 * Avatica sends to the client.
 */
public final class SluiceMeta implements ProtobufMeta {
  private static final Logger LOG = LoggerFactory.getLogger(SluiceMeta.class);
  /** Rows a frame carries at least, whatever smaller fetch size the client asks for. */
  static final int MIN_FRAME_ROWS = 2000;

  private final Database database;
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();
  private final DatabaseMetadata metadata;
  private final Runnable onLastConnectionClosed;

  /** A connection: its session, statements and JDBC properties. */
  private static final class Connection {
    final Session session;
    final Map<Integer, Statement> statements = new ConcurrentHashMap<>();
    final AtomicInteger statementIds = new AtomicInteger();
    final ConnectionPropertiesImpl properties = new ConnectionPropertiesImpl(true, false,
        java.sql.Connection.TRANSACTION_NONE, DatabaseMetadata.CATALOG,
        io.sluice.plan.catalog.CatalogReader.DEFAULT_SCHEMA);

    Connection(Session session) {
      this.session = session;
    }
  }

  /** A statement: what it runs and the rows not yet fetched. */
  private static final class Statement {
    Prepared prepared;
    List<Object[]> rows;
    int position;
    long maxRows;
    /** The running SELECT STREAM, if the last result is one. */
    volatile StreamCursor stream;
  }

  /**
   * @param onLastConnectionClosed called when the last connection closes (the embedded driver
   *     closes its database then); may be null
   */
  public SluiceMeta(Database database, Runnable onLastConnectionClosed) {
    this.database = database;
    this.metadata = new DatabaseMetadata(database);
    this.onLastConnectionClosed = onLastConnectionClosed;
  }

  public Database database() {
    return database;
  }

  /** The number of open connections. */
  public int connectionCount() {
    return connections.size();
  }

  // ---- errors -------------------------------------------------------------------------------

  private static RuntimeException error(RuntimeException e) {
    if (e instanceof AvaticaRuntimeException) {
      return e;
    }
    SluiceException se;
    if (e instanceof SluiceException s) {
      se = s;
    } else {
      se = SluiceException.internal(e.toString(), e);
    }
    if (SqlState.INTERNAL_ERROR.equals(se.sqlState())) {
      LOG.error("internal error", e);
    }
    // For a batch, the error code says how many of its commands took effect before the failure.
    int code = se instanceof io.sluice.server.statement.BatchFailure bf ? bf.applied() : 0;
    return new AvaticaRuntimeException(se.getMessage(), code, se.sqlState(),
        AvaticaSeverity.ERROR);
  }

  private <T> T guard(Supplier<T> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      throw error(e);
    } catch (AssertionError e) {
      // Calcite reports a broken invariant with an AssertionError: the statement fails with an
      // internal error instead of the Error escaping to the caller's thread.
      throw error(SluiceException.internal(e.toString(), e));
    }
  }

  private Connection connection(String id) {
    Connection c = connections.get(id);
    if (c == null) {
      throw new NoSuchConnectionException(id);
    }
    return c;
  }

  private Statement statement(StatementHandle h) throws NoSuchStatementException {
    Connection c = connections.get(h.connectionId);
    Statement s = c == null ? null : c.statements.get(h.id);
    if (s == null) {
      throw new NoSuchStatementException(h);
    }
    return s;
  }

  // ---- connections --------------------------------------------------------------------------

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    guard(() -> {
      if (connections.containsKey(ch.id)) {
        return null;
      }
      connections.put(ch.id, new Connection(database.newSession()));
      return null;
    });
  }

  @Override
  public void closeConnection(ConnectionHandle ch) {
    Connection c = connections.remove(ch.id);
    if (c != null) {
      for (Statement s : c.statements.values()) {
        endStream(s);
      }
      c.session.close();
      if (connections.isEmpty() && onLastConnectionClosed != null) {
        onLastConnectionClosed.run();
      }
    }
  }

  @Override
  public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties props) {
    Connection c = connection(ch.id);
    synchronized (c.properties) {
      if (props != null && !props.isEmpty()) {
        c.properties.merge(props);
      }
      return c.properties;
    }
  }

  @Override
  public void commit(ConnectionHandle ch) {
    connection(ch.id);
  }

  @Override
  public void rollback(ConnectionHandle ch) {
    connection(ch.id);
    throw new AvaticaRuntimeException("cannot roll back: every statement commits when it "
        + "completes (Sluice runs in autocommit mode)", 0, SqlState.INVALID_TRANSACTION_STATE,
        AvaticaSeverity.ERROR);
  }

  // ---- statements ---------------------------------------------------------------------------

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    Connection c = connection(ch.id);
    int id = c.statementIds.incrementAndGet();
    c.statements.put(id, new Statement());
    return new StatementHandle(ch.id, id, null);
  }

  @Override
  public void closeStatement(StatementHandle h) {
    Connection c = connections.get(h.connectionId);
    if (c != null) {
      Statement s = c.statements.remove(h.id);
      if (s != null) {
        endStream(s);
      }
    }
  }

  /** Ends the statement's stream, if it runs one, and frees it on the server. */
  private static void endStream(Statement s) {
    StreamCursor stream = s.stream;
    if (stream != null) {
      s.stream = null;
      stream.end();
    }
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    return guard(() -> {
      Connection c = connection(ch.id);
      Prepared prepared = c.session.prepare(sql);
      int id = c.statementIds.incrementAndGet();
      Statement s = new Statement();
      s.prepared = prepared;
      s.maxRows = maxRowCount;
      c.statements.put(id, s);
      StatementHandle h = new StatementHandle(ch.id, id, Signatures.of(prepared));
      return h;
    });
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      PrepareCallback callback) throws NoSuchStatementException {
    return prepareAndExecute(h, sql, maxRowCount, -1, callback);
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      int maxRowsInFirstFrame, PrepareCallback callback) throws NoSuchStatementException {
    Statement s = statement(h);
    return guard(() -> {
      Connection c = connection(h.connectionId);
      s.prepared = c.session.prepare(sql);
      s.maxRows = maxRowCount;
      return run(h, s, List.of(), maxRowsInFirstFrame);
    });
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
      long maxRowCount) throws NoSuchStatementException {
    return execute(h, parameterValues, (int) Math.min(Integer.MAX_VALUE, maxRowCount));
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
      int maxRowsInFirstFrame) throws NoSuchStatementException {
    Statement s = statement(h);
    return guard(() -> {
      if (s.prepared == null) {
        throw new SluiceException(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
            "the statement has not been prepared");
      }
      return run(h, s, parameters(s.prepared, parameterValues), maxRowsInFirstFrame);
    });
  }

  private ExecuteResult run(StatementHandle h, Statement s, List<Object> params,
      int maxRowsInFirstFrame) {
    endStream(s);
    StatementResult result = s.prepared.execute(params);
    if (result instanceof StatementResult.Stream stream) {
      // The first frame is the initial result as far as one frame holds it, at once; fetches
      // wait for the rest and for changes (see fetch).
      s.rows = null;
      s.stream = new StreamCursor(database.streams(), stream.stream(), s.maxRows);
      Frame first = s.stream.next(maxRowsInFirstFrame, 0);
      Signature sig = Signatures.of(s.prepared, stream.columns());
      return new ExecuteResult(List.of(MetaResultSet.create(h.connectionId, h.id, false, sig,
          first)));
    }
    if (result instanceof StatementResult.Rows rows) {
      List<Object[]> list = rows.rows();
      if (s.maxRows > 0 && list.size() > s.maxRows) {
        list = list.subList(0, (int) s.maxRows);
      }
      s.rows = list;
      s.position = 0;
      Frame first = nextFrame(s, maxRowsInFirstFrame);
      Signature sig = Signatures.of(s.prepared, rows.columns());
      return new ExecuteResult(List.of(MetaResultSet.create(h.connectionId, h.id, false, sig,
          first)));
    }
    s.rows = null;
    long count = ((StatementResult.Count) result).count();
    return new ExecuteResult(List.of(MetaResultSet.count(h.connectionId, h.id, count)));
  }

  private static Frame nextFrame(Statement s, int requested) {
    int size = requested <= 0 ? MIN_FRAME_ROWS : Math.max(requested, MIN_FRAME_ROWS);
    int from = s.position;
    int to = Math.min(s.rows.size(), from + size);
    List<Object> rows = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      rows.add(s.rows.get(i));
    }
    s.position = to;
    boolean done = to >= s.rows.size();
    if (done) {
      s.rows = null;
    }
    return new Frame(from, done, rows);
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    Statement s = statement(h);
    StreamCursor stream = s.stream;
    if (stream != null) {
      return guard(() -> stream.next(fetchMaxRowCount, database.streams().pollWaitMillis()));
    }
    if (s.rows == null) {
      if (s.prepared != null) {
        return new Frame(offset, true, List.of());
      }
      throw new MissingResultsException(h);
    }
    if (offset != s.position) {
      s.position = (int) Math.min(offset, s.rows.size());
    }
    return nextFrame(s, fetchMaxRowCount);
  }

  @Override
  public boolean syncResults(StatementHandle sh, QueryState state, long offset) {
    return false;
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
      throws NoSuchStatementException {
    statement(h);
    return guard(() -> {
      Connection c = connection(h.connectionId);
      long[] counts = new long[sqlCommands.size()];
      for (int i = 0; i < counts.length; i++) {
        StatementResult r = c.session.prepare(sqlCommands.get(i)).execute(List.of());
        counts[i] = r instanceof StatementResult.Count n ? n.count() : 0;
      }
      return new ExecuteBatchResult(counts);
    });
  }

  @Override
  public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues)
      throws NoSuchStatementException {
    Statement s = statement(h);
    return guard(() -> {
      List<List<Object>> sets = new ArrayList<>(parameterValues.size());
      for (List<TypedValue> values : parameterValues) {
        sets.add(parameters(s.prepared, values));
      }
      return new ExecuteBatchResult(s.prepared.executeBatch(sets));
    });
  }

  @Override
  public ExecuteBatchResult executeBatchProtobuf(StatementHandle h,
      List<Requests.UpdateBatch> parameterValues) throws NoSuchStatementException {
    List<List<TypedValue>> sets = new ArrayList<>(parameterValues.size());
    for (Requests.UpdateBatch batch : parameterValues) {
      List<TypedValue> values = new ArrayList<>(batch.getParameterValuesCount());
      for (Common.TypedValue v : batch.getParameterValuesList()) {
        values.add(TypedValue.fromProto(v));
      }
      sets.add(values);
    }
    return executeBatch(h, sets);
  }

  private static List<Object> parameters(Prepared prepared, List<TypedValue> values) {
    List<DataType> types = prepared.parameterTypes();
    if (values == null) {
      values = List.of();
    }
    if (values.size() != types.size()) {
      throw new SluiceException(SqlState.INVALID_PARAMETER_VALUE, "the statement has "
          + types.size() + " parameters but " + values.size() + " values were given");
    }
    List<Object> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      out.add(JdbcTypes.toInternal(values.get(i), types.get(i)));
    }
    return out;
  }

  @Override
  public Iterable<Object> createIterable(StatementHandle stmt, QueryState state,
      Signature signature, List<TypedValue> parameterValues, Frame firstFrame) {
    throw new UnsupportedOperationException("results are fetched through frames");
  }

  // ---- metadata -----------------------------------------------------------------------------

  private int metadataStatement(ConnectionHandle ch) {
    return connection(ch.id).statementIds.incrementAndGet();
  }

  private MetaResultSet meta(ConnectionHandle ch, Class<?> layout, List<Object> rows) {
    return MetadataResults.of(ch.id, metadataStatement(ch), MetadataResults.columnsOf(layout),
        rows);
  }

  @Override
  public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    return metadata.properties();
  }

  @Override
  public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern, List<String> typeList) {
    return guard(() -> meta(ch, org.apache.calcite.avatica.MetaImpl.MetaTable.class,
        metadata.tables(catalog, schemaPattern.s, tableNamePattern.s, typeList)));
  }

  @Override
  public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern, Pat columnNamePattern) {
    return guard(() -> meta(ch, org.apache.calcite.avatica.MetaImpl.MetaColumn.class,
        metadata.columns(catalog, schemaPattern.s, tableNamePattern.s, columnNamePattern.s)));
  }

  @Override
  public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
    return guard(() -> meta(ch, org.apache.calcite.avatica.MetaImpl.MetaSchema.class,
        metadata.schemas(catalog, schemaPattern.s)));
  }

  @Override
  public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return guard(() -> meta(ch, org.apache.calcite.avatica.MetaImpl.MetaCatalog.class,
        metadata.catalogs()));
  }

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return guard(() -> meta(ch, org.apache.calcite.avatica.MetaImpl.MetaTableType.class,
        metadata.tableTypes()));
  }

  @Override
  public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    return guard(() -> meta(ch, org.apache.calcite.avatica.MetaImpl.MetaTypeInfo.class,
        metadata.typeInfo()));
  }

  @Override
  public MetaResultSet getPrimaryKeys(ConnectionHandle ch, String catalog, String schema,
      String table) {
    return guard(() -> meta(ch, org.apache.calcite.avatica.MetaImpl.MetaPrimaryKey.class,
        metadata.primaryKeys(catalog, schema, table)));
  }

  @Override
  public MetaResultSet getIndexInfo(ConnectionHandle ch, String catalog, String schema,
      String table, boolean unique, boolean approximate) {
    return guard(() -> meta(ch, org.apache.calcite.avatica.MetaImpl.MetaIndexInfo.class,
        metadata.indexInfo(catalog, schema, table)));
  }

  private MetaResultSet empty(ConnectionHandle ch, Class<?> layout) {
    return guard(() -> meta(ch, layout, List.of()));
  }

  @Override
  public MetaResultSet getProcedures(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat procedureNamePattern) {
    return empty(ch, org.apache.calcite.avatica.MetaImpl.MetaProcedure.class);
  }

  @Override
  public MetaResultSet getProcedureColumns(ConnectionHandle ch, String catalog,
      Pat schemaPattern, Pat procedureNamePattern, Pat columnNamePattern) {
    return empty(ch, org.apache.calcite.avatica.MetaImpl.MetaProcedureColumn.class);
  }

  @Override
  public MetaResultSet getColumnPrivileges(ConnectionHandle ch, String catalog, String schema,
      String table, Pat columnNamePattern) {
    return empty(ch, org.apache.calcite.avatica.MetaImpl.MetaColumnPrivilege.class);
  }

  @Override
  public MetaResultSet getTablePrivileges(ConnectionHandle ch, String catalog,
      Pat schemaPattern, Pat tableNamePattern) {
    return empty(ch, org.apache.calcite.avatica.MetaImpl.MetaTablePrivilege.class);
  }

  @Override
  public MetaResultSet getBestRowIdentifier(ConnectionHandle ch, String catalog, String schema,
      String table, int scope, boolean nullable) {
    return empty(ch, org.apache.calcite.avatica.MetaImpl.MetaBestRowIdentifier.class);
  }

  @Override
  public MetaResultSet getVersionColumns(ConnectionHandle ch, String catalog, String schema,
      String table) {
    return empty(ch, org.apache.calcite.avatica.MetaImpl.MetaVersionColumn.class);
  }

  @Override
  public MetaResultSet getImportedKeys(ConnectionHandle ch, String catalog, String schema,
      String table) {
    return empty(ch, org.apache.calcite.avatica.MetaImpl.MetaImportedKey.class);
  }

  @Override
  public MetaResultSet getExportedKeys(ConnectionHandle ch, String catalog, String schema,
      String table) {
    return empty(ch, org.apache.calcite.avatica.MetaImpl.MetaExportedKey.class);
  }

  @Override
  public MetaResultSet getCrossReference(ConnectionHandle ch, String parentCatalog,
      String parentSchema, String parentTable, String foreignCatalog, String foreignSchema,
      String foreignTable) {
    return empty(ch, org.apache.calcite.avatica.MetaImpl.MetaCrossReference.class);
  }

  @Override
  public MetaResultSet getUDTs(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat typeNamePattern, int[] types) {
    return empty(ch, org.apache.calcite.avatica.MetaImpl.MetaUdt.class);
  }

  @Override
  public MetaResultSet getSuperTypes(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat typeNamePattern) {
    return empty(ch, org.apache.calcite.avatica.MetaImpl.MetaSuperType.class);
  }

  @Override
  public MetaResultSet getSuperTables(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern) {
    return empty(ch, org.apache.calcite.avatica.MetaImpl.MetaSuperTable.class);
  }

  @Override
  public MetaResultSet getAttributes(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat typeNamePattern, Pat attributeNamePattern) {
    return empty(ch, org.apache.calcite.avatica.MetaImpl.MetaAttribute.class);
  }

  @Override
  public MetaResultSet getClientInfoProperties(ConnectionHandle ch) {
    return empty(ch, org.apache.calcite.avatica.MetaImpl.MetaClientInfoProperty.class);
  }

  @Override
  public MetaResultSet getFunctions(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat functionNamePattern) {
    return empty(ch, org.apache.calcite.avatica.MetaImpl.MetaFunction.class);
  }

  @Override
  public MetaResultSet getFunctionColumns(ConnectionHandle ch, String catalog,
      Pat schemaPattern, Pat functionNamePattern, Pat columnNamePattern) {
    return empty(ch, org.apache.calcite.avatica.MetaImpl.MetaFunctionColumn.class);
  }

  @Override
  public MetaResultSet getPseudoColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern, Pat columnNamePattern) {
    return empty(ch, org.apache.calcite.avatica.MetaImpl.MetaPseudoColumn.class);
  }
}

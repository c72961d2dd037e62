package io.sluice.server.catalog;

import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.plan.catalog.CatalogReader;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.catalog.ViewDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tables of the {@code sys} schema: the catalog described as rows. Each has a fixed
 * definition and a function computing its rows from a catalog version.
 */
public final class SystemTables {
  private static final DataType NAME = new DataType(TypeKind.VARCHAR, DataType.UNSPECIFIED, 0,
      false);
  private static final DataType TEXT = DataType.varchar(DataType.UNSPECIFIED);
  private static final DataType INT = new DataType(TypeKind.INTEGER, DataType.UNSPECIFIED, 0,
      false);
  private static final DataType BOOL = new DataType(TypeKind.BOOLEAN, DataType.UNSPECIFIED, 0,
      false);
  private static final DataType BIG = new DataType(TypeKind.BIGINT, DataType.UNSPECIFIED, 0,
      false);

  /** sys.tables: every table and view. */
  public static final TableDef TABLES = system(1, "tables", RowType.of(
      new Field("table_schema", NAME), new Field("table_name", NAME),
      new Field("table_type", NAME)));

  /** sys.columns: every column of every table and view. */
  public static final TableDef COLUMNS = system(2, "columns", RowType.of(
      new Field("table_schema", NAME), new Field("table_name", NAME),
      new Field("column_name", NAME), new Field("ordinal_position", INT),
      new Field("data_type", NAME), new Field("is_nullable", BOOL),
      new Field("is_primary_key", BOOL), new Field("column_default", TEXT)));

  /** sys.views: every view with its query. */
  public static final TableDef VIEWS = system(3, "views", RowType.of(
      new Field("table_schema", NAME), new Field("table_name", NAME),
      new Field("materialized", BOOL), new Field("definition", NAME)));

  /** sys.primary_keys: the primary key columns of every table, in key order. */
  public static final TableDef PRIMARY_KEYS = system(4, "primary_keys", RowType.of(
      new Field("table_schema", NAME), new Field("table_name", NAME),
      new Field("column_name", NAME), new Field("key_position", INT)));

  /**
   * sys.indexes: every index column, primary keys (as index {@code <table>_pkey}) included.
   */
  public static final TableDef INDEXES = system(5, "indexes", RowType.of(
      new Field("table_schema", NAME), new Field("table_name", NAME),
      new Field("index_name", NAME), new Field("is_unique", BOOL),
      new Field("is_primary_key", BOOL), new Field("column_name", NAME),
      new Field("position", INT), new Field("descending", BOOL)));

  /**
   * sys.materialized_views: every materialized view with its status, the last epoch it
   * committed, its rows, the bytes its state takes, how often it restarted after an error and
   * its last error. Its rows come from the running views,
   * not the catalog.
   */
  public static final TableDef MATERIALIZED_VIEWS = system(6, "materialized_views", RowType.of(
      new Field("table_schema", NAME), new Field("table_name", NAME),
      new Field("status", NAME), new Field("committed_epoch", BIG),
      new Field("row_count", BIG), new Field("state_bytes", BIG),
      new Field("restarts", INT), new Field("error", TEXT)));

  /**
   * sys.checkpoints: the retained checkpoints and the recent failed ones (kept in memory until
   * restart), by id.
   */
  public static final TableDef CHECKPOINTS = system(7, "checkpoints", RowType.of(
      new Field("checkpoint_id", BIG), new Field("epoch", BIG),
      new Field("started", new DataType(TypeKind.TIMESTAMP, DataType.UNSPECIFIED, 0, false)),
      new Field("duration_ms", BIG), new Field("bytes_added", BIG),
      new Field("total_bytes", BIG), new Field("status", NAME), new Field("triggered_by", NAME),
      new Field("error", TEXT)));

  /**
   * sys.continuous_queries: every running continuous SELECT (kind {@code stream}) and every
   * materialized view, with its status, the last epoch it committed and how many rows its
   * result has; for streams also the session, when it started, the rows delivered to the
   * client and those waiting for it. Its rows come from the running dataflows.
   */
  public static final TableDef CONTINUOUS_QUERIES = system(20, "continuous_queries",
      RowType.of(new Field("kind", NAME), new Field("name", NAME),
          new Field("session_id", INT.withNullable(true)), new Field("query", TEXT),
          new Field("status", NAME),
          new Field("started_at", new DataType(TypeKind.TIMESTAMP, DataType.UNSPECIFIED, 0,
              true)),
          new Field("epoch", BIG), new Field("row_count", BIG),
          new Field("rows_delivered", BIG.withNullable(true)),
          new Field("rows_buffered", BIG.withNullable(true)), new Field("error", TEXT)));

  private static final Map<Long, Function<CatalogReader, List<Object[]>>> ROWS = Map.of(
      TABLES.id(), SystemTables::tableRows,
      COLUMNS.id(), SystemTables::columnRows,
      VIEWS.id(), SystemTables::viewRows,
      PRIMARY_KEYS.id(), SystemTables::primaryKeyRows,
      INDEXES.id(), SystemTables::indexRows);

  private SystemTables() {}

  /** The definitions, to add to every catalog version. */
  public static List<TableDef> all() {
    return List.of(TABLES, COLUMNS, VIEWS, PRIMARY_KEYS, INDEXES, MATERIALIZED_VIEWS,
        CHECKPOINTS, CONTINUOUS_QUERIES);
  }

  /** The current rows of a system table. */
  public static List<Object[]> rows(TableDef table, CatalogReader catalog) {
    Function<CatalogReader, List<Object[]>> f = ROWS.get(table.id());
    if (f == null) {
      throw new IllegalArgumentException("not a system table: " + table.qualifiedName());
    }
    return f.apply(catalog);
  }

  private static TableDef system(long id, String name, RowType rowType) {
    return new TableDef(id, CatalogReader.SYSTEM_SCHEMA, name, rowType, List.of(), null, Map.of(),
        TableDef.Kind.SYSTEM);
  }

  private static List<Object[]> tableRows(CatalogReader c) {
    List<Object[]> rows = new ArrayList<>();
    for (String schema : c.schemas()) {
      for (TableDef t : c.tables(schema)) {
        rows.add(new Object[] {schema, t.name(),
            t.kind() == TableDef.Kind.SYSTEM ? "SYSTEM TABLE" : "TABLE"});
      }
      for (ViewDef v : c.views(schema)) {
        rows.add(new Object[] {schema, v.name(), v.materialized() ? "MATERIALIZED VIEW" : "VIEW"});
      }
    }
    return rows;
  }

  private static List<Object[]> columnRows(CatalogReader c) {
    List<Object[]> rows = new ArrayList<>();
    for (String schema : c.schemas()) {
      for (TableDef t : c.tables(schema)) {
        for (int i = 0; i < t.rowType().size(); i++) {
          Field f = t.rowType().field(i);
          rows.add(new Object[] {schema, t.name(), f.name(), i + 1, f.type().typeName(),
              f.type().nullable(), t.primaryKey().contains(i), t.defaults().get(i)});
        }
      }
      for (ViewDef v : c.views(schema)) {
        for (int i = 0; i < v.rowType().size(); i++) {
          Field f = v.rowType().field(i);
          rows.add(new Object[] {schema, v.name(), f.name(), i + 1, f.type().typeName(),
              f.type().nullable(), false, null});
        }
      }
    }
    return rows;
  }

  private static List<Object[]> primaryKeyRows(CatalogReader c) {
    List<Object[]> rows = new ArrayList<>();
    for (String schema : c.schemas()) {
      for (TableDef t : c.tables(schema)) {
        for (int i = 0; i < t.primaryKey().size(); i++) {
          rows.add(new Object[] {schema, t.name(),
              t.rowType().field(t.primaryKey().get(i)).name(), i + 1});
        }
      }
    }
    return rows;
  }

  private static List<Object[]> indexRows(CatalogReader c) {
    List<Object[]> rows = new ArrayList<>();
    for (String schema : c.schemas()) {
      for (TableDef t : c.tables(schema)) {
        for (int i = 0; i < t.primaryKey().size(); i++) {
          rows.add(new Object[] {schema, t.name(), t.name() + "_pkey", true, true,
              t.rowType().field(t.primaryKey().get(i)).name(), i + 1, false});
        }
        for (io.sluice.plan.catalog.IndexDef x : t.indexes()) {
          for (int i = 0; i < x.columns().size(); i++) {
            rows.add(new Object[] {schema, t.name(), x.name(), x.unique(), false,
                t.rowType().field(x.columns().get(i)).name(), i + 1, x.descending().get(i)});
          }
        }
      }
    }
    return rows;
  }

  private static List<Object[]> viewRows(CatalogReader c) {
    List<Object[]> rows = new ArrayList<>();
    for (String schema : c.schemas()) {
      for (ViewDef v : c.views(schema)) {
        rows.add(new Object[] {schema, v.name(), v.materialized(), v.sql()});
      }
    }
    return rows;
  }
}

package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.Version;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that DatabaseMetaData through the remote driver describes the database as JDBC tools
 * expect: product and driver identity, the one catalog {@code sluice} and its schemas, tables
 * and views found by name patterns and type filters, every column's type, size, nullability
 * and position, the table types, the type catalogue, and composite primary keys in key order.
 */
@ExtendWith(SharedServer.class)
class DatabaseMetaDataTest {
  private static ServerProcess server;
  private static Connection conn;
  private static DatabaseMetaData md;

  /** One expected column: name, JDBC type, type name, size, decimal digits, nullable. */
  record Col(String name, int type, String typeName, int size, Integer digits,
      boolean nullable) {}

  private static final List<Col> MD_ALL = List.of(
      new Col("id", Types.INTEGER, "INTEGER", 10, 0, false),
      new Col("b", Types.BOOLEAN, "BOOLEAN", 1, null, true),
      new Col("ti", Types.TINYINT, "TINYINT", 3, 0, true),
      new Col("si", Types.SMALLINT, "SMALLINT", 5, 0, true),
      new Col("bi", Types.BIGINT, "BIGINT", 19, 0, true),
      new Col("d", Types.DECIMAL, "DECIMAL", 12, 4, true),
      new Col("r", Types.REAL, "REAL", 7, null, true),
      new Col("f", Types.DOUBLE, "DOUBLE", 15, null, true),
      new Col("vc", Types.VARCHAR, "VARCHAR", 12, null, false),
      new Col("c", Types.CHAR, "CHAR", 6, null, true),
      new Col("dt", Types.DATE, "DATE", 10, null, true),
      new Col("tm", Types.TIME, "TIME", 8, null, true),
      new Col("ts", Types.TIMESTAMP, "TIMESTAMP", 23, null, true));

  @BeforeAll
  static void setUp(ServerProcess s, Connection connection) throws SQLException {
    server = s;
    conn = connection;
    md = conn.getMetaData();
    update(conn, "CREATE TABLE md_all (id INTEGER PRIMARY KEY, b BOOLEAN, ti TINYINT,"
        + " si SMALLINT, bi BIGINT, d DECIMAL(12, 4), r REAL, f DOUBLE, vc VARCHAR(12) NOT NULL,"
        + " c CHAR(6), dt DATE, tm TIME, ts TIMESTAMP)");
    update(conn, "CREATE TABLE md_pair (a INTEGER, b VARCHAR(10), note VARCHAR(5),"
        + " PRIMARY KEY (b, a))");
    update(conn, "CREATE TABLE mdxother (x INTEGER)");
    update(conn, "CREATE VIEW md_view AS SELECT id, vc FROM md_all WHERE id > 0");
  }

  @Test
  void productAndDriverIdentity() throws SQLException {
    int[] version = majorMinor(Version.VERSION);
    assertAll(
        () -> assertEquals("Sluice", md.getDatabaseProductName()),
        () -> assertEquals(Version.VERSION, md.getDatabaseProductVersion()),
        () -> assertEquals("Sluice JDBC Driver", md.getDriverName()),
        () -> assertEquals(Version.VERSION, md.getDriverVersion()),
        () -> assertEquals(version[0], md.getDriverMajorVersion()),
        () -> assertEquals(version[1], md.getDriverMinorVersion()),
        () -> assertEquals(version[0], md.getDatabaseMajorVersion()),
        () -> assertEquals(version[1], md.getDatabaseMinorVersion()),
        () -> assertEquals(server.url(), md.getURL()),
        () -> assertEquals("sluice", conn.getCatalog()),
        () -> assertEquals("public", conn.getSchema()));
  }

  private static int[] majorMinor(String version) {
    String[] parts = version.split("[.-]");
    return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
  }

  /** Rows of a metadata result as maps from column label to value. */
  private static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
    try (rs) {
      List<Map<String, Object>> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
          row.put(rs.getMetaData().getColumnLabel(i).toUpperCase(), rs.getObject(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  private static Set<String> names(List<Map<String, Object>> rows, String column) {
    Set<String> out = new TreeSet<>();
    rows.forEach(r -> out.add((String) r.get(column)));
    return out;
  }

  @Test
  void catalogsAndSchemas() throws SQLException {
    assertEquals(List.of("sluice"), new ArrayList<>(names(rows(md.getCatalogs()), "TABLE_CAT")));
    List<Map<String, Object>> schemas = rows(md.getSchemas());
    assertEquals(Set.of("public", "sys"), names(schemas, "TABLE_SCHEM"));
    schemas.forEach(r -> assertEquals("sluice", r.get("TABLE_CATALOG"), r.toString()));
    assertEquals(Set.of("public"), names(rows(md.getSchemas("sluice", "pub%")), "TABLE_SCHEM"));
    assertEquals(Set.of(), names(rows(md.getSchemas("nosuch", null)), "TABLE_SCHEM"));
  }

  @Test
  void tablesByNamePatternAndType() throws SQLException {
    List<Map<String, Object>> all = rows(md.getTables(null, "public", "md%", null));
    assertEquals(Set.of("md_all", "md_pair", "mdxother", "md_view"), names(all, "TABLE_NAME"));
    Map<String, String> types = new HashMap<>();
    all.forEach(r -> types.put((String) r.get("TABLE_NAME"), (String) r.get("TABLE_TYPE")));
    assertEquals(Map.of("md_all", "TABLE", "md_pair", "TABLE", "mdxother", "TABLE",
        "md_view", "VIEW"), types);
    all.forEach(r -> assertEquals("sluice", r.get("TABLE_CAT")));
    all.forEach(r -> assertEquals("public", r.get("TABLE_SCHEM")));

    assertEquals(Set.of("md_all", "md_pair", "md_view"),
        names(rows(md.getTables("sluice", "public", "md\\_%", null)), "TABLE_NAME"),
        "an escaped _ matches only itself");
    assertEquals(Set.of("md_all", "md_pair", "mdxother", "md_view"),
        names(rows(md.getTables(null, null, "md_%", null)), "TABLE_NAME"),
        "an unescaped _ matches any one character");
    assertEquals(Set.of("md_pair"),
        names(rows(md.getTables(null, "public", "md_p_ir", null)), "TABLE_NAME"));
    assertEquals(Set.of("md_all", "md_pair", "mdxother"),
        names(rows(md.getTables(null, "public", "md%", new String[] {"TABLE"})), "TABLE_NAME"));
    assertEquals(Set.of("md_view"),
        names(rows(md.getTables(null, "public", "md%", new String[] {"VIEW"})), "TABLE_NAME"));
    Set<String> system = names(rows(md.getTables(null, "sys", "%",
        new String[] {"SYSTEM TABLE"})), "TABLE_NAME");
    assertTrue(system.containsAll(Set.of("tables", "columns", "views")), system.toString());
    assertEquals(Set.of(), names(rows(md.getTables("other_catalog", null, "md%", null)),
        "TABLE_NAME"));
  }

  @Test
  void columnsWithTypesSizesNullabilityAndPositions() throws SQLException {
    List<Map<String, Object>> cols = rows(md.getColumns(null, "public", "md_all", null));
    assertEquals(MD_ALL.size(), cols.size());
    for (int i = 0; i < MD_ALL.size(); i++) {
      Col want = MD_ALL.get(i);
      Map<String, Object> got = cols.get(i);
      int position = i + 1;
      assertAll(want.name(),
          () -> assertEquals("sluice", got.get("TABLE_CAT")),
          () -> assertEquals("public", got.get("TABLE_SCHEM")),
          () -> assertEquals("md_all", got.get("TABLE_NAME")),
          () -> assertEquals(want.name(), got.get("COLUMN_NAME")),
          () -> assertEquals(want.type(), ((Number) got.get("DATA_TYPE")).intValue()),
          () -> assertEquals(want.typeName(), got.get("TYPE_NAME")),
          () -> assertEquals(want.size(), ((Number) got.get("COLUMN_SIZE")).intValue()),
          () -> {
            if (want.digits() != null) {
              assertEquals(want.digits(), ((Number) got.get("DECIMAL_DIGITS")).intValue());
            }
          },
          () -> assertEquals(want.nullable() ? DatabaseMetaData.columnNullable
              : DatabaseMetaData.columnNoNulls, ((Number) got.get("NULLABLE")).intValue()),
          () -> assertEquals(want.nullable() ? "YES" : "NO", got.get("IS_NULLABLE")),
          () -> assertEquals(position, ((Number) got.get("ORDINAL_POSITION")).intValue()));
    }
    List<Map<String, Object>> some = rows(md.getColumns(null, null, "md_all", "t_"));
    assertEquals(Set.of("ti", "tm", "ts"), names(some, "COLUMN_NAME"));
    List<Map<String, Object>> view = rows(md.getColumns(null, "public", "md_view", null));
    assertEquals(List.of("id", "vc"), view.stream().map(r -> r.get("COLUMN_NAME")).toList());
  }

  @Test
  void tableTypes() throws SQLException {
    List<String> types = rows(md.getTableTypes()).stream()
        .map(r -> (String) r.get("TABLE_TYPE")).toList();
    assertTrue(types.containsAll(List.of("TABLE", "VIEW", "SYSTEM TABLE")), types.toString());
    assertEquals(types.stream().sorted().toList(), types, "ordered by table type");
  }

  @Test
  void typeInfoListsEveryColumnType() throws SQLException {
    List<Map<String, Object>> info = rows(md.getTypeInfo());
    Map<String, Integer> byName = new HashMap<>();
    info.forEach(r -> byName.put((String) r.get("TYPE_NAME"),
        ((Number) r.get("DATA_TYPE")).intValue()));
    for (Col c : MD_ALL) {
      assertEquals(c.type(), byName.get(c.typeName()), "type info of " + c.typeName());
    }
  }

  @Test
  void typeInfoIsOrderedByDataType() throws SQLException {
    List<Map<String, Object>> info = rows(md.getTypeInfo());
    List<Integer> dataTypes = info.stream().map(r -> ((Number) r.get("DATA_TYPE")).intValue())
        .toList();
    assertEquals(dataTypes.stream().sorted().toList(), dataTypes, "ordered by DATA_TYPE");
  }

  @Test
  void identifierCaseReportedAsItIsStored() throws SQLException {
    update(conn, "CREATE TABLE CaseProbe_T (Some_Col INTEGER)");
    Set<String> stored = names(rows(md.getTables(null, null, "%", null)), "TABLE_NAME");
    String name = stored.stream().filter(n -> n.equalsIgnoreCase("caseprobe_t")).findFirst()
        .orElseThrow(() -> new AssertionError("table not listed: " + stored));
    assertAll(
        () -> assertEquals(name.equals("caseprobe_t"), md.storesLowerCaseIdentifiers(),
            "stored as " + name + ", storesLowerCaseIdentifiers"),
        () -> assertEquals(name.equals("CASEPROBE_T"), md.storesUpperCaseIdentifiers(),
            "stored as " + name + ", storesUpperCaseIdentifiers"),
        () -> assertEquals(name.equals("CaseProbe_T"), md.storesMixedCaseIdentifiers(),
            "stored as " + name + ", storesMixedCaseIdentifiers"));
  }

  @Test
  void transactionSupportIsReportedConsistently() throws SQLException {
    if (!md.supportsTransactions()) {
      // JDBC: without transactions "the isolation level is TRANSACTION_NONE".
      assertEquals(Connection.TRANSACTION_NONE, conn.getTransactionIsolation());
      assertEquals(Connection.TRANSACTION_NONE, md.getDefaultTransactionIsolation());
    } else {
      assertTrue(md.supportsTransactionIsolationLevel(conn.getTransactionIsolation()));
    }
  }

  @Test
  void compositePrimaryKeyInKeyOrder() throws SQLException {
    List<Map<String, Object>> pk = rows(md.getPrimaryKeys(null, "public", "md_pair"));
    Map<String, Integer> seq = new HashMap<>();
    pk.forEach(r -> seq.put((String) r.get("COLUMN_NAME"),
        ((Number) r.get("KEY_SEQ")).intValue()));
    assertEquals(Map.of("b", 1, "a", 2), seq, "PRIMARY KEY (b, a)");
    pk.forEach(r -> assertEquals("md_pair", r.get("TABLE_NAME")));
    assertEquals(1, names(pk, "PK_NAME").size(), "one key name: " + pk);
    assertEquals(List.of("id"), rows(md.getPrimaryKeys("sluice", "public", "md_all")).stream()
        .map(r -> r.get("COLUMN_NAME")).toList());
    assertEquals(List.of(), rows(md.getPrimaryKeys(null, "public", "mdxother")));
  }
}

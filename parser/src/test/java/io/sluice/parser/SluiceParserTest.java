package io.sluice.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.common.error.SqlSyntaxException;
import io.sluice.common.types.DataType;
import io.sluice.common.types.TypeKind;
import io.sluice.parser.ast.CreateTable;
import io.sluice.parser.ast.CreateView;
import io.sluice.parser.ast.Describe;
import io.sluice.parser.ast.DropTable;
import io.sluice.parser.ast.DropView;
import io.sluice.parser.ast.Explain;
import io.sluice.parser.ast.Query;
import io.sluice.parser.ast.SetOption;
import io.sluice.parser.ast.Show;
import java.util.List;
import org.apache.calcite.sql.SqlKind;
import org.junit.jupiter.api.Test;

class SluiceParserTest {
  @Test
  void createTableWithEveryTypeAndPrimaryKey() {
    CreateTable t = (CreateTable) SluiceParser.parse(
        "create table if not exists Orders (id BIGINT PRIMARY KEY, b boolean, t tinyint, "
            + "s smallint, i int not null, d decimal(10, 2), r real, f double precision, "
            + "v varchar(20), c char(3), dt date, tm time, ts timestamp, \"Mixed\" text)");
    assertEquals("orders", t.name().simpleName());
    assertTrue(t.ifNotExists());
    assertEquals(List.of("id"), t.primaryKey());
    assertEquals(14, t.columns().size());
    assertEquals(new DataType(TypeKind.BIGINT, -1, 0, false), t.columns().get(0).type());
    assertEquals(DataType.decimal(10, 2), t.columns().get(5).type());
    assertFalse(t.columns().get(4).type().nullable());
    assertEquals(DataType.varchar(20), t.columns().get(8).type());
    assertEquals(DataType.character(3), t.columns().get(9).type());
    assertEquals(TypeKind.TIMESTAMP, t.columns().get(12).type().kind());
    assertEquals("Mixed", t.columns().get(13).name());
  }

  @Test
  void tablePrimaryKeyConstraintAndOptions() {
    CreateTable t = (CreateTable) SluiceParser.parse(
        "CREATE TABLE t (a INT, b VARCHAR, c INT DEFAULT -1, PRIMARY KEY (b, a)) "
            + "WITH ('retention' = '1h', x.y = 3);");
    assertEquals(List.of("b", "a"), t.primaryKey());
    assertEquals("-1", t.columns().get(2).defaultSql());
    assertEquals("1h", t.options().get("retention"));
    assertEquals("3", t.options().get("x.y"));
  }

  @Test
  void queriesGoToCalcite() {
    Query q = (Query) SluiceParser.parse("SELECT a, COUNT(*) FROM t GROUP BY a;");
    assertEquals(SqlKind.SELECT, q.node().getKind());
    assertEquals(SqlKind.INSERT,
        ((Query) SluiceParser.parse("insert into t values (1, 'x')")).node().getKind());
    assertEquals(SqlKind.UPDATE,
        ((Query) SluiceParser.parse("UPDATE t SET a = a + 1 WHERE b <> 'x'")).node().getKind());
    assertEquals(SqlKind.DELETE,
        ((Query) SluiceParser.parse("DELETE FROM t WHERE a IN (SELECT 1)")).node().getKind());
    assertEquals(SqlKind.ORDER_BY,
        ((Query) SluiceParser.parse("select * from t order by 1 limit 3")).node().getKind());
  }

  @Test
  void viewsAndOtherStatements() {
    CreateView v = (CreateView) SluiceParser.parse(
        "CREATE MATERIALIZED VIEW IF NOT EXISTS mv (k, n) AS SELECT a, count(*) FROM t GROUP BY a");
    assertTrue(v.materialized());
    assertTrue(v.ifNotExists());
    assertEquals(List.of("k", "n"), v.columnNames());
    assertEquals("SELECT a, count(*) FROM t GROUP BY a", v.queryText());
    assertInstanceOf(DropView.class, SluiceParser.parse("drop view if exists v"));
    assertInstanceOf(DropTable.class, SluiceParser.parse("DROP TABLE t"));
    assertEquals(Show.Kind.TABLES, ((Show) SluiceParser.parse("show tables")).kind());
    assertEquals("t", ((Describe) SluiceParser.parse("DESCRIBE t")).name().simpleName());
    SetOption s = (SetOption) SluiceParser.parse("SET barrier.interval = '50ms'");
    assertEquals("barrier.interval", s.name());
    assertEquals("50ms", s.value());
    assertInstanceOf(Explain.class, SluiceParser.parse("EXPLAIN SELECT 1"));
  }

  @Test
  void keywordsCanNameColumns() {
    CreateTable t = (CreateTable) SluiceParser.parse("CREATE TABLE date (key INT, time TIME)");
    assertEquals("date", t.name().simpleName());
    assertEquals("key", t.columns().get(0).name());
  }

  @Test
  void syntaxErrorInSluiceStatementHasPosition() {
    SqlSyntaxException e = assertThrows(SqlSyntaxException.class,
        () -> SluiceParser.parse("CREATE TABLE t (a INT,\n  b FOO)"));
    assertEquals(2, e.line());
    assertEquals(5, e.column());
    assertEquals("42601", e.sqlState());
  }

  @Test
  void syntaxErrorInQueryHasPositionInOriginalText() {
    SqlSyntaxException e = assertThrows(SqlSyntaxException.class,
        () -> SluiceParser.parse("CREATE VIEW v AS\nSELECT a FROM WHERE b = 1"));
    assertEquals(2, e.line());
    assertEquals(15, e.column());
    SqlSyntaxException e2 = assertThrows(SqlSyntaxException.class,
        () -> SluiceParser.parse("SELEC 1"));
    assertEquals(1, e2.line());
    assertEquals(1, e2.column());
  }

  @Test
  void emptyStatementIsAnError() {
    SqlSyntaxException e = assertThrows(SqlSyntaxException.class, () -> SluiceParser.parse("  "));
    assertEquals("42601", e.sqlState());
  }
}

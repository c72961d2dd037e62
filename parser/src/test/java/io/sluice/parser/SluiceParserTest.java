package io.sluice.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
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
  void postgresCastBindsTighterThanAnyOperatorAndBecomesStandardCast() {
    SqlNode select = ((Query) SluiceParser.parse(
        "SELECT a + b::int8, -c::int, (a + b)::varchar(3), f(x)::double precision FROM t"))
        .node();
    SqlNodeList items = ((SqlSelect) select).getSelectList();
    // a + CAST(b AS int8): the cast takes b alone.
    SqlCall plus = (SqlCall) items.get(0);
    assertEquals(SqlKind.PLUS, plus.getKind());
    assertEquals(SqlKind.IDENTIFIER, plus.operand(0).getKind());
    assertSame(SqlStdOperatorTable.CAST, ((SqlCall) plus.operand(1)).getOperator());
    assertEquals("int8", ((SqlDataTypeSpec) ((SqlCall) plus.operand(1)).operand(1))
        .getTypeName().getSimple());
    // -(CAST(c AS INTEGER)), as in PostgreSQL.
    SqlCall minus = (SqlCall) items.get(1);
    assertEquals(SqlKind.MINUS_PREFIX, minus.getKind());
    assertEquals(SqlKind.CAST, minus.operand(0).getKind());
    SqlCall parenthesized = (SqlCall) items.get(2);
    assertSame(SqlStdOperatorTable.CAST, parenthesized.getOperator());
    assertEquals(SqlKind.PLUS, parenthesized.operand(0).getKind());
    SqlCall function = (SqlCall) items.get(3);
    assertEquals(SqlKind.CAST, function.getKind());
    assertEquals(SqlKind.OTHER_FUNCTION, function.operand(0).getKind());

    SqlSyntaxException e = assertThrows(SqlSyntaxException.class,
        () -> SluiceParser.parse("SELECT a:: FROM t"));
    assertEquals(1, e.line());
    assertEquals(9, e.column());
  }

  @Test
  void wordsPostgresDoesNotReserveNameColumns() {
    SqlSelect select = (SqlSelect) ((Query) SluiceParser.parse(
        "SELECT value, year, date, count(*) AS count, sum(value) AS sum, (hour), start"
            + " FROM t WHERE position > 1 AND timestamp < TIMESTAMP '2026-01-01 00:00:00'"
            + " GROUP BY value, year, date")).node();
    SqlNodeList items = select.getSelectList();
    assertEquals("value", ((SqlIdentifier) items.get(0)).getSimple());
    assertEquals("date", ((SqlIdentifier) items.get(2)).getSimple());
    // Still a call where one is written (the validator finds the aggregate by its name), and
    // a name after AS.
    SqlCall count = (SqlCall) items.get(3);
    assertEquals(SqlKind.AS, count.getKind());
    SqlCall countCall = count.operand(0);
    assertEquals("count", countCall.getOperator().getName().toLowerCase(Locale.ROOT));
    assertTrue(((SqlIdentifier) countCall.operand(0)).isStar());
    assertEquals("count", ((SqlIdentifier) count.operand(1)).getSimple());
    SqlCall sum = (SqlCall) ((SqlCall) items.get(4)).operand(0);
    assertEquals("value", ((SqlIdentifier) sum.operand(0)).getSimple());
    assertEquals("hour", ((SqlIdentifier) items.get(5)).getSimple());
    assertEquals(3, select.getGroup().size());
  }

  @Test
  void postgresTypeNamesInDdl() {
    CreateTable t = (CreateTable) SluiceParser.parse(
        "CREATE TABLE t (a int8, b int4, c int2, d bool, e float8, f float4, int8 text)");
    List<TypeKind> kinds = t.columns().stream().map(c -> c.type().kind()).toList();
    assertEquals(List.of(TypeKind.BIGINT, TypeKind.INTEGER, TypeKind.SMALLINT,
        TypeKind.BOOLEAN, TypeKind.DOUBLE, TypeKind.REAL, TypeKind.VARCHAR), kinds);
    assertEquals("int8", t.columns().get(6).name());
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

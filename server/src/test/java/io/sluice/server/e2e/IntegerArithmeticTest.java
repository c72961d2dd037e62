package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.expectError;
import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.row;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Integer arithmetic through the remote driver, ad hoc and in a materialized view. */
@ExtendWith(SharedServer.class)
class IntegerArithmeticTest {
  private static Connection conn;

  @BeforeAll
  static void setUp(Connection connection) {
    conn = connection;
  }

  /**
   * Arithmetic whose operands are integers of different widths (the generated code widens the
   * narrower one): results as Java computes them with longs, the result types SQL gives, NULLs
   * passed through, and overflow still an error.
   */
  @Test
  void mixedWidthIntegerArithmeticAgreesWithJava() throws SQLException {
    update(conn, "CREATE TABLE ia_widths (id BIGINT PRIMARY KEY, a BIGINT NOT NULL, b INTEGER,"
        + " c SMALLINT)");
    update(conn, "INSERT INTO ia_widths VALUES (1, 25, 7, 3), (2, " + Long.MAX_VALUE
        + ", -7, -4), (3, -17, NULL, NULL)");
    long max = Long.MAX_VALUE;
    assertEquals(List.of(
            row(1L, 5L, 1L, 32L, 6L, 4L, 3L, 1L, 3000L, 90000L),
            row(2L, max % 10, -7L % 3, max + -7, max % 10 + 1, max % -7, -4L % -7, -7L % -4,
                -4000L, -120000L),
            row(3L, -17L % 10, null, null, -17L % 10 + 1, null, null, null, null, null)),
        Sql.normalize(query(conn, "SELECT id, a % 10, b % 3, b + a, a % 10 + 1, a % b, c % b,"
            + " b % c, c * 1000, c * 30000 FROM ia_widths ORDER BY id")));
    List<Object> types = query(conn, "SELECT a % 10, b % 3, c * 1000 FROM ia_widths"
        + " WHERE id = 1").get(0);
    assertEquals(List.of(Integer.class, Integer.class, Integer.class),
        types.stream().map(Object::getClass).toList(), "MOD is typed as its second operand");
    expectError(conn, "22003", "SELECT a * 2 FROM ia_widths WHERE id = 2");
    // A filter on a mixed MOD in a materialized view: the path that matters for speed.
    update(conn, "CREATE MATERIALIZED VIEW ia_widths_v AS SELECT id FROM ia_widths"
        + " WHERE a % 10 <> 5");
    assertEquals(List.of(row(2L), row(3L)),
        Sql.normalize(query(conn, "SELECT id FROM ia_widths_v ORDER BY id")));
    update(conn, "DROP MATERIALIZED VIEW ia_widths_v");
  }
}

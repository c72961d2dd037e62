package io.sluice.parser;

import io.sluice.parser.calcite.CalciteSqlParserImpl;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Sluice's SQL dialect, in one place for the parser and the validator: identifiers in double
 * quotes keep their case, unquoted ones fold to lower case (as in PostgreSQL), matching is
 * case-sensitive after folding, and the lenient conformance accepts {@code !=}, {@code %},
 * GROUP BY aliases and ordinals, and SELECT without FROM. HAVING does not see output aliases: as
 * in PostgreSQL, a name there means a column of the FROM clause, so {@code SELECT a AS b, b AS a
 * ... HAVING a > 0} filters on the table's {@code a}.
 */
public final class SqlDialect {
  private SqlDialect() {}

  /** The conformance the parser and validator share. */
  public static final SqlConformance CONFORMANCE = new Conformance();

  /** LENIENT, except that HAVING resolves names against the FROM clause only. */
  private static final class Conformance extends SqlDelegatingConformance {
    Conformance() {
      super(SqlConformanceEnum.LENIENT);
    }

    @Override public boolean isHavingAlias() {
      return false;
    }
  }

  /** The Calcite parser configuration. */
  public static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
      .withParserFactory(CalciteSqlParserImpl.FACTORY)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.TO_LOWER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withConformance(CONFORMANCE)
      .withIdentifierMaxLength(128);
}

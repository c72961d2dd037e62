package io.sluice.parser;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Sluice's SQL dialect, in one place for the parser and the validator: identifiers in double
 * quotes keep their case, unquoted ones fold to lower case (as in PostgreSQL), matching is
 * case-sensitive after folding, and the lenient conformance accepts {@code !=}, {@code %},
 * GROUP BY aliases and ordinals, and SELECT without FROM.
 */
public final class SqlDialect {
  private SqlDialect() {}

  /** The conformance the parser and validator share. */
  public static final SqlConformance CONFORMANCE = SqlConformanceEnum.LENIENT;

  /** The Calcite parser configuration. */
  public static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
      .withParserFactory(SqlParserImpl.FACTORY)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.TO_LOWER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withConformance(CONFORMANCE)
      .withIdentifierMaxLength(128);
}

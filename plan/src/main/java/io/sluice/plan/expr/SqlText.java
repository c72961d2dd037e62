package io.sluice.plan.expr;

import java.math.BigDecimal;

/** How values read as text, for code generated from expressions. */
public final class SqlText {
  private SqlText() {}

  /**
   * A DECIMAL as text, as PostgreSQL writes it: every digit, no exponent, a zero before the
   * point ({@code 0.10}, not Calcite's {@code .10}); NULL stays NULL.
   */
  public static String decimal(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }
}

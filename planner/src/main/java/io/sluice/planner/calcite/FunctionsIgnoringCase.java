package io.sluice.planner.calcite;

import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.checkerframework.checker.nullness.qual.Nullable;

/** An operator table whose operators are found whatever the case of their name. */
final class FunctionsIgnoringCase implements SqlOperatorTable {
  private static final SqlNameMatcher IGNORING_CASE = SqlNameMatchers.withCaseSensitive(false);

  private final SqlOperatorTable operators;

  FunctionsIgnoringCase(SqlOperatorTable operators) {
    this.operators = operators;
  }

  @Override
  public void lookupOperatorOverloads(SqlIdentifier opName,
      @Nullable SqlFunctionCategory category, SqlSyntax syntax, List<SqlOperator> operatorList,
      SqlNameMatcher nameMatcher) {
    operators.lookupOperatorOverloads(opName, category, syntax, operatorList, IGNORING_CASE);
  }

  @Override
  public List<SqlOperator> getOperatorList() {
    return operators.getOperatorList();
  }
}

package io.sluice.planner.calcite;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL functions that Calcite's PostgreSQL library lacks.
 *
 * <p>Some Calcite has in another library, with PostgreSQL's meaning: {@code reverse(s)} and
 * {@code trunc(x [, n])}; {@link #OPERATORS} adds them. The others are written, before
 * validation, as the standard SQL they mean, so that nothing after the validator needs to know
 * them:
 *
 * <ul>
 *   <li>{@code now()} is {@code CURRENT_TIMESTAMP};
 *   <li>{@code btrim(s [, characters])} is {@code TRIM(BOTH characters FROM s)};
 *   <li>{@code date_trunc('unit', x)} is {@code FLOOR(x TO unit)} over x as a timestamp; weeks
 *       start on Monday, as in PostgreSQL (Calcite's start on Sunday).
 * </ul>
 */
final class PostgresFunctions {
  private PostgresFunctions() {}

  /**
   * {@code trunc(x [, n])}: BigQuery's TRUNC, except that a decimal result keeps n digits after
   * the point (none without n), as in PostgreSQL, where BigQuery's keeps x's scale. The
   * implementation is BigQuery's: Calcite finds it by the operator's class, name and kind.
   */
  private static final SqlOperator TRUNC =
      ((SqlBasicFunction) SqlLibraryOperators.TRUNC_BIG_QUERY)
          .withReturnTypeInference(PostgresFunctions::truncType);

  /** Operators from Calcite's other libraries that mean in PostgreSQL what they mean there. */
  static final SqlOperatorTable OPERATORS =
      SqlOperatorTables.of(SqlLibraryOperators.REVERSE, TRUNC);

  private static @Nullable RelDataType truncType(SqlOperatorBinding binding) {
    RelDataType x = binding.getOperandType(0);
    Integer digits = 0;
    if (binding.getOperandCount() == 2) {
      digits = binding.isOperandLiteral(1, false)
          ? binding.getOperandLiteralValue(1, Integer.class) : null;
    }
    if (x.getSqlTypeName() != SqlTypeName.DECIMAL || digits == null) {
      return ReturnTypes.ARG0_EXCEPT_INTEGER_NULLABLE.inferReturnType(binding);
    }
    int scale = Math.max(0, Math.min(digits, x.getScale()));
    RelDataTypeFactory types = binding.getTypeFactory();
    RelDataType decimal = types.createSqlType(SqlTypeName.DECIMAL,
        Math.max(1, x.getPrecision() - x.getScale() + scale), scale);
    boolean nullable = false;
    for (int i = 0; i < binding.getOperandCount(); i++) {
      nullable |= binding.getOperandType(i).isNullable();
    }
    return types.createTypeWithNullability(decimal, nullable);
  }

  /** date_trunc's units, singular and plural, as FLOOR's (a week is moved to Monday). */
  private static final Map<String, TimeUnit> TRUNC_UNITS = Map.ofEntries(
      Map.entry("second", TimeUnit.SECOND), Map.entry("seconds", TimeUnit.SECOND),
      Map.entry("minute", TimeUnit.MINUTE), Map.entry("minutes", TimeUnit.MINUTE),
      Map.entry("hour", TimeUnit.HOUR), Map.entry("hours", TimeUnit.HOUR),
      Map.entry("day", TimeUnit.DAY), Map.entry("days", TimeUnit.DAY),
      Map.entry("week", TimeUnit.WEEK), Map.entry("weeks", TimeUnit.WEEK),
      Map.entry("month", TimeUnit.MONTH), Map.entry("months", TimeUnit.MONTH),
      Map.entry("quarter", TimeUnit.QUARTER), Map.entry("quarters", TimeUnit.QUARTER),
      Map.entry("year", TimeUnit.YEAR), Map.entry("years", TimeUnit.YEAR),
      Map.entry("decade", TimeUnit.DECADE), Map.entry("decades", TimeUnit.DECADE));

  /** PostgreSQL's units that Sluice does not truncate to. */
  private static final Set<String> UNSUPPORTED_UNITS = Set.of(
      "microseconds", "microsecond", "milliseconds", "millisecond", "century", "centuries",
      "millennium", "millennia");

  /** The call written in standard SQL, or null when it is none of these functions. */
  static @Nullable SqlNode rewrite(SqlCall call) {
    SqlOperator op = call.getOperator();
    if (op == SqlLibraryOperators.DATE_TRUNC && call.operandCount() == 2
        && call.operand(0) instanceof SqlLiteral) {
      // The grammar parses BigQuery's DATE_TRUNC(x, unit) too; this is PostgreSQL's order.
      return dateTrunc(call.operand(0), call.operand(1), call.getParserPosition());
    }
    if (!(op instanceof SqlUnresolvedFunction)) {
      return null;
    }
    SqlParserPos pos = call.getParserPosition();
    switch (op.getName().toLowerCase(Locale.ROOT)) {
      case "now":
        return call.operandCount() == 0 ? SqlStdOperatorTable.CURRENT_TIMESTAMP.createCall(pos)
            : null;
      case "btrim":
        if (call.operandCount() == 1 || call.operandCount() == 2) {
          SqlNode characters = call.operandCount() == 2 ? call.operand(1)
              : SqlLiteral.createCharString(" ", pos);
          return SqlStdOperatorTable.TRIM.createCall(pos,
              SqlTrimFunction.Flag.BOTH.symbol(pos), characters, call.operand(0));
        }
        return null;
      default:
        return null;
    }
  }

  private static SqlNode dateTrunc(SqlNode unitNode, SqlNode value, SqlParserPos pos) {
    String unit = ((SqlLiteral) unitNode).toValue();
    SqlDataTypeSpec millis = new SqlDataTypeSpec(
        new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, 3, pos), pos);
    if (unit == null) {
      // A NULL unit truncates to NULL, as PostgreSQL's strict date_trunc does.
      return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createNull(pos), millis);
    }
    String key = unit.toLowerCase(Locale.ROOT);
    TimeUnit timeUnit = TRUNC_UNITS.get(key);
    if (timeUnit == null) {
      if (UNSUPPORTED_UNITS.contains(key)) {
        throw SluiceException.unsupported("date_trunc to " + key + " is not supported yet");
      }
      throw new SluiceException(SqlState.INVALID_PARAMETER_VALUE,
          "date_trunc unit \"" + unit + "\" is not recognized");
    }
    SqlNode timestamp = SqlStdOperatorTable.CAST.createCall(pos, value, millis);
    if (timeUnit != TimeUnit.WEEK) {
      return floor(timestamp, timeUnit, pos);
    }
    // Calcite's weeks start on Sunday: a day earlier, floored, then a day later starts on Monday.
    SqlNode oneDay = SqlLiteral.createInterval(1, "1",
        new SqlIntervalQualifier(TimeUnit.DAY, null, pos), pos);
    SqlNode earlier = SqlStdOperatorTable.MINUS.createCall(pos, timestamp, oneDay);
    return SqlStdOperatorTable.PLUS.createCall(pos, floor(earlier, TimeUnit.WEEK, pos), oneDay);
  }

  private static SqlNode floor(SqlNode timestamp, TimeUnit unit, SqlParserPos pos) {
    return SqlStdOperatorTable.FLOOR.createCall(pos, timestamp,
        new SqlIntervalQualifier(unit, null, pos));
  }
}

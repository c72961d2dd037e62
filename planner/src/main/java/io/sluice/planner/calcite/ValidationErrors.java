package io.sluice.planner.calcite;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Turns Calcite's validation errors into {@link SluiceException}s: the message keeps Calcite's
 * wording, moves the position to the end in the form Sluice uses everywhere, and gets the
 * SQLSTATE the kind of error deserves.
 */
public final class ValidationErrors {
  private ValidationErrors() {}

  private record Rule(Pattern pattern, String sqlState) {}

  private static final List<Rule> RULES = List.of(
      new Rule(Pattern.compile("^(Object|Table) '.*' not found"), SqlState.UNDEFINED_TABLE),
      new Rule(Pattern.compile("^Column '.*' not found"), SqlState.UNDEFINED_COLUMN),
      new Rule(Pattern.compile("^Unknown target column"), SqlState.UNDEFINED_COLUMN),
      // A type name the validator cannot find (CAST(x AS nosuchtype)).
      new Rule(Pattern.compile("^Unknown identifier"), SqlState.UNDEFINED_OBJECT),
      new Rule(Pattern.compile("^Column '.*' is ambiguous"), SqlState.AMBIGUOUS_COLUMN),
      new Rule(Pattern.compile("^No match found for function signature"),
          SqlState.UNDEFINED_FUNCTION),
      new Rule(Pattern.compile("^Cannot apply '.*' to arguments of type"),
          SqlState.DATATYPE_MISMATCH),
      new Rule(Pattern.compile("^Cannot assign to target field"), SqlState.DATATYPE_MISMATCH),
      new Rule(Pattern.compile("(?i)type mismatch|incompatible|cannot be cast|cannot convert"),
          SqlState.DATATYPE_MISMATCH),
      new Rule(Pattern.compile("^Expression '.*' is not being grouped"), SqlState.GROUPING_ERROR),
      new Rule(Pattern.compile("(?i)aggregate expression is illegal"), SqlState.GROUPING_ERROR),
      new Rule(Pattern.compile("^Number of INSERT target columns"), SqlState.SYNTAX_ERROR),
      new Rule(Pattern.compile("^Duplicate"), SqlState.DUPLICATE_COLUMN),
      new Rule(Pattern.compile("does not allow NULLs"), SqlState.NOT_NULL_VIOLATION));

  private static final Pattern NOT_NULL =
      Pattern.compile("^Column '(.*)' has no default value and does not allow NULLs");

  private static final Pattern POSITION =
      Pattern.compile("^(?:From|At) line (\\d+), column (\\d+)(?: to line \\d+, column \\d+)?: ");

  /** The Sluice error for a Calcite exception thrown while validating. */
  public static SluiceException translate(RuntimeException e) {
    if (e instanceof SluiceException se) {
      return se;
    }
    Throwable cause = e;
    while (cause != null && !(cause instanceof SluiceException)
        && !(cause instanceof CalciteContextException)
        && !(cause instanceof SqlValidatorException)) {
      cause = cause.getCause();
    }
    if (cause instanceof SluiceException se) {
      return se;
    }
    String message = cause == null ? String.valueOf(e.getMessage()) : cause.getMessage();
    if (message == null) {
      message = e.toString();
    }
    String position = "";
    Matcher m = POSITION.matcher(message);
    if (m.find()) {
      position = " (at line " + m.group(1) + ", column " + m.group(2) + ")";
      message = message.substring(m.end());
    }
    Matcher notNull = NOT_NULL.matcher(message);
    if (notNull.find()) {
      return new SluiceException(SqlState.NOT_NULL_VIOLATION, "null value in column \""
          + notNull.group(1) + "\" violates its NOT NULL constraint" + position, e);
    }
    String state = SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION;
    for (Rule r : RULES) {
      if (r.pattern().matcher(message).find()) {
        state = r.sqlState();
        break;
      }
    }
    return new SluiceException(state, message + position, e);
  }
}

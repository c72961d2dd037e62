package io.sluice.common.error;

/**
 * The SQLSTATE codes Sluice reports. The codes follow the SQL standard and, where the standard
 * leaves a class open, PostgreSQL's choices, so that tools and people recognise them.
 */
public final class SqlState {
  private SqlState() {}

  /** Class 0A: the statement uses a feature Sluice does not have. */
  public static final String FEATURE_NOT_SUPPORTED = "0A000";
  /** Class 08: the connection does not exist or was closed. */
  public static final String CONNECTION_DOES_NOT_EXIST = "08003";
  /** Class 21: a scalar subquery returned more than one row. */
  public static final String CARDINALITY_VIOLATION = "21000";
  /** Class 22: a string value is longer than its column allows. */
  public static final String STRING_DATA_RIGHT_TRUNCATION = "22001";
  /** Class 22: a number does not fit its type. */
  public static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
  /** Class 22: a NULL where the operation does not allow one. */
  public static final String NULL_VALUE_NOT_ALLOWED = "22004";
  /** Class 22: a date or time value is invalid. */
  public static final String INVALID_DATETIME_FORMAT = "22007";
  /** Class 22: division by zero. */
  public static final String DIVISION_BY_ZERO = "22012";
  /** Class 22: NTILE asked for no buckets, or fewer. */
  public static final String INVALID_ARGUMENT_FOR_NTILE = "22014";
  /** Class 22: NTH_VALUE asked for a row before the first. */
  public static final String INVALID_ARGUMENT_FOR_NTH_VALUE = "22016";
  /** Class 22: an argument is outside what a function accepts. */
  public static final String INVALID_PARAMETER_VALUE = "22023";
  /** Class 22: a string cannot be read as the type it is cast to. */
  public static final String INVALID_TEXT_REPRESENTATION = "22P02";
  /** Class 22: any other data exception. */
  public static final String DATA_EXCEPTION = "22000";
  /** Class 23: NOT NULL constraint violated. */
  public static final String NOT_NULL_VIOLATION = "23502";
  /** Class 23: primary key violated. */
  public static final String UNIQUE_VIOLATION = "23505";
  /** Class 25: an operation that transactions do not allow. */
  public static final String INVALID_TRANSACTION_STATE = "25000";
  /** Class 2B: the object is still used by another object. */
  public static final String DEPENDENT_OBJECTS_STILL_EXIST = "2BP01";
  /** Class 42: syntax error. */
  public static final String SYNTAX_ERROR = "42601";
  /** Class 42: the statement is valid SQL but not allowed here. */
  public static final String SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION = "42000";
  /** Class 42: unknown column. */
  public static final String UNDEFINED_COLUMN = "42703";
  /** Class 42: unknown table or view. */
  public static final String UNDEFINED_TABLE = "42P01";
  /** Class 42: unknown function, or a function applied to arguments of the wrong types. */
  public static final String UNDEFINED_FUNCTION = "42883";
  /** Class 42: a column reference matches several columns. */
  public static final String AMBIGUOUS_COLUMN = "42702";
  /** Class 42: an object of that name exists already. */
  public static final String DUPLICATE_OBJECT = "42P07";
  /** Class 42: a column is declared twice. */
  public static final String DUPLICATE_COLUMN = "42701";
  /** Class 42: types that do not go together. */
  public static final String DATATYPE_MISMATCH = "42804";
  /** Class 42: an expression is used where its grouping does not allow it. */
  public static final String GROUPING_ERROR = "42803";
  /** Class 42: a table definition that cannot be right. */
  public static final String INVALID_TABLE_DEFINITION = "42P16";
  /** Class 42: an unknown object (setting, checkpoint, ...). */
  public static final String UNDEFINED_OBJECT = "42704";
  /** Class 57: the statement was cancelled. */
  public static final String OBJECT_NOT_IN_PREREQUISITE_STATE = "55000";
  public static final String QUERY_CANCELED = "57014";
  /** Class 58: an I/O error in the storage layer. */
  public static final String IO_ERROR = "58030";
  /** Class XX: a bug in Sluice. */
  public static final String INTERNAL_ERROR = "XX000";
}

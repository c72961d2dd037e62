package io.sluice.common.types;

import java.util.Objects;

/**
 * A SQL data type: its kind, precision and scale where the kind has them, and whether it admits
 * NULL. Immutable.
 *
 * @param kind the kind
 * @param precision for DECIMAL the number of digits, for CHAR/VARCHAR the length;
 *     {@link #UNSPECIFIED} for kinds without one or a VARCHAR without a limit
 * @param scale for DECIMAL the digits after the point, otherwise 0
 * @param nullable whether NULL is a value of the type
 */
public record DataType(TypeKind kind, int precision, int scale, boolean nullable) {
  /** Precision of a type that has none, and length of an unbounded VARCHAR. */
  public static final int UNSPECIFIED = -1;
  /** Largest DECIMAL precision. */
  public static final int MAX_DECIMAL_PRECISION = 38;

  public DataType {
    Objects.requireNonNull(kind, "kind");
    if (kind == TypeKind.DECIMAL) {
      if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
        throw new IllegalArgumentException(
            "DECIMAL precision must be between 1 and " + MAX_DECIMAL_PRECISION + ": " + precision);
      }
      if (scale < 0 || scale > precision) {
        throw new IllegalArgumentException(
            "DECIMAL scale must be between 0 and the precision " + precision + ": " + scale);
      }
    } else if (kind.isCharacter()) {
      if (precision != UNSPECIFIED && precision < 1) {
        throw new IllegalArgumentException(kind.sqlName() + " length must be positive: " + precision);
      }
      if (scale != 0) {
        throw new IllegalArgumentException(kind.sqlName() + " has no scale");
      }
    } else if (precision != UNSPECIFIED || scale != 0) {
      throw new IllegalArgumentException(kind.sqlName() + " has no precision or scale");
    }
  }

  /** A nullable type of a kind without precision. */
  public static DataType of(TypeKind kind) {
    return new DataType(kind, UNSPECIFIED, 0, true);
  }

  /** A nullable DECIMAL(precision, scale). */
  public static DataType decimal(int precision, int scale) {
    return new DataType(TypeKind.DECIMAL, precision, scale, true);
  }

  /** A nullable VARCHAR of the given length ({@link #UNSPECIFIED} for no limit). */
  public static DataType varchar(int length) {
    return new DataType(TypeKind.VARCHAR, length, 0, true);
  }

  /** A nullable CHAR of the given length. */
  public static DataType character(int length) {
    return new DataType(TypeKind.CHAR, length, 0, true);
  }

  /** This type with the given nullability. */
  public DataType withNullable(boolean nullable) {
    return nullable == this.nullable ? this : new DataType(kind, precision, scale, nullable);
  }

  /** The type as SQL writes it, such as {@code DECIMAL(10, 2) NOT NULL}. */
  public String toSql() {
    return typeName() + (nullable ? "" : " NOT NULL");
  }

  /** The type's name with precision and scale but without nullability. */
  public String typeName() {
    if (kind == TypeKind.DECIMAL) {
      return "DECIMAL(" + precision + ", " + scale + ")";
    }
    if (kind.isCharacter() && precision != UNSPECIFIED) {
      return kind.sqlName() + "(" + precision + ")";
    }
    return kind.sqlName();
  }

  @Override
  public String toString() {
    return toSql();
  }
}

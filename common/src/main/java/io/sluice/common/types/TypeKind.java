package io.sluice.common.types;

import java.math.BigDecimal;
import java.sql.Types;

/** The SQL types Sluice stores and computes with, with their internal Java class. */
public enum TypeKind {
  BOOLEAN("BOOLEAN", Boolean.class, Types.BOOLEAN),
  TINYINT("TINYINT", Byte.class, Types.TINYINT),
  SMALLINT("SMALLINT", Short.class, Types.SMALLINT),
  INTEGER("INTEGER", Integer.class, Types.INTEGER),
  BIGINT("BIGINT", Long.class, Types.BIGINT),
  DECIMAL("DECIMAL", BigDecimal.class, Types.DECIMAL),
  REAL("REAL", Float.class, Types.REAL),
  DOUBLE("DOUBLE", Double.class, Types.DOUBLE),
  CHAR("CHAR", String.class, Types.CHAR),
  VARCHAR("VARCHAR", String.class, Types.VARCHAR),
  DATE("DATE", Integer.class, Types.DATE),
  TIME("TIME", Integer.class, Types.TIME),
  TIMESTAMP("TIMESTAMP", Long.class, Types.TIMESTAMP),
  /** The type of an untyped NULL literal; its only value is null. */
  NULL("NULL", Object.class, Types.NULL);

  private final String sqlName;
  private final Class<?> internalClass;
  private final int jdbcType;

  TypeKind(String sqlName, Class<?> internalClass, int jdbcType) {
    this.sqlName = sqlName;
    this.internalClass = internalClass;
    this.jdbcType = jdbcType;
  }

  /** The type's name in SQL. */
  public String sqlName() {
    return sqlName;
  }

  /** The Java class of non-null values of this type inside the engine. */
  public Class<?> internalClass() {
    return internalClass;
  }

  /** The {@link java.sql.Types} code JDBC reports for this type. */
  public int jdbcType() {
    return jdbcType;
  }

  /** Whether the type takes a precision in parentheses (DECIMAL, CHAR, VARCHAR). */
  public boolean hasPrecision() {
    return this == DECIMAL || this == CHAR || this == VARCHAR;
  }

  /** Whether values are numbers. */
  public boolean isNumeric() {
    switch (this) {
      case TINYINT: case SMALLINT: case INTEGER: case BIGINT: case DECIMAL: case REAL: case DOUBLE:
        return true;
      default:
        return false;
    }
  }

  /** Whether values are exact integers. */
  public boolean isInteger() {
    return this == TINYINT || this == SMALLINT || this == INTEGER || this == BIGINT;
  }

  /** The smallest value of an exact integer type; {@code Long.MIN_VALUE} for any other type. */
  public long minInteger() {
    switch (this) {
      case TINYINT: return Byte.MIN_VALUE;
      case SMALLINT: return Short.MIN_VALUE;
      case INTEGER: return Integer.MIN_VALUE;
      default: return Long.MIN_VALUE;
    }
  }

  /** The largest value of an exact integer type; {@code Long.MAX_VALUE} for any other type. */
  public long maxInteger() {
    switch (this) {
      case TINYINT: return Byte.MAX_VALUE;
      case SMALLINT: return Short.MAX_VALUE;
      case INTEGER: return Integer.MAX_VALUE;
      default: return Long.MAX_VALUE;
    }
  }

  /** Whether values are character strings. */
  public boolean isCharacter() {
    return this == CHAR || this == VARCHAR;
  }
}

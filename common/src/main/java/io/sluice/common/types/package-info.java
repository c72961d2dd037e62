/**
 * Sluice's SQL data types. A {@link io.sluice.common.types.DataType} names a SQL type and its
 * nullability; {@link io.sluice.common.types.TypeKind#internalClass()} says which Java class holds
 * its values inside the engine. The internal representation is Calcite's, so that generated
 * expression code and stored rows agree: DATE is an {@code Integer} of days since 1970-01-01, TIME
 * an {@code Integer} of milliseconds since midnight, TIMESTAMP a {@code Long} of milliseconds since
 * 1970-01-01 00:00 (no time zone), DECIMAL a {@code BigDecimal}, CHAR and VARCHAR a {@code String}.
 */
package io.sluice.common.types;

package io.sluice.planner.translate;

import io.sluice.common.error.SluiceException;
import io.sluice.common.types.DataType;
import io.sluice.planner.calcite.TypeConversion;
import java.math.BigDecimal;
import org.apache.calcite.rex.RexLiteral;

/** Literal values in Sluice's internal representation. */
final class Literals {
  private Literals() {}

  /** The internal value of a literal, of the literal's own type. */
  static Object toInternal(RexLiteral literal) {
    return toInternal(literal, TypeConversion.fromCalcite(literal.getType()));
  }

  /** The internal value of a literal as a value of {@code type}. */
  static Object toInternal(RexLiteral literal, DataType type) {
    if (literal.isNull()) {
      return null;
    }
    switch (type.kind()) {
      case BOOLEAN: return literal.getValueAs(Boolean.class);
      case TINYINT: return literal.getValueAs(BigDecimal.class).byteValueExact();
      case SMALLINT: return literal.getValueAs(BigDecimal.class).shortValueExact();
      case INTEGER: return literal.getValueAs(Integer.class);
      case BIGINT: return literal.getValueAs(Long.class);
      case DECIMAL: return literal.getValueAs(BigDecimal.class);
      case REAL: return literal.getValueAs(Float.class);
      case DOUBLE: return literal.getValueAs(Double.class);
      case CHAR:
      case VARCHAR: return literal.getValueAs(String.class);
      case DATE: return literal.getValueAs(Integer.class);
      case TIME: return literal.getValueAs(Integer.class);
      case TIMESTAMP: return literal.getValueAs(Long.class);
      case NULL: return null;
      default:
        throw SluiceException.unsupported("literal of type " + type);
    }
  }
}

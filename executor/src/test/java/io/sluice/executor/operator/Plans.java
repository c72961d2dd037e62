package io.sluice.executor.operator;

import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.plan.expr.GeneratedCode;
import io.sluice.plan.node.ValuesNode;
import java.util.ArrayList;
import java.util.List;

/** Types and plan node stand-ins for operator tests. */
final class Plans {
  private Plans() {}

  static final DataType INT = DataType.of(TypeKind.INTEGER);
  static final DataType BIGINT = DataType.of(TypeKind.BIGINT);
  static final DataType COUNT = BIGINT.withNullable(false);
  static final DataType TEXT = DataType.varchar(DataType.UNSPECIFIED);
  static final DataType BOOL = DataType.of(TypeKind.BOOLEAN);

  /** A row type from comma-separated names and their types. */
  static RowType type(String names, DataType... types) {
    String[] n = names.split(",");
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < n.length; i++) {
      fields.add(new Field(n[i].strip(), types[i]));
    }
    return new RowType(fields);
  }

  /** A stand-in input node of a type: the harness feeds the rows. */
  static ValuesNode input(RowType type) {
    return new ValuesNode(type, List.of());
  }

  /**
   * The plan's description of code the test replaces with a hand-written lambda; plan nodes
   * need one, the harness never compiles it.
   */
  static GeneratedCode handWritten(Class<?> interfaceType, String description) {
    return new GeneratedCode("HandWritten", "// written by hand in the test", interfaceType,
        description);
  }
}

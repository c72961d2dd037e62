package io.sluice.server.avatica;

import io.sluice.common.types.RowType;
import io.sluice.server.statement.Prepared;
import io.sluice.server.statement.StatementKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta.CursorFactory;
import org.apache.calcite.avatica.Meta.Signature;
import org.apache.calcite.avatica.Meta.StatementType;

/** Avatica's description of a prepared statement: its columns, parameters and kind. */
final class Signatures {
  private Signatures() {}

  /** The signature of a prepared statement, with the columns it was planned with. */
  static Signature of(Prepared prepared) {
    return of(prepared, prepared.columns());
  }

  /** The signature of a prepared statement whose result has the given columns (or none). */
  static Signature of(Prepared prepared, RowType columns) {
    List<ColumnMetaData> cols = new ArrayList<>();
    if (columns != null) {
      for (int i = 0; i < columns.size(); i++) {
        cols.add(JdbcTypes.column(i, columns.field(i)));
      }
    }
    List<AvaticaParameter> params = new ArrayList<>();
    for (int i = 0; i < prepared.parameterTypes().size(); i++) {
      params.add(JdbcTypes.parameter(i, prepared.parameterTypes().get(i)));
    }
    return new Signature(cols, prepared.sql(), params, Map.of(), CursorFactory.ARRAY,
        statementType(prepared.kind()));
  }

  private static StatementType statementType(StatementKind kind) {
    switch (kind) {
      case QUERY:
      case INFO:
        return StatementType.SELECT;
      case INSERT:
        return StatementType.INSERT;
      case UPDATE:
        return StatementType.UPDATE;
      case DELETE:
        return StatementType.DELETE;
      case DDL:
        return StatementType.OTHER_DDL;
      default:
        return StatementType.OTHER_DDL;
    }
  }
}

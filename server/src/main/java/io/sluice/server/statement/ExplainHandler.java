package io.sluice.server.statement;

import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.parser.ast.Explain;
import io.sluice.server.Database;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import java.util.ArrayList;
import java.util.List;

/** EXPLAIN: the operator tree, one line a row, with the state each operator keeps. */
final class ExplainHandler implements Handler<Explain> {
  static final RowType COLUMNS = RowType.of(new Field("plan",
      new DataType(TypeKind.VARCHAR, DataType.UNSPECIFIED, 0, false)));

  @Override
  public Planned plan(Session session, Explain statement) {
    Database db = session.database();
    String text = db.planner().explain(statement.query(), db.catalog().current());
    List<Object[]> rows = new ArrayList<>();
    for (String line : text.split("\n")) {
      rows.add(new Object[] {line});
    }
    return new Planned(StatementKind.INFO, COLUMNS, List.of(),
        params -> new StatementResult.Rows(COLUMNS, rows));
  }
}

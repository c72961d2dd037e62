package io.sluice.server.statement;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.executor.operator.ViewContents;
import io.sluice.parser.ast.CreateView;
import io.sluice.parser.ast.Explain;
import io.sluice.plan.PlanPrinter;
import io.sluice.plan.QueryPlan;
import io.sluice.plan.catalog.ViewDef;
import io.sluice.server.Database;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import io.sluice.server.catalog.CatalogState;
import java.util.ArrayList;
import java.util.List;

/**
 * EXPLAIN: the operator tree, one line a row, with the state each operator keeps. For a
 * materialized view (an existing one, or the view a CREATE MATERIALIZED VIEW would make) it is
 * the view's dataflow: its exchanges, where rows move between partitions, and the sink that
 * keeps the view's rows.
 */
final class ExplainHandler implements Handler<Explain> {
  static final RowType COLUMNS = RowType.of(new Field("plan",
      new DataType(TypeKind.VARCHAR, DataType.UNSPECIFIED, 0, false)));

  @Override
  public Planned plan(Session session, Explain statement) {
    Database db = session.database();
    CatalogState catalog = db.catalog().current();
    String text;
    if (statement.view() != null) {
      String schema = Names.schema(statement.view());
      String name = statement.view().simpleName();
      ViewDef def = catalog.view(schema, name).filter(ViewDef::materialized)
          .orElseThrow(() -> new SluiceException(SqlState.UNDEFINED_TABLE,
              "materialized view \"" + name + "\" does not exist"));
      text = dataflow(db, def.qualifiedName(), db.views().planOf(def));
    } else if (statement.createView() != null) {
      CreateView create = statement.createView();
      if (create.materialized()) {
        text = dataflow(db, Names.writableSchema(create.name()) + "."
            + create.name().simpleName(), db.planner().planContinuous(create.query(), catalog));
      } else {
        text = db.planner().explain(create.query(), catalog);
      }
    } else {
      text = db.planner().explain(statement.query(), catalog);
    }
    List<Object[]> rows = new ArrayList<>();
    for (String line : text.split("\n")) {
      rows.add(new Object[] {line});
    }
    return new Planned(StatementKind.INFO, COLUMNS, List.of(),
        params -> new StatementResult.Rows(COLUMNS, rows));
  }

  private static String dataflow(Database db, String view, QueryPlan plan) {
    ViewContents contents = ViewContents.of(plan.root().rowType(), plan.uniqueKey());
    String rows = contents.keyed()
        ? ", rows keyed on unique key " + plan.uniqueKey().stream().map(i -> "$" + i).toList()
        : ", rows counted";
    return "Materialize(view=" + view + ", partitions=" + db.views().partitions() + rows + ")\n"
        + "    state " + contents.decl().describe() + "\n"
        + PlanPrinter.print(plan.root()).indent(2);
  }
}

package io.sluice.server.statement;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.parser.ast.Describe;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.catalog.ViewDef;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import io.sluice.server.catalog.CatalogState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** DESCRIBE: the columns of a table or view. */
final class DescribeHandler implements Handler<Describe> {
  private static final DataType NAME = new DataType(TypeKind.VARCHAR, DataType.UNSPECIFIED, 0,
      false);
  private static final DataType BOOL = new DataType(TypeKind.BOOLEAN, DataType.UNSPECIFIED, 0,
      false);
  static final RowType COLUMNS = RowType.of(new Field("column_name", NAME),
      new Field("data_type", NAME), new Field("nullable", BOOL),
      new Field("primary_key", BOOL), new Field("default", DataType.varchar(DataType.UNSPECIFIED)));

  @Override
  public Planned plan(Session session, Describe statement) {
    return new Planned(StatementKind.INFO, COLUMNS, List.of(),
        params -> new StatementResult.Rows(COLUMNS, rows(session, statement)));
  }

  private static List<Object[]> rows(Session session, Describe st) {
    CatalogState c = session.database().catalog().current();
    String schema = Names.schema(st.name());
    String name = st.name().simpleName();
    List<Object[]> rows = new ArrayList<>();
    Optional<TableDef> t = c.table(schema, name);
    if (t.isPresent()) {
      TableDef def = t.get();
      for (int i = 0; i < def.rowType().size(); i++) {
        Field f = def.rowType().field(i);
        rows.add(new Object[] {f.name(), f.type().typeName(), f.type().nullable(),
            def.primaryKey().contains(i), def.defaults().get(i)});
      }
      return rows;
    }
    Optional<ViewDef> v = c.view(schema, name);
    if (v.isPresent()) {
      for (Field f : v.get().rowType().fields()) {
        rows.add(new Object[] {f.name(), f.type().typeName(), f.type().nullable(), false, null});
      }
      return rows;
    }
    throw new SluiceException(SqlState.UNDEFINED_TABLE,
        "table or view \"" + st.name() + "\" does not exist");
  }
}

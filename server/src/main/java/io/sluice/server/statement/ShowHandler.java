package io.sluice.server.statement;

import io.sluice.common.error.SluiceException;
import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.parser.ast.Show;
import io.sluice.plan.catalog.CatalogReader;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.catalog.ViewDef;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import io.sluice.server.SystemSettings;
import io.sluice.server.catalog.SystemTables;
import io.sluice.server.catalog.CatalogState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** SHOW TABLES, SHOW [MATERIALIZED] VIEWS, SHOW ALL and SHOW setting. */
final class ShowHandler implements Handler<Show> {
  private static final DataType NAME = new DataType(TypeKind.VARCHAR, DataType.UNSPECIFIED, 0,
      false);
  private static final RowType TABLES = RowType.of(new Field("name", NAME));
  private static final RowType SETTINGS = RowType.of(new Field("name", NAME),
      new Field("setting", NAME), new Field("description", NAME));
  private static final RowType SETTING = RowType.of(new Field("setting", NAME));

  @Override
  public Planned plan(Session session, Show statement) {
    switch (statement.kind()) {
      case TABLES:
        return info(TABLES, () -> {
          List<Object[]> rows = new ArrayList<>();
          for (TableDef t : catalog(session).tables(CatalogReader.DEFAULT_SCHEMA)) {
            rows.add(new Object[] {t.name()});
          }
          return rows;
        });
      case VIEWS:
      case MATERIALIZED_VIEWS:
        boolean materialized = statement.kind() == Show.Kind.MATERIALIZED_VIEWS;
        return info(TABLES, () -> {
          List<Object[]> rows = new ArrayList<>();
          for (ViewDef v : catalog(session).views(CatalogReader.DEFAULT_SCHEMA)) {
            if (v.materialized() == materialized) {
              rows.add(new Object[] {v.name()});
            }
          }
          return rows;
        });
      case ALL_OPTIONS:
        return info(SETTINGS, () -> {
          List<Object[]> rows = new ArrayList<>();
          for (Map.Entry<String, String[]> e : session.options().all().entrySet()) {
            rows.add(new Object[] {e.getKey(), e.getValue()[0], e.getValue()[1]});
          }
          for (Map.Entry<String, String[]> e
              : session.database().settings().all().entrySet()) {
            rows.add(new Object[] {e.getKey(), e.getValue()[0],
                e.getValue()[1] + " (ALTER SYSTEM)"});
          }
          return rows;
        });
      case OPTION:
        return info(SETTING, () -> {
          List<Object[]> rows = new ArrayList<>();
          String name = statement.option();
          rows.add(new Object[] {SystemSettings.isSystemSetting(name)
              ? session.database().settings().get(name) : session.options().get(name)});
          return rows;
        });
      case CHECKPOINTS:
        return info(SystemTables.CHECKPOINTS.rowType(),
            () -> session.database().checkpointRows());
      default:
        throw SluiceException.unsupported("SHOW " + statement.kind() + " is not supported yet");
    }
  }

  private static CatalogState catalog(Session session) {
    return session.database().catalog().current();
  }

  private static Planned info(RowType columns, java.util.function.Supplier<List<Object[]>> rows) {
    return new Planned(StatementKind.INFO, columns, List.of(),
        params -> new StatementResult.Rows(columns, rows.get()));
  }
}

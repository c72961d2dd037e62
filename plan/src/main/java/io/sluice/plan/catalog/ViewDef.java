package io.sluice.plan.catalog;

import io.sluice.common.types.RowType;
import java.util.List;
import java.util.Objects;

/**
 * A view: a named query. A plain view is expanded into the queries that read it; a
 * materialized view also keeps its result up to date.
 *
 * @param id unique and never reused
 * @param schema the schema name
 * @param name the view name
 * @param sql the query text as written
 * @param rowType the columns the query produces (with any names given in CREATE VIEW)
 * @param materialized whether the result is maintained
 * @param dependencies qualified names of the tables and views the query reads
 */
public record ViewDef(long id, String schema, String name, String sql, RowType rowType,
    boolean materialized, List<String> dependencies) {
  public ViewDef {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
    dependencies = List.copyOf(dependencies);
  }

  /** {@code schema.name}. */
  public String qualifiedName() {
    return schema + "." + name;
  }
}

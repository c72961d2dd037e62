package io.sluice.planner.calcite;

import io.sluice.plan.catalog.CatalogReader;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.catalog.ViewDef;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.CompatibilityLookup;
import org.apache.calcite.schema.lookup.Lookup;

/** Builds the Calcite schema tree for one statement from a catalog snapshot. */
public final class CatalogSchema {
  private CatalogSchema() {}

  /**
   * A root schema with one sub-schema per catalog schema, reachable also under the catalog's
   * name ({@code sluice.public.t}).
   */
  public static CalciteSchema rootOf(CatalogReader catalog, boolean expandMaterialized) {
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    SchemaPlus plus = root.plus();
    SchemaPlus named = plus.add(CatalogReader.CATALOG, new AbstractSchema());
    for (String name : catalog.schemas()) {
      plus.add(name, new OneSchema(catalog, name, expandMaterialized));
      named.add(name, new OneSchema(catalog, name, expandMaterialized));
    }
    return root;
  }

  /**
   * The tables and views of one catalog schema. A materialized view reads as its maintained
   * contents, or, for planning another continuous query, is expanded like a plain view.
   */
  private static final class OneSchema extends AbstractSchema {
    private final CatalogReader catalog;
    private final String name;
    private final boolean expandMaterialized;

    OneSchema(CatalogReader catalog, String name, boolean expandMaterialized) {
      this.catalog = catalog;
      this.name = name;
      this.expandMaterialized = expandMaterialized;
    }

    @Override
    protected Map<String, Table> getTableMap() {
      Map<String, Table> tables = new HashMap<>();
      for (TableDef t : catalog.tables(name)) {
        tables.put(t.name(), new SluiceTable(t));
      }
      for (ViewDef v : catalog.views(name)) {
        tables.put(v.name(), v.materialized() && !expandMaterialized
            ? new MaterializedViewTable(v) : new SluiceViewTable(v));
      }
      return tables;
    }

    /**
     * Names looked up one at a time, directly: {@link AbstractSchema}'s lookup builds {@link
     * #getTableMap} for every name the validator resolves, which costs time in proportion to
     * the whole schema on every statement (thousands of views made planning slow).
     */
    @Override
    public Lookup<Table> tables() {
      return new CompatibilityLookup<>(this::table, () -> getTableMap().keySet());
    }

    private Table table(String tableName) {
      Optional<ViewDef> v = catalog.view(name, tableName);
      if (v.isPresent()) {
        return v.get().materialized() && !expandMaterialized
            ? new MaterializedViewTable(v.get()) : new SluiceViewTable(v.get());
      }
      return catalog.table(name, tableName).<Table>map(SluiceTable::new).orElse(null);
    }

    @Override
    public boolean isMutable() {
      return false;
    }

    @Override
    public Schema snapshot(org.apache.calcite.schema.SchemaVersion version) {
      return this;
    }
  }
}

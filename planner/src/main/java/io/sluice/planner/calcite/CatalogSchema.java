package io.sluice.planner.calcite;

import io.sluice.plan.catalog.CatalogReader;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.catalog.ViewDef;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.apache.calcite.sql.type.SqlTypeName;

/** Builds the Calcite schema tree for one statement from a catalog snapshot. */
public final class CatalogSchema {
  private CatalogSchema() {}

  /**
   * Names of built-in types that Calcite's grammar lacks, as Sluice's DDL and PostgreSQL spell
   * them: {@code CAST(x AS text)}, {@code x::int8}. The validator finds a type name it does not
   * know in the root schema, ignoring case.
   */
  private static final Map<String, SqlTypeName> TYPE_ALIASES = Map.of(
      "text", SqlTypeName.VARCHAR,
      "string", SqlTypeName.VARCHAR,
      "bool", SqlTypeName.BOOLEAN,
      "int2", SqlTypeName.SMALLINT,
      "int4", SqlTypeName.INTEGER,
      "int8", SqlTypeName.BIGINT,
      "float4", SqlTypeName.REAL,
      "float8", SqlTypeName.DOUBLE);

  /**
   * A root schema with one sub-schema per catalog schema, reachable also under the catalog's
   * name ({@code sluice.public.t}).
   */
  public static CalciteSchema rootOf(CatalogReader catalog, boolean expandMaterialized) {
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    SchemaPlus plus = root.plus();
    TYPE_ALIASES.forEach((alias, type) -> plus.add(alias, f -> f.createSqlType(type)));
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
     * Names looked up one at a time, directly. {@link AbstractSchema}'s lookup builds {@link
     * #getTableMap} for every name the validator resolves, and Calcite's own ignore-case lookup
     * sorts every name of the schema into a map; the validator makes that second, case-blind
     * lookup whenever a name is not found as written (to hint at the spelling). Both cost time in
     * proportion to the whole schema on every statement: with thousands of views a query naming
     * a missing table spent most of its time sorting view names.
     */
    @Override
    public Lookup<Table> tables() {
      return new Lookup<>() {
        @Override
        public Table get(String tableName) {
          return table(tableName);
        }

        @Override
        public Named<Table> getIgnoreCase(String tableName) {
          return catalog.nameIgnoringCase(name, tableName)
              .map(found -> new Named<>(found, table(found)))
              .orElse(null);
        }

        @Override
        public Set<String> getNames(LikePattern pattern) {
          Predicate1<String> matches = pattern.matcher();
          Set<String> out = new TreeSet<>();
          for (TableDef t : catalog.tables(name)) {
            if (matches.apply(t.name())) {
              out.add(t.name());
            }
          }
          for (ViewDef v : catalog.views(name)) {
            if (matches.apply(v.name())) {
              out.add(v.name());
            }
          }
          return out;
        }
      };
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

package io.sluice.server.catalog;

import io.sluice.plan.catalog.CatalogReader;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.catalog.ViewDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable version of the catalog. DDL makes a new version; a statement plans against the
 * version current when it began.
 */
public final class CatalogState implements CatalogReader {
  private final long version;
  private final Map<String, TableDef> tables;
  private final Map<String, ViewDef> views;

  CatalogState(long version, Map<String, TableDef> tables, Map<String, ViewDef> views) {
    this(version, Map.copyOf(tables), Map.copyOf(views), true);
  }

  /** Takes maps nobody else holds or changes: a DDL statement copies one map, not two. */
  private CatalogState(long version, Map<String, TableDef> tables, Map<String, ViewDef> views,
      boolean owned) {
    this.version = version;
    this.tables = tables;
    this.views = views;
  }

  static String key(String schema, String name) {
    return schema + "." + name;
  }

  /** Increases with every DDL statement. */
  public long version() {
    return version;
  }

  @Override
  public List<String> schemas() {
    return List.of(DEFAULT_SCHEMA, SYSTEM_SCHEMA);
  }

  @Override
  public Optional<TableDef> table(String schema, String name) {
    return Optional.ofNullable(tables.get(key(schema, name)));
  }

  @Override
  public Optional<ViewDef> view(String schema, String name) {
    return Optional.ofNullable(views.get(key(schema, name)));
  }

  @Override
  public List<TableDef> tables(String schema) {
    List<TableDef> out = new ArrayList<>();
    for (TableDef t : tables.values()) {
      if (t.schema().equals(schema)) {
        out.add(t);
      }
    }
    out.sort(Comparator.comparing(TableDef::name));
    return out;
  }

  @Override
  public List<ViewDef> views(String schema) {
    List<ViewDef> out = new ArrayList<>();
    for (ViewDef v : views.values()) {
      if (v.schema().equals(schema)) {
        out.add(v);
      }
    }
    out.sort(Comparator.comparing(ViewDef::name));
    return out;
  }

  /** Every base and system table. */
  public List<TableDef> allTables() {
    return List.copyOf(tables.values());
  }

  /** Every view. */
  public List<ViewDef> allViews() {
    return List.copyOf(views.values());
  }

  /**
   * The table that has an index of this name in a schema, or null. Index names are unique
   * within a schema, as in PostgreSQL.
   */
  public TableDef tableWithIndex(String schema, String indexName) {
    for (TableDef t : tables.values()) {
      if (t.schema().equals(schema)
          && t.indexes().stream().anyMatch(i -> i.name().equals(indexName))) {
        return t;
      }
    }
    return null;
  }

  /** Whether a table or view has this name. */
  public boolean nameTaken(String schema, String name) {
    String k = key(schema, name);
    return tables.containsKey(k) || views.containsKey(k);
  }

  /** The views that read the object with this qualified name (directly or through views). */
  public List<ViewDef> dependents(String qualifiedName) {
    List<ViewDef> out = new ArrayList<>();
    for (ViewDef v : views.values()) {
      if (v.dependencies().contains(qualifiedName)) {
        out.add(v);
      }
    }
    out.sort(Comparator.comparing(ViewDef::name));
    return out;
  }

  CatalogState withTable(TableDef t) {
    Map<String, TableDef> m = new HashMap<>(tables);
    m.put(key(t.schema(), t.name()), t);
    return new CatalogState(version + 1, Collections.unmodifiableMap(m), views, true);
  }

  CatalogState withoutTable(TableDef t) {
    Map<String, TableDef> m = new HashMap<>(tables);
    m.remove(key(t.schema(), t.name()));
    return new CatalogState(version + 1, Collections.unmodifiableMap(m), views, true);
  }

  CatalogState withView(ViewDef v) {
    Map<String, ViewDef> m = new HashMap<>(views);
    m.put(key(v.schema(), v.name()), v);
    return new CatalogState(version + 1, tables, Collections.unmodifiableMap(m), true);
  }

  CatalogState withoutView(ViewDef v) {
    Map<String, ViewDef> m = new HashMap<>(views);
    m.remove(key(v.schema(), v.name()));
    return new CatalogState(version + 1, tables, Collections.unmodifiableMap(m), true);
  }
}

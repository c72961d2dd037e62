package io.sluice.server.catalog;

import io.sluice.plan.catalog.CatalogReader;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.catalog.ViewDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable version of the catalog. DDL makes a new version; a statement plans against the
 * version current when it began.
 */
public final class CatalogState implements CatalogReader {
  private final long version;
  private final Map<String, TableDef> tables;
  private final BucketMap<ViewDef> views;

  /**
   * How many views read each qualified name directly: a DROP of something no view reads (the
   * usual case) then needs no walk over every view.
   */
  private final Map<String, Integer> readers;

  /**
   * How many tables and views have a name with an upper-case letter (only a quoted name can):
   * while there are none, a name matches another ignoring case only if its lower case is taken.
   */
  private final int casedNames;

  CatalogState(long version, Map<String, TableDef> tables, Map<String, ViewDef> views) {
    this(version, Map.copyOf(tables), BucketMap.of(views), readersOf(views.values()),
        casedNames(tables.values(), views.values()));
  }

  /** Takes maps nobody else holds or changes: a DDL statement copies one map, not two. */
  private CatalogState(long version, Map<String, TableDef> tables, BucketMap<ViewDef> views,
      Map<String, Integer> readers, int casedNames) {
    this.version = version;
    this.tables = tables;
    this.views = views;
    this.readers = readers;
    this.casedNames = casedNames;
  }

  private static int casedNames(Iterable<TableDef> tables, Iterable<ViewDef> views) {
    int n = 0;
    for (TableDef t : tables) {
      n += cased(t.name());
    }
    for (ViewDef v : views) {
      n += cased(v.name());
    }
    return n;
  }

  /** 1 if the name has an upper-case letter, else 0; 0 for null (no definition). */
  private static int cased(String name) {
    return name != null && !name.equals(name.toLowerCase(Locale.ROOT)) ? 1 : 0;
  }

  private static Map<String, Integer> readersOf(Iterable<ViewDef> views) {
    Map<String, Integer> out = new HashMap<>();
    for (ViewDef v : views) {
      count(out, v, 1);
    }
    return Collections.unmodifiableMap(out);
  }

  private static void count(Map<String, Integer> readers, ViewDef v, int delta) {
    for (String d : new java.util.HashSet<>(v.dependencies())) {
      readers.merge(d, delta, (a, b) -> a + b == 0 ? null : a + b);
    }
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

  /**
   * Without sorting or copying either map: the validator asks this for every name it does not
   * find as written, and a query that names a missing table should not cost time in proportion
   * to thousands of views sorted.
   */
  @Override
  public Optional<String> nameIgnoringCase(String schema, String name) {
    if (nameTaken(schema, name)) {
      return Optional.of(name);
    }
    if (casedNames == 0) {
      String lower = name.toLowerCase(Locale.ROOT);
      return nameTaken(schema, lower) ? Optional.of(lower) : Optional.empty();
    }
    String[] best = new String[1];
    for (TableDef t : tables.values()) {
      if (t.schema().equals(schema)) {
        best[0] = CatalogReader.firstMatch(best[0], t.name(), name);
      }
    }
    views.forEachValue(v -> {
      if (v.schema().equals(schema)) {
        best[0] = CatalogReader.firstMatch(best[0], v.name(), name);
      }
    });
    return Optional.ofNullable(best[0]);
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
    if (!readers.containsKey(qualifiedName)) {
      return List.of();
    }
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
    TableDef replaced = m.put(key(t.schema(), t.name()), t);
    return new CatalogState(version + 1, Collections.unmodifiableMap(m), views, readers,
        casedNames + cased(t.name()) - cased(replaced == null ? null : replaced.name()));
  }

  CatalogState withoutTable(TableDef t) {
    Map<String, TableDef> m = new HashMap<>(tables);
    TableDef removed = m.remove(key(t.schema(), t.name()));
    return new CatalogState(version + 1, Collections.unmodifiableMap(m), views, readers,
        casedNames - cased(removed == null ? null : removed.name()));
  }

  CatalogState withView(ViewDef v) {
    Map<String, Integer> r = new HashMap<>(readers);
    String key = key(v.schema(), v.name());
    ViewDef replaced = views.get(key);
    if (replaced != null) {
      count(r, replaced, -1);
    }
    count(r, v, 1);
    return new CatalogState(version + 1, tables, views.with(key, v),
        Collections.unmodifiableMap(r),
        casedNames + cased(v.name()) - cased(replaced == null ? null : replaced.name()));
  }

  CatalogState withoutView(ViewDef v) {
    Map<String, Integer> r = new HashMap<>(readers);
    String key = key(v.schema(), v.name());
    ViewDef removed = views.get(key);
    if (removed != null) {
      count(r, removed, -1);
    }
    return new CatalogState(version + 1, tables, views.without(key),
        Collections.unmodifiableMap(r),
        casedNames - cased(removed == null ? null : removed.name()));
  }
}

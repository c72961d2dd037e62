package io.sluice.plan.catalog;

import java.util.List;
import java.util.Optional;

/** Read access to the catalog, as of one moment: what the planner resolves names against. */
public interface CatalogReader {
  /** The name of the one catalog that holds every schema (for three-part names and JDBC). */
  String CATALOG = "sluice";
  /** The schema that unqualified names resolve in. */
  String DEFAULT_SCHEMA = "public";
  /** The schema of the system tables. */
  String SYSTEM_SCHEMA = "sys";

  /** The schema names. */
  List<String> schemas();

  /** The table with this name in this schema. */
  Optional<TableDef> table(String schema, String name);

  /** The view with this name in this schema. */
  Optional<ViewDef> view(String schema, String name);

  /** Every table of a schema. */
  List<TableDef> tables(String schema);

  /** Every view of a schema. */
  List<ViewDef> views(String schema);

  /**
   * The name of a table or view of this schema that equals {@code name} when case is ignored
   * (the first in order, if several do), or empty. The planner asks this only for a name it did
   * not find as written, to hint at the right spelling.
   */
  default Optional<String> nameIgnoringCase(String schema, String name) {
    String best = null;
    for (TableDef t : tables(schema)) {
      best = CatalogReader.firstMatch(best, t.name(), name);
    }
    for (ViewDef v : views(schema)) {
      best = CatalogReader.firstMatch(best, v.name(), name);
    }
    return Optional.ofNullable(best);
  }

  /** {@code candidate} if it equals {@code name} ignoring case and sorts before {@code best}. */
  static String firstMatch(String best, String candidate, String name) {
    return candidate.equalsIgnoreCase(name) && (best == null || candidate.compareTo(best) < 0)
        ? candidate : best;
  }
}

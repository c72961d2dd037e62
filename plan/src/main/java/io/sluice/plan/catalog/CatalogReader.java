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
}

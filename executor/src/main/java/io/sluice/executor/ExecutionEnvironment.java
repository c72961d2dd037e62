package io.sluice.executor;

import io.sluice.plan.catalog.TableDef;
import io.sluice.storage.table.StoredTable;
import java.util.List;

/** What the database gives the executor: where tables live. Implemented by the server. */
public interface ExecutionEnvironment {
  /** The storage of a base table. */
  StoredTable storage(TableDef table);

  /** The current rows of a system table, in internal representation. */
  List<Object[]> systemRows(TableDef table);
}

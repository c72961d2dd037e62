package io.sluice.executor;

import io.sluice.plan.catalog.IndexDef;
import io.sluice.plan.catalog.TableDef;
import io.sluice.storage.table.StoredIndex;
import io.sluice.storage.table.StoredTable;
import java.util.List;

/** What the database gives the executor: where tables live. Implemented by the server. */
public interface ExecutionEnvironment {
  /** The storage of a base table. */
  StoredTable storage(TableDef table);

  /** The storage of one of a table's indexes. */
  StoredIndex indexStorage(TableDef table, IndexDef index);

  /**
   * Where a table's changes are logged for the materialized views that read it, or null when
   * none does.
   */
  io.sluice.executor.stream.TableLogWriter logWriter(TableDef table);

  /** The current rows of a system table, in internal representation. */
  List<Object[]> systemRows(TableDef table);
}

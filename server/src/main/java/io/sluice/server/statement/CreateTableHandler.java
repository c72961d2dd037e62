package io.sluice.server.statement;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.parser.ast.ColumnDefinition;
import io.sluice.parser.ast.CreateTable;
import io.sluice.plan.catalog.IndexDef;
import io.sluice.plan.catalog.TableDef;
import io.sluice.server.Database;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import io.sluice.server.catalog.CatalogState;
import io.sluice.storage.kv.KvBatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** CREATE TABLE: checks the definition, then records it durably. */
final class CreateTableHandler implements Handler<CreateTable> {

  @Override
  public Planned plan(Session session, CreateTable statement) {
    return new Planned(StatementKind.DDL, null, List.of(), params -> run(session, statement));
  }

  private static StatementResult run(Session session, CreateTable st) {
    Database db = session.database();
    String schema = Names.writableSchema(st.name());
    String name = st.name().simpleName();
    if (st.columns().isEmpty()) {
      throw new SluiceException(SqlState.INVALID_TABLE_DEFINITION,
          "table \"" + name + "\" must have at least one column");
    }
    if (!st.options().isEmpty()) {
      throw new SluiceException(SqlState.UNDEFINED_OBJECT, "unknown table option \""
          + st.options().keySet().iterator().next() + "\"; tables take no options yet");
    }
    List<Field> fields = new ArrayList<>();
    List<String> defaults = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ColumnDefinition c : st.columns()) {
      if (!names.add(c.name())) {
        throw new SluiceException(SqlState.DUPLICATE_COLUMN, "column \"" + c.name()
            + "\" is specified more than once (line " + c.line() + ", column " + c.column() + ")");
      }
      fields.add(new Field(c.name(), c.type()));
      defaults.add(c.defaultSql());
    }
    List<Integer> pk = new ArrayList<>();
    for (String k : st.primaryKey()) {
      int i = indexOf(fields, k);
      if (i < 0) {
        throw new SluiceException(SqlState.UNDEFINED_COLUMN,
            "primary key column \"" + k + "\" is not a column of table \"" + name + "\"");
      }
      if (pk.contains(i)) {
        throw new SluiceException(SqlState.DUPLICATE_COLUMN,
            "column \"" + k + "\" appears twice in the primary key");
      }
      pk.add(i);
      fields.set(i, new Field(k, fields.get(i).type().withNullable(false)));
    }
    for (int i = 0; i < defaults.size(); i++) {
      if (defaults.get(i) != null) {
        db.planner().checkDefault(defaults.get(i), fields.get(i).type(), db.catalog().current());
      }
    }
    db.ddlLock().lock();
    try {
      CatalogState current = db.catalog().current();
      if (current.nameTaken(schema, name)) {
        if (st.ifNotExists()) {
          return new StatementResult.Count(0);
        }
        throw new SluiceException(SqlState.DUPLICATE_OBJECT,
            "a table or view named \"" + name + "\" already exists");
      }
      try (KvBatch batch = db.store().newBatch()) {
        long id = db.catalog().allocateId(batch);
        List<IndexDef> indexes = new ArrayList<>();
        for (List<String> unique : st.uniqueKeys()) {
          indexes.add(uniqueIndex(db, batch, name, fields, unique, indexes));
        }
        TableDef def = new TableDef(id, schema, name, new RowType(fields), pk, defaults,
            st.options(), TableDef.Kind.BASE, indexes);
        CatalogState next = db.catalog().putTable(batch, def);
        db.store().commit(batch);
        db.catalog().publish(next);
      }
      return new StatementResult.Count(0);
    } finally {
      db.ddlLock().unlock();
    }
  }

  /** The index behind a UNIQUE constraint, named as PostgreSQL names it. */
  private static IndexDef uniqueIndex(Database db, KvBatch batch, String table,
      List<Field> fields, List<String> columns, List<IndexDef> earlier) {
    List<Integer> positions = new ArrayList<>();
    for (String c : columns) {
      int i = indexOf(fields, c);
      if (i < 0) {
        throw new SluiceException(SqlState.UNDEFINED_COLUMN,
            "column \"" + c + "\" of a UNIQUE constraint is not a column of table \"" + table
                + "\"");
      }
      positions.add(i);
    }
    String base = table + "_" + String.join("_", columns) + "_key";
    String name = base;
    for (int n = 1; db.catalog().current().tableWithIndex(
        io.sluice.plan.catalog.CatalogReader.DEFAULT_SCHEMA, name) != null
        || nameUsed(earlier, name); n++) {
      name = base + n;
    }
    return new IndexDef(db.catalog().allocateId(batch), name, positions,
        java.util.Collections.nCopies(positions.size(), false), true);
  }

  private static boolean nameUsed(List<IndexDef> indexes, String name) {
    return indexes.stream().anyMatch(i -> i.name().equals(name));
  }

  private static int indexOf(List<Field> fields, String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}

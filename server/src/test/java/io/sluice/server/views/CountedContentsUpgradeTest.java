package io.sluice.server.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.executor.operator.ViewContents;
import io.sluice.executor.stream.ViewStateLayout;
import io.sluice.plan.QueryPlan;
import io.sluice.plan.catalog.CatalogReader;
import io.sluice.plan.catalog.ViewDef;
import io.sluice.plan.node.StateTableDecl;
import io.sluice.server.Database;
import io.sluice.server.DatabaseConfig;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import io.sluice.storage.codec.ByteWriter;
import io.sluice.storage.codec.KeyCodec;
import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.Keyspace;
import io.sluice.storage.state.EpochDelta;
import io.sluice.storage.state.RocksDbStateBackend;
import io.sluice.storage.state.StateTable;
import io.sluice.storage.state.StateTableSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory written before views were stored by their unique key: the view's rows are
 * counted (row to count), no layout is recorded, and its fingerprint is the one a counted view
 * has. On opening, the view must be rebuilt in the keyed layout, not resumed, and then follow
 * changes like any other.
 */
class CountedContentsUpgradeTest {
  private static final String QUERY = "SELECT id, v FROM up_t WHERE v > 0";

  @Test
  void aViewStoredCountedIsRebuiltKeyedOnOpening(@TempDir Path dir) throws Exception {
    // Epochs only when asked for, so nothing commits while the test rewrites the state.
    DatabaseConfig config = new DatabaseConfig(dir.resolve("db"), false, 3_600_000L, 2);
    try (Database db = Database.open(config); Session s = db.newSession()) {
      s.execute("CREATE TABLE up_t (id BIGINT PRIMARY KEY, v INTEGER)");
      s.execute("INSERT INTO up_t VALUES (1, 10), (2, 20), (3, -3), (4, 40)");
      s.execute("CREATE MATERIALIZED VIEW up_v AS " + QUERY);
      db.views().coordinator().awaitFresh();
      ViewDef def = db.catalog().current().view(CatalogReader.DEFAULT_SCHEMA, "up_v")
          .orElseThrow();
      QueryPlan plan = db.views().planOf(def);
      ViewContents keyed = ViewContents.of(plan.root().rowType(), plan.uniqueKey());
      ViewContents counted = ViewContents.counted(plan.root().rowType());
      assertEquals("0", keyed.encode(), "the view is keyed on id");
      String oldFingerprint = MaterializedViews.fingerprint(plan, counted);
      assertNotEquals(MaterializedViews.fingerprint(plan, keyed), oldFingerprint);
      rewriteAsCounted(db, def.id(), counted, oldFingerprint,
          List.of(new Object[] {1L, 10}, new Object[] {2L, 20}, new Object[] {4L, 40}));
    }
    try (Database db = Database.open(config); Session s = db.newSession()) {
      ViewDef def = db.catalog().current().view(CatalogReader.DEFAULT_SCHEMA, "up_v")
          .orElseThrow();
      db.views().coordinator().awaitFresh();
      byte[] layout = db.store().get(Keyspace.META, ViewStateLayout.contentsLayoutKey(def.id()));
      assertEquals("0", layout == null ? null : new String(layout, StandardCharsets.UTF_8),
          "the view was rebuilt in the keyed layout");
      assertEquals(rows(s, QUERY), rows(s, "SELECT * FROM up_v"));
      // Inserts, an update of a value, an update of the key itself, and deletes.
      s.execute("INSERT INTO up_t VALUES (5, 50), (6, -6)");
      s.execute("UPDATE up_t SET v = 21 WHERE id = 2");
      s.execute("UPDATE up_t SET id = 7 WHERE id = 4");
      s.execute("UPDATE up_t SET v = 3 WHERE id = 3");
      s.execute("DELETE FROM up_t WHERE id = 1");
      db.views().coordinator().awaitFresh();
      assertEquals(rows(s, QUERY), rows(s, "SELECT * FROM up_v"));
      assertEquals(List.of("[2, 21]", "[3, 3]", "[5, 50]", "[7, 40]"),
          rows(s, "SELECT * FROM up_v ORDER BY id"));
    }
  }

  /** Leaves the view's state as a Sluice without keyed contents would have written it. */
  private static void rewriteAsCounted(Database db, long viewId, ViewContents counted,
      String fingerprint, List<Object[]> rows) {
    long table = ViewStateLayout.contentsTableId(viewId);
    StateTableDecl decl = counted.decl();
    List<KeyCodec.Column> key = new ArrayList<>();
    for (StateTableDecl.KeyColumn k : decl.keyColumns()) {
      key.add(new KeyCodec.Column(k.type(), k.descending(), k.nullsLast()));
    }
    RocksDbStateBackend backend = new RocksDbStateBackend(db.store());
    StateTable contents = backend.open(new StateTableSpec(table, "contents", key,
        decl.valueTypes()));
    for (Object[] row : rows) {
      contents.put(row, new Object[] {1L});
    }
    EpochDelta delta = backend.seal(1);
    try (KvBatch batch = db.store().newBatch()) {
      batch.deleteRange(Keyspace.STATE, id(table), id(table + 1));
      delta.addTo(batch);
      batch.delete(Keyspace.META, ViewStateLayout.contentsLayoutKey(viewId));
      batch.put(Keyspace.META, ("view/" + viewId + "/fingerprint")
          .getBytes(StandardCharsets.UTF_8), fingerprint.getBytes(StandardCharsets.UTF_8));
      db.store().commit(batch);
    }
    assertNull(db.store().get(Keyspace.META, ViewStateLayout.contentsLayoutKey(viewId)));
  }

  private static byte[] id(long id) {
    ByteWriter w = new ByteWriter(8);
    w.writeLong(id);
    return w.toByteArray();
  }

  private static List<String> rows(Session s, String sql) {
    List<String> out = new ArrayList<>();
    for (Object[] r : ((StatementResult.Rows) s.execute(sql)).rows()) {
      out.add(Arrays.toString(r));
    }
    out.sort(null);
    return out;
  }
}

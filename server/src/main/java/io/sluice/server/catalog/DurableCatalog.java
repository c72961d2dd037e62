package io.sluice.server.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.catalog.ViewDef;
import io.sluice.storage.codec.ByteWriter;
import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.KvIterator;
import io.sluice.storage.kv.Keyspace;
import io.sluice.storage.kv.RocksDbStore;
import io.sluice.storage.kv.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog, kept in the META keyspace as one JSON document per table and view under {@code
 * catalog/table/<id>} and {@code catalog/view/<id>}, with the id counter under {@code
 * catalog/next-id}. Changes are written into the caller's batch, so a DDL statement's catalog
 * change commits atomically with its data changes (DROP TABLE removes rows and definition in
 * one write).
 *
 * <p>Callers serialize DDL (the database holds a DDL lock); readers take {@link #current()}.
 */
public final class DurableCatalog {
  private static final String TABLE_PREFIX = "catalog/table/";
  private static final String VIEW_PREFIX = "catalog/view/";
  private static final byte[] NEXT_ID = bytes("catalog/next-id");
  /** Ids below this are reserved for system objects. */
  public static final long FIRST_USER_ID = 1000;

  private final RocksDbStore store;
  private final ObjectMapper json = new ObjectMapper();
  private volatile CatalogState current;
  private long nextId;

  private DurableCatalog(RocksDbStore store, CatalogState state, long nextId) {
    this.store = store;
    this.current = state;
    this.nextId = nextId;
  }

  /** Loads the catalog from the store, adding the given system tables. */
  public static DurableCatalog load(RocksDbStore store, List<TableDef> systemTables) {
    ObjectMapper json = new ObjectMapper();
    Map<String, TableDef> tables = new HashMap<>();
    Map<String, ViewDef> views = new HashMap<>();
    for (TableDef t : systemTables) {
      tables.put(CatalogState.key(t.schema(), t.name()), t);
    }
    try (KvIterator it = store.iterator(null, Keyspace.META, bytes("catalog/"),
        bytes("catalog0"))) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        String key = new String(it.key(), StandardCharsets.UTF_8);
        if (key.startsWith(TABLE_PREFIX)) {
          TableDef t = json.readValue(it.value(), TableDef.class);
          tables.put(CatalogState.key(t.schema(), t.name()), t);
        } else if (key.startsWith(VIEW_PREFIX)) {
          ViewDef v = json.readValue(it.value(), ViewDef.class);
          views.put(CatalogState.key(v.schema(), v.name()), v);
        }
      }
      it.checkStatus();
    } catch (IOException e) {
      throw new StorageException("the catalog cannot be read: " + e.getMessage(), e);
    }
    byte[] next = store.get(Keyspace.META, NEXT_ID);
    long nextId = next == null ? FIRST_USER_ID : java.nio.ByteBuffer.wrap(next).getLong();
    return new DurableCatalog(store, new CatalogState(1, tables, views), nextId);
  }

  /** The current version. */
  public CatalogState current() {
    return current;
  }

  /** Reserves an id for a new object, written with the batch. */
  public long allocateId(KvBatch batch) {
    long id = nextId++;
    ByteWriter w = new ByteWriter(8);
    w.writeLong(nextId);
    batch.put(Keyspace.META, NEXT_ID, w.toByteArray());
    return id;
  }

  /** Adds a table to the batch; call {@link #publish} after the batch commits. */
  public CatalogState putTable(KvBatch batch, TableDef t) {
    batch.put(Keyspace.META, bytes(TABLE_PREFIX + t.id()), write(t));
    return current.withTable(t);
  }

  /** Replaces a table's definition (same id) in the batch. */
  public CatalogState replaceTable(KvBatch batch, TableDef old, TableDef updated) {
    batch.put(Keyspace.META, bytes(TABLE_PREFIX + updated.id()), write(updated));
    return current.withoutTable(old).withTable(updated);
  }

  /** Removes a table in the batch. */
  public CatalogState removeTable(KvBatch batch, TableDef t) {
    batch.delete(Keyspace.META, bytes(TABLE_PREFIX + t.id()));
    return current.withoutTable(t);
  }

  /** Adds or replaces a view in the batch. */
  public CatalogState putView(KvBatch batch, ViewDef v, ViewDef replaced) {
    CatalogState base = current;
    if (replaced != null) {
      batch.delete(Keyspace.META, bytes(VIEW_PREFIX + replaced.id()));
      base = base.withoutView(replaced);
    }
    batch.put(Keyspace.META, bytes(VIEW_PREFIX + v.id()), write(v));
    return base.withView(v);
  }

  /** Removes a view in the batch. */
  public CatalogState removeView(KvBatch batch, ViewDef v) {
    batch.delete(Keyspace.META, bytes(VIEW_PREFIX + v.id()));
    return current.withoutView(v);
  }

  /** Makes a new version current, once its batch has committed. */
  public void publish(CatalogState state) {
    this.current = state;
  }

  private byte[] write(Object def) {
    try {
      return json.writeValueAsBytes(def);
    } catch (IOException e) {
      throw new StorageException("cannot serialize " + def, e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

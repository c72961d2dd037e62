package io.sluice.storage.state;

import io.sluice.common.types.DataType;
import io.sluice.storage.codec.KeyCodec;
import java.util.List;
import java.util.Objects;

/**
 * The declaration of one state table.
 *
 * @param id unique within the database; the storage prefix of its rows
 * @param name a readable name for EXPLAIN and system tables, such as {@code join.left}
 * @param keyColumns the key columns, in key order, with their sort direction
 * @param valueTypes the value columns
 * @param writeOnly the operator only writes the table, blind, and never reads it (a view's
 *     keyed contents): reads are refused, and a backend may keep the epoch's writes as bytes
 *     to hand over rather than as a map to read from
 */
public record StateTableSpec(long id, String name, List<KeyCodec.Column> keyColumns,
    List<DataType> valueTypes, boolean writeOnly) {
  public StateTableSpec {
    Objects.requireNonNull(name, "name");
    keyColumns = List.copyOf(keyColumns);
    valueTypes = List.copyOf(valueTypes);
  }

  /** A table its operator reads and writes. */
  public StateTableSpec(long id, String name, List<KeyCodec.Column> keyColumns,
      List<DataType> valueTypes) {
    this(id, name, keyColumns, valueTypes, false);
  }

  /** The same table, readable: what a reader of a write-only table's committed rows opens. */
  public StateTableSpec readable() {
    return new StateTableSpec(id, name, keyColumns, valueTypes, false);
  }

  /** The refusal of a read of a write-only table. */
  UnsupportedOperationException readRefused() {
    return new UnsupportedOperationException("state table " + name + " (" + id
        + ") is write-only: its operator writes it blind and never reads it");
  }
}

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
 */
public record StateTableSpec(long id, String name, List<KeyCodec.Column> keyColumns,
    List<DataType> valueTypes) {
  public StateTableSpec {
    Objects.requireNonNull(name, "name");
    keyColumns = List.copyOf(keyColumns);
    valueTypes = List.copyOf(valueTypes);
  }
}

package io.sluice.plan.node;

import io.sluice.common.types.DataType;
import io.sluice.common.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A state table an operator needs: its key columns (with sort order) and value columns. The
 * executor gives it an id and opens it in the state backend.
 *
 * @param name a name unique within the operator, such as {@code left} or {@code groups}
 * @param keyColumns key columns in key order
 * @param valueTypes value columns
 * @param writeOnly the operator never reads the table, only writes it blind
 */
public record StateTableDecl(String name, List<KeyColumn> keyColumns, List<DataType> valueTypes,
    boolean writeOnly) {
  public StateTableDecl {
    Objects.requireNonNull(name, "name");
    keyColumns = List.copyOf(keyColumns);
    valueTypes = List.copyOf(valueTypes);
  }

  /** A table its operator reads and writes. */
  public StateTableDecl(String name, List<KeyColumn> keyColumns, List<DataType> valueTypes) {
    this(name, keyColumns, valueTypes, false);
  }

  /**
   * A key column.
   *
   * @param type its type
   * @param descending larger values first
   * @param nullsLast NULL after every value
   */
  public record KeyColumn(DataType type, boolean descending, boolean nullsLast) {
    /** An ascending, nulls-first column. */
    public static KeyColumn of(DataType type) {
      return new KeyColumn(type, false, false);
    }
  }

  /** {@code name(key: T1, T2; value: T3)} for EXPLAIN. */
  public String describe() {
    StringBuilder sb = new StringBuilder(name).append("(key: ");
    for (int i = 0; i < keyColumns.size(); i++) {
      KeyColumn k = keyColumns.get(i);
      sb.append(i == 0 ? "" : ", ").append(k.type().typeName());
      if (k.descending()) {
        sb.append(" DESC");
      }
    }
    sb.append("; value: ");
    for (int i = 0; i < valueTypes.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(valueTypes.get(i).typeName());
    }
    return sb.append(')').toString();
  }

  /**
   * Key columns that keep rows in an order: the sort keys (in their direction), then the whole
   * row, ascending, so that rows tying on the sort keys still have one order.
   */
  public static List<KeyColumn> orderedRows(RowType in,
      List<SortKey> order) {
    List<KeyColumn> key = new ArrayList<>();
    for (SortKey k : order) {
      key.add(new KeyColumn(in.type(k.field()), k.descending(), !k.nullsFirst()));
    }
    for (int i = 0; i < in.size(); i++) {
      key.add(KeyColumn.of(in.type(i)));
    }
    return key;
  }
}

package io.sluice.executor.operator;

import io.sluice.common.types.DataType;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.plan.node.StateTableDecl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a view's rows are kept in its contents table. Two layouts:
 *
 * <ul>
 *   <li><b>keyed</b>, when the planner proved a unique key among the view's columns: the key is
 *       that key's columns, the value the other columns. A row is stored once, and a change to
 *       a row (its retraction and its new version share the key) is one write.
 *   <li><b>counted</b> otherwise: the whole row is the key and the value is its count, so that
 *       duplicates are kept as one entry.
 * </ul>
 *
 * <p>The writer ({@link MaterializeOperator}) and every reader must agree on the layout, so it
 * is recorded with the view's state ({@link #encode}) rather than recomputed by readers.
 */
public final class ViewContents {
  private final RowType rowType;
  private final int[] key;
  /** The row's columns that are not in the key, in row order. */
  private final int[] rest;

  private ViewContents(RowType rowType, int[] key) {
    this.rowType = rowType;
    this.key = key;
    boolean[] inKey = new boolean[rowType.size()];
    for (int k : key) {
      if (k < 0 || k >= rowType.size() || inKey[k]) {
        throw new IllegalArgumentException("bad unique key " + Arrays.toString(key) + " for "
            + rowType.size() + " columns");
      }
      inKey[k] = true;
    }
    int[] r = new int[rowType.size() - key.length];
    int n = 0;
    for (int i = 0; i < rowType.size(); i++) {
      if (!inKey[i]) {
        r[n++] = i;
      }
    }
    this.rest = r;
  }

  /** The counted layout: rows are keys, values their counts. */
  public static ViewContents counted(RowType rowType) {
    return new ViewContents(rowType, new int[0]);
  }

  /** The keyed layout when {@code uniqueKey} is not empty, else the counted one. */
  public static ViewContents of(RowType rowType, List<Integer> uniqueKey) {
    return new ViewContents(rowType, uniqueKey.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Whether rows are stored under their unique key (and so are distinct). */
  public boolean keyed() {
    return key.length > 0;
  }

  /** The key columns' positions in the row; empty for the counted layout. */
  public int[] keyColumns() {
    return key.clone();
  }

  /**
   * The declaration of the contents table; write-only in the keyed layout, whose writer never
   * reads it (readers of the view read the committed rows from the store).
   */
  public StateTableDecl decl() {
    List<StateTableDecl.KeyColumn> keyColumns = new ArrayList<>();
    List<DataType> values = new ArrayList<>();
    if (keyed()) {
      for (int k : key) {
        keyColumns.add(StateTableDecl.KeyColumn.of(rowType.type(k).withNullable(true)));
      }
      for (int r : rest) {
        values.add(rowType.type(r).withNullable(true));
      }
    } else {
      for (int i = 0; i < rowType.size(); i++) {
        keyColumns.add(StateTableDecl.KeyColumn.of(rowType.type(i).withNullable(true)));
      }
      values.add(new DataType(TypeKind.BIGINT, DataType.UNSPECIFIED, 0, false));
    }
    return new StateTableDecl("contents", keyColumns, values, keyed());
  }

  /** The state key of a row. */
  public Object[] key(Object[] row) {
    if (!keyed()) {
      return row;
    }
    Object[] k = new Object[key.length];
    for (int i = 0; i < key.length; i++) {
      k[i] = row[key[i]];
    }
    return k;
  }

  /** The state value of a row in the keyed layout: its columns outside the key. */
  Object[] value(Object[] row) {
    Object[] v = new Object[rest.length];
    for (int i = 0; i < rest.length; i++) {
      v[i] = row[rest[i]];
    }
    return v;
  }

  /** The row stored under a state key and value. */
  public Object[] row(Object[] stateKey, Object[] stateValue) {
    if (!keyed()) {
      return stateKey;
    }
    Object[] row = new Object[rowType.size()];
    for (int i = 0; i < key.length; i++) {
      row[key[i]] = stateKey[i];
    }
    for (int i = 0; i < rest.length; i++) {
      row[rest[i]] = stateValue[i];
    }
    return row;
  }

  /** How many copies of the row a state entry holds. */
  public long count(Object[] stateValue) {
    return keyed() ? 1 : (Long) stateValue[0];
  }

  /** The layout as stored with the view's state: the key positions, comma-separated. */
  public String encode() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < key.length; i++) {
      sb.append(i == 0 ? "" : ",").append(key[i]);
    }
    return sb.toString();
  }

  /** The layout {@link #encode} recorded; null (nothing recorded) is the counted layout. */
  public static ViewContents decode(RowType rowType, String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return counted(rowType);
    }
    String[] parts = encoded.split(",");
    int[] k = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      k[i] = Integer.parseInt(parts[i]);
    }
    return new ViewContents(rowType, k);
  }

  @Override
  public String toString() {
    return keyed() ? "keyed on " + Arrays.toString(key) : "counted rows";
  }
}

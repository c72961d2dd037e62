package io.sluice.common.types;

import java.util.ArrayList;
import java.util.List;

/**
 * The ordered, named columns of a row. Rows themselves are {@code Object[]} holding each column's
 * internal value (see {@link TypeKind#internalClass()}), or null.
 *
 * @param fields the columns in order
 */
public record RowType(List<Field> fields) {
  public RowType {
    fields = List.copyOf(fields);
  }

  /** A row type from its fields. */
  public static RowType of(Field... fields) {
    return new RowType(List.of(fields));
  }

  /** The number of columns. */
  public int size() {
    return fields.size();
  }

  /** The column at a position. */
  public Field field(int index) {
    return fields.get(index);
  }

  /** The type of the column at a position. */
  public DataType type(int index) {
    return fields.get(index).type();
  }

  /** The column names in order. */
  public List<String> names() {
    List<String> names = new ArrayList<>(fields.size());
    for (Field f : fields) {
      names.add(f.name());
    }
    return names;
  }

  /** The column types in order. */
  public List<DataType> types() {
    List<DataType> types = new ArrayList<>(fields.size());
    for (Field f : fields) {
      types.add(f.type());
    }
    return types;
  }

  /** The position of the column with exactly this name, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** This row type followed by another's columns, as a join produces. */
  public RowType concat(RowType other) {
    List<Field> all = new ArrayList<>(fields);
    all.addAll(other.fields);
    return new RowType(all);
  }
}

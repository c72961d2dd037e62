package io.sluice.common.types;

import java.util.Objects;

/**
 * A named, typed column of a row type.
 *
 * @param name the column name as stored (case preserved)
 * @param type its type
 */
public record Field(String name, DataType type) {
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}

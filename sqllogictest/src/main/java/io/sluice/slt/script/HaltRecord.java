package io.sluice.slt.script;

import java.util.List;

/**
 * {@code halt}: the rest of the file is not run (a debugging aid of the format).
 *
 * @param line the record's line
 * @param conditions the skipif/onlyif lines in front
 */
public record HaltRecord(int line, List<Condition> conditions) implements Record {

  public HaltRecord {
    conditions = List.copyOf(conditions);
  }

  @Override
  public <R> R accept(RecordVisitor<R> visitor) {
    return visitor.visitHalt(this);
  }
}

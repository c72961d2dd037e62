package io.sluice.slt.script;

import java.util.List;

/**
 * {@code hash-threshold N}: results with more than N values are compared by their MD5 hash;
 * 0 turns hashing off.
 *
 * @param line the record's line
 * @param conditions the skipif/onlyif lines in front
 * @param threshold the new threshold
 */
public record HashThresholdRecord(int line, List<Condition> conditions, int threshold)
    implements Record {

  public HashThresholdRecord {
    conditions = List.copyOf(conditions);
  }

  @Override
  public <R> R accept(RecordVisitor<R> visitor) {
    return visitor.visitHashThreshold(this);
  }
}

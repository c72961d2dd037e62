package io.sluice.slt.script;

import java.util.List;

/**
 * {@code statement ok} or {@code statement error} followed by one SQL statement (its lines
 * joined by newlines).
 *
 * @param line the line of the {@code statement} keyword
 * @param conditions the skipif/onlyif lines in front
 * @param expectError true for {@code statement error}
 * @param sql the statement text
 */
public record StatementRecord(int line, List<Condition> conditions, boolean expectError,
    String sql) implements Record {

  public StatementRecord {
    conditions = List.copyOf(conditions);
  }

  @Override
  public <R> R accept(RecordVisitor<R> visitor) {
    return visitor.visitStatement(this);
  }
}

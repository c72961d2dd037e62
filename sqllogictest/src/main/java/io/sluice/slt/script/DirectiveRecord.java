package io.sluice.slt.script;

import java.util.List;

/**
 * {@code sluice <directive>}: one of Sluice's extension records (see {@link Directive}). It
 * counts like a statement: passed if the directive did what it says, failed otherwise.
 *
 * @param line the record's line
 * @param conditions the skipif/onlyif lines in front
 * @param directive what to do
 */
public record DirectiveRecord(int line, List<Condition> conditions, Directive directive)
    implements Record {

  public DirectiveRecord {
    conditions = List.copyOf(conditions);
  }

  @Override
  public <R> R accept(RecordVisitor<R> visitor) {
    return visitor.visitDirective(this);
  }
}

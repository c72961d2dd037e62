package io.sluice.slt.script;

import java.util.List;

/**
 * A record the runner cannot understand. It is kept in the script rather than thrown, because
 * whether it matters depends on the engine: SQLite's runner ignores it when a skipif/onlyif
 * excludes it, and otherwise counts an error (and stops the file for an unknown record type).
 *
 * @param line the record's line
 * @param conditions the skipif/onlyif lines in front
 * @param problem what is wrong, for the failure report
 * @param haltsScript whether running into it ends the file
 */
public record MalformedRecord(int line, List<Condition> conditions, String problem,
    boolean haltsScript) implements Record {

  public MalformedRecord {
    conditions = List.copyOf(conditions);
  }

  @Override
  public <R> R accept(RecordVisitor<R> visitor) {
    return visitor.visitMalformed(this);
  }
}

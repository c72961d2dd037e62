package io.sluice.slt.script;

import java.util.List;

/**
 * One record of a script: the lines between two blank lines. Every record knows the line it
 * starts on (its first line after any {@code skipif}/{@code onlyif}) and its conditions.
 */
public interface Record {

  /** The 1-based line number of the record's first line. */
  int line();

  /** The {@code skipif}/{@code onlyif} lines in front of the record, in file order. */
  List<Condition> conditions();

  /** Calls the visitor's method for this kind of record. */
  <R> R accept(RecordVisitor<R> visitor);

  /** Whether any condition keeps this record from running on the named engine. */
  default boolean excludedFor(String engineName) {
    return conditions().stream().anyMatch(c -> c.excludes(engineName));
  }
}

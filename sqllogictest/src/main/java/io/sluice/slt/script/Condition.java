package io.sluice.slt.script;

/**
 * A {@code skipif <engine>} or {@code onlyif <engine>} line in front of a record. Engine names
 * compare without regard to case, as in SQLite's runner.
 *
 * @param onlyIf true for {@code onlyif}, false for {@code skipif}
 * @param engine the engine name the line names
 */
public record Condition(boolean onlyIf, String engine) {

  /** Whether this condition excludes the record on the engine called {@code engineName}. */
  public boolean excludes(String engineName) {
    boolean matches = engine.equalsIgnoreCase(engineName);
    return onlyIf != matches;
  }
}

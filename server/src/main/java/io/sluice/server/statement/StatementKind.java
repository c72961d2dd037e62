package io.sluice.server.statement;

/** What a statement does, as JDBC clients need to know before running it. */
public enum StatementKind {
  /** Returns rows. */
  QUERY,
  /** Inserts rows. */
  INSERT,
  /** Updates rows. */
  UPDATE,
  /** Deletes rows. */
  DELETE,
  /** Changes the catalog. */
  DDL,
  /** Returns rows about the database (SHOW, DESCRIBE, EXPLAIN). */
  INFO,
  /** Changes a setting or takes an action; returns a count of 0. */
  OTHER
}

package io.sluice.plan.node;

/** How a join combines rows. SEMI and ANTI emit left rows only. */
public enum JoinKind {
  INNER, LEFT, RIGHT, FULL, SEMI, ANTI;

  /** Whether unmatched left rows appear, padded with nulls. */
  public boolean keepsUnmatchedLeft() {
    return this == LEFT || this == FULL;
  }

  /** Whether unmatched right rows appear, padded with nulls. */
  public boolean keepsUnmatchedRight() {
    return this == RIGHT || this == FULL;
  }

  /** Whether the output has the right side's columns. */
  public boolean projectsRight() {
    return this != SEMI && this != ANTI;
  }
}

package io.sluice.planner;

import io.sluice.common.types.RowType;
import java.util.List;

/**
 * What CREATE VIEW learns by planning its query.
 *
 * @param rowType the view's columns
 * @param dependencies qualified names of the tables and views it reads, directly or through
 *     other views
 */
public record ViewShape(RowType rowType, List<String> dependencies) {
  public ViewShape {
    dependencies = List.copyOf(dependencies);
  }
}

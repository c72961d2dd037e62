package io.sluice.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.parser.SluiceParser;
import io.sluice.parser.ast.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code SELECT STREAM}: recognised, planned as a continuous query, and given the unique key
 * that pairs deletions with insertions into updates.
 */
class StreamPlanTest {
  private final SluicePlanner planner = new SluicePlanner();

  private SluicePlanner.StreamPlan plan(String sql) {
    return planner.planStream(((Query) SluiceParser.parse(sql)).node(), new TestCatalog());
  }

  @Test
  void recognisesStream() {
    assertTrue(SluicePlanner.isStream(((Query) SluiceParser.parse(
        "SELECT STREAM id FROM emp")).node()));
    assertFalse(SluicePlanner.isStream(((Query) SluiceParser.parse(
        "SELECT id FROM emp")).node()));
  }

  @Test
  void keys() {
    assertEquals(List.of(1), plan("SELECT STREAM name, id FROM emp").uniqueKey());
    assertEquals(List.of(), plan("SELECT STREAM name FROM emp").uniqueKey());
    assertEquals(List.of(0), plan("SELECT STREAM dept, COUNT(*) FROM emp GROUP BY dept")
        .uniqueKey());
    assertEquals(List.of(0), plan("SELECT STREAM d.title, COUNT(*) FROM emp e JOIN dept d"
        + " ON e.dept = d.id GROUP BY d.title").uniqueKey());
    assertEquals(List.of(1), plan("SELECT STREAM COUNT(*), dept FROM emp GROUP BY dept")
        .uniqueKey());
    assertEquals(List.of(), plan("SELECT STREAM COUNT(*) FROM emp GROUP BY dept").uniqueKey());
    assertEquals(List.of(0), plan("SELECT STREAM e.id, d.title FROM emp e JOIN dept d"
        + " ON e.dept = d.id").uniqueKey());
  }
}

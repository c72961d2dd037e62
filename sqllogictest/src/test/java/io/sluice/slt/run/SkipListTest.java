package io.sluice.slt.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.slt.script.StatementRecord;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The skip list matches SQL by pattern and records by file and line, and says why. */
class SkipListTest {
  private static StatementRecord statement(int line, String sql) {
    return new StatementRecord(line, List.of(), false, sql);
  }

  @Test
  void patternsMatchSqlIgnoringCase() {
    SkipList list = SkipList.parse(List.of("# comment", "", "^\\s*create\\s+trigger\\b\ttriggers"));
    assertEquals(Optional.of("triggers"),
        list.reason("a.test", statement(3, "CREATE TRIGGER t1r1 UPDATE ON t1 BEGIN SELECT 1; END")));
    assertFalse(list.reason("a.test", statement(3, "CREATE TABLE triggers (a INT)")).isPresent());
  }

  @Test
  void filesAndLinesMatchWhereTheySay() {
    SkipList list = SkipList.parse(List.of("@evidence/x.test:10\tone record",
        "@evidence/whole.test\tthe whole file"));
    assertEquals(Optional.of("one record"),
        list.reason("test/evidence/x.test", statement(10, "SELECT 1")));
    assertFalse(list.reason("test/evidence/x.test", statement(11, "SELECT 1")).isPresent());
    assertTrue(list.reason("evidence/whole.test", statement(99, "SELECT 1")).isPresent());
    assertFalse(list.reason("evidence/other.test", statement(10, "SELECT 1")).isPresent());
  }

  @Test
  void theShippedListParsesAndEveryEntryHasAReason() {
    SkipList standard = SkipList.standard();
    assertTrue(standard.reason("select1.test", statement(1, "REINDEX t1i1")).isPresent());
    assertFalse(standard.reason("select1.test", statement(1, "SELECT a FROM t1")).isPresent());
    assertThrows(IllegalArgumentException.class, () -> SkipList.parse(List.of("no reason")));
  }

  @Test
  void sqlstateEntriesOnlyTurnThatFailureOfAStatementOkIntoASkip() {
    SkipList list = SkipList.parse(List.of("sqlstate=2BP01 ^\\s*DROP\\s+VIEW\\b\tdependents"));
    StatementRecord drop = statement(5, "DROP VIEW v1");
    assertFalse(list.reason("a.test", drop).isPresent(), "the statement still runs");
    assertEquals(Optional.of("dependents"), list.reasonForFailure(drop, "2BP01"));
    assertFalse(list.reasonForFailure(drop, "42P01").isPresent());
    assertFalse(list.reasonForFailure(drop, null).isPresent());
    assertFalse(list.reasonForFailure(statement(5, "DROP TABLE t1"), "2BP01").isPresent());
    assertFalse(list.reasonForFailure(new StatementRecord(5, List.of(), true, "DROP VIEW v1"),
        "2BP01").isPresent(), "a statement error record is not concerned");
    assertThrows(IllegalArgumentException.class,
        () -> SkipList.parse(List.of("sqlstate=2BP DROP\tshort state")));
  }
}

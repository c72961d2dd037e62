package io.sluice.slt.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptParserTest {

  private static List<Record> parse(String text) {
    return ScriptParser.parse("t.test", text).records();
  }

  @Test
  void statementsKeepTheirLinesJoinedByNewlines() {
    List<Record> records = parse("""
        statement ok
        CREATE TABLE t1(
          a INTEGER)

        statement error
        SELECT * FROM nowhere
        """);
    assertEquals(List.of(
        new StatementRecord(1, List.of(), false, "CREATE TABLE t1(\n  a INTEGER)"),
        new StatementRecord(5, List.of(), true, "SELECT * FROM nowhere")), records);
  }

  @Test
  void queryHeaderGivesTypesSortModeAndLabel() {
    QueryRecord query = (QueryRecord) parse("""
        query ITR rowsort label-7
        SELECT a, b, c
          FROM t1
        ----
        1
        x
        2.500
        """).get(0);
    assertEquals(List.of(ColumnType.INTEGER, ColumnType.TEXT, ColumnType.REAL), query.types());
    assertEquals(SortMode.ROWSORT, query.sortMode());
    assertEquals(Optional.of("label-7"), query.label());
    assertEquals("SELECT a, b, c\n  FROM t1", query.sql());
    assertEquals(List.of("1", "x", "2.500"), query.expected());
  }

  @Test
  void missingSortModeMeansNosortAndHashLinesAreKeptVerbatim() {
    QueryRecord query = (QueryRecord) parse("""
        query I
        SELECT a FROM t1
        ----
        30 values hashing to 3c13dee48d9356ae19af2515e05e6b54
        """).get(0);
    assertEquals(SortMode.NOSORT, query.sortMode());
    assertEquals(Optional.empty(), query.label());
    assertEquals(List.of("30 values hashing to 3c13dee48d9356ae19af2515e05e6b54"),
        query.expected());
  }

  @Test
  void queryWithoutResultSectionEndsAtTheBlankLine() {
    List<Record> records = parse("""
        query I nosort
        SELECT 1 WHERE 1 = 0

        statement ok
        SELECT 2
        """);
    QueryRecord query = (QueryRecord) records.get(0);
    assertEquals("SELECT 1 WHERE 1 = 0", query.sql());
    assertEquals(List.of(), query.expected());
    assertEquals(4, records.get(1).line());
  }

  @Test
  void conditionsAttachToTheRecordAndIgnoreTrailingComments() {
    Record record = parse("""
        skipif mssql # this is allowed
        onlyif PostgreSQL
        statement ok
        DELETE FROM v1
        """).get(0);
    assertEquals(List.of(new Condition(false, "mssql"), new Condition(true, "PostgreSQL")),
        record.conditions());
    assertEquals(3, record.line());
    assertFalse(record.excludedFor("postgresql"), "onlyif matches without regard to case");
    assertTrue(record.excludedFor("mssql"));
    assertTrue(record.excludedFor("sqlite"));
  }

  @Test
  void commentLinesAreSkippedEvenInsideARecord() {
    QueryRecord query = (QueryRecord) parse("""
        # leading comment
        query T nosort
        SELECT 'a'
        # between the SQL and the results
        ----
        a
        # inside the results
        b
        """).get(0);
    assertEquals("SELECT 'a'", query.sql());
    assertEquals(List.of("a", "b"), query.expected());
    assertEquals(2, query.line());
  }

  @Test
  void carriageReturnsAndWhiteSpaceOnlyLinesAreHandledLikeSqlite() {
    List<Record> records = parse("statement ok\r\nSELECT 1\r\n  \t\r\nstatement ok\r\nSELECT 2\r\n");
    assertEquals(List.of(new StatementRecord(1, List.of(), false, "SELECT 1"),
        new StatementRecord(4, List.of(), false, "SELECT 2")), records);
  }

  @Test
  void hashThresholdAndHaltAreRecords() {
    List<Record> records = parse("""
        hash-threshold 16

        halt
        """);
    assertEquals(List.of(new HashThresholdRecord(1, List.of(), 16),
        new HaltRecord(3, List.of())), records);
  }

  @Test
  void problemsBecomeMalformedRecordsThatSayWhetherTheyStopTheFile() {
    List<Record> records = parse("""
        query IX nosort
        SELECT 1, 2
        ----
        1
        2

        query I upsidedown
        SELECT 1

        statement maybe
        SELECT 1

        frobnicate everything
        """);
    assertEquals(4, records.size());
    records.forEach(r -> assertInstanceOf(MalformedRecord.class, r));
    assertEquals(List.of(false, false, false, true),
        records.stream().map(r -> ((MalformedRecord) r).haltsScript()).toList());
    assertEquals(List.of(1, 7, 10, 13), records.stream().map(Record::line).toList());
  }

  @Test
  void lastRecordMayEndWithoutANewline() {
    List<Record> records = parse("statement ok\nSELECT 1");
    assertEquals(List.of(new StatementRecord(1, List.of(), false, "SELECT 1")), records);
  }

  @Test
  void sluiceDirectivesAreOneLineRecords() {
    List<Record> records = parse("""
        sluice checkpoint

        skipif sqlite
        sluice   restart
        # a comment line inside the record is skipped, as everywhere

        sluice kill

        sluice wait  fresh
        statement ok
        SELECT 1

        sluice wait fresh
        """);
    assertEquals(List.of(
        new DirectiveRecord(1, List.of(), Directive.CHECKPOINT),
        new DirectiveRecord(4, List.of(new Condition(false, "sqlite")), Directive.RESTART),
        new DirectiveRecord(7, List.of(), Directive.KILL)), records.subList(0, 3));
    // A directive followed by more lines (a forgotten blank line) is malformed and ends the
    // file, so the statement it would swallow is not silently lost.
    MalformedRecord swallowing = assertInstanceOf(MalformedRecord.class, records.get(3));
    assertEquals(9, swallowing.line());
    assertTrue(swallowing.haltsScript());
    assertTrue(swallowing.problem().contains("statement ok"), swallowing.problem());
    assertEquals(new DirectiveRecord(13, List.of(), Directive.WAIT_FRESH), records.get(4));
    assertEquals(5, records.size());
  }

  @Test
  void unknownDirectivesAreMalformedAndEndTheFile() {
    List<Record> records = parse("""
        sluice reboot

        sluice wait

        sluice wait fresh now

        sluice
        """);
    assertEquals(4, records.size());
    for (Record record : records) {
      MalformedRecord malformed = assertInstanceOf(MalformedRecord.class, record);
      assertTrue(malformed.haltsScript());
      assertTrue(malformed.problem().startsWith("unknown sluice directive"),
          malformed.problem());
    }
    assertEquals("unknown sluice directive: 'wait fresh now'",
        ((MalformedRecord) records.get(2)).problem());
  }

  @Test
  void aScriptListsTheDirectivesItUses() {
    Script script = ScriptParser.parse("t.slt", """
        statement ok
        CREATE TABLE t(x INTEGER)

        onlyif nobody
        sluice kill

        sluice wait fresh
        """);
    assertEquals(java.util.EnumSet.of(Directive.KILL, Directive.WAIT_FRESH),
        script.directives());
    assertTrue(Directive.KILL.needsOwnServer() && Directive.RESTART.needsOwnServer());
    assertFalse(Directive.CHECKPOINT.needsOwnServer() || Directive.WAIT_FRESH.needsOwnServer());
    assertTrue(Directive.CHECKPOINT.needsDurableDatabase());
    assertFalse(Directive.WAIT_FRESH.needsDurableDatabase());
    assertTrue(ScriptParser.parse("t.test", "statement ok\nSELECT 1\n").directives().isEmpty());
  }
}

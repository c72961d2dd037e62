package io.sluice.slt.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sluice.slt.corpus.TestFile;
import io.sluice.slt.corpus.TestFileResolver;
import io.sluice.slt.script.QueryRecord;
import io.sluice.slt.script.Record;
import io.sluice.slt.script.Script;
import io.sluice.slt.script.ScriptParser;
import io.sluice.slt.script.SortMode;
import io.sluice.slt.script.StatementRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ResultHashTest {
  private static final Pattern INSERT =
      Pattern.compile("INSERT INTO t1\\(([a-e,]+)\\) VALUES\\(([0-9,]+)\\)");
  private static final Pattern SINGLE_COLUMN =
      Pattern.compile("SELECT ([a-e])\\s+FROM t1\\s+ORDER BY 1");

  /**
   * select1.test lists its 30 rows as INSERTs and hashes the results of queries such as
   * {@code SELECT e FROM t1 ORDER BY 1}. Computing those values from the INSERTs and hashing
   * them must give SQLite's published digests.
   */
  @Test
  void hashesOfSelect1MatchSqlitesPublishedDigests() throws Exception {
    TestFile file = new TestFileResolver().resolve("select1.test").get(0);
    Script script = ScriptParser.parse(file.name(), file.read());
    List<int[]> rows = new ArrayList<>();
    int checked = 0;
    for (Record record : script.records()) {
      if (record instanceof StatementRecord statement) {
        Matcher insert = INSERT.matcher(statement.sql());
        if (insert.matches()) {
          rows.add(rowOf(insert.group(1).split(","), insert.group(2).split(",")));
        }
      } else if (record instanceof QueryRecord query) {
        Matcher select = SINGLE_COLUMN.matcher(query.sql());
        if (select.matches() && query.expected().size() == 1) {
          int column = select.group(1).charAt(0) - 'a';
          List<String> values = rows.stream().mapToInt(row -> row[column]).sorted()
              .mapToObj(Integer::toString).toList();
          QueryOutput output = QueryOutput.of(values, 1, SortMode.NOSORT, 8);
          assertEquals(query.expected(), output.lines(), "line " + query.line());
          checked++;
        }
      }
    }
    assertEquals(30, rows.size(), "select1.test inserts 30 rows");
    assertFalse(checked == 0, "select1.test has hashed single-column queries");
  }

  private static int[] rowOf(String[] columns, String[] values) {
    int[] row = new int[5];
    for (int i = 0; i < columns.length; i++) {
      row[columns[i].charAt(0) - 'a'] = Integer.parseInt(values[i]);
    }
    return row;
  }

  @Test
  void hashCoversEveryValueFollowedByANewline() {
    // As computed by: printf '1\n2\n3\n2\n4\n6\n3\n6\n9\n' | md5sum
    assertEquals("ab3494595eeb8b66e6930fec9f873851",
        ResultHash.md5(Arrays.asList("1", "2", "3", "2", "4", "6", "3", "6", "9")));
  }

  @Test
  void resultsAboveTheThresholdAreHashedAfterSorting() {
    List<String> nine = List.of("3", "6", "9", "1", "2", "3", "2", "4", "6");
    QueryOutput hashed = QueryOutput.of(nine, 3, SortMode.ROWSORT, 8);
    assertEquals(List.of("9 values hashing to ab3494595eeb8b66e6930fec9f873851"),
        hashed.lines());
    assertEquals(List.of("1", "2", "3", "2", "4", "6", "3", "6", "9"), hashed.values());
  }

  @Test
  void resultsAtTheThresholdOrWithHashingOffAreListed() {
    List<String> eight = List.of("1", "2", "3", "4", "5", "6", "7", "8");
    assertEquals(eight, QueryOutput.of(eight, 1, SortMode.NOSORT, 8).lines());
    List<String> nine = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertEquals(nine, QueryOutput.of(nine, 1, SortMode.NOSORT, 0).lines());
  }

  @Test
  void expectedDigestIsTheHashLinesDigestOrTheDigestOfTheListedValues() {
    assertEquals("ab3494595eeb8b66e6930fec9f873851", ResultHash.digestOfExpected(
        List.of("9 values hashing to ab3494595eeb8b66e6930fec9f873851")));
    assertEquals(ResultHash.md5(List.of("1", "2")),
        ResultHash.digestOfExpected(List.of("1", "2")));
  }
}

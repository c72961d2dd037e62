package io.sluice.slt.script;

import java.util.List;
import java.util.Optional;

/**
 * {@code query <types> [sort mode] [label]}, the SQL, and after a {@code ----} line the expected
 * output: either one value per line, or a single line {@code N values hashing to <md5>}.
 *
 * @param line the line of the {@code query} keyword
 * @param conditions the skipif/onlyif lines in front
 * @param types one entry per result column
 * @param sortMode how results are ordered before comparing
 * @param label the label, or empty; queries with one label must give the same results
 * @param sql the query text (its lines joined by newlines)
 * @param expected the lines after {@code ----}, exactly as written (empty if there are none)
 */
public record QueryRecord(int line, List<Condition> conditions, List<ColumnType> types,
    SortMode sortMode, Optional<String> label, String sql, List<String> expected)
    implements Record {

  public QueryRecord {
    conditions = List.copyOf(conditions);
    types = List.copyOf(types);
    expected = List.copyOf(expected);
  }

  @Override
  public <R> R accept(RecordVisitor<R> visitor) {
    return visitor.visitQuery(this);
  }
}

package io.sluice.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.util.Util;

/**
 * Names for result columns the query leaves unnamed, as PostgreSQL gives them: a function call
 * is named after the function ({@code count}, also with FILTER or OVER), CASE is {@code case},
 * a cast is named after what it casts ({@code CAST(price AS TEXT)} is {@code price}), a VALUES
 * column is {@code column1}, and any other expression is {@code ?column?}. Calcite would call
 * them all {@code EXPR$n}. Only the names a client sees change; nothing inside the plan refers
 * to them.
 */
final class ColumnNames {
  private static final Pattern GENERATED = Pattern.compile("EXPR\\$\\d+");

  private ColumnNames() {}

  /**
   * For each select item of a parsed (not yet validated) query, the name to show if Calcite
   * generates one; null entries keep Calcite's name. An empty list when items cannot be mapped
   * one to one (a {@code *}).
   */
  static List<String> preferred(SqlNode query) {
    SqlNode q = query;
    while (true) {
      if (q instanceof SqlOrderBy o) {
        q = o.query;
      } else if (q instanceof SqlWith w) {
        q = w.body;
      } else if (q.isA(SqlKind.SET_QUERY) && q instanceof SqlCall c) {
        q = c.operand(0);
      } else {
        break;
      }
    }
    List<String> names = new ArrayList<>();
    if (q instanceof SqlSelect select) {
      for (SqlNode item : select.getSelectList()) {
        if (item instanceof SqlIdentifier id && id.isStar()) {
          return List.of();
        }
        names.add(nameOf(item));
      }
    } else if (q.getKind() == SqlKind.VALUES && q instanceof SqlBasicCall values
        && values.operandCount() > 0 && values.operand(0) instanceof SqlCall row) {
      for (int i = 0; i < row.operandCount(); i++) {
        names.add("column" + (i + 1));
      }
    }
    return names;
  }

  private static String nameOf(SqlNode item) {
    if (item.getKind() == SqlKind.AS || item instanceof SqlIdentifier) {
      return null;
    }
    if (item.getKind() == SqlKind.CAST && item instanceof SqlCall c) {
      // A cast is named after what it casts; a column keeps its name through it.
      return c.operand(0) instanceof SqlIdentifier id ? Util.last(id.names)
          : nameOf(c.operand(0));
    }
    if ((item.getKind() == SqlKind.FILTER || item.getKind() == SqlKind.OVER
        || item.getKind() == SqlKind.WITHIN_GROUP) && item instanceof SqlCall c) {
      return nameOf(c.operand(0));
    }
    if (item.getKind() == SqlKind.CASE) {
      return "case";
    }
    if (item instanceof SqlCall c && c.getOperator() instanceof SqlFunction f) {
      return f.getName().toLowerCase(Locale.ROOT);
    }
    return "?column?";
  }

  /** The name to show for a column Calcite named {@code calciteName} at {@code position}. */
  static String choose(String calciteName, List<String> preferred, int position) {
    if (GENERATED.matcher(calciteName).matches() && position < preferred.size()
        && preferred.get(position) != null) {
      return preferred.get(position);
    }
    return calciteName;
  }
}

package io.sluice.parser;

import io.sluice.common.error.SqlSyntaxException;
import io.sluice.common.types.DataType;
import io.sluice.common.types.TypeKind;
import io.sluice.parser.ast.AlterSystem;
import io.sluice.parser.ast.Checkpoint;
import io.sluice.parser.ast.ExportCheckpoint;
import io.sluice.parser.ast.ColumnDefinition;
import io.sluice.parser.ast.CreateTable;
import io.sluice.parser.ast.CreateView;
import io.sluice.parser.ast.Describe;
import io.sluice.parser.ast.DropTable;
import io.sluice.parser.ast.DropView;
import io.sluice.parser.ast.Explain;
import io.sluice.parser.ast.QualifiedName;
import io.sluice.parser.ast.Query;
import io.sluice.parser.ast.ResetOption;
import io.sluice.parser.ast.SetOption;
import io.sluice.parser.ast.Show;
import io.sluice.parser.ast.Statement;
import io.sluice.parser.grammar.SluiceSqlParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Builds the statement AST from ANTLR's parse tree. One instance per statement. */
final class AstBuilder {
  private final String sql;

  AstBuilder(String sql) {
    this.sql = sql;
  }

  Statement build(SluiceSqlParser.StatementContext tree) {
    SluiceSqlParser.BodyContext body = tree.body();
    if (body.createTable() != null) {
      return createTable(body.createTable());
    }
    if (body.createIndex() != null) {
      SluiceSqlParser.CreateIndexContext c = body.createIndex();
      List<io.sluice.parser.ast.CreateIndex.IndexColumn> cols = new ArrayList<>();
      for (SluiceSqlParser.IndexColumnContext ic : c.indexColumn()) {
        cols.add(new io.sluice.parser.ast.CreateIndex.IndexColumn(identifier(ic.identifier()),
            ic.DESC() != null));
      }
      return new io.sluice.parser.ast.CreateIndex(sql, identifier(c.name), name(c.qualifiedName()),
          cols, c.UNIQUE() != null, c.EXISTS() != null);
    }
    if (body.dropIndex() != null) {
      SluiceSqlParser.DropIndexContext c = body.dropIndex();
      return new io.sluice.parser.ast.DropIndex(sql, name(c.qualifiedName()), c.EXISTS() != null);
    }
    if (body.dropTable() != null) {
      SluiceSqlParser.DropTableContext c = body.dropTable();
      return new DropTable(sql, name(c.qualifiedName()), c.EXISTS() != null);
    }
    if (body.createView() != null) {
      return createView(body.createView());
    }
    if (body.dropView() != null) {
      SluiceSqlParser.DropViewContext c = body.dropView();
      return new DropView(sql, name(c.qualifiedName()), c.MATERIALIZED() != null,
          c.EXISTS() != null);
    }
    if (body.show() != null) {
      return show(body.show());
    }
    if (body.describe() != null) {
      return new Describe(sql, name(body.describe().qualifiedName()));
    }
    if (body.checkpoint() != null) {
      return new Checkpoint(sql);
    }
    if (body.exportCheckpoint() != null) {
      SluiceSqlParser.ExportCheckpointContext c = body.exportCheckpoint();
      long id;
      try {
        id = Long.parseLong(c.id.getText());
      } catch (NumberFormatException e) {
        throw error(c.id, "checkpoint id out of range: " + c.id.getText());
      }
      return new ExportCheckpoint(sql, id, unquoteString(c.directory.getText()));
    }
    if (body.alterSystem() != null) {
      SluiceSqlParser.AlterSystemContext c = body.alterSystem();
      if (c instanceof SluiceSqlParser.AlterSystemSetContext set) {
        return new AlterSystem(sql, optionKey(set.optionKey()), optionValue(set.optionValue()));
      }
      return new AlterSystem(sql,
          optionKey(((SluiceSqlParser.AlterSystemResetContext) c).optionKey()), null);
    }
    if (body.setOption() != null) {
      SluiceSqlParser.SetOptionContext c = body.setOption();
      return new SetOption(sql, optionKey(c.optionKey()), optionValue(c.optionValue()));
    }
    if (body.resetOption() != null) {
      SluiceSqlParser.ResetOptionContext c = body.resetOption();
      return new ResetOption(sql, c.optionKey() == null ? null : optionKey(c.optionKey()));
    }
    if (body.explain() != null) {
      SluiceSqlParser.ExplainContext c = body.explain();
      if (c instanceof SluiceSqlParser.ExplainViewContext v) {
        return new Explain(sql, null, null, name(v.qualifiedName()));
      }
      if (c instanceof SluiceSqlParser.ExplainCreateViewContext v) {
        return new Explain(sql, null, createView(v.createView()), null);
      }
      return new Explain(sql,
          calcite(((SluiceSqlParser.ExplainQueryContext) c).queryText(), false));
    }
    return new Query(sql, calcite(body.query(), false));
  }

  private org.apache.calcite.sql.SqlNode calcite(ParserRuleContext ctx, boolean queryOnly) {
    int start = chars(ctx.getStart().getStartIndex());
    Token stop = ctx.getStop();
    int end = stop == null || stop.getType() == Token.EOF ? sql.length()
        : chars(stop.getStopIndex() + 1);
    if (end < start) {
      end = start;
    }
    return SluiceParser.parseCalcite(sql, start, end, queryOnly);
  }

  /**
   * The Java string index of an ANTLR index: ANTLR counts code points, Java strings count
   * UTF-16 units, which differ after a character outside the Basic Multilingual Plane.
   */
  private int chars(int codePointIndex) {
    return sql.offsetByCodePoints(0, Math.min(codePointIndex, sql.codePointCount(0, sql.length())));
  }

  private CreateTable createTable(SluiceSqlParser.CreateTableContext c) {
    List<String> pk = new ArrayList<>();
    List<List<String>> uniques = new ArrayList<>();
    List<SluiceSqlParser.ColumnDefinitionContext> defs = new ArrayList<>();
    for (SluiceSqlParser.TableElementContext e : c.tableElement()) {
      if (e.uniqueConstraint() != null) {
        List<String> cols = new ArrayList<>();
        List<SluiceSqlParser.IdentifierContext> ids = e.uniqueConstraint().identifier();
        for (SluiceSqlParser.IdentifierContext id
            : ids.subList(e.uniqueConstraint().name == null ? 0 : 1, ids.size())) {
          cols.add(identifier(id));
        }
        uniques.add(cols);
      } else if (e.primaryKeyConstraint() != null) {
        if (!pk.isEmpty()) {
          throw error(e.getStart(), "a table can have only one PRIMARY KEY");
        }
        for (SluiceSqlParser.IdentifierContext id : e.primaryKeyConstraint().identifier()
            .subList(e.primaryKeyConstraint().CONSTRAINT() == null ? 0 : 1,
                e.primaryKeyConstraint().identifier().size())) {
          pk.add(identifier(id));
        }
      } else {
        defs.add(e.columnDefinition());
      }
    }
    List<ColumnDefinition> columns = new ArrayList<>();
    for (SluiceSqlParser.ColumnDefinitionContext d : defs) {
      String name = identifier(d.identifier());
      DataType type = dataType(d.dataType());
      boolean notNull = false;
      String defaultSql = null;
      for (SluiceSqlParser.ColumnConstraintContext cc : d.columnConstraint()) {
        if (cc instanceof SluiceSqlParser.NotNullConstraintContext) {
          notNull = true;
        } else if (cc instanceof SluiceSqlParser.ColumnPrimaryKeyContext) {
          if (!pk.isEmpty()) {
            throw error(cc.getStart(), "a table can have only one PRIMARY KEY");
          }
          pk.add(name);
          notNull = true;
        } else if (cc instanceof SluiceSqlParser.ColumnUniqueContext) {
          uniques.add(List.of(name));
        } else if (cc instanceof SluiceSqlParser.DefaultConstraintContext dc) {
          defaultSql = text(dc.defaultValue());
        }
      }
      columns.add(new ColumnDefinition(name, type.withNullable(!notNull), defaultSql,
          d.getStart().getLine(), d.getStart().getCharPositionInLine() + 1));
    }
    Map<String, String> options = c.withOptions() == null ? Map.of() : options(c.withOptions());
    return new CreateTable(sql, name(c.qualifiedName()), columns, pk, uniques, c.EXISTS() != null,
        options);
  }

  private CreateView createView(SluiceSqlParser.CreateViewContext c) {
    List<String> columns = new ArrayList<>();
    List<SluiceSqlParser.IdentifierContext> ids = c.identifier();
    for (SluiceSqlParser.IdentifierContext id : ids) {
      columns.add(identifier(id));
    }
    SluiceSqlParser.QueryTextContext q = c.queryText();
    int start = chars(q.getStart().getStartIndex());
    int end = chars(q.getStop().getStopIndex() + 1);
    org.apache.calcite.sql.SqlNode node = SluiceParser.parseCalcite(sql, start, end, true);
    return new CreateView(sql, name(c.qualifiedName()), columns, node,
        sql.substring(start, end), c.MATERIALIZED() != null, c.EXISTS() != null,
        c.REPLACE() != null);
  }

  private Show show(SluiceSqlParser.ShowContext c) {
    if (c instanceof SluiceSqlParser.ShowTablesContext) {
      return new Show(sql, Show.Kind.TABLES, null);
    }
    if (c instanceof SluiceSqlParser.ShowViewsContext v) {
      return new Show(sql, v.MATERIALIZED() != null ? Show.Kind.MATERIALIZED_VIEWS : Show.Kind.VIEWS,
          null);
    }
    if (c instanceof SluiceSqlParser.ShowCheckpointsContext) {
      return new Show(sql, Show.Kind.CHECKPOINTS, null);
    }
    if (c instanceof SluiceSqlParser.ShowAllOptionsContext) {
      return new Show(sql, Show.Kind.ALL_OPTIONS, null);
    }
    return new Show(sql, Show.Kind.OPTION,
        optionKey(((SluiceSqlParser.ShowOptionContext) c).optionKey()));
  }

  private Map<String, String> options(SluiceSqlParser.WithOptionsContext c) {
    Map<String, String> out = new LinkedHashMap<>();
    for (SluiceSqlParser.OptionContext o : c.option()) {
      String key = optionKey(o.key);
      if (out.put(key, optionValue(o.value)) != null) {
        throw error(o.getStart(), "option '" + key + "' is given twice");
      }
    }
    return out;
  }

  private String optionKey(SluiceSqlParser.OptionKeyContext c) {
    if (c.STRING() != null) {
      return unquoteString(c.STRING().getText()).toLowerCase(Locale.ROOT);
    }
    List<String> parts = new ArrayList<>();
    for (SluiceSqlParser.OptionPartContext part : c.optionPart()) {
      parts.add(part.identifier() != null ? identifier(part.identifier())
          : part.getText().toLowerCase(Locale.ROOT));
    }
    return String.join(".", parts);
  }

  private String optionValue(SluiceSqlParser.OptionValueContext c) {
    if (c.STRING() != null) {
      return unquoteString(c.STRING().getText());
    }
    if (c.number() == null && c.identifier() != null) {
      return identifier(c.identifier());
    }
    return c.getText().toLowerCase(Locale.ROOT);
  }

  private DataType dataType(SluiceSqlParser.DataTypeContext c) {
    if (c instanceof SluiceSqlParser.BooleanTypeContext) {
      return DataType.of(TypeKind.BOOLEAN);
    } else if (c instanceof SluiceSqlParser.TinyintTypeContext) {
      return DataType.of(TypeKind.TINYINT);
    } else if (c instanceof SluiceSqlParser.SmallintTypeContext) {
      return DataType.of(TypeKind.SMALLINT);
    } else if (c instanceof SluiceSqlParser.IntegerTypeContext) {
      return DataType.of(TypeKind.INTEGER);
    } else if (c instanceof SluiceSqlParser.BigintTypeContext) {
      return DataType.of(TypeKind.BIGINT);
    } else if (c instanceof SluiceSqlParser.DecimalTypeContext d) {
      int precision = d.precision == null ? DataType.MAX_DECIMAL_PRECISION : number(d.precision);
      int scale = d.scale == null ? (d.precision == null ? 10 : 0) : number(d.scale);
      if (precision < 1 || precision > DataType.MAX_DECIMAL_PRECISION) {
        throw error(d.getStart(), "DECIMAL precision must be between 1 and "
            + DataType.MAX_DECIMAL_PRECISION + ", not " + precision);
      }
      if (scale > precision) {
        throw error(d.getStart(), "DECIMAL scale " + scale + " is larger than its precision "
            + precision);
      }
      return DataType.decimal(precision, scale);
    } else if (c instanceof SluiceSqlParser.RealTypeContext) {
      return DataType.of(TypeKind.REAL);
    } else if (c instanceof SluiceSqlParser.DoubleTypeContext) {
      return DataType.of(TypeKind.DOUBLE);
    } else if (c instanceof SluiceSqlParser.VarcharTypeContext v) {
      return DataType.varchar(v.length == null ? DataType.UNSPECIFIED : length(v.length));
    } else if (c instanceof SluiceSqlParser.TextTypeContext) {
      return DataType.varchar(DataType.UNSPECIFIED);
    } else if (c instanceof SluiceSqlParser.CharTypeContext ch) {
      return DataType.character(ch.length == null ? 1 : length(ch.length));
    } else if (c instanceof SluiceSqlParser.DateTypeContext) {
      return DataType.of(TypeKind.DATE);
    } else if (c instanceof SluiceSqlParser.TimeTypeContext) {
      return DataType.of(TypeKind.TIME);
    } else if (c instanceof SluiceSqlParser.TimestampTypeContext) {
      return DataType.of(TypeKind.TIMESTAMP);
    }
    throw error(c.getStart(), "unknown type " + c.getText());
  }

  private int length(Token t) {
    int n = number(t);
    if (n < 1) {
      throw error(t, "a length must be positive");
    }
    return n;
  }

  private int number(Token t) {
    try {
      return Integer.parseInt(t.getText());
    } catch (NumberFormatException e) {
      throw error(t, "number too large: " + t.getText());
    }
  }

  private String text(ParserRuleContext c) {
    return sql.substring(chars(c.getStart().getStartIndex()), chars(c.getStop().getStopIndex() + 1));
  }

  private static QualifiedName name(SluiceSqlParser.QualifiedNameContext c) {
    List<String> parts = new ArrayList<>();
    for (SluiceSqlParser.IdentifierContext id : c.identifier()) {
      parts.add(identifier(id));
    }
    return new QualifiedName(parts);
  }

  /** An identifier's name: unquoted ones fold to lower case, quoted ones keep their case. */
  static String identifier(SluiceSqlParser.IdentifierContext c) {
    if (c.QUOTED_IDENTIFIER() != null) {
      String t = c.QUOTED_IDENTIFIER().getText();
      return t.substring(1, t.length() - 1).replace("\"\"", "\"");
    }
    return c.getText().toLowerCase(Locale.ROOT);
  }

  private static String unquoteString(String t) {
    return t.substring(1, t.length() - 1).replace("''", "'");
  }

  private static SqlSyntaxException error(Token t, String message) {
    return new SqlSyntaxException(t.getLine(), t.getCharPositionInLine() + 1, message);
  }
}

package io.sluice.parser;

import io.sluice.common.error.SqlSyntaxException;
import io.sluice.parser.ast.Statement;
import io.sluice.parser.grammar.SluiceSqlLexer;
import io.sluice.parser.grammar.SluiceSqlParser;
import java.util.Collection;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Parses one statement. Thread-safe and stateless.
 *
 * <p>Query text is handed to Calcite as the whole statement with everything outside the query
 * blanked to spaces (newlines kept), so Calcite's line and column numbers are positions in the
 * text the user wrote.
 */
public final class SluiceParser {
  private SluiceParser() {}

  /** Parses a single statement (an optional trailing semicolon is allowed). */
  public static Statement parse(String sql) {
    if (sql == null || sql.isBlank()) {
      throw new SqlSyntaxException(1, 1, "empty statement");
    }
    SluiceSqlParser.StatementContext tree = parseTree(sql);
    return new AstBuilder(sql).build(tree);
  }

  private static SluiceSqlParser.StatementContext parseTree(String sql) {
    SluiceSqlLexer lexer = new SluiceSqlLexer(CharStreams.fromString(sql));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    SluiceSqlParser parser = new SluiceSqlParser(tokens);
    parser.removeErrorListeners();
    // Fast path: SLL prediction, giving up at the first error.
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return parser.statement();
    } catch (ParseCancellationException e) {
      // Slow path: full LL prediction, to report the error precisely.
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.addErrorListener(THROWING_LISTENER);
      return parser.statement();
    }
  }

  private static final BaseErrorListener THROWING_LISTENER = new BaseErrorListener() {
    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
        int charPositionInLine, String msg, RecognitionException e) {
      String detail = msg;
      if (offendingSymbol instanceof Token t) {
        detail = t.getType() == Token.EOF
            ? "unexpected end of statement (" + msg.replace("<EOF>", "end") + ")"
            : msg;
      }
      throw new SqlSyntaxException(line, charPositionInLine + 1, detail);
    }
  };

  /**
   * Parses query text with Calcite. {@code start} and {@code end} delimit the query in {@code
   * sql}; everything outside is blanked so positions stay those of {@code sql}.
   */
  static SqlNode parseCalcite(String sql, int start, int end, boolean queryOnly) {
    String text = blankOutside(sql, start, end);
    SqlParser parser = SqlParser.create(text, SqlDialect.PARSER_CONFIG);
    try {
      return queryOnly ? parser.parseQuery() : parser.parseStmt();
    } catch (SqlParseException e) {
      throw toSyntaxError(e);
    }
  }

  /**
   * Parses the text of a query that parsed before as part of a statement (a view's stored
   * query, say), with Calcite alone: the same query node as the statement's parse, for less.
   */
  public static SqlNode parseQuery(String query) {
    if (query == null || query.isBlank()) {
      throw new SqlSyntaxException(1, 1, "empty statement");
    }
    return parseCalcite(query, 0, query.length(), true);
  }

  /** Parses a standalone SQL expression (a column default, for instance). */
  public static SqlNode parseExpression(String expression) {
    SqlParser parser = SqlParser.create(expression, SqlDialect.PARSER_CONFIG);
    try {
      return parser.parseExpression();
    } catch (SqlParseException e) {
      throw toSyntaxError(e);
    }
  }

  static String blankOutside(String sql, int start, int end) {
    StringBuilder sb = new StringBuilder(sql.length());
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      boolean inside = i >= start && i < end;
      sb.append(inside || c == '\n' || c == '\r' ? c : ' ');
    }
    return sb.toString();
  }

  private static SqlSyntaxException toSyntaxError(SqlParseException e) {
    SqlParserPos pos = e.getPos();
    int line = pos == null ? 1 : Math.max(1, pos.getLineNum());
    int column = pos == null ? 1 : Math.max(1, pos.getColumnNum());
    String message = e.getMessage() == null ? "invalid SQL" : e.getMessage();
    String first = message.lines().findFirst().orElse(message).trim();
    first = first.replaceAll(" at line \\d+, column \\d+\\.?$", "");
    if (first.startsWith("Encountered \"<EOF>\"")) {
      first = "unexpected end of statement";
    }
    Collection<String> expected = e.getExpectedTokenNames();
    if (expected != null && !expected.isEmpty() && expected.size() <= 12) {
      first += "; expected one of " + String.join(", ", expected);
    }
    return new SqlSyntaxException(line, column, first);
  }
}

package io.sluice.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The SQL shell: statements end with {@code ;} and may span lines, results print as aligned
 * tables with the time each statement took. Interactive on a terminal (line editing and history
 * from JLine), or running a script.
 */
final class Shell {
  private final Connection connection;
  private final PrintWriter out;
  private final PrintWriter err;
  /** The statement running now, which Ctrl-C cancels. */
  private volatile Statement running;

  Shell(Connection connection, PrintWriter out, PrintWriter err) {
    this.connection = connection;
    this.out = out;
    this.err = err;
  }

  /** Runs a script; stops at the first error. Returns the exit code (0, or 1 on error). */
  int runScript(String script) {
    for (String sql : SqlScript.split(script + "\n;")) {
      if (!execute(sql)) {
        return 1;
      }
    }
    return 0;
  }

  /** Runs one statement and prints its result or error; false on error. */
  boolean execute(String sql) {
    long start = System.nanoTime();
    try (Statement st = connection.createStatement()) {
      running = st;
      if (StreamPrinter.isStream(sql)) {
        return stream(st, sql, start);
      }
      boolean hasRows = st.execute(sql);
      String elapsed = elapsed(start);
      if (hasRows) {
        try (ResultSet rs = st.getResultSet()) {
          int n = TablePrinter.print(rs, out);
          out.println("(" + n + (n == 1 ? " row" : " rows") + ", " + elapsed(start) + ")");
        }
      } else {
        long count = st.getLargeUpdateCount();
        out.println(count > 0 || isDml(sql) ? "OK, " + count + (count == 1 ? " row" : " rows")
            + " affected (" + elapsed + ")" : "OK (" + elapsed + ")");
      }
      out.println();
      out.flush();
      return true;
    } catch (SQLException e) {
      out.flush();
      err.println(ErrorText.of(e, sql));
      err.flush();
      return false;
    } finally {
      running = null;
    }
  }

  /**
   * Runs {@code SELECT STREAM}: prints each row as it arrives until the stream ends, Ctrl-C
   * cancelling it (which ends it on the server too).
   */
  private boolean stream(Statement st, String sql, long start) throws SQLException {
    long rows = 0;
    try (ResultSet rs = st.executeQuery(sql)) {
      StreamPrinter printer = new StreamPrinter(rs.getMetaData(), out);
      while (rs.next()) {
        printer.print(rs);
        rows++;
      }
      out.println("(stream ended, " + rows + (rows == 1 ? " row, " : " rows, ")
          + elapsed(start) + ")");
    } catch (SQLException e) {
      if (!"57014".equals(e.getSQLState())) {
        throw e;
      }
      out.println("(stream canceled, " + rows + (rows == 1 ? " row, " : " rows, ")
          + elapsed(start) + ")");
    }
    out.println();
    out.flush();
    return true;
  }

  /** Cancels the running statement, if any (Ctrl-C). */
  void cancelRunning() {
    Statement st = running;
    if (st != null) {
      try {
        st.cancel();
      } catch (SQLException e) {
        // It ended meanwhile.
      }
    }
  }

  private static boolean isDml(String sql) {
    String s = sql.stripLeading().toLowerCase(Locale.ROOT);
    return s.startsWith("insert") || s.startsWith("update") || s.startsWith("delete");
  }

  private static String elapsed(long startNanos) {
    double ms = (System.nanoTime() - startNanos) / 1e6;
    return ms < 1000 ? String.format(Locale.ROOT, "%.1f ms", ms)
        : String.format(Locale.ROOT, "%.2f s", ms / 1000);
  }

  /** The interactive loop on the terminal. */
  void interactive(String banner) throws IOException {
    Terminal terminal = TerminalBuilder.builder().system(true).build();
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("sluice")
        .parser(new StatementParser())
        .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"),
            ".sluice_history"))
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, "     -> ")
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
    PrintWriter termOut = terminal.writer();
    termOut.println(banner);
    termOut.println("Type SQL ending with ; to run it, help for help, quit to leave.");
    termOut.flush();
    Shell shell = new Shell(connection, termOut, termOut);
    // While a statement runs (not while a line is read: JLine handles Ctrl-C then), Ctrl-C
    // cancels it and the shell goes back to its prompt.
    terminal.handle(Terminal.Signal.INT, signal -> shell.cancelRunning());
    while (true) {
      String input;
      try {
        input = reader.readLine("sluice> ");
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      String trimmed = input.trim();
      if (isQuit(trimmed)) {
        break;
      }
      if (isHelp(trimmed)) {
        shell.help();
        continue;
      }
      for (String sql : SqlScript.split(input)) {
        shell.execute(sql);
      }
    }
    terminal.close();
  }

  private void help() {
    out.println("Statements end with ; and may span several lines. Examples:");
    out.println("  CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20));");
    out.println("  INSERT INTO t VALUES (1, 'a'), (2, 'b');");
    out.println("  SELECT * FROM t ORDER BY id;");
    out.println("  SHOW TABLES;  DESCRIBE t;  EXPLAIN SELECT ...;");
    out.println("  SELECT STREAM * FROM t;  -- rows as changes commit; Ctrl-C ends it");
    out.println("Shell commands (no ;): help, quit (or exit, \\q). History: up/down arrows.");
    out.println();
    out.flush();
  }

  static boolean isQuit(String s) {
    String t = s.endsWith(";") ? s.substring(0, s.length() - 1).trim() : s;
    return t.equalsIgnoreCase("quit") || t.equalsIgnoreCase("exit") || t.equals("\\q");
  }

  static boolean isHelp(String s) {
    String t = s.endsWith(";") ? s.substring(0, s.length() - 1).trim() : s;
    return t.equalsIgnoreCase("help") || t.equals("\\?") || t.equals("\\h");
  }

  /** Accepts a line only once it ends a statement (or is a shell command). */
  private static final class StatementParser extends DefaultParser {
    StatementParser() {
      setEofOnUnclosedQuote(false);
      setEscapeChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
      if (context == ParseContext.ACCEPT_LINE) {
        String t = line.trim();
        if (!t.isEmpty() && !isQuit(t) && !isHelp(t)
            && !SqlScript.isBlank(SqlScript.remainder(line))) {
          throw new EOFError(-1, -1, "the statement continues until ;", "statement");
        }
      }
      return super.parse(line, cursor, context);
    }
  }

  /** Lists statements for tests. */
  static List<String> statements(String script) {
    return SqlScript.split(script);
  }
}

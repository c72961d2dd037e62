package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell on a pseudo-terminal ({@code script}) streams: {@code SELECT STREAM} prints its
 * header and initial rows at once, then each change another connection makes as it commits,
 * row by row; Ctrl-C ends the stream (on the server too) and the shell returns to its prompt
 * and runs the next statement.
 */
@ExtendWith(SharedServer.class)
class ShellStreamTest {
  private static final long WAIT_SECONDS = 60;

  @Test
  void rowsAppearAsTheyCommitAndCtrlCReturnsToThePrompt(ServerProcess server,
      @TempDir Path dir) throws Exception {
    try (Connection writer = server.connect()) {
      update(writer, "CREATE TABLE sh_stream (id INT PRIMARY KEY, v VARCHAR(8))");
      update(writer, "INSERT INTO sh_stream VALUES (1, 'one')");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      // A terminal of 120 columns (script's own has none, and JLine would hide the prompt).
      // A process started in the background by a non-interactive shell (as CI may be) inherits
      // SIGINT ignored, and a JVM never handles a signal it was started with ignored: perl
      // (in every Debian) puts the default back before it runs the shell, as a terminal would.
      String command = "stty cols 120 rows 40; exec perl -e '$SIG{INT} = q(DEFAULT);"
          + " exec {$ARGV[0]} @ARGV or die' " + java + " -cp " + quote(JavaProcess.testClassPath())
          + " io.sluice.server.cli.Main shell --url jdbc:sluice://localhost:" + server.port();
      Process p = new ProcessBuilder(List.of("script", "-qec", command, "/dev/null"))
          .directory(dir.toFile()).redirectErrorStream(true).start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Thread reader = new Thread(() -> copy(p.getInputStream(), out));
      reader.start();
      OutputStream in = p.getOutputStream();
      try {
        awaitOutput(out, "sluice> ");
        type(in, "SELECT STREAM id, v FROM sh_stream;\n");
        // The initial result: the header and the existing row, before any change.
        awaitOutput(out, Pattern.compile("op \\| +epoch +\\| epoch_end \\| +id +\\| +v"));
        try {
          awaitOutput(out, Pattern.compile("\\+I \\| +\\d+ \\| true +\\| +1 \\| one"));
        } catch (AssertionError e) {
          throw new AssertionError(e.getMessage() + "\n" + serverSide(writer, server) + "\n"
              + diagnose(p), e);
        }
        update(writer, "INSERT INTO sh_stream VALUES (2, 'two')");
        awaitOutput(out, Pattern.compile("\\+I \\| +\\d+ \\| true +\\| +2 \\| two"));
        update(writer, "UPDATE sh_stream SET v = 'uno' WHERE id = 1");
        awaitOutput(out, Pattern.compile("-U \\| +\\d+ \\| false +\\| +1 \\| one"));
        awaitOutput(out, Pattern.compile("\\+U \\| +\\d+ \\| true +\\| +1 \\| uno"));
        int before = out.size();
        type(in, "\u0003");
        try {
          awaitOutput(out, "(stream canceled, 4 rows");
        } catch (AssertionError e) {
          throw new AssertionError(e.getMessage() + "\n" + diagnose(p), e);
        }
        type(in, "SELECT COUNT(*) AS n FROM sys.continuous_queries WHERE kind = 'stream'"
            + " AND query LIKE '%sh_stream%';\n");
        awaitOutput(out, Pattern.compile("(?s)\\n\\s*0\\n\\(1 row, "));
        assertTrue(out.toString(StandardCharsets.UTF_8).substring(before).contains("sluice> "),
            "the prompt came back after Ctrl-C");
        type(in, "quit\n");
        assertTrue(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), text(out));
        assertEquals(0, p.exitValue(), text(out));
      } finally {
        in.close();
        p.destroyForcibly();
        reader.join(5000);
      }
    }
  }

  private static void type(OutputStream in, String s) throws Exception {
    in.write(s.getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private static String text(ByteArrayOutputStream out) {
    return out.toString(StandardCharsets.UTF_8).replace("\r", "");
  }

  private static void awaitOutput(ByteArrayOutputStream out, String literal) throws Exception {
    awaitOutput(out, Pattern.compile(Pattern.quote(literal)));
  }

  /** Waits until the terminal output matches; fails with the output after a minute. */
  private static void awaitOutput(ByteArrayOutputStream out, Pattern pattern) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!pattern.matcher(text(out)).find()) {
      assertTrue(System.nanoTime() < deadline, "expected /" + pattern + "/ in:\n" + text(out));
      Thread.sleep(20);
    }
  }

  /** The server's view of its streams, and the end of its log, for a failure message. */
  private static String serverSide(Connection c, ServerProcess server) {
    StringBuilder sb = new StringBuilder("sys.continuous_queries:");
    try {
      for (List<Object> row : query(c, "SELECT * FROM sys.continuous_queries")) {
        sb.append("\n  ").append(row);
      }
    } catch (java.sql.SQLException e) {
      sb.append(" (cannot read: ").append(e.getMessage()).append(')');
    }
    String log = server.log();
    sb.append("\n--- end of the server log ---\n")
        .append(log.substring(Math.max(0, log.length() - 6000)));
    return sb.toString();
  }

  /** Whether the shell's JVM still runs, and its threads, for a failure message. */
  private static String diagnose(Process script) {
    StringBuilder sb = new StringBuilder("script alive: " + script.isAlive());
    script.descendants().filter(h -> h.info().command().orElse("").endsWith("/java"))
        .forEach(h -> {
          sb.append("\nshell JVM ").append(h.pid()).append(" alive: ").append(h.isAlive());
          try {
            Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
                "jstack").toString(), Long.toString(h.pid())).redirectErrorStream(true).start();
            sb.append('\n').append(new String(jstack.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
          } catch (java.io.IOException e) {
            sb.append("\njstack failed: ").append(e);
          }
        });
    return sb.toString();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static void copy(InputStream from, OutputStream to) {
    try (from) {
      from.transferTo(to);
    } catch (java.io.IOException e) {
      // The process ended; what was read is enough.
    }
  }
}

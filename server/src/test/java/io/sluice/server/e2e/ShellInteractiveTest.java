package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the interactive shell works on a terminal: run under a pseudo-terminal (util-linux's
 * {@code script}, part of every Debian system), it reads a statement spread over two lines
 * until its semicolon, prints aligned results with the time taken, reports an error with its
 * SQLSTATE and carries on, and leaves on {@code quit}.
 */
class ShellInteractiveTest {

  @Test
  void statementsSpanLinesAndErrorsDoNotEndTheSession(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = java + " -cp " + quote(JavaProcess.testClassPath())
        + " io.sluice.server.cli.Main --data-dir " + quote(dir.resolve("db").toString());
    Process p = new ProcessBuilder(List.of("script", "-qec", command, "/dev/null"))
        .directory(dir.toFile()).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> copy(p.getInputStream(), out));
    reader.start();
    // The input stays open until the shell has left: what script does when its input ends
    // depends on whether it has a terminal of its own, so the session ends with quit.
    OutputStream in = p.getOutputStream();
    for (String line : List.of("CREATE TABLE it (id INT PRIMARY KEY,", "  v VARCHAR(8));",
        "INSERT INTO it VALUES (1, 'one'), (20, 'twenty');",
        "SELECT id, v FROM it ORDER BY id;", "SELECT nope FROM it;",
        "SELECT COUNT(*) AS n FROM it;", "quit")) {
      in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
    }
    boolean exited = p.waitFor(90, TimeUnit.SECONDS);
    in.close();
    if (!exited) {
      p.destroyForcibly();
    }
    assertTrue(exited, "the shell should leave on quit: "
        + out.toString(StandardCharsets.UTF_8));
    reader.join(5000);
    String text = out.toString(StandardCharsets.UTF_8).replace("\r", "");
    assertEquals(0, p.exitValue(), text);
    assertTrue(text.contains("Sluice ") && text.contains("connected to"), text);
    assertTrue(text.contains(" id |   v") || text.contains(" id | v"), text);
    assertTrue(text.contains("  1 | one") && text.contains(" 20 | twenty"), text);
    assertTrue(text.matches("(?s).*\\(2 rows, [0-9.]+ (ms|s)\\).*"), text);
    assertTrue(text.contains("ERROR 42703"), "the error and its SQLSTATE: " + text);
    assertTrue(text.matches("(?s).*\\n\\s*2\\n\\(1 row, .*"),
        "the statement after the error still ran: " + text);
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

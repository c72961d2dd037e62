package io.sluice.slt.run;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Sluice server that the runner starts for one file, in a JVM of its own: {@code
 * io.sluice.server.cli.Main server --port 0 --data-dir <new temporary directory>}, with the
 * runner's own class path (the server module is a runtime dependency of this one). It is ready
 * when it logs {@code listening on port N}; the file talks to it through the remote driver.
 *
 * <p>{@link #restart()} stops it with SIGTERM and {@link #kill()} with SIGKILL; both start it
 * again over the same data directory (on whatever port is free) and reconnect. {@link #close()}
 * stops it and deletes the directory. Writes are not fsynced ({@code --no-fsync}): what the
 * process wrote is in the operating system's cache, which a SIGKILL of the process does not
 * lose, so recovery is tested all the same, faster.
 */
public final class ServerProcess implements FileDatabase {
  static final String MAIN_CLASS = "io.sluice.server.cli.Main";
  /** Generous: two cores may be shared by several servers and the runner. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern READY = Pattern.compile("Sluice\\b.*listening on port (\\d+)");
  /** Exit codes of an orderly stop: the launcher exits 0 on SIGTERM; a JVM may end with 143. */
  private static final int EXIT_ON_SIGTERM = 143;
  /** Exit code of a process killed by SIGKILL (128 + 9). */
  private static final int EXIT_ON_SIGKILL = 137;
  /** How much of the server's log is kept for error messages. */
  private static final int LOG_KEPT = 16_000;
  private static final List<String> JVM_OPTIONS = List.of("-Xmx1g", "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

  /**
   * Servers not closed yet. When the runner's JVM ends in the middle of a run (Ctrl-C), they
   * are killed and their directories deleted, so none outlives it; and no new one starts.
   */
  private static final Set<ServerProcess> OPEN = new HashSet<>();
  private static boolean shuttingDown;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ServerProcess::killAll,
        "slt-server-reaper"));
  }

  private static void killAll() {
    List<ServerProcess> servers;
    synchronized (OPEN) {
      shuttingDown = true;
      servers = List.copyOf(OPEN);
    }
    for (ServerProcess server : servers) {
      if (server.process != null) {
        try {
          server.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          deleteRecursively(server.tempDir);
        } catch (IOException | InterruptedException e) {
          // The JVM is going away; a directory left in the temporary folder is all it costs.
        }
      }
    }
  }

  private final Path tempDir;
  private final Path dataDir;
  private final StringBuilder log = new StringBuilder();
  private Process process;
  private Connection connection;
  private int starts;

  private ServerProcess(Path tempDir) {
    this.tempDir = tempDir;
    this.dataDir = tempDir.resolve("data");
  }

  /** Starts a server over a new temporary data directory and connects to it. */
  public static ServerProcess start() throws SQLException {
    Path dir;
    try {
      dir = Files.createTempDirectory("sluice-slt-");
    } catch (IOException e) {
      throw new SQLException("cannot create a data directory: " + e.getMessage(), e);
    }
    ServerProcess server = new ServerProcess(dir);
    try {
      server.launch();
      return server;
    } catch (SQLException | RuntimeException e) {
      server.closeAfterFailure(e);
      throw e;
    }
  }

  @Override
  public Connection connection() {
    return connection;
  }

  /** The process id of the running server. */
  public long pid() {
    return process.pid();
  }

  /** Where the server keeps its data. */
  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void restart() throws SQLException {
    disconnect();
    int code = terminate();
    if (code != 0 && code != EXIT_ON_SIGTERM) {
      throw new SQLException("the server exited with code " + code + " after SIGTERM, not 0"
          + logTail());
    }
    launch();
  }

  @Override
  public void kill() throws SQLException {
    disconnect();
    if (!process.isAlive()) {
      throw new SQLException("the server had exited before it was killed, with code "
          + process.exitValue() + logTail());
    }
    process.toHandle().destroyForcibly();
    int code = awaitExit(process, STOP_TIMEOUT);
    if (code != EXIT_ON_SIGKILL) {
      throw new SQLException("the server exited with code " + code + ", not by SIGKILL"
          + logTail());
    }
    launch();
  }

  /** Stops the server (SIGTERM, SIGKILL if it does not stop) and deletes its data. */
  @Override
  public void close() throws SQLException {
    disconnect();
    try {
      if (process != null && process.isAlive()) {
        terminate();
      }
    } finally {
      synchronized (OPEN) {
        OPEN.remove(this);
      }
      try {
        deleteRecursively(tempDir);
      } catch (IOException e) {
        throw new SQLException("cannot delete the server's data directory " + tempDir + ": "
            + e.getMessage(), e);
      }
    }
  }

  private void closeAfterFailure(Exception failure) {
    try {
      close();
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private void launch() throws SQLException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-cp", classPath(), MAIN_CLASS, "server", "--port", "0",
        "--data-dir", dataDir.toString(), "--no-fsync"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(tempDir.toFile())
        .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File(
            "/dev/null")));
    synchronized (log) {
      log.append("--- start ").append(++starts).append(" ---\n");
    }
    synchronized (OPEN) {
      if (shuttingDown) {
        throw new SQLException("the runner is shutting down");
      }
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new SQLException("cannot start a server: " + e.getMessage(), e);
      }
      OPEN.add(this);
    }
    int port = awaitPort(process);
    connection = DriverManager.getConnection("jdbc:sluice://localhost:" + port);
  }

  /**
   * Reads the server's output on a thread of its own until the process ends, keeping the last
   * part of it, and returns the port once the server says it listens.
   */
  private int awaitPort(Process started) throws SQLException {
    int[] port = {-1};
    Thread pump = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          Matcher ready = READY.matcher(line);
          synchronized (log) {
            log.append(line).append('\n');
            if (log.length() > LOG_KEPT) {
              log.delete(0, log.length() - LOG_KEPT);
            }
            if (port[0] < 0 && ready.find()) {
              port[0] = Integer.parseInt(ready.group(1));
            }
            log.notifyAll();
          }
        }
      } catch (IOException e) {
        // The process ended; what it said is kept.
      } finally {
        synchronized (log) {
          log.notifyAll();
        }
      }
    }, "slt-server-log-" + started.pid());
    pump.setDaemon(true);
    pump.start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    synchronized (log) {
      while (port[0] < 0) {
        if (!started.isAlive() && !pump.isAlive()) {
          throw new SQLException("the server exited with code " + started.exitValue()
              + " before it listened" + logTail());
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          started.destroyForcibly();
          throw new SQLException("the server did not listen within " + START_TIMEOUT
              + logTail());
        }
        try {
          log.wait(Math.min(left, 200));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          started.destroyForcibly();
          throw new SQLException("interrupted while the server started", e);
        }
      }
      return port[0];
    }
  }

  /** SIGTERM, then the exit code; SIGKILL if it does not stop in time. */
  private int terminate() throws SQLException {
    process.toHandle().destroy();
    return awaitExit(process, STOP_TIMEOUT);
  }

  private int awaitExit(Process p, Duration timeout) throws SQLException {
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor();
        throw new SQLException("the server did not exit within " + timeout + "; killed it"
            + logTail());
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new SQLException("interrupted while the server stopped", e);
    }
  }

  private void disconnect() {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // The server is about to go; a connection that cannot close cleanly goes with it.
    }
    connection = null;
  }

  /** The end of the server's log, for an error message. */
  private String logTail() {
    synchronized (log) {
      return "\n--- server log (" + dataDir + ") ---\n" + log;
    }
  }

  /**
   * The class path the server runs with: this JVM's, each entry made absolute because the
   * server runs in its own directory. Surefire may start tests through a manifest-only jar, so
   * its record of the test class path comes first when present.
   */
  static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    return Arrays.stream(cp.split(Pattern.quote(File.pathSeparator)))
        .filter(entry -> !entry.isEmpty())
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public String toString() {
    return "Sluice server, pid " + (process == null ? "none" : process.pid()) + ", over "
        + dataDir;
  }
}

package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Sluice server ({@code io.sluice.server.cli.Main server}) running in a JVM of its own,
 * for end-to-end tests: started on a free port over a data directory, ready once it logs that
 * it listens, stopped with SIGTERM or killed with SIGKILL, and restarted over the same data
 * directory and port. Its log is kept across restarts, so a failing test can show it.
 *
 * <p>Clients connect through the remote JDBC driver, {@code jdbc:sluice://localhost:<port>}.
 */
public final class ServerProcess implements AutoCloseable {
  /** How long a server may take to start; generous, because two cores are shared. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  /** How long an orderly shutdown may take. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  /** The readiness line the launcher logs, with the port it bound. */
  private static final Pattern READY =
      Pattern.compile("Sluice\\b.*listening on port (\\d+)");
  /** Exit code of a JVM that ends because of SIGTERM (128 + 15), after its shutdown hooks. */
  static final int EXIT_ON_SIGTERM = 143;
  /** Exit code of a process killed by SIGKILL (128 + 9). */
  static final int EXIT_ON_SIGKILL = 137;

  private final Path dataDir;
  private List<String> extraArgs;
  private final StringBuilder previousLogs = new StringBuilder();
  private JavaProcess process;
  private int port;
  private int starts;

  private ServerProcess(Path dataDir, List<String> extraArgs) {
    this.dataDir = dataDir;
    this.extraArgs = List.copyOf(extraArgs);
  }

  /**
   * Starts a server over a new temporary data directory, deleted by {@link #close()}, with
   * {@code extraArgs} added to its command line (say {@code --no-fsync}).
   */
  public static ServerProcess start(String... extraArgs) {
    ServerProcess s;
    try {
      s = new ServerProcess(Files.createTempDirectory("sluice-e2e-").resolve("data"),
          List.of(extraArgs));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      s.launch(0, true);
      return s;
    } catch (RuntimeException | Error e) {
      try {
        s.close();
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private void launch(int requestedPort, boolean awaitReady) {
    List<String> args = new ArrayList<>(List.of("server", "--port",
        Integer.toString(requestedPort), "--data-dir", dataDir.toString()));
    args.addAll(extraArgs);
    try {
      process = JavaProcess.start(JavaProcess.testClassPath(), dataDir.getParent(),
          "io.sluice.server.cli.Main", args);
      starts++;
      if (!awaitReady) {
        return;
      }
      Matcher ready = process.awaitLine(READY, START_TIMEOUT);
      port = Integer.parseInt(ready.group(1));
      assertTrue(port > 0, "the server reported port " + port);
      if (requestedPort != 0) {
        assertEquals(requestedPort, port, "the server should listen on the port it was given");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The port the server listens on. */
  public int port() {
    return port;
  }

  /** The process id of the running server. */
  public long pid() {
    return process.pid();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The JDBC URL of the server. */
  public String url() {
    return "jdbc:sluice://localhost:" + port;
  }

  /** A new connection through the remote driver. */
  public Connection connect() throws SQLException {
    loadDriver();
    return DriverManager.getConnection(url());
  }

  /**
   * Loads the remote driver class. The test JVM's DriverManager scans the service files once,
   * and the test class path also holds the embedded driver; whether the driver jar registers
   * itself on its own is what {@link DriverOnlyClientTest} checks, in a clean JVM.
   */
  static void loadDriver() {
    try {
      Class.forName("io.sluice.jdbc.SluiceDriver");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the Sluice JDBC driver is not on the class path", e);
    }
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Everything every start of this server logged, oldest first. */
  public String log() {
    return previousLogs + (process == null ? "" : process.log());
  }

  /** The log of the current (or last) run only. */
  public String currentLog() {
    return process == null ? "" : process.log();
  }

  /**
   * Stops the server with SIGTERM and waits for it to exit; returns the exit code. The caller
   * decides what counts as clean; see {@link #stopCleanly()}.
   */
  public int stop() throws InterruptedException {
    process.terminate();
    return process.awaitExit(STOP_TIMEOUT);
  }

  /**
   * Stops the server with SIGTERM and checks the shutdown was orderly: the process exits within
   * {@link #STOP_TIMEOUT}, its shutdown hook closed the database, nothing was logged at ERROR
   * level or as an exception, and the exit code is that of an orderly exit: 0, or
   * {@value #EXIT_ON_SIGTERM}, the status a JVM ends with when SIGTERM starts its shutdown
   * (what the launcher does today: in server mode it never calls {@code System.exit}).
   */
  public void stopCleanly() throws InterruptedException {
    int code = stop();
    String log = currentLog();
    assertTrue(code == 0 || code == EXIT_ON_SIGTERM,
        "exit code after SIGTERM: " + code + "\n--- server log ---\n" + log);
    assertTrue(log.contains("closed database"),
        "the shutdown hook should close the database\n--- server log ---\n" + log);
    assertTrue(!log.contains(" ERROR ") && !log.contains("Exception"),
        "an orderly shutdown logs no error\n--- server log ---\n" + log);
  }

  /**
   * Kills the server with SIGKILL (no shutdown hook, no flush, nothing) and checks it died of
   * it rather than exiting on its own first.
   */
  public void kill() throws InterruptedException {
    assertTrue(process.isAlive(), "the server exited before it was killed\n" + log());
    int code = process.kill();
    assertEquals(EXIT_ON_SIGKILL, code, "exit code after SIGKILL");
  }

  /** Starts the server again over the same data directory and on the same port. */
  public void restart() {
    if (isRunning()) {
      throw new IllegalStateException("stop or kill the server before restarting it");
    }
    previousLogs.append(process.log()).append("--- restart ").append(starts).append(" ---\n");
    launch(port, true);
  }

  /**
   * Like {@link #restart()}, with {@code newExtraArgs} replacing the extra command-line arguments
   * from now on (say another {@code --workers}).
   */
  public void restartWith(String... newExtraArgs) {
    extraArgs = List.of(newExtraArgs);
    restart();
  }

  /**
   * Starts the server again over the same data directory and port, and returns at once rather
   * than when it is ready: a test can kill it while it starts and recovers. Kill it, then
   * {@link #restart()} it.
   */
  public void restartInBackground() {
    if (isRunning()) {
      throw new IllegalStateException("stop or kill the server before restarting it");
    }
    previousLogs.append(process.log()).append("--- restart ").append(starts).append(" ---\n");
    launch(port, false);
  }

  /** Kills the server if it still runs and deletes its temporary data directory. */
  @Override
  public void close() throws IOException {
    if (process != null) {
      process.close();
    }
    deleteRecursively(dataDir.getParent());
  }

  static void deleteRecursively(Path dir) throws IOException {
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
    return "Sluice server on port " + port + " over " + dataDir;
  }
}

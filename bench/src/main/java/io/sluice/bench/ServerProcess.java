package io.sluice.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sluice server running in its own JVM, on a free port and a fresh temporary data directory,
 * for the length of one benchmark run.
 *
 * <p>The server is a separate process so that the benchmark measures what a user gets: the
 * remote driver, HTTP and protobuf, and a server JVM whose heap, JIT and garbage collector are
 * not shared with the load generator. The process is stopped and the directory deleted by
 * {@link #close()}, by a shutdown hook if the benchmark JVM exits without closing, and by the
 * server itself if the benchmark JVM is killed outright (see {@link
 * ParentWatchingServerMain}).
 */
final class ServerProcess implements AutoCloseable {
  /** Sluice's own announcement, logged once the database is open and the endpoint serves. */
  private static final Pattern LISTENING = Pattern.compile("Sluice .*listening on port (\\d+)");
  private static final long START_TIMEOUT_SECONDS = 120;
  private static final long STOP_TIMEOUT_SECONDS = 30;
  private static final int LOG_TAIL_LINES = 40;

  private final Process process;
  private final Path dataDir;
  private final int port;
  private final ClientDriver driver;
  private final Thread shutdownHook;
  private final Deque<String> logTail;
  private boolean closed;

  private ServerProcess(Process process, Path dataDir, int port, ClientDriver driver,
      Thread shutdownHook, Deque<String> logTail) {
    this.process = process;
    this.dataDir = dataDir;
    this.port = port;
    this.driver = driver;
    this.shutdownHook = shutdownHook;
    this.logTail = logTail;
  }

  /**
   * Starts a server and waits until it listens.
   *
   * @param log where the server's warnings and errors (or every line, with --server-log) and
   *     this class's own notes go
   */
  static ServerProcess start(ServerOptions options, PrintStream log)
      throws IOException, InterruptedException {
    return start(options, log, Files.createTempDirectory("sluice-bench-"), true);
  }

  /**
   * Starts a server on an existing data directory, which outlives it: {@link #close()} and
   * {@link #kill()} leave it in place.
   */
  static ServerProcess startOn(ServerOptions options, PrintStream log, Path dataDir)
      throws IOException, InterruptedException {
    return start(options, log, dataDir, false);
  }

  private static ServerProcess start(ServerOptions options, PrintStream log, Path dataDir,
      boolean ownsDataDir) throws IOException, InterruptedException {
    int requestedPort = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (options.heapOption() != null) {
      command.add(options.heapOption());
    }
    command.addAll(options.serverJvmArgs);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ParentWatchingServerMain.class.getName());
    command.add("server");
    command.add("--port");
    command.add(Integer.toString(requestedPort));
    command.add("--data-dir");
    command.add(dataDir.toString());
    if (options.noFsync) {
      command.add("--no-fsync");
    }
    // Standard input stays a pipe that nobody writes to: see ParentWatchingServerMain.
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
    Process process;
    Path owned = ownsDataDir ? dataDir : null;
    try {
      process = builder.start();
    } catch (IOException e) {
      if (ownsDataDir) {
        deleteRecursively(dataDir);
      }
      throw e;
    }
    Thread hook = new Thread(() -> stop(process, owned), "sluice-bench-stop-server");
    Runtime.getRuntime().addShutdownHook(hook);

    Deque<String> tail = new ArrayDeque<>();
    CountDownLatch listening = new CountDownLatch(1);
    int[] announcedPort = {-1};
    pump(process.getErrorStream(), "server-stderr", line -> {
      Matcher m = LISTENING.matcher(line);
      if (listening.getCount() > 0 && m.find()) {
        announcedPort[0] = Integer.parseInt(m.group(1));
        listening.countDown();
      }
    }, tail, options.serverLog, log);
    pump(process.getInputStream(), "server-stdout", line -> { }, tail, options.serverLog, log);

    ServerProcess server =
        new ServerProcess(process, owned, requestedPort, options.driver, hook, tail);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (!listening.await(100, TimeUnit.MILLISECONDS)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String why = process.isAlive() ? "did not report listening within "
            + START_TIMEOUT_SECONDS + " s" : "exited with status " + process.exitValue();
        String lastLines = server.logTail();
        server.close();
        throw new IOException("server " + why + "; its last log lines:\n" + lastLines);
      }
    }
    if (announcedPort[0] != requestedPort) {
      server.close();
      throw new IOException("server announced port " + announcedPort[0] + " but was asked for "
          + requestedPort);
    }
    log.printf("server pid %d listening on port %d, data directory %s, clients connect to %s;"
        + " command:%n  %s%n", process.pid(), requestedPort, dataDir, server.jdbcUrl(),
        String.join(" ", shortenClassPath(command)));
    return server;
  }

  /** The JDBC URL of the server for the given driver. */
  String jdbcUrl() {
    return driver.url(port);
  }

  /** Whether the server process is still running. */
  boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines the server wrote, for error reports. */
  String logTail() {
    synchronized (logTail) {
      return String.join("\n", logTail);
    }
  }

  /** Opens a connection through the remote driver chosen by the options. */
  Connection connect() throws SQLException {
    return driver.connect(port);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook does the same work.
    }
    stop(process, dataDir);
  }

  /** Ends the server at once with SIGKILL, as a crash would, and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the server survived SIGKILL for "
          + STOP_TIMEOUT_SECONDS + " s");
    }
    close();
  }

  /**
   * Stops the process (SIGTERM, then SIGKILL after a grace period) and deletes its data
   * directory when it owns one ({@code dataDir} not null).
   */
  private static void stop(Process process, Path dataDir) {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          System.err.println("server did not stop within " + STOP_TIMEOUT_SECONDS
              + " s of SIGTERM; killing it");
          process.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      try {
        if (dataDir != null) {
          deleteRecursively(dataDir);
        }
      } catch (IOException | UncheckedIOException e) {
        System.err.println("could not delete " + dataDir + ": " + e);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  /** Reads a stream of the server line by line on a daemon thread until it ends. */
  private static void pump(InputStream in, String name, java.util.function.Consumer<String> onLine,
      Deque<String> tail, boolean copyAll, PrintStream log) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          onLine.accept(line);
          synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > LOG_TAIL_LINES) {
              tail.removeFirst();
            }
          }
          if (copyAll || isWorthShowing(line)) {
            log.println("[server] " + line);
          }
        }
      } catch (IOException e) {
        // The process ended; nothing more to read.
      }
    }, "sluice-bench-" + name);
    t.setDaemon(true);
    t.start();
  }

  private static boolean isWorthShowing(String line) {
    return line.contains("WARN") || line.contains("ERROR") || line.contains("Exception")
        || line.startsWith("\tat ") || line.contains("OutOfMemory");
  }

  /** The command with its long class path replaced by a short mark, for printing. */
  private static List<String> shortenClassPath(List<String> command) {
    List<String> shown = new ArrayList<>(command);
    int cp = shown.indexOf("-cp");
    if (cp >= 0 && cp + 1 < shown.size()) {
      shown.set(cp + 1, "<this JVM's class path>");
    }
    return shown;
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.deleteIfExists(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }

}

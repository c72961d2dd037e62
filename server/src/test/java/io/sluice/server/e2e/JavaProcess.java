package io.sluice.server.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java main class run in a JVM of its own, with its output captured line by line while it
 * runs. Standard output and standard error are captured separately and also interleaved into
 * one log, so a failing test can show everything the process said.
 */
final class JavaProcess implements AutoCloseable {
  /** JVM options for child processes: small heap, quick start, two cores shared by all. */
  private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.awt.headless=true");

  private final Process process;
  private final String description;
  private final StringBuilder stdout = new StringBuilder();
  private final StringBuilder stderr = new StringBuilder();
  private final StringBuilder log = new StringBuilder();
  private final List<Thread> pumps = new ArrayList<>();

  private JavaProcess(Process process, String description) {
    this.process = process;
    this.description = description;
    pumps.add(pump(process.getInputStream(), stdout, "out"));
    pumps.add(pump(process.getErrorStream(), stderr, "err"));
  }

  /**
   * Starts {@code mainClass} with {@code args} in a new JVM whose class path is exactly
   * {@code classPath}, in working directory {@code workDir}.
   */
  static JavaProcess start(String classPath, Path workDir, String mainClass, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return new JavaProcess(pb.start(), mainClass + " " + String.join(" ", args));
  }

  /**
   * The class path of this test JVM: every module and library the server needs. Surefire may
   * start the test JVM through a manifest-only jar, so its own record of the test class path
   * is preferred when present.
   */
  static String testClassPath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    return cp;
  }

  private Thread pump(InputStream in, StringBuilder target, String stream) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in,
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (this) {
            target.append(line).append('\n');
            log.append('[').append(stream).append("] ").append(line).append('\n');
            notifyAll();
          }
        }
      } catch (IOException e) {
        // The process died; what it wrote so far is kept.
      }
    }, "pump-" + stream + "-" + process.pid());
    t.setDaemon(true);
    t.start();
    return t;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Standard output so far. */
  synchronized String stdout() {
    return stdout.toString();
  }

  /** Standard error so far. */
  synchronized String stderr() {
    return stderr.toString();
  }

  /** Both streams so far, interleaved in arrival order, each line marked with its stream. */
  synchronized String log() {
    return log.toString();
  }

  /**
   * Waits until a line of the combined output matches {@code pattern} and returns the match;
   * fails if the process exits first or the timeout passes.
   */
  Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int scanned = 0;
    synchronized (this) {
      while (true) {
        int end;
        while ((end = log.indexOf("\n", scanned)) >= 0) {
          String line = log.substring(scanned, end);
          scanned = end + 1;
          Matcher m = pattern.matcher(line);
          if (m.find()) {
            return m;
          }
        }
        long left = deadline - System.nanoTime();
        if (!process.isAlive() && pumpsDone()) {
          throw new AssertionError("process exited with code " + process.exitValue()
              + " before printing a line matching /" + pattern + "/: " + description
              + "\n--- its output ---\n" + log);
        }
        if (left <= 0) {
          throw new AssertionError("no line matching /" + pattern + "/ within " + timeout
              + ": " + description + "\n--- its output ---\n" + log);
        }
        wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
      }
    }
  }

  private boolean pumpsDone() {
    for (Thread t : pumps) {
      if (t.isAlive()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Waits for the process to exit and for its output to be read to the end; returns the exit
   * code, or fails (after killing it) when it outlives the timeout.
   */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("process still running after " + timeout + ", killed it: "
          + description + "\n--- its output ---\n" + log());
    }
    for (Thread t : pumps) {
      t.join(TimeUnit.SECONDS.toMillis(10));
    }
    return process.exitValue();
  }

  /**
   * Sends SIGTERM (an orderly shutdown: the JVM runs its shutdown hooks). Sent through the
   * process handle because {@code Process.destroy()} also closes our ends of the output pipes,
   * which would lose everything the process says while shutting down.
   */
  void terminate() {
    process.toHandle().destroy();
  }

  /**
   * Sends SIGKILL: the process dies at once, with no chance to clean up. Returns its exit code.
   */
  int kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    int code = process.waitFor();
    for (Thread t : pumps) {
      t.join(TimeUnit.SECONDS.toMillis(10));
    }
    return code;
  }

  /** Kills the process if it still runs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "pid " + process.pid() + ": " + description;
  }
}

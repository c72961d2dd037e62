package io.sluice.slt.script;

import java.util.Arrays;
import java.util.Optional;

/**
 * Sluice's extensions of the format, for what SQLite's records cannot say: the life of the
 * server under the script. Each is written on a line of its own as {@code sluice <words>}.
 */
public enum Directive {
  /** {@code sluice checkpoint}: runs {@code CHECKPOINT}, which must succeed and return a row. */
  CHECKPOINT("checkpoint", true, false),
  /**
   * {@code sluice restart}: stops the server with SIGTERM, waits for an orderly exit, starts it
   * again over the same data directory and reconnects.
   */
  RESTART("restart", true, true),
  /**
   * {@code sluice kill}: kills the server with SIGKILL, starts it again over the same data
   * directory and reconnects.
   */
  KILL("kill", true, true),
  /**
   * {@code sluice wait fresh}: waits until every materialized view is running and has consumed
   * every write acknowledged before the directive began.
   */
  WAIT_FRESH("wait fresh", false, false);

  private final String words;
  private final boolean needsDurableDatabase;
  private final boolean needsOwnServer;

  Directive(String words, boolean needsDurableDatabase, boolean needsOwnServer) {
    this.words = words;
    this.needsDurableDatabase = needsDurableDatabase;
    this.needsOwnServer = needsOwnServer;
  }

  /** What follows {@code sluice} on the directive's line. */
  public String words() {
    return words;
  }

  /**
   * Whether it only makes sense on a database kept on disk: an in-memory database has no
   * checkpoints and does not outlive its server.
   */
  public boolean needsDurableDatabase() {
    return needsDurableDatabase;
  }

  /** Whether the runner must own the server process, to stop or kill it. */
  public boolean needsOwnServer() {
    return needsOwnServer;
  }

  /** The directive whose words these are (compared after collapsing white space). */
  public static Optional<Directive> of(String words) {
    String normalized = words.strip().replaceAll("\\s+", " ");
    return Arrays.stream(values()).filter(d -> d.words.equals(normalized)).findFirst();
  }
}

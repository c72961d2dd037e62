package io.sluice.bench;

import java.io.IOException;
import java.io.InputStream;

/**
 * The main class of the server JVM a benchmark starts: Sluice's own {@code
 * io.sluice.server.cli.Main}, plus a watch on standard input. The benchmark holds the other end
 * of that pipe and never writes to it; when the benchmark JVM dies, even by SIGKILL, which runs
 * no shutdown hook, the pipe closes and this JVM exits through its normal shutdown (the server
 * closes its database) instead of living on as an orphan holding a port and a temp directory.
 */
public final class ParentWatchingServerMain {
  private ParentWatchingServerMain() {}

  public static void main(String[] args) {
    Thread watch = new Thread(() -> {
      InputStream in = System.in;
      try {
        while (in.read() >= 0) {
          // The benchmark writes nothing; anything read is ignored.
        }
      } catch (IOException e) {
        // A broken pipe means the same as end of input: the parent is gone.
      }
      System.err.println("sluice-bench: benchmark process went away; stopping the server");
      System.exit(0);
    }, "sluice-bench-parent-watch");
    watch.setDaemon(true);
    watch.start();
    io.sluice.server.cli.Main.main(args);
  }
}

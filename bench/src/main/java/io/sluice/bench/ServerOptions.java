package io.sluice.bench;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How to start the server under test; shared by every benchmark. */
final class ServerOptions {
  @Option(names = "--no-fsync",
      description = "Start the server with --no-fsync (writes acknowledged before fsync).")
  boolean noFsync;

  @Option(names = "--server-heap", paramLabel = "SIZE",
      description = "Maximum heap of the server JVM, as -Xmx2g or 2g (default: the JVM's).")
  String serverHeap;

  @Option(names = "--server-jvm-arg", paramLabel = "ARG",
      description = "One more option for the server JVM, e.g. "
          + "-XX:StartFlightRecording=filename=server.jfr; repeatable.")
  List<String> serverJvmArgs = new ArrayList<>();

  @Option(names = "--driver", defaultValue = "sluice", paramLabel = "DRIVER",
      description = "Client driver: sluice (the shaded thin driver, jdbc:sluice://...) or "
          + "avatica (Avatica's own remote driver, same protocol, not relocated). "
          + "Default: ${DEFAULT-VALUE}.")
  ClientDriver driver;

  @Option(names = "--server-log",
      description = "Copy every line the server logs to the output (default: only warnings "
          + "and errors).")
  boolean serverLog;

  /** The -Xmx option for the server JVM, or null for the JVM's default. */
  String heapOption() {
    if (serverHeap == null || serverHeap.isBlank()) {
      return null;
    }
    return serverHeap.startsWith("-") ? serverHeap : "-Xmx" + serverHeap;
  }

  /** Describes the server's configuration for the RESULT line. */
  String heapDescription() {
    String heap = heapOption();
    return heap == null ? "jvm-default" : heap.replaceFirst("^-Xmx", "");
  }
}

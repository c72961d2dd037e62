package io.sluice.bench;

import java.lang.management.ManagementFactory;

/**
 * The {@code MACHINE ...} line that says where numbers were measured, including the load
 * average when the line is printed (other processes on the machine show up there).
 */
final class MachineInfo {
  private MachineInfo() {}

  /** For a benchmark against a server process. */
  static String line(ServerOptions server) {
    Runtime rt = Runtime.getRuntime();
    return common(new ResultLine("MACHINE", "info")
        .add("cores", rt.availableProcessors())
        .add("bench_max_heap_mb", rt.maxMemory() / (1024 * 1024))
        .add("server_heap", server.heapDescription()));
  }

  /** For a benchmark of the engine in this JVM. */
  static String embeddedLine(boolean fsync) {
    Runtime rt = Runtime.getRuntime();
    return common(new ResultLine("MACHINE", "info")
        .add("cores", rt.availableProcessors())
        .add("mode", "embedded")
        .add("max_heap_mb", rt.maxMemory() / (1024 * 1024))
        .add("fsync", fsync));
  }

  private static String common(ResultLine line) {
    return line
        .add("load_avg_1m", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2)
        .add("java", System.getProperty("java.version"))
        .add("vm", System.getProperty("java.vm.name"))
        .add("os", System.getProperty("os.name") + "/" + System.getProperty("os.arch"))
        .toString();
  }
}

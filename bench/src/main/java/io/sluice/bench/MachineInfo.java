package io.sluice.bench;

/** The {@code MACHINE ...} line that says where numbers were measured. */
final class MachineInfo {
  private MachineInfo() {}

  static String line(ServerOptions server) {
    Runtime rt = Runtime.getRuntime();
    return new ResultLine("MACHINE", "info")
        .add("cores", rt.availableProcessors())
        .add("bench_max_heap_mb", rt.maxMemory() / (1024 * 1024))
        .add("server_heap", server.heapDescription())
        .add("java", System.getProperty("java.version"))
        .add("vm", System.getProperty("java.vm.name"))
        .add("os", System.getProperty("os.name") + "/" + System.getProperty("os.arch"))
        .toString();
  }
}

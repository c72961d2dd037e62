package io.sluice.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this JVM's memory looks like, for benchmarks that show state need not fit the heap. */
final class JvmMemory {
  private static final long MB = 1024 * 1024;

  private JvmMemory() {}

  /** The maximum heap (-Xmx) in MiB. */
  static long maxHeapMb() {
    return Runtime.getRuntime().maxMemory() / MB;
  }

  /** The heap in use right after a full collection, in MiB: what is really kept live. */
  static long usedHeapAfterGcMb() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) / MB;
  }

  /** Starts the peak-usage counters of the heap's pools again. */
  static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /**
   * The sum of the heap pools' peak usage since {@link #resetPeaks}, in MiB. Pools peak at
   * different moments, so this bounds the real peak from above.
   */
  static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum / MB;
  }

  /**
   * The process's resident memory in MiB (heap, RocksDB's caches and memtables, everything),
   * or -1 where /proc is not available.
   */
  static long residentMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}

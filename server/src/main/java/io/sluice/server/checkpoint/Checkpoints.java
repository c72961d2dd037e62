package io.sluice.server.checkpoint;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.executor.stream.EpochCoordinator;
import io.sluice.server.SystemSettings;
import io.sluice.storage.kv.RocksDbStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of a database: taking one (the CHECKPOINT statement, or periodically), listing
 * them, retiring old ones, exporting one. Thread-safe; one checkpoint is taken at a time.
 *
 * <p>A checkpoint cuts an epoch and waits for it to commit (so that it holds every change
 * acknowledged before it began, in tables and views alike), makes the store's write-ahead log
 * durable, and asks RocksDB for a checkpoint: memtables are flushed, and the store's files are
 * hard-linked into the checkpoint's directory. Files are immutable once written, so a
 * checkpoint adds only the files written since the one before it: its cost follows what
 * changed, not how much state there is. The directory is complete once renamed from its
 * temporary name, after its properties file is written; a failure leaves no trace on disk
 * but is listed (until restart) with its reason.
 */
public final class Checkpoints implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
  static final String PROPERTIES = "checkpoint.properties";
  private static final String TMP_PREFIX = ".tmp-";
  private static final int FAILURES_KEPT = 20;

  private final RocksDbStore store;
  private final EpochCoordinator coordinator;
  private final SystemSettings settings;
  private final Path dir;
  private final Object lock = new Object();
  private final Deque<CheckpointInfo> failures = new ArrayDeque<>();
  private final Object schedule = new Object();
  private final Thread periodic;
  private long lastId;
  /** The store's write count when the last checkpoint was taken, or -1. */
  private volatile long writesAtLast = -1;
  private volatile long lastFinishedMillis = System.currentTimeMillis();
  private volatile boolean closed;

  /**
   * @param dir where checkpoints are kept, or null for a database in memory (which keeps none)
   */
  public Checkpoints(RocksDbStore store, EpochCoordinator coordinator, SystemSettings settings,
      Path dir) {
    this.store = store;
    this.coordinator = coordinator;
    this.settings = settings;
    this.dir = dir;
    if (dir != null) {
      removeLeftovers();
      for (CheckpointInfo c : completed()) {
        lastId = Math.max(lastId, c.id());
      }
      settings.onChange((name, value) -> {
        if (name.equals(SystemSettings.CHECKPOINT_INTERVAL)) {
          synchronized (schedule) {
            schedule.notifyAll();
          }
        } else if (name.equals(SystemSettings.CHECKPOINT_RETAIN)) {
          synchronized (lock) {
            retire();
          }
        }
      });
      periodic = new Thread(this::runPeriodic, "sluice-checkpoints");
      periodic.setDaemon(true);
      periodic.start();
    } else {
      periodic = null;
    }
  }

  /**
   * Takes a checkpoint and returns it; throws (IO_ERROR, with the reason) when it cannot be
   * written, after listing the failure.
   *
   * @param trigger {@code manual} or {@code periodic}
   */
  public CheckpointInfo checkpoint(String trigger) {
    if (dir == null) {
      throw new SluiceException(SqlState.FEATURE_NOT_SUPPORTED,
          "a database in memory keeps no checkpoints; open one with a data directory");
    }
    synchronized (lock) {
      if (closed) {
        throw new SluiceException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
            "the database is closing");
      }
      long id = ++lastId;
      long started = System.currentTimeMillis();
      long t0 = System.nanoTime();
      Path tmp = dir.resolve(TMP_PREFIX + id);
      long epoch = -1;
      try {
        Files.createDirectories(dir);
        DataDirectory.deleteTree(tmp);
        epoch = coordinator.cutEpoch();
        long writes = store.writeCount();
        store.syncAll();
        Files.createDirectory(tmp);
        store.checkpoint(tmp.resolve(DataDirectory.STORE));
        CheckpointInfo previous = latestCompleted();
        long[] sizes = sizes(tmp.resolve(DataDirectory.STORE),
            previous == null ? null : dir.resolve(Long.toString(previous.id()))
                .resolve(DataDirectory.STORE));
        long duration = (System.nanoTime() - t0) / 1_000_000;
        CheckpointInfo info = new CheckpointInfo(id, epoch, started, duration, sizes[0],
            sizes[1], trigger, null);
        writeProperties(tmp.resolve(PROPERTIES), info);
        DataDirectory.syncDirectory(tmp);
        Files.move(tmp, dir.resolve(Long.toString(id)), StandardCopyOption.ATOMIC_MOVE);
        DataDirectory.syncDirectory(dir);
        writesAtLast = writes;
        lastFinishedMillis = System.currentTimeMillis();
        LOG.info("checkpoint {} ({}) at epoch {} completed in {} ms: {} bytes added, {} in all",
            id, trigger, epoch, duration, sizes[0], sizes[1]);
        retire();
        return info;
      } catch (IOException | RuntimeException e) {
        String reason = e instanceof IOException io ? describe(io)
            : e instanceof SluiceException ? e.getMessage() : e.toString();
        try {
          DataDirectory.deleteTree(tmp);
        } catch (IOException | RuntimeException cleanup) {
          LOG.debug("cannot remove {}", tmp, cleanup);
        }
        CheckpointInfo failed = new CheckpointInfo(id, epoch, started,
            (System.nanoTime() - t0) / 1_000_000, 0, 0, trigger, reason);
        failures.addLast(failed);
        while (failures.size() > FAILURES_KEPT) {
          failures.removeFirst();
        }
        lastFinishedMillis = System.currentTimeMillis();
        LOG.warn("checkpoint {} ({}) failed: {}", id, trigger, reason);
        throw new SluiceException(SqlState.IO_ERROR, "checkpoint " + id + " failed: " + reason,
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SluiceException(SqlState.QUERY_CANCELED, "interrupted while checkpointing");
      }
    }
  }

  /** The retained checkpoints and the recent failures, by id. */
  public List<CheckpointInfo> list() {
    List<CheckpointInfo> out = new ArrayList<>();
    if (dir == null) {
      return out;
    }
    synchronized (lock) {
      out.addAll(completed());
      out.addAll(failures);
    }
    out.sort(Comparator.comparingLong(CheckpointInfo::id));
    return out;
  }

  /**
   * Copies a retained checkpoint to a new directory that is a data directory of its own: a
   * server started on it opens the database as of the checkpoint.
   */
  public void export(long id, Path target) {
    if (dir == null) {
      throw new SluiceException(SqlState.FEATURE_NOT_SUPPORTED,
          "a database in memory keeps no checkpoints");
    }
    synchronized (lock) {
      Path source = dir.resolve(Long.toString(id));
      if (!Files.isRegularFile(source.resolve(PROPERTIES))) {
        throw new SluiceException(SqlState.UNDEFINED_OBJECT, "there is no checkpoint " + id
            + "; retained: " + retainedIds(dir));
      }
      try {
        if (Files.exists(target) && !isEmptyDirectory(target)) {
          throw new SluiceException(SqlState.INVALID_PARAMETER_VALUE, "cannot export to "
              + target + ": it exists and is not an empty directory");
        }
        Files.createDirectories(target);
        DataDirectory.copyStore(source.resolve(DataDirectory.STORE),
            target.resolve(DataDirectory.STORE));
        Files.copy(source.resolve(PROPERTIES), target.resolve("exported-" + PROPERTIES));
        DataDirectory.syncDirectory(target);
      } catch (IOException e) {
        throw new SluiceException(SqlState.IO_ERROR, "cannot export checkpoint " + id + " to "
            + target + ": " + describe(e), e);
      }
      LOG.info("exported checkpoint {} to {}", id, target);
    }
  }

  /** An I/O failure in words: which file, and what went wrong with it. */
  static String describe(IOException e) {
    if (e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
      String what;
      if (e instanceof java.nio.file.FileAlreadyExistsException) {
        what = "exists and is in the way (not a directory?)";
      } else if (e instanceof java.nio.file.NoSuchFileException) {
        what = "does not exist";
      } else if (e instanceof java.nio.file.AccessDeniedException) {
        what = "permission denied";
      } else {
        what = fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
      }
      return fs.getFile() + ": " + what;
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  /** The ids of the completed checkpoints in a checkpoints directory, as text for messages. */
  static String retainedIds(Path dir) {
    List<Long> ids = new ArrayList<>();
    for (CheckpointInfo c : read(dir)) {
      ids.add(c.id());
    }
    return ids.isEmpty() ? "none" : ids.toString();
  }

  private List<CheckpointInfo> completed() {
    return read(dir);
  }

  private static List<CheckpointInfo> read(Path dir) {
    List<CheckpointInfo> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (name.matches("\\d+") && Files.isRegularFile(p.resolve(PROPERTIES))) {
          out.add(readProperties(p.resolve(PROPERTIES)));
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot list checkpoints in {}: {}", dir, e.toString());
    }
    out.sort(Comparator.comparingLong(CheckpointInfo::id));
    return out;
  }

  private CheckpointInfo latestCompleted() {
    List<CheckpointInfo> all = completed();
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  /** Deletes the oldest completed checkpoints beyond the retention count. */
  private void retire() {
    if (dir == null) {
      return;
    }
    List<CheckpointInfo> all = completed();
    int retain = settings.count(SystemSettings.CHECKPOINT_RETAIN);
    for (int i = 0; i < all.size() - retain; i++) {
      Path p = dir.resolve(Long.toString(all.get(i).id()));
      try {
        // The properties file goes first: a half-deleted checkpoint is not listed.
        Files.deleteIfExists(p.resolve(PROPERTIES));
        DataDirectory.deleteTree(p);
        LOG.info("retired checkpoint {}", all.get(i).id());
      } catch (IOException e) {
        LOG.warn("cannot delete retired checkpoint {}: {}", p, e.toString());
      }
    }
  }

  /** Removes temporary directories of checkpoints a crash interrupted, and half-retired ones. */
  private void removeLeftovers() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (name.startsWith(TMP_PREFIX)
            || (name.matches("\\d+") && !Files.exists(p.resolve(PROPERTIES)))) {
          DataDirectory.deleteTree(p);
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot clean up {}: {}", dir, e.toString());
    }
  }

  /**
   * The bytes of the files in {@code store} that are not in {@code previous} (hard links of
   * the same file count once), and the bytes of all of them.
   */
  private static long[] sizes(Path store, Path previous) throws IOException {
    Set<Object> shared = new HashSet<>();
    if (previous != null && Files.isDirectory(previous)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(previous)) {
        for (Path p : ds) {
          Object key = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
          if (key != null) {
            shared.add(key);
          }
        }
      }
    }
    long added = 0;
    long total = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(store)) {
      for (Path p : ds) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        total += a.size();
        if (a.fileKey() == null || !shared.contains(a.fileKey())) {
          added += a.size();
        }
      }
    }
    return new long[] {added, total};
  }

  private static void writeProperties(Path file, CheckpointInfo c) throws IOException {
    Properties p = new Properties();
    p.setProperty("id", Long.toString(c.id()));
    p.setProperty("epoch", Long.toString(c.epoch()));
    p.setProperty("started", Long.toString(c.startedMillis()));
    p.setProperty("duration_ms", Long.toString(c.durationMillis()));
    p.setProperty("bytes_added", Long.toString(c.bytesAdded()));
    p.setProperty("total_bytes", Long.toString(c.totalBytes()));
    p.setProperty("trigger", c.trigger());
    try (OutputStream out = Files.newOutputStream(file)) {
      p.store(out, "Sluice checkpoint");
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  private static CheckpointInfo readProperties(Path file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    }
    return new CheckpointInfo(Long.parseLong(p.getProperty("id")),
        Long.parseLong(p.getProperty("epoch")), Long.parseLong(p.getProperty("started")),
        Long.parseLong(p.getProperty("duration_ms")),
        Long.parseLong(p.getProperty("bytes_added")),
        Long.parseLong(p.getProperty("total_bytes")), p.getProperty("trigger"), null);
  }

  private static boolean isEmptyDirectory(Path p) throws IOException {
    if (!Files.isDirectory(p)) {
      return false;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
      return !ds.iterator().hasNext();
    }
  }

  /**
   * Takes a checkpoint every {@code checkpoint.interval} after the last one finished, unless
   * nothing was written since (an idle database does not push older checkpoints out).
   */
  private void runPeriodic() {
    while (!closed) {
      try {
        synchronized (schedule) {
          long interval = settings.millis(SystemSettings.CHECKPOINT_INTERVAL);
          long wait = interval == 0 ? 0
              : lastFinishedMillis + interval - System.currentTimeMillis();
          if (interval == 0 || wait > 0) {
            schedule.wait(interval == 0 ? 0 : wait);
            continue;
          }
        }
        if (store.writeCount() == writesAtLast) {
          lastFinishedMillis = System.currentTimeMillis();
          continue;
        }
        checkpoint("periodic");
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // Listed and logged by checkpoint(); the next one is tried at the next interval.
        if (closed) {
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    if (periodic != null) {
      synchronized (schedule) {
        schedule.notifyAll();
      }
      periodic.interrupt();
      try {
        periodic.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

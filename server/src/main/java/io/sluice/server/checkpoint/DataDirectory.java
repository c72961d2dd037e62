package io.sluice.server.checkpoint;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layout of a data directory, and the file work of restoring and exporting checkpoints.
 *
 * <pre>
 *   DIR/db/                    the live store (RocksDB)
 *   DIR/checkpoints/ID/db/     a retained checkpoint: a store as of its epoch
 *   DIR/checkpoints/ID/checkpoint.properties
 *   DIR/db.before-restore/     the store a restore replaced (kept until the next restore)
 * </pre>
 *
 * <p>A checkpoint directory, and a directory a checkpoint is exported to, is itself a data
 * directory: a server started on it opens its {@code db}.
 */
public final class DataDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
  static final String STORE = "db";
  static final String CHECKPOINTS = "checkpoints";
  private static final String RESTORING = "db.restoring";
  private static final String RESTORING_TMP = "db.restoring.tmp";
  private static final String BEFORE_RESTORE = "db.before-restore";
  private static final String LEGACY_MOVING = "db.moving";

  private DataDirectory() {}

  /** Where the store of a data directory lives; finishes an interrupted restore first. */
  public static Path store(Path dataDir) {
    Path store = dataDir.resolve(STORE);
    try {
      deleteTree(dataDir.resolve(RESTORING_TMP));
      if (!Files.exists(store) && (Files.isRegularFile(dataDir.resolve("CURRENT"))
          || Files.isDirectory(dataDir.resolve(LEGACY_MOVING)))) {
        moveLegacyStore(dataDir, store);
      }
      Path restoring = dataDir.resolve(RESTORING);
      if (Files.isDirectory(restoring)) {
        if (Files.exists(store)) {
          // The restore stopped before it replaced the store: the old store stays.
          deleteTree(restoring);
        } else {
          Files.move(restoring, store, StandardCopyOption.ATOMIC_MOVE);
          syncDirectory(dataDir);
          LOG.info("finished an interrupted restore of {}", dataDir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return store;
  }

  /**
   * Data directories made before checkpoints existed hold the store's files at the top: they
   * move into {@code db} by renames; a move interrupted by a crash goes on at the next open.
   */
  private static void moveLegacyStore(Path dataDir, Path store) throws IOException {
    Path tmp = dataDir.resolve(LEGACY_MOVING);
    Files.createDirectories(tmp);
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dataDir)) {
      for (Path p : ds) {
        if (Files.isRegularFile(p)) {
          Files.move(p, tmp.resolve(p.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
        }
      }
    }
    Files.move(tmp, store, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(dataDir);
    LOG.info("moved the store of {} into {}", dataDir, store);
  }

  /** Where the checkpoints of a data directory are kept. */
  public static Path checkpoints(Path dataDir) {
    return dataDir.resolve(CHECKPOINTS);
  }

  /**
   * Replaces the store of a data directory with a copy of one of its retained checkpoints,
   * before the database opens. The replaced store is kept as {@code db.before-restore} until
   * the next restore. Crash-safe: the store is swapped by renames, and an interrupted restore
   * either finishes or leaves the old store in place when the directory is next opened.
   */
  public static void restore(Path dataDir, long checkpointId) {
    Path source = checkpoints(dataDir).resolve(Long.toString(checkpointId));
    if (!Files.isRegularFile(source.resolve(Checkpoints.PROPERTIES))) {
      throw new SluiceException(SqlState.UNDEFINED_OBJECT, "there is no completed checkpoint "
          + checkpointId + " in " + checkpoints(dataDir) + "; retained: "
          + Checkpoints.retainedIds(checkpoints(dataDir)));
    }
    try {
      store(dataDir);
      Path tmp = dataDir.resolve(RESTORING_TMP);
      deleteTree(tmp);
      copyStore(source.resolve(STORE), tmp);
      Files.move(tmp, dataDir.resolve(RESTORING), StandardCopyOption.ATOMIC_MOVE);
      Path before = dataDir.resolve(BEFORE_RESTORE);
      deleteTree(before);
      Path live = dataDir.resolve(STORE);
      if (Files.exists(live)) {
        Files.move(live, before, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(dataDir.resolve(RESTORING), live, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(dataDir);
    } catch (IOException e) {
      throw new SluiceException(SqlState.IO_ERROR, "cannot restore checkpoint " + checkpointId
          + ": " + Checkpoints.describe(e), e);
    }
    LOG.info("restored checkpoint {} into {}; the store it replaced is in {}", checkpointId,
        dataDir.resolve(STORE), dataDir.resolve(BEFORE_RESTORE));
  }

  /**
   * Copies a store's files into a new directory: table files (immutable once written) as hard
   * links where the file system allows, everything else as fsynced copies, so that the copy
   * never shares a file that is written again.
   */
  static void copyStore(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.createDirectory(to);
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(from)) {
      for (Path p : ds) {
        if (Files.isRegularFile(p)) {
          files.add(p);
        }
      }
    }
    for (Path p : files) {
      Path target = to.resolve(p.getFileName().toString());
      if (p.getFileName().toString().endsWith(".sst") && tryLink(target, p)) {
        continue;
      }
      Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
      try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
    }
    syncDirectory(to);
  }

  private static boolean tryLink(Path link, Path existing) throws IOException {
    try {
      Files.createLink(link, existing);
      return true;
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Deletes a directory and everything in it, if it exists. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Makes a directory's entries (new, renamed, deleted files) durable. */
  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}

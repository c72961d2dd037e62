package io.sluice.server.cli;

import io.sluice.common.error.SluiceException;
import io.sluice.server.Database;
import io.sluice.server.SystemSettings;
import io.sluice.server.DatabaseConfig;
import io.sluice.server.streams.ContinuousQueries;
import io.sluice.server.Version;
import io.sluice.server.avatica.AvaticaEndpoint;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sluice}: the SQL shell on an embedded database by default, {@code sluice server} for
 * the JDBC endpoint, {@code sluice shell --url ...} for a shell on a remote server.
 */
@Command(name = "sluice", mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Sluice, a SQL-first streaming database. Without a command: the SQL shell on "
        + "an embedded database.",
    subcommands = {Main.ServerCommand.class, Main.ShellCommand.class})
public final class Main implements Callable<Integer> {
  /** The default data directory, relative to the working directory. */
  static final String DEFAULT_DATA_DIR = "sluice-data";

  @Mixin
  ShellOptions shell = new ShellOptions();

  /** Options of the shell, shared by {@code sluice} and {@code sluice shell}. */
  static final class ShellOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "Data directory of the embedded database (default: ./" + DEFAULT_DATA_DIR
            + ").")
    Path dataDir;

    @Option(names = "--url", paramLabel = "URL",
        description = "Connect to this JDBC URL instead, e.g. jdbc:sluice://localhost:8765.")
    String url;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
        description = "Run the statements in FILE and exit (non-zero on the first error).")
    Path file;

    @Option(names = {"-e", "--execute"}, paramLabel = "SQL",
        description = "Run these statements and exit (non-zero on the first error).")
    String execute;
  }

  @Override
  public Integer call() throws Exception {
    return runShell(shell);
  }

  static int runShell(ShellOptions o) throws Exception {
    String url = o.url != null ? o.url : "jdbc:sluice:embedded:"
        + (o.dataDir != null ? o.dataDir : Path.of(DEFAULT_DATA_DIR)).toAbsolutePath();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    try (Connection c = DriverManager.getConnection(url)) {
      Shell shell = new Shell(c, out, err);
      if (o.file != null) {
        return shell.runScript(Files.readString(o.file));
      }
      if (o.execute != null) {
        return shell.runScript(o.execute);
      }
      if (System.console() == null) {
        return shell.runScript(new String(System.in.readAllBytes(), StandardCharsets.UTF_8));
      }
      shell.interactive("Sluice " + Version.VERSION + " connected to " + url);
      return 0;
    } catch (SQLException e) {
      err.println("cannot connect to " + url + ": " + e.getMessage());
      return 2;
    }
  }

  /** {@code sluice shell}. */
  @Command(name = "shell", mixinStandardHelpOptions = true,
      description = "The SQL shell, on an embedded database or a server (--url).")
  static final class ShellCommand implements Callable<Integer> {
    @Mixin
    ShellOptions options = new ShellOptions();

    @Override
    public Integer call() throws Exception {
      return runShell(options);
    }
  }

  /** {@code sluice server}. */
  @Command(name = "server", mixinStandardHelpOptions = true,
      description = "Serve a database over JDBC (Avatica, protobuf over HTTP) until SIGTERM.")
  static final class ServerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8765", paramLabel = "PORT",
        description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "Data directory (default: ./" + DEFAULT_DATA_DIR + ").")
    Path dataDir;

    @Option(names = "--no-fsync",
        description = "Acknowledge writes before they are fsynced: faster, and still safe "
            + "against a process crash, but not against losing power.")
    boolean noFsync;

    @Option(names = "--barrier-interval", paramLabel = "MILLIS",
        defaultValue = "" + DatabaseConfig.DEFAULT_BARRIER_INTERVAL_MILLIS,
        description = "Time between epochs of materialized views, in milliseconds "
            + "(default: ${DEFAULT-VALUE}); a read of a view cuts one at once.")
    long barrierIntervalMillis;

    @Option(names = "--workers", paramLabel = "N",
        description = "Threads that run materialized views; each view's keyed operators are "
            + "partitioned N ways (default: one per core).")
    Integer workers;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION",
        description = "Time between periodic checkpoints, e.g. 30s, 5min; 0 turns them off "
            + "(default: ALTER SYSTEM's value, else 1min).")
    String checkpointInterval;

    @Option(names = "--checkpoint-retain", paramLabel = "N",
        description = "How many completed checkpoints to keep (default: ALTER SYSTEM's value, "
            + "else 3).")
    String checkpointRetain;

    @Option(names = "--restore-checkpoint", paramLabel = "ID",
        description = "Before opening, replace the database with retained checkpoint ID (SHOW "
            + "CHECKPOINTS lists them); the replaced store is kept in DIR/db.before-restore.")
    Long restoreCheckpoint;

    @Option(names = "--cache-size", paramLabel = "SIZE",
        description = "RocksDB's block cache, native memory outside the Java heap, e.g. 512MB, "
            + "2GB (default: 256MB). Views whose state outgrows it read from disk.")
    String cacheSize;

    @Option(names = "--stream-idle-timeout", paramLabel = "SECONDS",
        defaultValue = "" + ContinuousQueries.DEFAULT_IDLE_TIMEOUT_MILLIS / 1000,
        description = "A SELECT STREAM whose client has not fetched for this long is ended "
            + "and freed (default: ${DEFAULT-VALUE}).")
    long streamIdleTimeoutSeconds;

    @Option(names = "--stream-poll-wait", paramLabel = "MILLIS",
        defaultValue = "" + ContinuousQueries.DEFAULT_POLL_WAIT_MILLIS,
        description = "How long a fetch of a SELECT STREAM waits for rows before it returns "
            + "an empty frame (default: ${DEFAULT-VALUE}).")
    long streamPollWaitMillis;

    @Override
    public Integer call() throws Exception {
      Path dir = (dataDir != null ? dataDir : Path.of(DEFAULT_DATA_DIR)).toAbsolutePath();
      org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("io.sluice.server");
      if (barrierIntervalMillis < 1) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "--barrier-interval must be at least 1 ms");
      }
      if (workers != null && workers < 1) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "--workers must be at least 1");
      }
      if (streamIdleTimeoutSeconds < 1 || streamPollWaitMillis < 1) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "--stream-idle-timeout and --stream-poll-wait must be at least 1");
      }
      DatabaseConfig config = new DatabaseConfig(dir, !noFsync, barrierIntervalMillis,
          workers != null ? workers : Runtime.getRuntime().availableProcessors());
      config = setting(config, SystemSettings.CHECKPOINT_INTERVAL, checkpointInterval,
          "--checkpoint-interval");
      config = setting(config, SystemSettings.CHECKPOINT_RETAIN, checkpointRetain,
          "--checkpoint-retain");
      if (restoreCheckpoint != null) {
        config = config.withRestore(restoreCheckpoint);
      }
      if (cacheSize != null) {
        config = config.withCacheBytes(byteSize(cacheSize, "--cache-size"));
      }
      Database db;
      try {
        // Views restart while the endpoint starts; statements wait for them.
        db = Database.open(config, true);
      } catch (SluiceException e) {
        System.err.println("sluice: cannot open " + dir + ": " + e.getMessage());
        return 2;
      }
      db.streams().setIdleTimeoutMillis(streamIdleTimeoutSeconds * 1000);
      db.streams().setPollWaitMillis(streamPollWaitMillis);
      AvaticaEndpoint endpoint;
      try {
        endpoint = AvaticaEndpoint.start(db, port);
      } catch (RuntimeException e) {
        db.close();
        throw e;
      }
      CountDownLatch stopped = new CountDownLatch(1);
      // SIGTERM is the normal way to stop a server: exit with 0 rather than the JVM's 143.
      sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> System.exit(0));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        log.info("shutting down");
        endpoint.close();
        db.close();
        stopped.countDown();
      }, "sluice-shutdown"));
      log.info("Sluice {} listening on port {} (jdbc:sluice://localhost:{}), data directory {}",
          Version.VERSION, endpoint.port(), endpoint.port(), dir);
      stopped.await();
      return 0;
    }
  }

  private static DatabaseConfig setting(DatabaseConfig config, String name, String value,
      String flag) {
    if (value == null) {
      return config;
    }
    try {
      return config.withSetting(name, SystemSettings.check(name, value));
    } catch (SluiceException e) {
      throw new CommandLine.ParameterException(new CommandLine(new ServerCommand()),
          flag + ": " + e.getMessage());
    }
  }

  /** A size such as 512MB, 2GB or 1048576 (bytes), at least 1MB. */
  static long byteSize(String text, String flag) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("(?i)\\s*(\\d+)\\s*(b|kb|mb|gb|tb)?\\s*").matcher(text);
    long value = -1;
    if (m.matches()) {
      int shift = switch (m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT)) {
        case "kb" -> 10;
        case "mb" -> 20;
        case "gb" -> 30;
        case "tb" -> 40;
        default -> 0;
      };
      try {
        long n = Long.parseLong(m.group(1));
        value = n > (Long.MAX_VALUE >> shift) ? -1 : n << shift;
      } catch (NumberFormatException e) {
        value = -1;
      }
    }
    if (value < (1L << 20)) {
      throw new CommandLine.ParameterException(new CommandLine(new ServerCommand()),
          flag + ": expected a size of at least 1MB such as 512MB or 2GB, got '" + text + "'");
    }
    return value;
  }

  /** Reports the build's version. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"Sluice " + Version.VERSION};
    }
  }

  public static void main(String[] args) {
    boolean server = args.length > 0 && args[0].equals("server");
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", server ? "info" : "warn");
    }
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
    System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    int code = new CommandLine(new Main()).execute(args);
    if (!server) {
      System.exit(code);
    }
    if (code != 0) {
      System.exit(code);
    }
  }
}

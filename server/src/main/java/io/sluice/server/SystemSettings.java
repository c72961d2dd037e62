package io.sluice.server;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.Keyspace;
import io.sluice.storage.kv.RocksDbStore;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings of the whole database, changed with {@code ALTER SYSTEM SET} and read with SHOW.
 * A value comes from, in order of precedence: the server's command line (for this run), {@code
 * ALTER SYSTEM SET} (stored in the database, so it survives restarts), the default. {@code ALTER
 * SYSTEM SET} also changes the value in effect at once, even over a command-line value.
 * Thread-safe.
 */
public final class SystemSettings {
  /** Time between epochs of materialized views. */
  public static final String BARRIER_INTERVAL = "barrier.interval";
  /** Time between periodic checkpoints; 0 turns them off. */
  public static final String CHECKPOINT_INTERVAL = "checkpoint.interval";
  /** How many completed checkpoints are kept. */
  public static final String CHECKPOINT_RETAIN = "checkpoint.retain";
  /** How many times in a row a failed materialized view is restarted before it stays failed. */
  public static final String RESTART_ATTEMPTS = "view.restart.attempts";
  /** The wait before the first restart of a failed view; it doubles with each further one. */
  public static final String RESTART_DELAY = "view.restart.delay";

  private static final String KEY_PREFIX = "setting/";
  private static final Pattern DURATION =
      Pattern.compile("\\s*(\\d+)\\s*(ms|s|sec|m|min|h)?\\s*", Pattern.CASE_INSENSITIVE);

  private record Setting(String defaultValue, UnaryOperator<String> check, String description) {}

  private static final Map<String, Setting> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put(BARRIER_INTERVAL, new Setting("100ms", v -> checkDuration(BARRIER_INTERVAL, v, 1),
        "time between epochs of materialized views (a read of a view cuts one at once)"));
    KNOWN.put(CHECKPOINT_INTERVAL, new Setting("1min",
        v -> checkDuration(CHECKPOINT_INTERVAL, v, 0),
        "time between periodic checkpoints; 0 turns them off"));
    KNOWN.put(CHECKPOINT_RETAIN, new Setting("3", v -> checkCount(CHECKPOINT_RETAIN, v, 1),
        "how many completed checkpoints are kept; older ones are deleted"));
    KNOWN.put(RESTART_ATTEMPTS, new Setting("5", v -> checkCount(RESTART_ATTEMPTS, v, 0),
        "restarts of a failed materialized view, in a row, before it stays failed"));
    KNOWN.put(RESTART_DELAY, new Setting("1s", v -> checkDuration(RESTART_DELAY, v, 0),
        "wait before a failed materialized view restarts; doubles with each restart in a row"));
  }

  private final RocksDbStore store;
  private final Map<String, String> commandLine;
  private final Map<String, String> values = new ConcurrentHashMap<>();
  private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();

  /**
   * Reads the stored settings; {@code commandLine} values (already checked) take precedence.
   */
  public SystemSettings(RocksDbStore store, Map<String, String> commandLine) {
    this.store = store;
    this.commandLine = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : commandLine.entrySet()) {
      this.commandLine.put(e.getKey(), check(e.getKey(), e.getValue()));
    }
    for (String name : KNOWN.keySet()) {
      byte[] stored = store.get(Keyspace.META, key(name));
      String value = this.commandLine.get(name);
      if (value == null && stored != null) {
        value = new String(stored, StandardCharsets.UTF_8);
      }
      values.put(name, value != null ? value : KNOWN.get(name).defaultValue());
    }
  }

  /** Whether a name is a system setting. */
  public static boolean isSystemSetting(String name) {
    return KNOWN.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /** Checks a value of a setting and returns it in canonical form. */
  public static String check(String name, String value) {
    return setting(name).check().apply(value);
  }

  /** Calls {@code listener(name, value)} after each change. */
  public void onChange(BiConsumer<String, String> listener) {
    listeners.add(listener);
  }

  /** The value in effect. */
  public String get(String name) {
    setting(name);
    return values.get(name.toLowerCase(Locale.ROOT));
  }

  /** A duration setting in milliseconds. */
  public long millis(String name) {
    return parseMillis(get(name));
  }

  /** A count setting. */
  public int count(String name) {
    return Integer.parseInt(get(name));
  }

  /** {@code ALTER SYSTEM SET}: stores the value and puts it in effect. */
  public synchronized void set(String name, String value) {
    String n = name.toLowerCase(Locale.ROOT);
    String v = check(n, value);
    try (KvBatch batch = store.newBatch()) {
      batch.put(Keyspace.META, key(n), v.getBytes(StandardCharsets.UTF_8));
      store.commit(batch);
    }
    apply(n, v);
  }

  /**
   * {@code ALTER SYSTEM RESET}: forgets the stored value; the command-line value or the default
   * is in effect again.
   */
  public synchronized void reset(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    Setting s = setting(n);
    try (KvBatch batch = store.newBatch()) {
      batch.delete(Keyspace.META, key(n));
      store.commit(batch);
    }
    apply(n, commandLine.getOrDefault(n, s.defaultValue()));
  }

  private void apply(String name, String value) {
    values.put(name, value);
    for (BiConsumer<String, String> l : listeners) {
      l.accept(name, value);
    }
  }

  /** Every setting with its value and description, in a stable order. */
  public Map<String, String[]> all() {
    Map<String, String[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, Setting> e : KNOWN.entrySet()) {
      out.put(e.getKey(), new String[] {values.get(e.getKey()), e.getValue().description()});
    }
    return out;
  }

  /** Milliseconds of a duration such as {@code 250ms}, {@code 30s}, {@code 5min}, {@code 1h}. */
  public static long parseMillis(String value) {
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration: " + value);
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
    return switch (unit) {
      case "ms" -> n;
      case "s", "sec" -> n * 1000;
      case "m", "min" -> n * 60_000;
      case "h" -> n * 3_600_000;
      default -> throw new IllegalArgumentException("unknown unit " + unit);
    };
  }

  /** A duration in its shortest exact form: {@code 100ms}, {@code 30s}, {@code 5min}. */
  static String formatMillis(long millis) {
    if (millis == 0) {
      return "0";
    }
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "min";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }

  private static String checkDuration(String name, String value, long min) {
    long millis;
    try {
      if (!DURATION.matcher(value).matches() || value.trim().length() > 18) {
        throw new IllegalArgumentException();
      }
      millis = parseMillis(value);
    } catch (IllegalArgumentException e) {
      throw new SluiceException(SqlState.INVALID_PARAMETER_VALUE, name
          + " is a duration such as 500ms, 30s, 5min or 1h (a bare number is milliseconds),"
          + " not \"" + value + "\"");
    }
    if (millis < min) {
      throw new SluiceException(SqlState.INVALID_PARAMETER_VALUE,
          name + " must be at least " + formatMillis(min) + ", not \"" + value + "\"");
    }
    return formatMillis(millis);
  }

  private static String checkCount(String name, String value, int min) {
    int n;
    try {
      n = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new SluiceException(SqlState.INVALID_PARAMETER_VALUE,
          name + " is a whole number, not \"" + value + "\"");
    }
    if (n < min) {
      throw new SluiceException(SqlState.INVALID_PARAMETER_VALUE,
          name + " must be at least " + min + ", not " + n);
    }
    return Integer.toString(n);
  }

  private static Setting setting(String name) {
    Setting s = KNOWN.get(name.toLowerCase(Locale.ROOT));
    if (s == null) {
      throw new SluiceException(SqlState.UNDEFINED_OBJECT,
          "unrecognized system setting \"" + name + "\"; SHOW ALL lists the settings");
    }
    return s;
  }

  private static byte[] key(String name) {
    return (KEY_PREFIX + name).getBytes(StandardCharsets.UTF_8);
  }
}

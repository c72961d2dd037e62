package io.sluice.server;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.UnaryOperator;

/**
 * A session's settings, changed with SET and RESET and read with SHOW. Only known names are
 * accepted; each value is checked when set.
 */
public final class SessionOptions {
  /** The time zone CURRENT_TIMESTAMP and LOCALTIMESTAMP are computed in. */
  public static final String TIME_ZONE = "time_zone";
  /**
   * How queries read materialized views: {@code fresh} (every change acknowledged before the
   * query began) or {@code committed} (the last committed epoch, without waiting).
   */
  public static final String VIEW_READS = "view_reads";

  /** The most rows of changes a stream keeps for a client that has not fetched them. */
  public static final String STREAM_BUFFER_ROWS = "stream_buffer_rows";

  private record Option(String defaultValue, UnaryOperator<String> check, String description) {}

  private static final Map<String, Option> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put(TIME_ZONE, new Option(TimeZone.getDefault().getID(), SessionOptions::checkZone,
        "time zone of CURRENT_TIMESTAMP and LOCALTIMESTAMP"));
    KNOWN.put(VIEW_READS, new Option("fresh", SessionOptions::checkViewReads,
        "fresh: queries on materialized views see every write acknowledged before they began;"
            + " committed: they read the last committed epoch without waiting"));
    KNOWN.put(STREAM_BUFFER_ROWS, new Option("100000", SessionOptions::checkBufferRows,
        "rows of changes a SELECT STREAM keeps waiting for its client before it ends the"
            + " stream with an error (SQLSTATE 53400)"));
  }

  private final Map<String, String> values = new LinkedHashMap<>();

  /** Sets an option; an error for an unknown name or a bad value. */
  public void set(String name, String value) {
    Option o = option(name);
    values.put(name.toLowerCase(Locale.ROOT), o.check().apply(value));
  }

  /** Resets an option to its default. */
  public void reset(String name) {
    option(name);
    values.remove(name.toLowerCase(Locale.ROOT));
  }

  /** Resets every option. */
  public void resetAll() {
    values.clear();
  }

  /** The current value of an option. */
  public String get(String name) {
    Option o = option(name);
    return values.getOrDefault(name.toLowerCase(Locale.ROOT), o.defaultValue());
  }

  /** Every option with its value and description, in a stable order. */
  public Map<String, String[]> all() {
    Map<String, String[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, Option> e : KNOWN.entrySet()) {
      out.put(e.getKey(), new String[] {get(e.getKey()), e.getValue().description()});
    }
    return out;
  }

  /** The session time zone. */
  public TimeZone timeZone() {
    return TimeZone.getTimeZone(ZoneId.of(get(TIME_ZONE)));
  }

  private static Option option(String name) {
    Option o = KNOWN.get(name.toLowerCase(Locale.ROOT));
    if (o == null) {
      throw new SluiceException(SqlState.UNDEFINED_OBJECT,
          "unrecognized setting \"" + name + "\"; SHOW ALL lists the settings");
    }
    return o;
  }

  /** Whether queries on views wait for the epoch that covers every earlier write. */
  public boolean freshViewReads() {
    return get(VIEW_READS).equals("fresh");
  }

  private static String checkViewReads(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (!v.equals("fresh") && !v.equals("committed")) {
      throw new SluiceException(SqlState.INVALID_PARAMETER_VALUE,
          "view_reads is fresh or committed, not \"" + value + "\"");
    }
    return v;
  }

  /** The buffer limit of streams this session starts. */
  public long streamBufferRows() {
    return Long.parseLong(get(STREAM_BUFFER_ROWS));
  }

  private static String checkBufferRows(String value) {
    try {
      long n = Long.parseLong(value.trim());
      if (n >= 1) {
        return Long.toString(n);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new SluiceException(SqlState.INVALID_PARAMETER_VALUE,
        "stream_buffer_rows is a number of rows, at least 1, not \"" + value + "\"");
  }

  private static String checkZone(String value) {
    try {
      return ZoneId.of(value).getId();
    } catch (DateTimeException e) {
      throw new SluiceException(SqlState.INVALID_PARAMETER_VALUE,
          "invalid time zone \"" + value + "\"");
    }
  }
}

package io.sluice.executor.codegen;

import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The data context of one statement execution, as Calcite's generated code expects it:
 * parameter values under {@code ?0, ?1, ...} in internal representation, the statement's
 * start time (fixed for the whole statement, as SQL requires of CURRENT_TIMESTAMP), the time
 * zone, and a cancel flag.
 */
public final class QueryContext implements DataContext {
  private final Object[] parameters;
  private final long utcMillis;
  private final TimeZone timeZone;
  private final AtomicBoolean cancelled;

  public QueryContext(List<?> parameters, long utcMillis, TimeZone timeZone,
      AtomicBoolean cancelled) {
    this.parameters = parameters.toArray();
    this.utcMillis = utcMillis;
    this.timeZone = timeZone;
    this.cancelled = cancelled;
  }

  /** A context without parameters, at the current time, in the JVM's time zone. */
  public static QueryContext now() {
    return new QueryContext(List.of(), System.currentTimeMillis(), TimeZone.getDefault(),
        new AtomicBoolean());
  }

  /** Whether the statement has been cancelled. */
  public boolean isCancelled() {
    return cancelled.get();
  }

  /** The cancel flag. */
  public AtomicBoolean cancelFlag() {
    return cancelled;
  }

  @Override
  public SchemaPlus getRootSchema() {
    return null;
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return null;
  }

  @Override
  public QueryProvider getQueryProvider() {
    return null;
  }

  @Override
  public Object get(String name) {
    if (name.startsWith("?")) {
      int i = Integer.parseInt(name.substring(1));
      return i < parameters.length ? parameters[i] : null;
    }
    long offset = timeZone.getOffset(utcMillis);
    if (Variable.UTC_TIMESTAMP.camelName.equals(name)) {
      return utcMillis;
    }
    if (Variable.CURRENT_TIMESTAMP.camelName.equals(name)
        || Variable.LOCAL_TIMESTAMP.camelName.equals(name)) {
      return utcMillis + offset;
    }
    if (Variable.TIME_ZONE.camelName.equals(name)) {
      return timeZone;
    }
    if (Variable.CANCEL_FLAG.camelName.equals(name)) {
      return cancelled;
    }
    if (Variable.USER.camelName.equals(name) || Variable.SYSTEM_USER.camelName.equals(name)) {
      return "sluice";
    }
    if (Variable.LOCALE.camelName.equals(name)) {
      return java.util.Locale.ROOT;
    }
    return null;
  }
}

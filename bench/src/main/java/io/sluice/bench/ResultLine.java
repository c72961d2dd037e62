package io.sluice.bench;

import java.util.Locale;

/**
 * One line of {@code key=value} pairs after a tag and a name, e.g. {@code RESULT insert rows=10
 * rows_per_s=123}: stable, greppable and easy to split. Values never contain spaces.
 */
final class ResultLine {
  private final StringBuilder text;

  ResultLine(String tag, String name) {
    text = new StringBuilder(tag).append(' ').append(name);
  }

  ResultLine add(String key, Object value) {
    text.append(' ').append(key).append('=').append(String.valueOf(value).replace(' ', '_'));
    return this;
  }

  /** Adds a number with a fixed count of decimals; NaN is written as {@code nan}. */
  ResultLine add(String key, double value, int decimals) {
    String v = Double.isNaN(value) ? "nan"
        : String.format(Locale.ROOT, "%." + decimals + "f", value);
    return add(key, v);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}

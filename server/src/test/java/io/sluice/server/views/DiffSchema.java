package io.sluice.server.views;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The tables of the differential test and the random values that fill them. The shape is the
 * one {@link QueryPool} is written against; a seed chooses the column types that may vary (the
 * join keys' integer widths, the decimal scale, string lengths, whether t3.b allows NULL), how
 * often values are NULL and how small the value domains are, so that some seeds make large
 * groups and many join matches and others sparse ones.
 */
final class DiffSchema {
  /** Strings the s and q columns draw from: case, prefixes and the empty string matter. */
  private static final List<String> STRINGS = List.of("a", "b", "ab", "B", "", "ba", "abc");
  private static final List<String> DECIMALS =
      List.of("-1.5", "0", "0.25", "1", "2.75", "10", "1.1");
  private static final List<String> DOUBLES =
      List.of("-0.5", "0", "0.1", "1.25", "2.5", "1000", "3");
  private static final List<String> BIGINTS =
      List.of("0", "1", "2", "-5", "3000000000", "-3000000000");
  private static final List<String> DATES =
      List.of("2024-01-01", "2024-02-29", "2023-12-31", "1999-01-15");
  /** The t3 key's second column: values that also occur in t2.s, and ones that do not. */
  static final List<String> Q_VALUES = List.of("a", "b", "ab", "x");
  /** t3's first key column is below this. */
  static final int P_LIMIT = 12;
  /** t1's key is below this. */
  static final int ID_LIMIT = 300;

  private final Random random;
  private final String t2KeyType;
  private final String t3KeyType;
  private final int decimalScale;
  private final int stringLength;
  private final boolean t3bNullable;
  private final double nullRate;
  private final int intMax;
  private final List<String> strings;

  DiffSchema(Random random) {
    this.random = random;
    this.t2KeyType = pick(List.of("INTEGER", "BIGINT"));
    this.t3KeyType = pick(List.of("SMALLINT", "INTEGER", "BIGINT"));
    this.decimalScale = 2 + random.nextInt(2);
    this.stringLength = 4 + random.nextInt(12);
    this.t3bNullable = random.nextBoolean();
    this.nullRate = 0.1 + 0.3 * random.nextDouble();
    this.intMax = 2 + random.nextInt(4);
    List<String> s = new ArrayList<>(STRINGS);
    Collections.shuffle(s, random);
    this.strings = List.copyOf(s.subList(0, 3 + random.nextInt(STRINGS.size() - 2)));
  }

  /** The CREATE TABLE statements, the same text for Sluice and H2. */
  List<String> ddl() {
    String dec = "DECIMAL(" + (6 + decimalScale) + ", " + decimalScale + ")";
    String str = "VARCHAR(" + stringLength + ")";
    return List.of(
        "CREATE TABLE t1 (id INTEGER PRIMARY KEY, a INTEGER, b BIGINT, s " + str + ", d " + dec
            + ", x DOUBLE, f BOOLEAN, dt DATE)",
        "CREATE TABLE t2 (k " + t2KeyType + ", a INTEGER, s " + str + ", d " + dec
            + ", f BOOLEAN, dt DATE)",
        "CREATE TABLE t3 (p INTEGER NOT NULL, q VARCHAR(4) NOT NULL, k " + t3KeyType
            + ", b BIGINT" + (t3bNullable ? "" : " NOT NULL") + ", x DOUBLE, PRIMARY KEY (p, q))");
  }

  /** What the seed chose, for failure messages. */
  String describe() {
    return "t2.k " + t2KeyType + ", t3.k " + t3KeyType + ", decimal scale " + decimalScale
        + ", varchar(" + stringLength + "), t3.b " + (t3bNullable ? "nullable" : "NOT NULL")
        + ", NULL rate " + Math.round(nullRate * 100) + "%, integers -1.." + intMax
        + ", strings " + strings;
  }

  boolean t3bNullable() {
    return t3bNullable;
  }

  // ---- values, as SQL literals

  String intValue() {
    return orNull(String.valueOf(smallInt()));
  }

  /** An integer of the small domain, never NULL. */
  int smallInt() {
    return -1 + random.nextInt(intMax + 2);
  }

  String bigintValue() {
    return orNull(pick(BIGINTS));
  }

  String bigintNotNull() {
    return pick(BIGINTS);
  }

  String stringValue() {
    return orNull(stringNotNull());
  }

  String stringNotNull() {
    return "'" + pick(strings) + "'";
  }

  String decimalValue() {
    return orNull(pick(DECIMALS));
  }

  String doubleValue() {
    return orNull(pick(DOUBLES));
  }

  String boolValue() {
    return orNull(random.nextBoolean() ? "TRUE" : "FALSE");
  }

  String dateValue() {
    return orNull("DATE '" + pick(DATES) + "'");
  }

  String qValue() {
    return "'" + pick(Q_VALUES) + "'";
  }

  /** A t1 row (id, a, b, s, d, x, f, dt). */
  String t1Row(int id) {
    return "(" + id + ", " + intValue() + ", " + bigintValue() + ", " + stringValue() + ", "
        + decimalValue() + ", " + doubleValue() + ", " + boolValue() + ", " + dateValue() + ")";
  }

  /** A t2 row (k, a, s, d, f, dt). */
  String t2Row() {
    return "(" + intValue() + ", " + intValue() + ", " + stringValue() + ", " + decimalValue()
        + ", " + boolValue() + ", " + dateValue() + ")";
  }

  /** A t3 row (p, q, k, b, x). */
  String t3Row(int p, String q) {
    return "(" + p + ", '" + q + "', " + intValue() + ", "
        + (t3bNullable ? bigintValue() : bigintNotNull()) + ", " + doubleValue() + ")";
  }

  // ---- predicates for UPDATE and DELETE

  String t1Predicate() {
    return combine(this::t1Atom);
  }

  String t2Predicate() {
    return combine(this::t2Atom);
  }

  String t3Predicate() {
    return combine(this::t3Atom);
  }

  private String t1Atom() {
    return switch (random.nextInt(11)) {
      case 0 -> "a = " + smallInt();
      case 1 -> "a IS NULL";
      case 2 -> "a >= " + smallInt();
      case 3 -> "s = " + stringNotNull();
      case 4 -> "s IS NULL";
      case 5 -> random.nextBoolean() ? "f" : "NOT f";
      case 6 -> "f IS NULL";
      case 7 -> "d > " + pick(DECIMALS);
      case 8 -> "MOD(id, 4) = " + random.nextInt(4);
      case 9 -> "dt = DATE '" + pick(DATES) + "'";
      default -> "b = " + pick(BIGINTS);
    };
  }

  private String t2Atom() {
    return switch (random.nextInt(9)) {
      case 0 -> "k = " + smallInt();
      case 1 -> "k IS NULL";
      case 2 -> "k < " + smallInt();
      case 3 -> "a = " + smallInt();
      case 4 -> "s = " + stringNotNull();
      case 5 -> "s IS NULL";
      case 6 -> random.nextBoolean() ? "f" : "f IS NOT TRUE";
      case 7 -> "d <= " + pick(DECIMALS);
      default -> "dt IS NULL";
    };
  }

  private String t3Atom() {
    return switch (random.nextInt(6)) {
      case 0 -> "p = " + random.nextInt(P_LIMIT);
      case 1 -> "q = " + qValue();
      case 2 -> "k = " + smallInt();
      case 3 -> "k IS NULL";
      case 4 -> "b > " + pick(BIGINTS);
      default -> "x IS NULL OR x < 1";
    };
  }

  private String combine(Supplier<String> atom) {
    return switch (random.nextInt(4)) {
      case 0 -> "(" + atom.get() + ") AND (" + atom.get() + ")";
      case 1 -> "(" + atom.get() + ") OR (" + atom.get() + ")";
      default -> atom.get();
    };
  }

  private String orNull(String literal) {
    return random.nextDouble() < nullRate ? "NULL" : literal;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  // ---- changes to values, for UPDATE ... SET

  /** A SET list for t1 that leaves the key alone (1 to 3 assignments, distinct columns). */
  String t1Assignments() {
    List<String> pool = new ArrayList<>(List.of(
        "a = " + intValue(), "a = a + 1", "a = a - 1", "s = " + stringValue(), "s = UPPER(s)",
        "d = " + decimalValue(), "d = -d", "x = " + doubleValue(), "f = NOT f",
        "dt = " + dateValue(), "b = " + bigintValue()));
    return assignments(pool);
  }

  /** A SET list for t2 (its k is what most joins and groups use). */
  String t2Assignments() {
    List<String> pool = new ArrayList<>(List.of(
        "k = " + intValue(), "k = k + 1", "a = " + intValue(), "s = " + stringValue(),
        "d = -d", "d = " + decimalValue(), "f = NOT f", "dt = " + dateValue()));
    return assignments(pool);
  }

  /** A SET list for t3 that leaves the key alone. */
  String t3Assignments() {
    List<String> pool = new ArrayList<>(List.of(
        "k = " + intValue(), "k = k - 1", "b = b + 1",
        "b = " + (t3bNullable ? bigintValue() : bigintNotNull()), "x = " + doubleValue()));
    return assignments(pool);
  }

  private String assignments(List<String> pool) {
    Collections.shuffle(pool, random);
    List<String> chosen = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (String a : pool) {
      String column = a.substring(0, a.indexOf(' '));
      if (!columns.contains(column)) {
        columns.add(column);
        chosen.add(a);
      }
      if (chosen.size() == n) {
        break;
      }
    }
    return String.join(", ", chosen);
  }
}

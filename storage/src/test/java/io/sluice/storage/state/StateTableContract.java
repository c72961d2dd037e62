package io.sluice.storage.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.common.types.DataType;
import io.sluice.common.types.TypeKind;
import io.sluice.common.types.Values;
import io.sluice.storage.codec.KeyCodec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link StateBackend} keeps, whatever it stores in: get/put/delete with SQL
 * key equality, scans over key prefixes in the order of the {@link KeyCodec} encoding (forward
 * and descending), clearing, and isolation between tables. A backend's test class extends this
 * one and says how to make the backend.
 *
 * <p>Keys and values are compared by SQL equality ({@link Values#equal}), since a backend that
 * decodes keys may restore a DECIMAL's declared scale.
 */
public abstract class StateTableContract {
  private static final DataType INT = DataType.of(TypeKind.INTEGER);
  private static final DataType TEXT = DataType.varchar(DataType.UNSPECIFIED);
  private static final DataType BIG = DataType.of(TypeKind.BIGINT);

  private StateBackend backend;
  private long nextId = 1;

  /** A new, empty backend; it is closed after each test. */
  protected abstract StateBackend newBackend();

  @BeforeEach
  void openBackend() {
    backend = newBackend();
  }

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  private StateTable table(List<KeyCodec.Column> key, List<DataType> value) {
    return backend.open(new StateTableSpec(nextId++, "t" + nextId, key, value));
  }

  private static KeyCodec.Column asc(DataType t) {
    return new KeyCodec.Column(t, false, false);
  }

  private static Object[] row(Object... values) {
    return values;
  }

  @Test
  void putGetReplaceDelete() {
    StateTable t = table(List.of(asc(INT), asc(TEXT)), List.of(BIG));
    assertNull(t.get(row(1, "a")));
    t.put(row(1, "a"), row(10L));
    t.put(row(1, "b"), row(20L));
    assertSqlEquals(row(10L), t.get(row(1, "a")));
    t.put(row(1, "a"), row(11L));
    assertSqlEquals(row(11L), t.get(row(1, "a")));
    t.delete(row(1, "a"));
    t.delete(row(2, "zz"));
    assertNull(t.get(row(1, "a")));
    assertSqlEquals(row(20L), t.get(row(1, "b")));
    assertEquals(1, t.estimatedSize());
  }

  @Test
  void sqlEqualKeysAreTheSameKey() {
    StateTable t = table(List.of(asc(DataType.decimal(10, 2)), asc(DataType.of(TypeKind.DOUBLE))),
        List.of(BIG));
    t.put(row(new BigDecimal("1.5"), -0.0d), row(1L));
    assertSqlEquals(row(1L), t.get(row(new BigDecimal("1.50"), 0.0d)));
    t.put(row(new BigDecimal("1.50"), 0.0d), row(2L));
    assertEquals(1, count(t.scan(row(), 0)));
  }

  @Test
  void nullKeyColumnsAreKeysLikeAnyOther() {
    StateTable t = table(List.of(asc(INT), asc(TEXT)), List.of(BIG));
    t.put(row(null, "a"), row(1L));
    t.put(row(null, null), row(2L));
    t.put(row(1, null), row(3L));
    assertSqlEquals(row(2L), t.get(row(null, null)));
    assertEquals(List.of("[null, null]", "[null, a]"), keys(t.scan(row((Object) null), 1)));
  }

  @Test
  void scansFollowKeyCodecOrderInBothDirections() {
    List<KeyCodec.Column> key = List.of(new KeyCodec.Column(TEXT, true, true),
        new KeyCodec.Column(INT, false, true), new KeyCodec.Column(DataType.decimal(8, 3), true,
            false), asc(DataType.of(TypeKind.DOUBLE)));
    StateTable t = table(key, List.of(BIG));
    KeyCodec codec = new KeyCodec(key);
    List<Object[]> keys = randomKeys(new Random(5), 300);
    for (Object[] k : keys) {
      t.put(k.clone(), row(1L));
    }
    List<Object[]> distinct = new ArrayList<>();
    keys.stream().sorted(Comparator.comparing(codec::encode, Arrays::compareUnsigned))
        .forEach(k -> {
          if (distinct.isEmpty()
              || !Arrays.equals(codec.encode(distinct.get(distinct.size() - 1)), codec.encode(k))) {
            distinct.add(k);
          }
        });
    assertKeys(distinct, t.scan(row(), 0));
    List<Object[]> reversed = new ArrayList<>(distinct);
    Collections.reverse(reversed);
    assertKeys(reversed, t.scanDescending(row(), 0));
    assertEquals(distinct.size(), t.estimatedSize());
  }

  @Test
  void prefixScansReturnExactlyTheKeysWithEqualLeadingColumns() {
    List<KeyCodec.Column> key = List.of(new KeyCodec.Column(TEXT, true, true),
        new KeyCodec.Column(INT, false, true), new KeyCodec.Column(DataType.decimal(8, 3), true,
            false), asc(DataType.of(TypeKind.DOUBLE)));
    StateTable t = table(key, List.of(BIG));
    KeyCodec codec = new KeyCodec(key);
    Random rnd = new Random(9);
    List<Object[]> keys = randomKeys(rnd, 300);
    for (Object[] k : keys) {
      t.put(k.clone(), row(1L));
    }
    for (int probe = 0; probe < 60; probe++) {
      Object[] prefix = keys.get(rnd.nextInt(keys.size()));
      for (int length = 1; length <= key.size(); length++) {
        int n = length;
        List<Object[]> expected = new ArrayList<>();
        keys.stream().filter(k -> sqlEqualPrefix(k, prefix, n))
            .sorted(Comparator.comparing(codec::encode, Arrays::compareUnsigned))
            .forEach(k -> {
              if (expected.isEmpty() || !Arrays.equals(
                  codec.encode(expected.get(expected.size() - 1)), codec.encode(k))) {
                expected.add(k);
              }
            });
        assertKeys(expected, t.scan(prefix, n));
        Collections.reverse(expected);
        assertKeys(expected, t.scanDescending(prefix, n));
      }
    }
  }

  /** A prefix scan for 'a' must not return a key whose first column is 'a' || CHR(0). */
  @Test
  void prefixScanDoesNotReturnLongerStringEndingInNul() {
    StateTable t = table(List.of(asc(TEXT), asc(INT)), List.of(BIG));
    t.put(row("a", 1), row(1L));
    t.put(row("a\u0000", 2), row(2L));
    t.put(row("ab", 3), row(3L));
    assertEquals(List.of("[a, 1]"), keys(t.scan(row("a"), 1)));
    assertEquals(List.of("[a, 1]"), keys(t.scanDescending(row("a"), 1)));
  }

  @Test
  void cursorsReturnWhatWasPut() {
    StateTable t = table(List.of(asc(INT)), List.of(TEXT, DataType.decimal(10, 2)));
    t.put(row(1), row("one", new BigDecimal("1.00")));
    t.put(row(2), row(null, new BigDecimal("-2.50")));
    try (StateCursor c = t.scan(row(), 0)) {
      assertTrue(c.next());
      assertSqlEquals(row(1), c.key());
      assertSqlEquals(row("one", new BigDecimal("1.00")), c.value());
      assertTrue(c.next());
      assertSqlEquals(row(null, new BigDecimal("-2.50")), c.value());
      assertFalse(c.next());
    }
  }

  @Test
  void clearEmptiesOnlyItsTable() {
    StateTable a = table(List.of(asc(INT)), List.of(BIG));
    StateTable b = table(List.of(asc(INT)), List.of(BIG));
    a.put(row(1), row(1L));
    b.put(row(1), row(2L));
    assertSqlEquals(row(1L), a.get(row(1)));
    a.clear();
    assertNull(a.get(row(1)));
    assertEquals(0, count(a.scan(row(), 0)));
    assertSqlEquals(row(2L), b.get(row(1)));
  }

  private static List<Object[]> randomKeys(Random rnd, int n) {
    List<Object[]> keys = new ArrayList<>();
    List<String> texts = List.of("", "a", "ab", "b", "\u00E9", "\u4E2D");
    List<Double> doubles = List.of(-1.5, -0.0, 0.0, 2.0, Double.NaN, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      keys.add(row(
          rnd.nextInt(6) == 0 ? null : texts.get(rnd.nextInt(texts.size())),
          rnd.nextInt(6) == 0 ? null : rnd.nextInt(5) - 2,
          rnd.nextInt(6) == 0 ? null : BigDecimal.valueOf(rnd.nextInt(7) - 3, rnd.nextInt(3)),
          rnd.nextInt(6) == 0 ? null : doubles.get(rnd.nextInt(doubles.size()))));
    }
    return keys;
  }

  private static boolean sqlEqualPrefix(Object[] a, Object[] b, int n) {
    for (int i = 0; i < n; i++) {
      if (!Values.equal(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }

  @Test
  void writeOnlyTablesTakeWritesAndRefuseReads() {
    StateTable t = backend.open(new StateTableSpec(nextId++, "blind", List.of(asc(INT)),
        List.of(BIG), true));
    t.put(row(1), row(10L));
    t.put(row(1), row(11L));
    t.delete(row(2));
    assertThrows(UnsupportedOperationException.class, () -> t.get(row(1)));
    assertThrows(UnsupportedOperationException.class, () -> t.scan(row(), 0));
    assertThrows(UnsupportedOperationException.class, () -> t.scanDescending(row(), 0));
    assertThrows(UnsupportedOperationException.class, t::estimatedSize);
  }

  private static void assertSqlEquals(Object[] expected, Object[] actual) {
    assertEquals(expected.length, actual.length, Arrays.toString(actual));
    for (int i = 0; i < expected.length; i++) {
      if (!Values.equal(expected[i], actual[i])) {
        assertArrayEquals(expected, actual);
      }
    }
  }

  private static void assertKeys(List<Object[]> expected, StateCursor cursor) {
    List<Object[]> actual = new ArrayList<>();
    try (cursor) {
      while (cursor.next()) {
        actual.add(cursor.key());
      }
    }
    assertEquals(expected.size(), actual.size(),
        () -> "expected " + show(expected) + " but got " + show(actual));
    for (int i = 0; i < expected.size(); i++) {
      if (!sqlEqualPrefix(expected.get(i), actual.get(i), expected.get(i).length)) {
        assertEquals(show(expected), show(actual));
      }
    }
  }

  /** The keys of a cursor as text, with U+0000 shown as a Java escape. */
  private static List<String> keys(StateCursor cursor) {
    List<String> out = new ArrayList<>();
    try (cursor) {
      while (cursor.next()) {
        out.add(Arrays.toString(cursor.key()).replace("\0", "\\u0000"));
      }
    }
    return out;
  }

  private static int count(StateCursor cursor) {
    return keys(cursor).size();
  }

  private static String show(List<Object[]> keys) {
    return keys.stream().map(Arrays::toString).toList().toString();
  }
}

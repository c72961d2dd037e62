package io.sluice.storage.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sluice.common.types.DataType;
import io.sluice.common.types.TypeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests of {@link KeyCodec} over every key type, both directions and both null
 * placements, with seeded random keys: (a) decoding inverts encoding, (b) unsigned byte order of
 * encodings is the SQL order of the keys (compared by {@link SqlValues}, not by the codec), and
 * (c) the first {@code k} columns encode to a byte prefix of the whole key, shared exactly by the
 * keys whose first {@code k} columns are equal (what prefix scans over state rely on).
 *
 * <p>Each tested column is followed by a nullable INTEGER column, so that column boundaries (the
 * next column's marker byte) are exercised too.
 */
class KeyCodecPropertyTest {
  private static final List<DataType> TYPES = List.of(
      DataType.of(TypeKind.BOOLEAN), DataType.of(TypeKind.TINYINT),
      DataType.of(TypeKind.SMALLINT), DataType.of(TypeKind.INTEGER),
      DataType.of(TypeKind.BIGINT), DataType.decimal(38, 10), DataType.decimal(5, 0),
      DataType.decimal(12, 4), DataType.of(TypeKind.REAL), DataType.of(TypeKind.DOUBLE),
      DataType.character(3), DataType.varchar(DataType.UNSPECIFIED),
      DataType.of(TypeKind.DATE), DataType.of(TypeKind.TIME), DataType.of(TypeKind.TIMESTAMP));

  private static final KeyCodec.Column TRAILING =
      new KeyCodec.Column(DataType.of(TypeKind.INTEGER), false, false);

  static Stream<Arguments> columns() {
    List<Arguments> out = new ArrayList<>();
    for (DataType t : TYPES) {
      for (boolean descending : new boolean[] {false, true}) {
        for (boolean nullsLast : new boolean[] {false, true}) {
          String name = t.typeName() + (descending ? " DESC" : " ASC")
              + (nullsLast ? " NULLS LAST" : " NULLS FIRST");
          out.add(Arguments.of(Named.of(name, new KeyCodec.Column(t, descending, nullsLast))));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("columns")
  void decodeInvertsEncode(KeyCodec.Column column) {
    checkRoundTrip(List.of(column, TRAILING), keys(List.of(column, TRAILING), seed(column), 500));
    checkRoundTrip(List.of(column), keys(List.of(column), seed(column), 500));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("columns")
  void byteOrderIsSqlOrder(KeyCodec.Column column) {
    List<KeyCodec.Column> cols = List.of(column, TRAILING);
    checkOrder(cols, keys(cols, seed(column), 150));
    checkOrder(List.of(column), keys(List.of(column), seed(column), 150));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("columns")
  void leadingColumnsEncodeToSharedBytePrefix(KeyCodec.Column column) {
    List<KeyCodec.Column> cols = List.of(column, TRAILING);
    checkPrefixes(cols, keys(cols, seed(column), 150));
  }

  @Test
  void mixedKeysOfUpToFourColumns() {
    Random rnd = new Random(20240611L);
    for (int schema = 0; schema < 150; schema++) {
      List<KeyCodec.Column> cols = new ArrayList<>();
      int arity = 1 + rnd.nextInt(4);
      for (int i = 0; i < arity; i++) {
        cols.add(new KeyCodec.Column(TYPES.get(rnd.nextInt(TYPES.size())), rnd.nextBoolean(),
            rnd.nextBoolean()));
      }
      List<Object[]> keys = keys(cols, rnd.nextLong(), 60);
      checkRoundTrip(cols, keys);
      checkOrder(cols, keys);
      checkPrefixes(cols, keys);
    }
  }

  private static long seed(KeyCodec.Column c) {
    return 31L * c.type().toString().hashCode() + (c.descending() ? 2 : 0)
        + (c.nullsLast() ? 1 : 0);
  }

  private static List<Object[]> keys(List<KeyCodec.Column> cols, long seed, int count) {
    Random rnd = new Random(seed);
    List<Object[]> keys = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      Object[] key = new Object[cols.size()];
      for (int i = 0; i < key.length; i++) {
        key[i] = SqlValues.randomNullable(rnd, cols.get(i).type());
      }
      keys.add(key);
    }
    return keys;
  }

  /** (a): every key decodes to an equal key of the internal classes, DECIMALs at their scale. */
  private static void checkRoundTrip(List<KeyCodec.Column> cols, List<Object[]> keys) {
    KeyCodec codec = new KeyCodec(cols);
    for (Object[] key : keys) {
      Object[] decoded;
      try {
        decoded = codec.decode(codec.encode(key));
      } catch (RuntimeException e) {
        throw new AssertionError("decoding the encoding of " + SqlValues.show(key) + " under "
            + cols + " failed", e);
      }
      String where = SqlValues.show(key) + " decoded as " + SqlValues.show(decoded) + " under "
          + cols;
      for (int i = 0; i < key.length; i++) {
        DataType type = cols.get(i).type();
        if (key[i] == null) {
          assertNull(decoded[i], where);
          continue;
        }
        assertEquals(type.kind().internalClass(), decoded[i].getClass(), where);
        assertEquals(0, SqlValues.compare(type.kind(), key[i], decoded[i]), where);
        if (type.kind() == TypeKind.DECIMAL) {
          assertEquals(type.scale(), ((BigDecimal) decoded[i]).scale(), where);
        }
      }
    }
  }

  /** (b): for every pair, unsigned byte comparison has the sign of the SQL comparison. */
  private static void checkOrder(List<KeyCodec.Column> cols, List<Object[]> keys) {
    KeyCodec codec = new KeyCodec(cols);
    List<byte[]> encoded = keys.stream().map(codec::encode).toList();
    for (int i = 0; i < keys.size(); i++) {
      for (int j = 0; j < keys.size(); j++) {
        int expected = Integer.signum(SqlValues.compareKeys(cols, keys.get(i), keys.get(j),
            cols.size()));
        int actual = Integer.signum(Arrays.compareUnsigned(encoded.get(i), encoded.get(j)));
        if (expected != actual) {
          fail("under " + cols + ", SQL says " + SqlValues.show(keys.get(i))
              + (expected < 0 ? " < " : expected > 0 ? " > " : " = ")
              + SqlValues.show(keys.get(j)) + " but the encodings compare " + actual);
        }
      }
    }
  }

  /**
   * (c): the encoding of the first {@code k} columns is a prefix of the whole encoding, and a
   * prefix of another key's encoding exactly when that key has equal first {@code k} columns.
   */
  private static void checkPrefixes(List<KeyCodec.Column> cols, List<Object[]> keys) {
    KeyCodec codec = new KeyCodec(cols);
    List<byte[]> encoded = keys.stream().map(codec::encode).toList();
    for (int count = 0; count <= cols.size(); count++) {
      for (int i = 0; i < keys.size(); i++) {
        ByteWriter w = new ByteWriter();
        codec.encodePrefixTo(w, keys.get(i), count);
        byte[] prefix = w.toByteArray();
        assertTrue(startsWith(encoded.get(i), prefix),
            "prefix of " + count + " columns of " + SqlValues.show(keys.get(i)));
        for (int j = 0; j < keys.size(); j++) {
          boolean equalColumns = SqlValues.compareKeys(cols, keys.get(i), keys.get(j), count) == 0;
          if (startsWith(encoded.get(j), prefix) != equalColumns) {
            fail("under " + cols + ", the encoding of the first " + count + " columns of "
                + SqlValues.show(keys.get(i)) + (equalColumns ? " is not" : " is")
                + " a prefix of the encoding of " + SqlValues.show(keys.get(j)));
          }
        }
      }
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }
}

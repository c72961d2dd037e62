package io.sluice.storage.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sluice.common.types.DataType;
import io.sluice.common.types.TypeKind;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Examples of {@link KeyCodec}'s documented rules, each a minimal case the property tests in
 * {@link KeyCodecPropertyTest} also cover: equal SQL values encode equally, NULL placement,
 * DECIMAL scale on decoding, and strings that contain {@code U+0000}.
 */
class KeyCodecTest {
  private static final DataType VARCHAR = DataType.varchar(DataType.UNSPECIFIED);
  private static final DataType INTEGER = DataType.of(TypeKind.INTEGER);

  private static KeyCodec codec(DataType type, boolean descending, boolean nullsLast) {
    return new KeyCodec(List.of(new KeyCodec.Column(type, descending, nullsLast)));
  }

  private static int compare(KeyCodec codec, Object[] a, Object[] b) {
    return Integer.signum(Arrays.compareUnsigned(codec.encode(a), codec.encode(b)));
  }

  @Test
  void equalSqlValuesEncodeEqually() {
    KeyCodec decimals = codec(DataType.decimal(10, 2), false, false);
    assertArrayEquals(decimals.encode(new Object[] {new BigDecimal("1.5")}),
        decimals.encode(new Object[] {new BigDecimal("1.50")}));
    KeyCodec doubles = codec(DataType.of(TypeKind.DOUBLE), true, false);
    assertArrayEquals(doubles.encode(new Object[] {-0.0d}), doubles.encode(new Object[] {0.0d}));
    KeyCodec reals = codec(DataType.of(TypeKind.REAL), false, true);
    assertArrayEquals(reals.encode(new Object[] {-0.0f}), reals.encode(new Object[] {0.0f}));
  }

  @Test
  void nanSortsAboveInfinity() {
    KeyCodec doubles = codec(DataType.of(TypeKind.DOUBLE), false, false);
    assertEquals(1, compare(doubles, new Object[] {Double.NaN},
        new Object[] {Double.POSITIVE_INFINITY}));
    assertEquals(-1, compare(doubles, new Object[] {Double.NEGATIVE_INFINITY},
        new Object[] {-Double.MAX_VALUE}));
  }

  @Test
  void nullPlacementDoesNotDependOnDirection() {
    for (boolean descending : new boolean[] {false, true}) {
      assertEquals(-1, compare(codec(INTEGER, descending, false), new Object[] {null},
          new Object[] {Integer.MIN_VALUE}));
      assertEquals(1, compare(codec(INTEGER, descending, true), new Object[] {null},
          new Object[] {Integer.MAX_VALUE}));
    }
  }

  @Test
  void decimalsDecodeAtTheDeclaredScale() {
    for (boolean descending : new boolean[] {false, true}) {
      KeyCodec c = codec(DataType.decimal(10, 2), descending, false);
      for (String v : new String[] {"1.5", "-1.5", "0", "1E+3", "-0.01"}) {
        BigDecimal decoded = (BigDecimal) c.decode(c.encode(new Object[] {new BigDecimal(v)}))[0];
        assertEquals(new BigDecimal(v).setScale(2), decoded, v);
      }
    }
  }

  /** SQL order puts 'a' before 'a' || CHR(0) (a proper prefix sorts first); DESC reverses it. */
  @Test
  void descendingStringWithTrailingNulSortsBeforeItsPrefix() {
    KeyCodec desc = codec(VARCHAR, true, false);
    assertEquals(-1, compare(desc, new Object[] {"a\u0000"}, new Object[] {"a"}));
    assertEquals(-1, compare(desc, new Object[] {"\u0000"}, new Object[] {""}));
  }

  /** The NULL marker of the next column must not be read as part of a descending string. */
  @Test
  void descendingStringFollowedByNullFirstColumnDecodes() {
    KeyCodec c = new KeyCodec(List.of(new KeyCodec.Column(VARCHAR, true, false),
        new KeyCodec.Column(INTEGER, false, false)));
    Object[] key = {"a", null};
    assertArrayEquals(key, c.decode(c.encode(key)));
  }

  /**
   * A prefix scan for 'a' covers the keys whose encoding starts with the encoding of 'a'; a key
   * starting with the different string 'a' || CHR(0) must not be among them.
   */
  @Test
  void stringPrefixIsNotSharedWithALongerStringEndingInNul() {
    KeyCodec c = new KeyCodec(List.of(new KeyCodec.Column(VARCHAR, false, false),
        new KeyCodec.Column(INTEGER, false, false)));
    ByteWriter prefix = new ByteWriter();
    c.encodePrefixTo(prefix, new Object[] {"a"}, 1);
    byte[] other = c.encode(new Object[] {"a\u0000", 1});
    assertFalse(Arrays.equals(other, 0, prefix.length(), prefix.toByteArray(), 0,
        prefix.length()), "encoding of ['a\\u0000', 1] starts with the encoding of ['a']");
  }
}

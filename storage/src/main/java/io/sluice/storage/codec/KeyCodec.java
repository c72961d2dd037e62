package io.sluice.storage.codec;

import io.sluice.common.types.DataType;
import io.sluice.common.types.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes keys (tuples of internal values) so that unsigned byte order equals SQL order.
 *
 * <p>Each column starts with a marker byte: {@code 0x01} for a value, and for NULL {@code 0x00}
 * (nulls first) or {@code 0x02} (nulls last). The value follows in a fixed-width or
 * self-terminating form, every byte flipped for a descending column. Because every column
 * delimits itself, the encoding of the first {@code k} columns is a prefix of the encoding of the
 * whole key, which is what prefix scans over state rely on.
 *
 * <p>Equal SQL values encode equally: {@code -0.0} as {@code 0.0}, {@code 1.50} as {@code 1.5}
 * (decoding restores the column's declared scale).
 *
 * <p>Strings are compared as UTF-8 bytes, which is Unicode code point order; this differs from
 * Java's {@code String.compareTo} only for characters outside the Basic Multilingual Plane. A
 * zero byte inside a string is written {@code 00 FF} and the string ends with {@code 00 01}, so
 * no string's encoding is a prefix of another's (prefix scans on {@code 'a'} never find
 * {@code 'a\0'}) and a shorter string sorts before its extensions.
 */
public final class KeyCodec {
  private static final int NULL_FIRST = 0x00;
  private static final int PRESENT = 0x01;
  private static final int NULL_LAST = 0x02;

  /**
   * One key column.
   *
   * @param type its type (the scale of a DECIMAL is restored on decoding)
   * @param descending whether larger values sort first
   * @param nullsLast whether NULL sorts after every value
   */
  public record Column(DataType type, boolean descending, boolean nullsLast) {}

  private final Column[] columns;
  private final TypeKind[] kinds;

  public KeyCodec(List<Column> columns) {
    this.columns = columns.toArray(new Column[0]);
    this.kinds = new TypeKind[this.columns.length];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = this.columns[i].type().kind();
    }
  }

  /** A codec for ascending, nulls-first columns of these types. */
  public static KeyCodec ascending(List<DataType> types) {
    List<Column> cols = new ArrayList<>(types.size());
    for (DataType t : types) {
      cols.add(new Column(t, false, false));
    }
    return new KeyCodec(cols);
  }

  /** The number of key columns. */
  public int arity() {
    return columns.length;
  }

  /** The columns. */
  public List<Column> columns() {
    return List.of(columns);
  }

  /** Encodes a whole key. */
  public byte[] encode(Object[] key) {
    ByteWriter w = new ByteWriter(16 + key.length * 8);
    encodeTo(w, key);
    return w.toByteArray();
  }

  /** Appends the encoding of a whole key. */
  public void encodeTo(ByteWriter w, Object[] key) {
    if (key.length != columns.length) {
      throw new IllegalArgumentException(
          "key has " + key.length + " values, codec " + columns.length);
    }
    for (int i = 0; i < columns.length; i++) {
      encodeColumn(w, i, key[i]);
    }
  }

  /** Appends the key made of the given positions of {@code row}. */
  public void encodeTo(ByteWriter w, Object[] row, int[] positions) {
    if (positions.length != columns.length) {
      throw new IllegalArgumentException(
          "key has " + positions.length + " positions, codec " + columns.length);
    }
    for (int i = 0; i < positions.length; i++) {
      encodeColumn(w, i, row[positions[i]]);
    }
  }

  /**
   * Appends the first {@code count} columns of a key taken from {@code values}; a prefix of the
   * full encoding, for range scans.
   */
  public void encodePrefixTo(ByteWriter w, Object[] values, int count) {
    for (int i = 0; i < count; i++) {
      encodeColumn(w, i, values[i]);
    }
  }

  /** Appends one column's value. */
  public void encodeColumn(ByteWriter w, int column, Object value) {
    Column c = columns[column];
    if (value == null) {
      w.write(c.nullsLast() ? NULL_LAST : NULL_FIRST);
      return;
    }
    w.write(PRESENT);
    int start = w.length();
    switch (kinds[column]) {
      case BOOLEAN:
        w.write(((Boolean) value) ? 1 : 0);
        break;
      case TINYINT:
        w.write(((Number) value).byteValue() ^ 0x80);
        break;
      case SMALLINT:
        w.writeShort(((Number) value).shortValue() ^ 0x8000);
        break;
      case INTEGER:
      case DATE:
      case TIME:
        w.writeInt(((Number) value).intValue() ^ Integer.MIN_VALUE);
        break;
      case BIGINT:
      case TIMESTAMP:
        w.writeLong(((Number) value).longValue() ^ Long.MIN_VALUE);
        break;
      case REAL: {
        float f = ((Number) value).floatValue();
        int bits = Float.floatToIntBits(f == 0.0f ? 0.0f : f);
        w.writeInt(bits < 0 ? ~bits : bits ^ Integer.MIN_VALUE);
        break;
      }
      case DOUBLE: {
        double d = ((Number) value).doubleValue();
        long bits = Double.doubleToLongBits(d == 0.0d ? 0.0d : d);
        w.writeLong(bits < 0 ? ~bits : bits ^ Long.MIN_VALUE);
        break;
      }
      case DECIMAL:
        encodeDecimal(w, (BigDecimal) value);
        break;
      case CHAR:
      case VARCHAR:
        encodeString(w, (String) value);
        break;
      default:
        throw new IllegalArgumentException("cannot encode a key of type " + kinds[column]);
    }
    if (c.descending()) {
      w.invertFrom(start);
    }
  }

  private static void encodeString(ByteWriter w, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      w.write(b);
      if (b == 0) {
        w.write(0xFF);
      }
    }
    w.write(0);
    w.write(1);
  }

  private static void encodeDecimal(ByteWriter w, BigDecimal d) {
    int signum = d.signum();
    if (signum == 0) {
      w.write(0x02);
      return;
    }
    w.write(signum < 0 ? 0x01 : 0x03);
    BigDecimal norm = d.stripTrailingZeros();
    String digits = norm.unscaledValue().abs().toString();
    int exponent = digits.length() - norm.scale();
    int start = w.length();
    w.writeInt(exponent ^ Integer.MIN_VALUE);
    for (int i = 0; i < digits.length(); i++) {
      w.write(digits.charAt(i) - '0' + 1);
    }
    w.write(0);
    if (signum < 0) {
      w.invertFrom(start);
    }
  }

  /** Decodes a whole key. */
  public Object[] decode(byte[] bytes) {
    return decode(new ByteReader(bytes));
  }

  /** Decodes a whole key at the reader's position, leaving it after the key. */
  public Object[] decode(ByteReader r) {
    Object[] out = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      out[i] = decodeColumn(r, i);
    }
    return out;
  }

  private Object decodeColumn(ByteReader r, int column) {
    int marker = r.read();
    if (marker != PRESENT) {
      return null;
    }
    boolean inv = columns[column].descending();
    switch (kinds[column]) {
      case BOOLEAN:
        return r.read(inv) != 0;
      case TINYINT:
        return (byte) (r.read(inv) ^ 0x80);
      case SMALLINT:
        return (short) (maybeInvert(r.readShort(), inv, 0xFFFF) ^ 0x8000);
      case INTEGER:
      case DATE:
      case TIME:
        return (inv ? ~r.readInt() : r.readInt()) ^ Integer.MIN_VALUE;
      case BIGINT:
      case TIMESTAMP:
        return (inv ? ~r.readLong() : r.readLong()) ^ Long.MIN_VALUE;
      case REAL: {
        int bits = inv ? ~r.readInt() : r.readInt();
        bits = bits < 0 ? bits ^ Integer.MIN_VALUE : ~bits;
        return Float.intBitsToFloat(bits);
      }
      case DOUBLE: {
        long bits = inv ? ~r.readLong() : r.readLong();
        bits = bits < 0 ? bits ^ Long.MIN_VALUE : ~bits;
        return Double.longBitsToDouble(bits);
      }
      case DECIMAL:
        return decodeDecimal(r, inv, columns[column].type());
      case CHAR:
      case VARCHAR:
        return decodeString(r, inv);
      default:
        throw new IllegalArgumentException("cannot decode a key of type " + kinds[column]);
    }
  }

  private static int maybeInvert(int v, boolean inv, int mask) {
    return inv ? (~v) & mask : v;
  }

  private static String decodeString(ByteReader r, boolean inv) {
    ByteWriter out = new ByteWriter(16);
    while (true) {
      int b = r.read(inv);
      if (b == 0) {
        int next = r.read(inv);
        if (next == 0xFF) {
          out.write(0);
          continue;
        }
        if (next != 1) {
          throw new IllegalStateException("bad string encoding at byte " + r.position());
        }
        break;
      }
      out.write(b);
    }
    return new String(out.array(), 0, out.length(), StandardCharsets.UTF_8);
  }

  private static BigDecimal decodeDecimal(ByteReader r, boolean inv, DataType type) {
    int sign = r.read(inv);
    if (sign == 0x02) {
      return withScale(BigDecimal.ZERO, type);
    }
    boolean negative = sign == 0x01;
    boolean flip = inv ^ negative;
    int exponent = (flip ? ~r.readInt() : r.readInt()) ^ Integer.MIN_VALUE;
    StringBuilder digits = new StringBuilder();
    while (true) {
      int b = r.read(flip);
      if (b == 0) {
        break;
      }
      digits.append((char) ('0' + b - 1));
    }
    BigInteger unscaled = new BigInteger(digits.toString());
    BigDecimal value = new BigDecimal(negative ? unscaled.negate() : unscaled,
        digits.length() - exponent);
    return withScale(value, type);
  }

  private static BigDecimal withScale(BigDecimal value, DataType type) {
    if (type.kind() == TypeKind.DECIMAL && value.scale() < type.scale()) {
      return value.setScale(type.scale());
    }
    return value;
  }
}

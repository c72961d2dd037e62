package io.sluice.storage.codec;

import io.sluice.common.types.DataType;
import io.sluice.common.types.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A compact, unordered encoding of whole rows for stored values: a null bitmap, then each
 * non-null value in a fixed width (numbers, dates) or length-prefixed (strings, decimals).
 * The layout depends only on the column types, which the reader must know.
 */
public final class RowCodec {
  private final TypeKind[] kinds;
  private final int bitmapBytes;

  public RowCodec(List<DataType> types) {
    kinds = new TypeKind[types.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = types.get(i).kind();
    }
    bitmapBytes = (kinds.length + 7) >>> 3;
  }

  /** The number of columns. */
  public int arity() {
    return kinds.length;
  }

  /** Encodes a row. */
  public byte[] encode(Object[] row) {
    ByteWriter w = new ByteWriter(bitmapBytes + kinds.length * 8);
    encodeTo(w, row);
    return w.toByteArray();
  }

  /** Appends the encoding of a row. */
  public void encodeTo(ByteWriter w, Object[] row) {
    if (row.length != kinds.length) {
      throw new IllegalArgumentException("row has " + row.length + " values, codec " + kinds.length);
    }
    int bitmapStart = w.length();
    for (int i = 0; i < bitmapBytes; i++) {
      w.write(0);
    }
    // Null bits of the first 64 columns in a long, of any others in an array.
    long nulls = 0;
    byte[] moreNulls = bitmapBytes > 8 ? new byte[bitmapBytes] : null;
    for (int i = 0; i < kinds.length; i++) {
      Object v = row[i];
      if (v == null) {
        if (i < 64) {
          nulls |= 1L << i;
        } else {
          moreNulls[i >>> 3] |= (byte) (1 << (i & 7));
        }
        continue;
      }
      switch (kinds[i]) {
        case BOOLEAN:
          w.write(((Boolean) v) ? 1 : 0);
          break;
        case TINYINT:
          w.write(((Number) v).byteValue());
          break;
        case SMALLINT:
          w.writeShort(((Number) v).shortValue());
          break;
        case INTEGER:
        case DATE:
        case TIME:
          w.writeInt(((Number) v).intValue());
          break;
        case BIGINT:
        case TIMESTAMP:
          w.writeLong(((Number) v).longValue());
          break;
        case REAL:
          w.writeInt(Float.floatToIntBits(((Number) v).floatValue()));
          break;
        case DOUBLE:
          w.writeLong(Double.doubleToLongBits(((Number) v).doubleValue()));
          break;
        case DECIMAL: {
          BigDecimal d = (BigDecimal) v;
          int scale = d.scale();
          w.writeVarInt((scale << 1) ^ (scale >> 31));
          byte[] unscaled = d.unscaledValue().toByteArray();
          w.writeVarInt(unscaled.length);
          w.write(unscaled);
          break;
        }
        case CHAR:
        case VARCHAR: {
          byte[] bytes = ((String) v).getBytes(StandardCharsets.UTF_8);
          w.writeVarInt(bytes.length);
          w.write(bytes);
          break;
        }
        case NULL:
          throw new IllegalArgumentException("a NULL-typed column holds only null");
        default:
          throw new IllegalArgumentException("cannot encode type " + kinds[i]);
      }
    }
    byte[] out = w.array();
    for (int b = 0; b < bitmapBytes; b++) {
      out[bitmapStart + b] = b < 8 ? (byte) (nulls >>> (8 * b)) : moreNulls[b];
    }
  }

  /** Decodes a row. */
  public Object[] decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /** Decodes a row from part of an array. */
  public Object[] decode(byte[] bytes, int offset, int length) {
    ByteReader r = new ByteReader(bytes, offset, length);
    Object[] row = new Object[kinds.length];
    int bitmapStart = offset;
    r.skip(bitmapBytes);
    for (int i = 0; i < kinds.length; i++) {
      if ((bytes[bitmapStart + (i >>> 3)] & (1 << (i & 7))) != 0) {
        continue;
      }
      switch (kinds[i]) {
        case BOOLEAN:
          row[i] = r.read() != 0;
          break;
        case TINYINT:
          row[i] = (byte) r.read();
          break;
        case SMALLINT:
          row[i] = (short) r.readShort();
          break;
        case INTEGER:
        case DATE:
        case TIME:
          row[i] = r.readInt();
          break;
        case BIGINT:
        case TIMESTAMP:
          row[i] = r.readLong();
          break;
        case REAL:
          row[i] = Float.intBitsToFloat(r.readInt());
          break;
        case DOUBLE:
          row[i] = Double.longBitsToDouble(r.readLong());
          break;
        case DECIMAL: {
          int zz = r.readVarInt();
          int scale = (zz >>> 1) ^ -(zz & 1);
          int n = r.readVarInt();
          row[i] = new BigDecimal(new BigInteger(r.readBytes(n)), scale);
          break;
        }
        case CHAR:
        case VARCHAR: {
          int n = r.readVarInt();
          row[i] = new String(bytes, r.position(), n, StandardCharsets.UTF_8);
          r.skip(n);
          break;
        }
        default:
          throw new IllegalArgumentException("cannot decode type " + kinds[i]);
      }
    }
    return row;
  }
}

package io.sluice.storage.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.common.types.DataType;
import io.sluice.common.types.TypeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Round trips of {@link RowCodec}: every type, NULLs anywhere (the null bitmap spans several
 * bytes for wide rows), values kept exactly (DECIMAL scale, {@code -0.0}, long strings), and
 * decoding from the middle of a larger array.
 */
class RowCodecTest {
  private static final List<DataType> TYPES = List.of(
      DataType.of(TypeKind.BOOLEAN), DataType.of(TypeKind.TINYINT),
      DataType.of(TypeKind.SMALLINT), DataType.of(TypeKind.INTEGER),
      DataType.of(TypeKind.BIGINT), DataType.decimal(38, 10), DataType.decimal(5, 0),
      DataType.of(TypeKind.REAL), DataType.of(TypeKind.DOUBLE), DataType.character(3),
      DataType.varchar(DataType.UNSPECIFIED), DataType.of(TypeKind.DATE),
      DataType.of(TypeKind.TIME), DataType.of(TypeKind.TIMESTAMP));

  @Test
  void randomRowsRoundTripExactly() {
    Random rnd = new Random(7);
    for (int schema = 0; schema < 200; schema++) {
      List<DataType> types = new ArrayList<>();
      int width = 1 + rnd.nextInt(20);
      for (int i = 0; i < width; i++) {
        types.add(TYPES.get(rnd.nextInt(TYPES.size())));
      }
      RowCodec codec = new RowCodec(types);
      for (int r = 0; r < 20; r++) {
        Object[] row = new Object[width];
        for (int i = 0; i < width; i++) {
          row[i] = SqlValues.randomNullable(rnd, types.get(i));
        }
        assertArrayEquals(row, codec.decode(codec.encode(row)),
            () -> types + " " + SqlValues.show(row));
      }
    }
  }

  @Test
  void keepsWhatKeysNormalize() {
    RowCodec codec = new RowCodec(List.of(DataType.decimal(10, 3), DataType.of(TypeKind.DOUBLE),
        DataType.of(TypeKind.REAL), DataType.decimal(10, 0)));
    Object[] row = {new BigDecimal("1.500"), -0.0d, -0.0f, new BigDecimal("1E+3")};
    assertArrayEquals(row, codec.decode(codec.encode(row)));
  }

  @Test
  void longStringsAndNullTypedColumns() {
    RowCodec codec = new RowCodec(List.of(DataType.varchar(DataType.UNSPECIFIED),
        DataType.of(TypeKind.NULL), DataType.varchar(DataType.UNSPECIFIED)));
    Object[] row = {"\u00E9\u4E2D\u0000".repeat(500), null, ""};
    assertArrayEquals(row, codec.decode(codec.encode(row)));
    assertThrows(IllegalArgumentException.class,
        () -> codec.encode(new Object[] {"x", "not null", "y"}));
  }

  @Test
  void decodesFromTheMiddleOfAnArray() {
    RowCodec codec = new RowCodec(List.of(DataType.of(TypeKind.INTEGER),
        DataType.varchar(DataType.UNSPECIFIED), DataType.decimal(12, 2)));
    Object[] row = {42, "sluice", new BigDecimal("-12.34")};
    byte[] encoded = codec.encode(row);
    byte[] padded = new byte[encoded.length + 10];
    Arrays.fill(padded, (byte) 0x5A);
    System.arraycopy(encoded, 0, padded, 4, encoded.length);
    assertArrayEquals(row, codec.decode(padded, 4, encoded.length));
  }
}

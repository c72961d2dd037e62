package io.sluice.slt.result;

import static io.sluice.slt.result.ValueFormatter.format;
import static io.sluice.slt.script.ColumnType.INTEGER;
import static io.sluice.slt.script.ColumnType.REAL;
import static io.sluice.slt.script.ColumnType.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.slt.script.ColumnType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ValueFormatterTest {

  @Test
  void nullIsNullWhateverTheType() {
    for (ColumnType type : ColumnType.values()) {
      assertEquals("NULL", format(null, type));
    }
  }

  @Test
  void textIsEmptyMarkedAndUnprintableBytesBecomeAt() {
    assertEquals("(empty)", format("", TEXT));
    assertEquals("a@b@c", format("a\tb\nc", TEXT));
    // Each byte of the UTF-8 form is checked, as SQLite's runner does on its C string.
    assertEquals("caf@@", format("caf\u00e9", TEXT));
    assertEquals("~ ", format("~ ", TEXT));
  }

  @Test
  void integersAreRenderedAsSqliteColumnIntDoes() {
    assertEquals("42", format(42, INTEGER));
    assertEquals("-7", format(-7L, INTEGER));
    assertEquals("2", format(2.9, INTEGER), "reals are truncated toward zero");
    assertEquals("-2", format(-2.9, INTEGER));
    assertEquals("3", format(new BigDecimal("3.75"), INTEGER));
    assertEquals("1", format(true, INTEGER));
    assertEquals("12", format(" 12abc", INTEGER), "text gives its leading integer");
    assertEquals("0", format("abc", INTEGER));
    assertEquals("0", format("", INTEGER));
    // sqlite3_column_int keeps the low 32 bits.
    assertEquals(Integer.toString((int) 4_294_967_297L), format(4_294_967_297L, INTEGER));
  }

  @Test
  void realsHaveThreeDecimalsRoundedHalfAwayFromZero() {
    assertEquals("1.500", format(1.5, REAL));
    assertEquals("0.063", format(0.0625, REAL), "an exact tie rounds away from zero");
    assertEquals("-0.063", format(-0.0625, REAL));
    assertEquals("-0.000", format(-0.0001, REAL), "SQLite's printf keeps the sign");
    assertEquals("0.000", format(-0.0, REAL));
    assertEquals("7.000", format(7, REAL));
    assertEquals("2.500", format(new BigDecimal("2.5"), REAL));
    assertEquals("12.500", format("12.5xyz", REAL), "text gives its leading real");
    assertEquals("0.000", format("xyz", REAL));
    assertEquals("123456789012.000", format(123456789012L, REAL));
  }

  @Test
  void numbersInTextColumnsUseSqlitesTextForm() {
    assertEquals("42", format(42, TEXT));
    assertEquals("1.0", format(1.0, TEXT), "a whole real keeps one decimal");
    assertEquals("0.1", format(0.1, TEXT));
    assertEquals("0.1", format(0.1f, TEXT), "a float is read through its own shortest text");
    assertEquals("1.0e+20", format(1e20, TEXT));
    assertEquals("1.5e-05", format(1.5e-5, TEXT));
    assertEquals("0.0001", format(1e-4, TEXT));
    assertEquals("123456789012345.0", format(123456789012345.0, TEXT));
    assertEquals("1.0e+15", format(1e15, TEXT));
    assertEquals("0.333333333333333", format(1.0 / 3, TEXT));
    assertEquals("5", format(new BigDecimal("5.00"), TEXT), "a whole decimal is an integer");
    assertEquals("2.5", format(new BigDecimal("2.50"), TEXT));
    assertEquals("1", format(true, TEXT));
  }
}

package io.sluice.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import org.junit.jupiter.api.Test;

class TablePrinterTest {

  @Test
  void timestampsPrintAsSqlWritesThemWithOnlyTheFractionDigitsTheyNeed() {
    assertEquals("2026-11-22 10:00:00",
        TablePrinter.text(Timestamp.valueOf("2026-11-22 10:00:00")));
    assertEquals("2026-11-22 10:00:07.5",
        TablePrinter.text(Timestamp.valueOf("2026-11-22 10:00:07.5")));
    assertEquals("1900-01-01 00:00:00.001",
        TablePrinter.text(Timestamp.valueOf("1900-01-01 00:00:00.001")));
    assertEquals("1969-12-31 23:59:59.000001",
        TablePrinter.text(Timestamp.valueOf("1969-12-31 23:59:59.000001")));
  }

  @Test
  void otherValuesKeepTheirSqlSpelling() {
    assertEquals("NULL", TablePrinter.text(null));
    assertEquals("10000000000", TablePrinter.text(new BigDecimal("1E+10")));
    assertEquals("2026-01-04", TablePrinter.text(Date.valueOf("2026-01-04")));
    assertEquals("ann", TablePrinter.text("ann"));
  }
}

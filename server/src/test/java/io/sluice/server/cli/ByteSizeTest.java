package io.sluice.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --cache-size}: the sizes it takes, and a clear error for the rest. */
class ByteSizeTest {
  @Test
  void unitsAreBinaryAndCaseDoesNotMatter() {
    assertEquals(512L << 20, Main.byteSize("512MB", "--cache-size"));
    assertEquals(2L << 30, Main.byteSize("2gb", "--cache-size"));
    assertEquals(1L << 40, Main.byteSize(" 1 TB ", "--cache-size"));
    assertEquals(4096L << 10, Main.byteSize("4096KB", "--cache-size"));
    assertEquals(1_048_576L, Main.byteSize("1048576", "--cache-size"));
  }

  @Test
  void tooSmallNonsenseAndOverflowAreRefusedWithTheFlagNamed() {
    for (String bad : new String[] {"12", "1023KB", "lots", "-5MB", "", "9999999999999TB",
        "99999999999999999999"}) {
      CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
          () -> Main.byteSize(bad, "--cache-size"), bad);
      assertTrue(e.getMessage().startsWith("--cache-size: expected a size"), e.getMessage());
    }
  }
}

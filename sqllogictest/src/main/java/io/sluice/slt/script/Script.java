package io.sluice.slt.script;

import java.util.List;

/**
 * A parsed test file.
 *
 * @param name how reports name the file (a corpus path such as {@code select1.test} or a
 *     filesystem path)
 * @param records its records in file order
 */
public record Script(String name, List<Record> records) {

  public Script {
    records = List.copyOf(records);
  }
}

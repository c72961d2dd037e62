package io.sluice.slt.script;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

  /** The Sluice directives the script uses, whether or not skipif/onlyif exclude them. */
  public Set<Directive> directives() {
    Set<Directive> used = EnumSet.noneOf(Directive.class);
    for (Record record : records) {
      if (record instanceof DirectiveRecord d) {
        used.add(d.directive());
      }
    }
    return used;
  }
}

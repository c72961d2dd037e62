package io.sluice.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.catalog.ViewDef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogStateTest {
  private static final RowType ROW = RowType.of(new Field("a", DataType.of(TypeKind.INTEGER)));

  private static TableDef table(long id, String name) {
    return new TableDef(id, "public", name, ROW, List.of(), null, Map.of(), TableDef.Kind.BASE);
  }

  private static ViewDef view(long id, String name) {
    return new ViewDef(id, "public", name, "SELECT a FROM t", ROW, true, List.of("public.t"));
  }

  @Test
  void namesMatchIgnoringCaseWhetherOrNotAQuotedNameHasCapitals() {
    CatalogState s = new CatalogState(1, Map.of(), Map.of())
        .withTable(table(1, "t"))
        .withView(view(2, "v"));
    assertEquals(Optional.of("t"), s.nameIgnoringCase("public", "T"));
    assertEquals(Optional.of("v"), s.nameIgnoringCase("public", "V"));
    assertEquals(Optional.empty(), s.nameIgnoringCase("public", "w"));
    assertEquals(Optional.empty(), s.nameIgnoringCase("sys", "T"));

    CatalogState cased = s.withView(view(3, "Mixed")).withTable(table(4, "UPPER"));
    assertEquals(Optional.of("Mixed"), cased.nameIgnoringCase("public", "mixed"));
    assertEquals(Optional.of("Mixed"), cased.nameIgnoringCase("public", "MIXED"));
    assertEquals(Optional.of("UPPER"), cased.nameIgnoringCase("public", "upper"));
    assertEquals(Optional.of("t"), cased.nameIgnoringCase("public", "T"));

    // With both "Tt" and "tT" defined, the first in order answers.
    CatalogState two = cased.withTable(table(5, "tT")).withView(view(6, "Tt"));
    assertEquals(Optional.of("Tt"), two.nameIgnoringCase("public", "TT"));

    // Once the quoted names are gone again the lower-case lookup alone still answers right.
    CatalogState back = two.withoutView(view(3, "Mixed")).withoutTable(table(4, "UPPER"))
        .withoutTable(table(5, "tT")).withoutView(view(6, "Tt"));
    assertEquals(Optional.empty(), back.nameIgnoringCase("public", "mixed"));
    assertEquals(Optional.of("t"), back.nameIgnoringCase("public", "T"));
  }

  @Test
  void aStateBuiltFromMapsCountsItsQuotedNames() {
    CatalogState s = new CatalogState(1, Map.of("public.Big", table(1, "Big")),
        Map.of("public.v", view(2, "v")));
    assertEquals(Optional.of("Big"), s.nameIgnoringCase("public", "big"));
    assertEquals(Optional.of("v"), s.nameIgnoringCase("public", "V"));
  }
}

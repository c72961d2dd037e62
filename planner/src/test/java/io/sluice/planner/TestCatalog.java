package io.sluice.planner;

import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.plan.catalog.CatalogReader;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.catalog.ViewDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small fixed catalog for planner tests: emp, dept and a plain view. */
final class TestCatalog implements CatalogReader {
  private final List<TableDef> tables = new ArrayList<>();
  private final List<ViewDef> views = new ArrayList<>();

  TestCatalog() {
    DataType intNotNull = new DataType(TypeKind.INTEGER, -1, 0, false);
    tables.add(new TableDef(1, "public", "emp", RowType.of(
        new Field("id", intNotNull),
        new Field("name", DataType.varchar(20)),
        new Field("dept", DataType.of(TypeKind.INTEGER)),
        new Field("salary", DataType.decimal(10, 2))), List.of(0), null, Map.of(),
        TableDef.Kind.BASE));
    tables.add(new TableDef(2, "public", "dept", RowType.of(
        new Field("id", intNotNull),
        new Field("title", DataType.varchar(DataType.UNSPECIFIED))), List.of(0), null, Map.of(),
        TableDef.Kind.BASE));
    tables.add(new TableDef(3, "public", "t", RowType.of(
        new Field("a", DataType.of(TypeKind.INTEGER)),
        new Field("b", DataType.of(TypeKind.BIGINT))), List.of(), null, Map.of(),
        TableDef.Kind.BASE));
    views.add(new ViewDef(4, "public", "rich", "SELECT id, name FROM emp WHERE salary > 100",
        RowType.of(new Field("id", intNotNull), new Field("name", DataType.varchar(20))), false,
        List.of("public.emp")));
  }

  @Override
  public List<String> schemas() {
    return List.of("public", "sys");
  }

  @Override
  public Optional<TableDef> table(String schema, String name) {
    return tables.stream().filter(t -> t.schema().equals(schema) && t.name().equals(name))
        .findFirst();
  }

  @Override
  public Optional<ViewDef> view(String schema, String name) {
    return views.stream().filter(t -> t.schema().equals(schema) && t.name().equals(name))
        .findFirst();
  }

  @Override
  public List<TableDef> tables(String schema) {
    return tables.stream().filter(t -> t.schema().equals(schema)).toList();
  }

  @Override
  public List<ViewDef> views(String schema) {
    return views.stream().filter(t -> t.schema().equals(schema)).toList();
  }
}

package io.sluice.planner;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.parser.SluiceParser;
import io.sluice.plan.ModifyPlan;
import io.sluice.plan.PlanPrinter;
import io.sluice.plan.QueryPlan;
import io.sluice.plan.catalog.CatalogReader;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.SortKey;
import io.sluice.planner.calcite.PlanningSession;
import io.sluice.planner.calcite.SluiceTable;
import io.sluice.planner.calcite.TypeConversion;
import io.sluice.planner.passes.OptimizerPasses;
import io.sluice.planner.translate.Exchanges;
import io.sluice.planner.translate.RelTranslator;
import io.sluice.planner.translate.SortTranslation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.Pair;

/**
 * Plans statements: validates with Calcite against a catalog snapshot, runs the optimizer
 * passes and translates the result into Sluice's plan. Stateless and thread-safe; every call
 * builds its own Calcite session.
 *
 * <p>Query {@code SqlNode}s are consumed: validation rewrites them, so parse again to plan
 * again.
 */
public final class SluicePlanner {

  /** Plans a query (SELECT, VALUES, set operations). */
  public QueryPlan planQuery(SqlNode query, CatalogReader catalog) {
    return plan(query, catalog, false);
  }

  /**
   * Plans a continuous query (the query of a materialized view): materialized views it reads
   * expand into their own queries, and a final ORDER BY without LIMIT, meaningless for a set of
   * rows kept up to date, is dropped.
   */
  public QueryPlan planContinuous(SqlNode query, CatalogReader catalog) {
    return continuous(convert(query, catalog, true));
  }

  /** The continuous plan of a converted query. */
  private static QueryPlan continuous(Converted query) {
    List<Integer> key = new ArrayList<>();
    QueryPlan p = finish(query, true, rel -> key.addAll(uniqueKey(rel)));
    return new QueryPlan(Exchanges.place(p.root(), key), p.rowType(), List.of(), p.outputFields(),
        p.parameterTypes(), key);
  }

  /**
   * The plan of a continuous SELECT ({@code SELECT STREAM ...}): a continuous plan, as for a
   * materialized view, and the result columns that form a unique key, when the optimizer can
   * prove one (a table's primary key carried through, GROUP BY columns).
   *
   * @param plan the continuous plan
   * @param uniqueKey result column positions, the smallest key found; empty when none is known
   */
  public record StreamPlan(QueryPlan plan, List<Integer> uniqueKey) {}

  /** Whether a query is {@code SELECT STREAM ...} (possibly with ORDER BY/LIMIT around it). */
  public static boolean isStream(SqlNode query) {
    SqlSelect select = topSelect(query);
    return select != null && select.isKeywordPresent(SqlSelectKeyword.STREAM);
  }

  /** Plans {@code SELECT STREAM ...}; the query node is consumed. */
  public StreamPlan planStream(SqlNode query, CatalogReader catalog) {
    SqlSelect select = topSelect(query);
    if (select == null || !select.isKeywordPresent(SqlSelectKeyword.STREAM)) {
      throw new SluiceException(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
          "not a SELECT STREAM query");
    }
    // Calcite's own STREAM needs tables that are streams; in Sluice every table is both, and
    // the continuous plan below is what makes the query a stream.
    List<SqlNode> keywords = new ArrayList<>();
    for (SqlNode k : (SqlNodeList) select.getOperandList().get(0)) {
      if (!(k instanceof SqlLiteral l && l.getValue() == SqlSelectKeyword.STREAM)) {
        keywords.add(k);
      }
    }
    select.setOperand(0, new SqlNodeList(keywords, select.getParserPosition()));
    QueryPlan plan = planContinuous(query, catalog);
    if (!plan.parameterTypes().isEmpty()) {
      throw SluiceException.unsupported("SELECT STREAM cannot have parameters");
    }
    return new StreamPlan(plan, plan.uniqueKey());
  }

  private static SqlSelect topSelect(SqlNode query) {
    if (query instanceof SqlOrderBy orderBy) {
      query = orderBy.query;
    }
    return query instanceof SqlSelect select ? select : null;
  }

  /**
   * The smallest unique key of a relational expression's output, or empty. Calcite's metadata
   * numbers an Aggregate's key by its input's columns (here), so a plan topped by an aggregate
   * (under projections) gets its GROUP BY columns here, and below any other aggregate no key is
   * trusted.
   */
  private static List<Integer> uniqueKey(RelNode rel) {
    List<RexNode> projection = null;
    RelNode top = rel;
    if (top instanceof Calc calc && calc.getProgram().getCondition() == null) {
      projection = calc.getProgram().expandList(calc.getProgram().getProjectList());
      top = calc.getInput();
    } else if (top instanceof Project project) {
      projection = project.getProjects();
      top = project.getInput();
    }
    if (top instanceof Aggregate agg) {
      if (agg.getGroupType() != Aggregate.Group.SIMPLE || agg.getGroupCount() == 0) {
        return List.of();
      }
      List<Integer> key = new ArrayList<>();
      for (int g = 0; g < agg.getGroupCount(); g++) {
        int at = g;
        if (projection != null) {
          at = -1;
          for (int j = 0; j < projection.size(); j++) {
            if (projection.get(j) instanceof RexInputRef ref && ref.getIndex() == g) {
              at = j;
              break;
            }
          }
        }
        if (at < 0) {
          return List.of();
        }
        key.add(at);
      }
      key.sort(null);
      return key;
    }
    if (containsAggregate(rel)) {
      return List.of();
    }
    Set<ImmutableBitSet> keys;
    try {
      keys = rel.getCluster().getMetadataQuery().getUniqueKeys(rel);
    } catch (RuntimeException e) {
      return List.of();
    }
    ImmutableBitSet best = null;
    if (keys != null) {
      for (ImmutableBitSet k : keys) {
        if (!k.isEmpty() && k.length() <= rel.getRowType().getFieldCount()
            && (best == null || k.cardinality() < best.cardinality())) {
          best = k;
        }
      }
    }
    return best == null ? List.of() : best.asList();
  }

  private static boolean containsAggregate(RelNode rel) {
    if (rel instanceof Aggregate) {
      return true;
    }
    for (RelNode in : rel.getInputs()) {
      if (containsAggregate(in)) {
        return true;
      }
    }
    return false;
  }

  private QueryPlan plan(SqlNode query, CatalogReader catalog, boolean continuous) {
    return finish(convert(query, catalog, continuous), continuous, null);
  }

  /**
   * A query validated and converted in its planning session.
   *
   * @param preferredNames {@link ColumnNames#preferred} of the query as parsed
   */
  private record Converted(PlanningSession session, RelRoot root, List<DataType> params,
      List<String> preferredNames) {}

  private static Converted convert(SqlNode query, CatalogReader catalog, boolean continuous) {
    checkQuery(query);
    List<String> preferredNames = ColumnNames.preferred(query);
    PlanningSession session = new PlanningSession(catalog, continuous);
    SqlNode validated = session.validate(query);
    RelRoot root = session.toRel(validated);
    return new Converted(session, root, parameterTypes(session, validated), preferredNames);
  }

  private static void checkQuery(SqlNode query) {
    if (!query.isA(SqlKind.QUERY)) {
      throw new SluiceException(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
          "not a query: " + query.getKind());
    }
  }

  /** Optimizes and translates a converted query. */
  private static QueryPlan finish(Converted query, boolean continuous,
      Consumer<RelNode> optimized) {
    PlanningSession session = query.session();
    RelRoot root = query.root();
    if (continuous) {
      // A continuous result is exactly its columns: no column only ORDER BY needed, and no
      // final order (a LIMIT's sort stays, below the projection, as a top-N).
      root = RelRoot.of(root.project(), root.validatedRowType, root.kind);
      TimeIndependence.check(root.rel);
    }
    RelNode rel = OptimizerPasses.run(root.rel, OptimizerPasses.standard());
    if (optimized != null) {
      optimized.accept(rel);
    }
    RelTranslator translator = new RelTranslator(session.typeFactory(), session.rexBuilder());
    List<SortKey> order = List.of();
    PlanNode plan;
    if (rel instanceof LogicalSort sort && !continuous) {
      order = SortTranslation.keys(sort.getCollation());
      PlanNode input = translator.translate(sort.getInput());
      plan = sort.offset == null && sort.fetch == null ? input
          : SortTranslation.topN(sort, input);
    } else {
      plan = translator.translate(rel);
    }
    List<Field> fields = new ArrayList<>();
    List<Integer> outputFields = new ArrayList<>();
    for (Map.Entry<Integer, String> f : root.fields) {
      outputFields.add(f.getKey());
      String name = ColumnNames.choose(f.getValue(), query.preferredNames(), fields.size());
      fields.add(new Field(name, plan.rowType().type(f.getKey())));
    }
    return new QueryPlan(plan, new RowType(fields), order, outputFields, query.params());
  }

  /** Plans an INSERT, UPDATE or DELETE. */
  public ModifyPlan planModify(SqlNode statement, CatalogReader catalog) {
    PlanningSession session = new PlanningSession(catalog);
    SqlNode validated = session.validate(statement);
    RelRoot root = session.toRel(validated);
    List<DataType> params = parameterTypes(session, validated);
    if (!(root.rel instanceof TableModify modify)) {
      throw SluiceException.internal("expected a table modification, got "
          + root.rel.getRelTypeName(), null);
    }
    SluiceTable table = modify.getTable().unwrap(SluiceTable.class);
    if (table == null || table.def().kind() != TableDef.Kind.BASE) {
      throw new SluiceException(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
          "cannot modify " + String.join(".", modify.getTable().getQualifiedName())
              + ": only base tables can be changed");
    }
    TableDef def = table.def();
    RelNode source = modify.getInput();
    RexBuilder rex = session.rexBuilder();
    RelDataType tableType = modify.getTable().getRowType();
    ModifyPlan.Kind kind;
    switch (modify.getOperation()) {
      case INSERT:
        kind = ModifyPlan.Kind.INSERT;
        source = castToTable(source, tableType, rex, 0, null, null);
        break;
      case DELETE:
        kind = ModifyPlan.Kind.DELETE;
        break;
      case UPDATE:
        kind = ModifyPlan.Kind.UPDATE;
        source = updateSource(source, tableType, modify.getUpdateColumnList(), rex);
        break;
      default:
        throw SluiceException.unsupported(modify.getOperation() + " is not supported");
    }
    RelNode optimized = OptimizerPasses.run(source, OptimizerPasses.standard());
    PlanNode plan = new RelTranslator(session.typeFactory(), rex).translate(optimized);
    return new ModifyPlan(kind, def, plan, params);
  }

  /** The text of EXPLAIN for a query or a DML statement. */
  public String explain(SqlNode statement, CatalogReader catalog) {
    if (statement.isA(SqlKind.QUERY)) {
      QueryPlan plan = planQuery(statement, catalog);
      StringBuilder sb = new StringBuilder(PlanPrinter.print(plan.root()));
      if (!plan.order().isEmpty()) {
        sb.append("result order: ").append(plan.order()).append('\n');
      }
      return sb.toString();
    }
    ModifyPlan plan = planModify(statement, catalog);
    return plan.kind() + "(table=" + plan.table().qualifiedName() + ")\n"
        + PlanPrinter.print(plan.source()).indent(2);
  }

  /**
   * Validates a view's query to learn its columns and what it reads; for a materialized view
   * the analysis then gives its continuous plan, made from the same validation and conversion
   * (the plan {@link #planContinuous} makes from the query's text). The query node is consumed.
   *
   * @param columnNames names to give the columns; empty to keep the query's
   */
  public ViewAnalysis analyzeView(SqlNode query, List<String> columnNames,
      CatalogReader catalog) {
    boolean isQuery = query.isA(SqlKind.QUERY);
    List<String> preferredNames = isQuery ? ColumnNames.preferred(query) : List.of();
    PlanningSession session = new PlanningSession(catalog, true);
    SqlNode validated = session.validate(query);
    if (!session.parameterRowType(validated).getFieldList().isEmpty()) {
      throw new SluiceException(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
          "a view cannot have parameters");
    }
    RelDataType type = session.validator().getValidatedNodeType(validated);
    RelRoot root = session.toRel(validated);
    if (!columnNames.isEmpty() && columnNames.size() != type.getFieldCount()) {
      throw new SluiceException(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
          "the view names " + columnNames.size() + " columns but its query has "
              + type.getFieldCount());
    }
    List<Field> fields = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < type.getFieldCount(); i++) {
      RelDataTypeField f = type.getFieldList().get(i);
      String name = columnNames.isEmpty() ? f.getName() : columnNames.get(i);
      if (!seen.add(name)) {
        throw new SluiceException(SqlState.DUPLICATE_COLUMN,
            "the view would have two columns named '" + name + "'; name them with AS");
      }
      fields.add(new Field(name, TypeConversion.fromCalcite(f.getType())));
    }
    Set<String> deps = new LinkedHashSet<>(PlanningSession.tablesRead(root.rel));
    deps.addAll(session.expandedViews());
    ViewShape shape = new ViewShape(new RowType(fields), new ArrayList<>(deps));
    return new ViewAnalysis(shape, () -> {
      if (!isQuery) {
        checkQuery(query);
      }
      return continuous(new Converted(session, root, List.of(), preferredNames));
    });
  }

  /** Checks that a column DEFAULT is a constant expression that fits the column type. */
  public void checkDefault(String defaultSql, DataType columnType, CatalogReader catalog) {
    SqlNode expr = SluiceParser.parseExpression(defaultSql);
    PlanningSession session = new PlanningSession(catalog);
    SqlNode select = new org.apache.calcite.sql.SqlSelect(
        org.apache.calcite.sql.parser.SqlParserPos.ZERO, null,
        new org.apache.calcite.sql.SqlNodeList(List.of(expr),
            org.apache.calcite.sql.parser.SqlParserPos.ZERO),
        null, null, null, null, null, null, null, null, null, null);
    SqlNode validated = session.validate(select);
    RelDataType type = session.validator().getValidatedNodeType(validated)
        .getFieldList().get(0).getType();
    if (type.getSqlTypeName() == SqlTypeName.NULL) {
      return;
    }
    DataType t = TypeConversion.fromCalcite(type);
    if (t.kind().isNumeric() != columnType.kind().isNumeric()
        && !(t.kind().isCharacter() && columnType.kind() != TypeKind.BOOLEAN)) {
      throw new SluiceException(SqlState.DATATYPE_MISMATCH, "the default " + defaultSql
          + " of type " + t.typeName() + " does not fit a column of type "
          + columnType.typeName());
    }
  }

  private static List<DataType> parameterTypes(PlanningSession session, SqlNode validated) {
    List<DataType> types = new ArrayList<>();
    for (RelDataTypeField f : session.parameterRowType(validated).getFieldList()) {
      RelDataType t = f.getType();
      types.add(t.getSqlTypeName() == SqlTypeName.UNKNOWN || t.getSqlTypeName() == SqlTypeName.ANY
          ? DataType.varchar(DataType.UNSPECIFIED) : TypeConversion.fromCalcite(t));
    }
    return types;
  }

  /**
   * A projection of {@code input} casting fields {@code offset ..} to the table's column types,
   * the type a value is written with: strings are written unbounded (length is checked when the
   * row is stored, so that too long a value is an error, not silently cut).
   */
  private static RelNode castToTable(RelNode input, RelDataType tableType, RexBuilder rex,
      int offset, List<RexNode> prefix, List<String> prefixNames) {
    List<RexNode> exprs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    if (prefix != null) {
      exprs.addAll(prefix);
      names.addAll(prefixNames);
    }
    List<RelDataTypeField> inFields = input.getRowType().getFieldList();
    for (int i = 0; i < tableType.getFieldCount(); i++) {
      RelDataTypeField column = tableType.getFieldList().get(i);
      RexNode ref = rex.makeInputRef(inFields.get(offset + i).getType(), offset + i);
      exprs.add(castForWrite(ref, column.getType(), rex));
      names.add(column.getName());
    }
    return LogicalProject.create(input, List.of(), exprs, names, java.util.Set.of());
  }

  private static RexNode castForWrite(RexNode value, RelDataType columnType, RexBuilder rex) {
    RelDataType target = columnType;
    if (columnType.getSqlTypeName() == SqlTypeName.CHAR
        || columnType.getSqlTypeName() == SqlTypeName.VARCHAR) {
      if (value.getType().getSqlTypeName() == SqlTypeName.CHAR
          || value.getType().getSqlTypeName() == SqlTypeName.VARCHAR) {
        return value;
      }
      target = rex.getTypeFactory().createSqlType(SqlTypeName.VARCHAR);
    }
    target = rex.getTypeFactory().createTypeWithNullability(target, value.getType().isNullable());
    if (value.getType().equals(target)) {
      return value;
    }
    return rex.makeCast(target, value, true, false);
  }

  /** Old row then new row, from Calcite's [old columns, new values of updated columns]. */
  private static RelNode updateSource(RelNode input, RelDataType tableType,
      List<String> updateColumns, RexBuilder rex) {
    int n = tableType.getFieldCount();
    List<RelDataTypeField> inFields = input.getRowType().getFieldList();
    List<RexNode> exprs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      exprs.add(rex.makeInputRef(inFields.get(i).getType(), i));
      names.add("old_" + tableType.getFieldList().get(i).getName());
    }
    for (int i = 0; i < n; i++) {
      RelDataTypeField column = tableType.getFieldList().get(i);
      int updated = updateColumns.indexOf(column.getName());
      int from = updated >= 0 ? n + updated : i;
      RexNode ref = rex.makeInputRef(inFields.get(from).getType(), from);
      exprs.add(updated >= 0 ? castForWrite(ref, column.getType(), rex) : ref);
      names.add(column.getName());
    }
    Pair.class.getName();
    return LogicalProject.create(input, List.of(), exprs, names, java.util.Set.of());
  }
}

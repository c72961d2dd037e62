package io.sluice.planner.calcite;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.parser.SqlDialect;
import io.sluice.plan.catalog.CatalogReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.ConvertToChecked;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Calcite set up to plan one statement against one catalog snapshot: type factory, catalog
 * reader, validator, cluster and SQL-to-relational converter. Not thread-safe; create one per
 * statement.
 */
public final class PlanningSession implements RelOptTable.ViewExpander {
  /**
   * Calcite's standard functions and its PostgreSQL library, looked up ignoring case: table and
   * column names match case-sensitively (after unquoted names are lowercased, as in
   * PostgreSQL), but Calcite names functions in upper case, so a case-sensitive lookup would
   * find {@code left} or {@code split_part} only where the parser treats the name as a keyword.
   */
  private static final SqlOperatorTable OPERATORS = new FunctionsIgnoringCase(
      SqlOperatorTables.chain(
          SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(
              EnumSet.of(SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL)),
          PostgresFunctions.OPERATORS));
  private static final CalciteConnectionConfig CONFIG;
  private static final int MAX_VIEW_DEPTH = 32;

  static {
    Properties p = new Properties();
    p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    CONFIG = new CalciteConnectionConfigImpl(p);
  }

  private final JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);
  private final CalciteSchema rootSchema;
  private final CalciteCatalogReader catalogReader;
  private final RelOptCluster cluster;
  private final Set<String> expandedViews = new LinkedHashSet<>();
  private int viewDepth;
  private SqlValidator validator;

  public PlanningSession(CatalogReader catalog) {
    this(catalog, false);
  }

  /**
   * @param continuous whether the statement is a continuous query, for which materialized
   *     views expand into their queries instead of being read as stored
   */
  public PlanningSession(CatalogReader catalog, boolean continuous) {
    this.rootSchema = CatalogSchema.rootOf(catalog, continuous);
    this.catalogReader = new CalciteCatalogReader(rootSchema,
        List.of(CatalogReader.DEFAULT_SCHEMA), typeFactory, CONFIG);
    HepPlanner planner = new HepPlanner(HepProgram.builder().build());
    planner.setExecutor(LiteralCastExecutor.INSTANCE);
    this.cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
    SluiceMetadata.install(cluster);
  }

  public JavaTypeFactory typeFactory() {
    return typeFactory;
  }

  public RexBuilder rexBuilder() {
    return cluster.getRexBuilder();
  }

  /** The validator of the last {@link #validate} call. */
  public SqlValidator validator() {
    return validator;
  }

  /** Names of the views expanded while converting (for dependency tracking). */
  public Set<String> expandedViews() {
    return expandedViews;
  }

  private SqlValidator newValidator(CalciteCatalogReader reader) {
    SqlOperatorTable ops = SqlOperatorTables.chain(OPERATORS, reader);
    return SqlValidatorUtil.newValidator(ops, reader, typeFactory,
        SqlValidator.Config.DEFAULT
            .withConformance(SqlDialect.CONFORMANCE)
            .withDefaultNullCollation(NullCollation.HIGH)
            .withIdentifierExpansion(true)
            .withTypeCoercionFactory(SluiceTypeCoercion::new));
  }

  private SqlToRelConverter newConverter(SqlValidator v, CalciteCatalogReader reader) {
    return new Converter(this, v, reader, cluster);
  }

  /**
   * Calcite's converter, except that the source of an INSERT is converted with unbounded string
   * types: Calcite would cut {@code 'abcd'} to fit a VARCHAR(3) column, where SQL requires an
   * error. The value reaches the table as it is, and storing it checks the length.
   */
  private static final class Converter extends SqlToRelConverter {
    Converter(RelOptTable.ViewExpander expander, SqlValidator v, CalciteCatalogReader reader,
        RelOptCluster cluster) {
      super(expander, v, reader, cluster, StandardConvertletTable.INSTANCE,
          SqlToRelConverter.config()
              .withExpand(false)
              .withTrimUnusedFields(false)
              .withInSubQueryThreshold(Integer.MAX_VALUE));
    }

    @Override
    protected RelRoot convertQueryRecursive(SqlNode query, boolean top,
        RelDataType targetRowType) {
      return super.convertQueryRecursive(query, top,
          targetRowType == null ? null : unboundedStrings(targetRowType));
    }

    private RelDataType unboundedStrings(RelDataType rowType) {
      RelDataTypeFactory f = getCluster().getTypeFactory();
      RelDataTypeFactory.Builder b = f.builder();
      for (RelDataTypeField field : rowType.getFieldList()) {
        RelDataType t = field.getType();
        if (t.getSqlTypeName() == SqlTypeName.CHAR || t.getSqlTypeName() == SqlTypeName.VARCHAR) {
          t = f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), t.isNullable());
        }
        b.add(field.getName(), t);
      }
      return b.build();
    }
  }

  /** Validates a statement; errors come out as {@link SluiceException}s. */
  public SqlNode validate(SqlNode node) {
    validator = newValidator(catalogReader);
    try {
      return validator.validate(BeforeValidation.rewrite(node));
    } catch (RuntimeException e) {
      throw ValidationErrors.translate(e);
    }
  }

  /**
   * Converts a validated statement to a relational tree, with arithmetic on exact types checked
   * for overflow (an error, as in most SQL dialects, rather than wrapping around).
   */
  public RelRoot toRel(SqlNode validated) {
    try {
      RelRoot root = newConverter(validator, catalogReader).convertQuery(validated, false, true);
      return root.withRel(new ConvertToChecked(cluster.getRexBuilder(), true).visit(root.rel));
    } catch (RuntimeException e) {
      throw ValidationErrors.translate(e);
    }
  }

  /** The row type of the {@code ?} parameters of the last validated statement. */
  public RelDataType parameterRowType(SqlNode validated) {
    return validator.getParameterRowType(validated);
  }

  @Override
  public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
      List<String> viewPath) {
    if (viewPath != null) {
      expandedViews.add(String.join(".", viewPath));
    }
    if (++viewDepth > MAX_VIEW_DEPTH) {
      throw new SluiceException(SqlState.INVALID_TABLE_DEFINITION,
          "views are nested more than " + MAX_VIEW_DEPTH + " deep (is there a cycle?): "
              + viewPath);
    }
    try {
      SqlNode node;
      try {
        node = SqlParser.create(queryString, SqlDialect.PARSER_CONFIG).parseQuery();
      } catch (SqlParseException e) {
        throw SluiceException.internal("the stored query of view " + viewPath
            + " no longer parses: " + e.getMessage(), e);
      }
      // A view's rows have no order: an ORDER BY without LIMIT or OFFSET orders nothing a
      // reader sees (Calcite drops it in a subquery, then fails an assertion looking for it).
      if (node instanceof SqlOrderBy ob && ob.fetch == null && ob.offset == null) {
        node = ob.query;
      }
      CalciteCatalogReader reader = catalogReader.withSchemaPath(schemaPath);
      SqlValidator v = newValidator(reader);
      SqlNode validated;
      try {
        validated = v.validate(BeforeValidation.rewrite(node));
      } catch (RuntimeException e) {
        SluiceException se = ValidationErrors.translate(e);
        throw new SluiceException(se.sqlState(),
            "view " + viewPath + " is no longer valid: " + se.getMessage(), se);
      }
      return newConverter(v, reader).convertQuery(validated, true, false);
    } finally {
      viewDepth--;
    }
  }

  /** Qualified names of every table a relational tree reads. */
  public static List<String> tablesRead(org.apache.calcite.rel.RelNode rel) {
    List<String> names = new ArrayList<>();
    for (RelOptTable t : org.apache.calcite.plan.RelOptUtil.findAllTables(rel)) {
      names.add(String.join(".", t.getQualifiedName()));
    }
    return names;
  }
}

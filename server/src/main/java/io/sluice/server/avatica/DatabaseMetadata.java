package io.sluice.server.avatica;

import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.plan.catalog.CatalogReader;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.catalog.ViewDef;
import io.sluice.server.Database;
import io.sluice.server.Version;
import io.sluice.server.catalog.CatalogState;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.Meta;

/**
 * The answers to DatabaseMetaData calls, from the catalog: rows in the column layout JDBC
 * specifies for each call. Sluice has one catalog, {@value #CATALOG}, holding the schemas
 * {@code public} and {@code sys}.
 */
final class DatabaseMetadata {
  /** The name JDBC reports for Sluice's one catalog. */
  static final String CATALOG = CatalogReader.CATALOG;

  private final Database database;

  DatabaseMetadata(Database database) {
    this.database = database;
  }

  Map<Meta.DatabaseProperty, Object> properties() {
    Map<Meta.DatabaseProperty, Object> p = new EnumMap<>(Meta.DatabaseProperty.class);
    p.put(Meta.DatabaseProperty.GET_DATABASE_PRODUCT_NAME, "Sluice");
    p.put(Meta.DatabaseProperty.GET_DATABASE_PRODUCT_VERSION, Version.VERSION);
    p.put(Meta.DatabaseProperty.GET_DATABASE_MAJOR_VERSION, Version.major());
    p.put(Meta.DatabaseProperty.GET_DATABASE_MINOR_VERSION, Version.minor());
    p.put(Meta.DatabaseProperty.GET_DRIVER_NAME, "Sluice JDBC Driver");
    p.put(Meta.DatabaseProperty.GET_DRIVER_VERSION, Version.VERSION);
    p.put(Meta.DatabaseProperty.GET_DRIVER_MAJOR_VERSION, Version.major());
    p.put(Meta.DatabaseProperty.GET_DRIVER_MINOR_VERSION, Version.minor());
    // Statements commit one by one; there are no transactions to isolate.
    p.put(Meta.DatabaseProperty.GET_DEFAULT_TRANSACTION_ISOLATION,
        java.sql.Connection.TRANSACTION_NONE);
    p.put(Meta.DatabaseProperty.GET_NUMERIC_FUNCTIONS,
        "ABS,CEIL,CEILING,EXP,FLOOR,LN,LOG10,MOD,POWER,ROUND,SIGN,SQRT,TRUNCATE");
    p.put(Meta.DatabaseProperty.GET_STRING_FUNCTIONS,
        "CHAR_LENGTH,CHARACTER_LENGTH,CONCAT,INITCAP,LOWER,LPAD,LTRIM,OVERLAY,POSITION,"
            + "REPLACE,RPAD,RTRIM,SUBSTRING,TRIM,UPPER");
    p.put(Meta.DatabaseProperty.GET_SYSTEM_FUNCTIONS, "COALESCE,NULLIF");
    p.put(Meta.DatabaseProperty.GET_TIME_DATE_FUNCTIONS,
        "CURRENT_DATE,CURRENT_TIME,CURRENT_TIMESTAMP,EXTRACT,FLOOR,CEIL,LOCALTIMESTAMP");
    p.put(Meta.DatabaseProperty.GET_S_Q_L_KEYWORDS, "CHECKPOINT,MATERIALIZED,SHOW,DESCRIBE");
    return p;
  }

  private static Pattern like(String pattern) {
    if (pattern == null) {
      return null;
    }
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  private static boolean matches(Pattern p, String s) {
    return p == null || p.matcher(s).matches();
  }

  private static boolean catalogMatches(String catalog) {
    return catalog == null || catalog.isEmpty() || catalog.equals(CATALOG);
  }

  /** A table or view with its JDBC type name, in one list. */
  private record Relation(String schema, String name, String type, RowType rowType,
      TableDef table) {}

  private List<Relation> relations(String schemaPattern, String tablePattern) {
    CatalogState c = database.catalog().current();
    Pattern sp = like(schemaPattern);
    Pattern tp = like(tablePattern);
    List<Relation> out = new ArrayList<>();
    for (String schema : c.schemas()) {
      if (!matches(sp, schema)) {
        continue;
      }
      for (TableDef t : c.tables(schema)) {
        if (matches(tp, t.name())) {
          out.add(new Relation(schema, t.name(),
              t.kind() == TableDef.Kind.SYSTEM ? "SYSTEM TABLE" : "TABLE", t.rowType(), t));
        }
      }
      for (ViewDef v : c.views(schema)) {
        if (matches(tp, v.name())) {
          out.add(new Relation(schema, v.name(), v.materialized() ? "MATERIALIZED VIEW" : "VIEW",
              v.rowType(), null));
        }
      }
    }
    return out;
  }

  List<Object> tables(String catalog, String schemaPattern, String tablePattern,
      List<String> types) {
    List<Object> rows = new ArrayList<>();
    if (!catalogMatches(catalog)) {
      return rows;
    }
    for (Relation r : relations(schemaPattern, tablePattern)) {
      if (types == null || types.contains(r.type())) {
        rows.add(new Object[] {CATALOG, r.schema(), r.name(), r.type(), null, null, null, null,
            null, null});
      }
    }
    return rows;
  }

  List<Object> columns(String catalog, String schemaPattern, String tablePattern,
      String columnPattern) {
    List<Object> rows = new ArrayList<>();
    if (!catalogMatches(catalog)) {
      return rows;
    }
    Pattern cp = like(columnPattern);
    for (Relation r : relations(schemaPattern, tablePattern)) {
      for (int i = 0; i < r.rowType().size(); i++) {
        Field f = r.rowType().field(i);
        if (!matches(cp, f.name())) {
          continue;
        }
        DataType t = f.type();
        Integer decimals = t.kind() == TypeKind.DECIMAL ? Integer.valueOf(t.scale())
            : t.kind().isInteger() ? Integer.valueOf(0) : null;
        Integer radix = t.kind().isNumeric() ? Integer.valueOf(10) : null;
        Integer octets = t.kind().isCharacter() ? Integer.valueOf(JdbcTypes.precision(t) == Integer.MAX_VALUE
            ? Integer.MAX_VALUE : JdbcTypes.precision(t) * 4) : null;
        String def = r.table() == null ? null : r.table().defaults().get(i);
        rows.add(new Object[] {CATALOG, r.schema(), r.name(), f.name(), t.kind().jdbcType(),
            t.kind().sqlName(), JdbcTypes.precision(t), null, decimals, radix,
            t.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
            null, def, null, null, octets, i + 1, t.nullable() ? "YES" : "NO", null, null, null,
            null, "NO", "NO"});
      }
    }
    return rows;
  }

  List<Object> schemas(String catalog, String schemaPattern) {
    List<Object> rows = new ArrayList<>();
    if (!catalogMatches(catalog)) {
      return rows;
    }
    Pattern sp = like(schemaPattern);
    for (String s : database.catalog().current().schemas()) {
      if (matches(sp, s)) {
        rows.add(new Object[] {s, CATALOG});
      }
    }
    return rows;
  }

  List<Object> catalogs() {
    List<Object> rows = new ArrayList<>();
    rows.add(new Object[] {CATALOG});
    return rows;
  }

  List<Object> tableTypes() {
    List<Object> rows = new ArrayList<>();
    for (String t : List.of("MATERIALIZED VIEW", "SYSTEM TABLE", "TABLE", "VIEW")) {
      rows.add(new Object[] {t});
    }
    return rows;
  }

  List<Object> typeInfo() {
    List<Object> rows = new ArrayList<>();
    List<TypeKind> kinds = new ArrayList<>(List.of(TypeKind.values()));
    kinds.remove(TypeKind.NULL);
    // JDBC orders the types by DATA_TYPE.
    kinds.sort(java.util.Comparator.comparingInt(TypeKind::jdbcType));
    for (TypeKind k : kinds) {
      DataType t = k == TypeKind.DECIMAL ? DataType.decimal(DataType.MAX_DECIMAL_PRECISION, 0)
          : k.isCharacter() ? new DataType(k, 65536, 0, true) : DataType.of(k);
      boolean quoted = k.isCharacter() || k == TypeKind.DATE || k == TypeKind.TIME
          || k == TypeKind.TIMESTAMP;
      String prefix = !quoted ? null : k.isCharacter() ? "'" : k.sqlName() + " '";
      rows.add(new Object[] {k.sqlName(), k.jdbcType(), JdbcTypes.precision(t), prefix,
          quoted ? "'" : null, k == TypeKind.DECIMAL ? "precision,scale"
              : k.isCharacter() ? "length" : null,
          (short) DatabaseMetaData.typeNullable, k.isCharacter(),
          (short) DatabaseMetaData.typeSearchable, !k.isNumeric(),
          false, false, k.sqlName(), (short) 0,
          (short) (k == TypeKind.DECIMAL ? DataType.MAX_DECIMAL_PRECISION : 0), null, null,
          k.isNumeric() ? 10 : null});
    }
    return rows;
  }

  List<Object> primaryKeys(String catalog, String schema, String table) {
    List<Object> rows = new ArrayList<>();
    if (!catalogMatches(catalog)) {
      return rows;
    }
    for (Relation r : relations(schema, table)) {
      if (r.table() == null) {
        continue;
      }
      List<Integer> pk = r.table().primaryKey();
      for (int i = 0; i < pk.size(); i++) {
        rows.add(new Object[] {CATALOG, r.schema(), r.name(),
            r.rowType().field(pk.get(i)).name(), (short) (i + 1), r.name() + "_pkey"});
      }
    }
    return rows;
  }

  List<Object> indexInfo(String catalog, String schema, String table) {
    List<Object> rows = new ArrayList<>();
    if (!catalogMatches(catalog)) {
      return rows;
    }
    for (Relation r : relations(schema, table)) {
      if (r.table() == null) {
        continue;
      }
      List<Integer> pk = r.table().primaryKey();
      for (int i = 0; i < pk.size(); i++) {
        rows.add(new Object[] {CATALOG, r.schema(), r.name(), false, null, r.name() + "_pkey",
            (short) DatabaseMetaData.tableIndexOther, (short) (i + 1),
            r.rowType().field(pk.get(i)).name(), "A", 0L, 0L, null});
      }
    }
    return rows;
  }
}

package io.sluice.server.avatica;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;

/**
 * Result sets of DatabaseMetaData calls: the column layout the JDBC specification gives each
 * call (taken from Avatica's {@code MetaImpl.Meta*} classes, whose public fields list them in
 * order) and Sluice's rows.
 */
final class MetadataResults {
  private MetadataResults() {}

  /** The JDBC columns of a metadata call, from the fields of Avatica's class for it. */
  static List<ColumnMetaData> columnsOf(Class<?> metaClass) {
    List<ColumnMetaData> columns = new ArrayList<>();
    for (Field f : metaClass.getFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      String name = AvaticaUtils.camelToUpper(f.getName());
      columns.add(column(name, columns.size(), f.getType()));
    }
    return columns;
  }

  private static ColumnMetaData column(String name, int index, Class<?> type) {
    int sqlType;
    String typeName;
    ColumnMetaData.Rep rep;
    if (type == String.class) {
      sqlType = Types.VARCHAR;
      typeName = "VARCHAR";
      rep = ColumnMetaData.Rep.STRING;
    } else if (type == int.class || type == Integer.class) {
      sqlType = Types.INTEGER;
      typeName = "INTEGER";
      rep = ColumnMetaData.Rep.INTEGER;
    } else if (type == short.class || type == Short.class) {
      sqlType = Types.SMALLINT;
      typeName = "SMALLINT";
      rep = ColumnMetaData.Rep.SHORT;
    } else if (type == long.class || type == Long.class) {
      sqlType = Types.BIGINT;
      typeName = "BIGINT";
      rep = ColumnMetaData.Rep.LONG;
    } else if (type == boolean.class || type == Boolean.class) {
      sqlType = Types.BOOLEAN;
      typeName = "BOOLEAN";
      rep = ColumnMetaData.Rep.BOOLEAN;
    } else {
      sqlType = Types.VARCHAR;
      typeName = "VARCHAR";
      rep = ColumnMetaData.Rep.STRING;
    }
    ColumnMetaData.AvaticaType t = ColumnMetaData.scalar(sqlType, typeName, rep);
    return new ColumnMetaData(index, false, true, false, false,
        type.isPrimitive() ? DatabaseMetaData.columnNoNulls : DatabaseMetaData.columnNullable,
        true, -1, name, name, null, 0, 0, null, null, t, true, false, false, t.columnClassName());
  }

  /** A complete result set of rows (each an Object[] in column order). */
  static Meta.MetaResultSet of(String connectionId, int statementId,
      List<ColumnMetaData> columns, List<Object> rows) {
    Meta.Signature signature = new Meta.Signature(columns, "", List.of(), Map.of(),
        Meta.CursorFactory.ARRAY, Meta.StatementType.SELECT);
    return Meta.MetaResultSet.create(connectionId, statementId, true, signature,
        new Meta.Frame(0, true, rows));
  }
}

package io.sluice.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;

/**
 * DatabaseMetaData with Sluice's answers where Avatica's protocol has no request for them:
 * primary keys and indexes are read with SQL from the server's system tables.
 */
final class SluiceDatabaseMetaData extends AvaticaDatabaseMetaData {
  private static final String CATALOG = "sluice";
  private final SluiceConnection connection;

  SluiceDatabaseMetaData(SluiceConnection connection) {
    super(connection);
    this.connection = connection;
  }

  @Override
  public String getURL() {
    return connection.userUrl();
  }

  @Override
  public boolean supportsTransactions() {
    return false;
  }

  // Unquoted identifiers fold to lower case; quoted ones keep their case; names then match
  // exactly.

  @Override
  public boolean storesLowerCaseIdentifiers() {
    return true;
  }

  @Override
  public boolean storesUpperCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean supportsMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() {
    return true;
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table)
      throws SQLException {
    return query("SELECT CAST('" + CATALOG + "' AS VARCHAR) AS \"TABLE_CAT\", "
        + "table_schema AS \"TABLE_SCHEM\", table_name AS \"TABLE_NAME\", "
        + "column_name AS \"COLUMN_NAME\", CAST(key_position AS SMALLINT) AS \"KEY_SEQ\", "
        + "table_name || '_pkey' AS \"PK_NAME\" FROM sys.primary_keys"
        + where(catalog, schema, table) + " ORDER BY \"COLUMN_NAME\"");
  }

  @Override
  public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique,
      boolean approximate) throws SQLException {
    return query("SELECT CAST('" + CATALOG + "' AS VARCHAR) AS \"TABLE_CAT\", "
        + "table_schema AS \"TABLE_SCHEM\", table_name AS \"TABLE_NAME\", "
        + "NOT is_unique AS \"NON_UNIQUE\", CAST(NULL AS VARCHAR) AS \"INDEX_QUALIFIER\", "
        + "index_name AS \"INDEX_NAME\", CAST(3 AS SMALLINT) AS \"TYPE\", "
        + "CAST(position AS SMALLINT) AS \"ORDINAL_POSITION\", "
        + "column_name AS \"COLUMN_NAME\", "
        + "CASE WHEN descending THEN 'D' ELSE 'A' END AS \"ASC_OR_DESC\", "
        + "CAST(0 AS BIGINT) AS \"CARDINALITY\", CAST(0 AS BIGINT) AS \"PAGES\", "
        + "CAST(NULL AS VARCHAR) AS \"FILTER_CONDITION\" FROM sys.indexes"
        + where(catalog, schema, table) + (unique ? " AND is_unique" : "")
        + " ORDER BY \"NON_UNIQUE\", \"TYPE\", \"INDEX_NAME\", \"ORDINAL_POSITION\"");
  }

  private ResultSet query(String sql) throws SQLException {
    Statement st = connection.createStatement();
    ResultSet rs = st.executeQuery(sql);
    st.closeOnCompletion();
    return rs;
  }

  /** The filter for a catalog, schema and table name as JDBC passes them (null: any). */
  private static String where(String catalog, String schema, String table) {
    if (catalog != null && !catalog.isEmpty() && !catalog.equals(CATALOG)) {
      return " WHERE FALSE";
    }
    StringBuilder sb = new StringBuilder(" WHERE TRUE");
    if (schema != null) {
      sb.append(" AND table_schema = ").append(literal(schema));
    }
    if (table != null) {
      sb.append(" AND table_name = ").append(literal(table));
    }
    return sb.toString();
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}

package io.sluice.jdbc;

import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * A connection to Sluice. Every statement commits when it completes, so autocommit cannot be
 * turned off and there is nothing to roll back; a failed batch is a {@link
 * BatchUpdateException} saying how many of its commands took effect; a lost server is an
 * SQLException with SQLSTATE 08006.
 */
final class SluiceConnection extends AvaticaConnection {
  SluiceConnection(UnregisteredDriver driver, AvaticaFactory factory, String url,
      Properties info) {
    super(driver, factory, url, info);
  }

  /** Avatica's client side of the protocol (fetches and closes of result sets use it). */
  Meta meta() {
    return meta;
  }

  /** The URL the user connected with. */
  String userUrl() {
    return info.getProperty(SluiceDriver.URL_PROPERTY);
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    if (!autoCommit) {
      throw new SQLFeatureNotSupportedException("Sluice commits every statement when it "
          + "completes; transactions spanning several statements are not supported", "0A000");
    }
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public void commit() throws SQLException {
    checkOpen();
  }

  @Override
  public void rollback() throws SQLException {
    checkOpen();
    throw new SQLException("cannot roll back: every statement commits when it completes "
        + "(autocommit)", "25000");
  }

  @Override
  public AvaticaStatement createStatement(int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    try {
      return super.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability);
    } catch (RuntimeException e) {
      throw Failures.lost(e);
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    try {
      return super.prepareStatement(sql, resultSetType, resultSetConcurrency,
          resultSetHoldability);
    } catch (RuntimeException e) {
      throw Failures.isConnectionFailure(e) ? Failures.lost(e)
          : Failures.connectionFailed("cannot prepare \"" + sql + "\"", e);
    } catch (SQLException e) {
      throw Failures.isConnectionFailure(e) ? Failures.lost(e) : e;
    }
  }

  @Override
  protected Meta.ExecuteResult prepareAndExecuteInternal(AvaticaStatement statement, String sql,
      long maxRowCount) throws SQLException, NoSuchStatementException {
    try {
      return super.prepareAndExecuteInternal(statement, sql, maxRowCount);
    } catch (RuntimeException e) {
      if (Failures.isConnectionFailure(e)) {
        throw Failures.lost(e);
      }
      throw e;
    }
  }

  @Override
  protected long[] executeBatchUpdateInternal(AvaticaPreparedStatement statement)
      throws SQLException {
    try {
      return super.executeBatchUpdateInternal(statement);
    } catch (SQLException e) {
      throw batchFailure(e);
    }
  }

  @Override
  protected Meta.ExecuteBatchResult prepareAndUpdateBatch(AvaticaStatement statement,
      List<String> queries) throws NoSuchStatementException, SQLException {
    try {
      return super.prepareAndUpdateBatch(statement, queries);
    } catch (RuntimeException e) {
      throw batchFailure(org.apache.calcite.avatica.Helper.INSTANCE.createException(
          e.getMessage(), e));
    }
  }

  /**
   * A batch that failed: the server reports in the error code how many of its commands took
   * effect before the failing one (an INSERT batch is atomic, so that is 0).
   */
  private static SQLException batchFailure(SQLException e) {
    if (Failures.isConnectionFailure(e)) {
      return Failures.lost(e);
    }
    long[] counts = new long[Math.max(0, e.getErrorCode())];
    Arrays.fill(counts, Statement.SUCCESS_NO_INFO);
    return new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(), counts,
        e);
  }
}

package io.sluice.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.Meta;

/** A prepared statement: Avatica's, with the JDBC 4 setters routed to its parameter sites. */
final class SluicePreparedStatement extends AvaticaPreparedStatement {
  SluicePreparedStatement(AvaticaConnection connection, Meta.StatementHandle h,
      Meta.Signature signature, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  boolean isCancelled() {
    return cancelFlag.get();
  }

  /** Also ends a running {@code SELECT STREAM} on the server at once. */
  @Override
  public void cancel() throws SQLException {
    super.cancel();
    if (getResultSet() instanceof SluiceResultSet rs) {
      rs.endStream();
    }
  }

  @Override
  public void setRowId(int i, RowId x) throws SQLException {
    getSite(i).setRowId(x);
  }

  @Override
  public void setNString(int i, String value) throws SQLException {
    getSite(i).setNString(value);
  }

  @Override
  public void setNCharacterStream(int i, Reader value, long length) throws SQLException {
    getSite(i).setNCharacterStream(value, length);
  }

  @Override
  public void setNClob(int i, NClob value) throws SQLException {
    getSite(i).setNClob(value);
  }

  @Override
  public void setClob(int i, Reader reader, long length) throws SQLException {
    getSite(i).setClob(reader, length);
  }

  @Override
  public void setBlob(int i, InputStream inputStream, long length) throws SQLException {
    getSite(i).setBlob(inputStream, length);
  }

  @Override
  public void setNClob(int i, Reader reader, long length) throws SQLException {
    getSite(i).setNClob(reader, length);
  }

  @Override
  public void setSQLXML(int i, SQLXML xmlObject) throws SQLException {
    getSite(i).setSQLXML(xmlObject);
  }

  @Override
  public void setAsciiStream(int i, InputStream x, long length) throws SQLException {
    getSite(i).setAsciiStream(x, length);
  }

  @Override
  public void setBinaryStream(int i, InputStream x, long length) throws SQLException {
    getSite(i).setBinaryStream(x, length);
  }

  @Override
  public void setCharacterStream(int i, Reader reader, long length) throws SQLException {
    getSite(i).setCharacterStream(reader, length);
  }

  @Override
  public void setAsciiStream(int i, InputStream x) throws SQLException {
    getSite(i).setAsciiStream(x);
  }

  @Override
  public void setBinaryStream(int i, InputStream x) throws SQLException {
    getSite(i).setBinaryStream(x);
  }

  @Override
  public void setCharacterStream(int i, Reader reader) throws SQLException {
    getSite(i).setCharacterStream(reader);
  }

  @Override
  public void setNCharacterStream(int i, Reader value) throws SQLException {
    getSite(i).setNCharacterStream(value);
  }

  @Override
  public void setClob(int i, Reader reader) throws SQLException {
    getSite(i).setClob(reader);
  }

  @Override
  public void setBlob(int i, InputStream inputStream) throws SQLException {
    getSite(i).setBlob(inputStream);
  }

  @Override
  public void setNClob(int i, Reader reader) throws SQLException {
    getSite(i).setNClob(reader);
  }

  @Override
  public void setClob(int i, Clob x) throws SQLException {
    getSite(i).setClob(x);
  }

  @Override
  public void setBlob(int i, Blob x) throws SQLException {
    getSite(i).setBlob(x);
  }
}

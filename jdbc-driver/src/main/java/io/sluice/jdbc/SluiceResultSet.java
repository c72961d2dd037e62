package io.sluice.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.TimeZone;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;

/**
 * A result set that fetches its frames itself rather than through Avatica's iterator, so that
 * it suits results that never end ({@code SELECT STREAM}):
 * <ul>
 *   <li>executing returns with the first frame; nothing more is fetched until {@link #next}
 *       needs it (Avatica fetches ahead as soon as the first frame is empty);
 *   <li>{@code next()} fetches until a row arrives: the server answers each fetch of a stream
 *       within a bounded wait, possibly with no rows, and this asks again;
 *   <li>between fetches it checks whether the statement was cancelled, and a fetch that fails
 *       (a stream that fell too far behind, a dataflow error, a lost server) is an
 *       SQLException with the server's SQLSTATE, not a runtime exception;
 *   <li>closing a stream's result set, or cancelling its statement, ends the stream on the
 *       server at once (by closing the server's statement: Avatica has no cancel request).
 * </ul>
 */
final class SluiceResultSet extends AvaticaResultSet {
  /** Recognises {@code SELECT STREAM}, after any leading comments. */
  private static final Pattern STREAM = Pattern.compile(
      "(?is)^(\\s|--[^\\n]*\\n|/\\*.*?\\*/)*\\(*\\s*select\\s+stream\\b.*");

  private final BooleanSupplier cancelled;
  private final boolean stream;
  private FrameIterator frames;

  SluiceResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      ResultSetMetaData metaData, TimeZone timeZone, Meta.Frame firstFrame,
      BooleanSupplier cancelled) throws SQLException {
    super(statement, state, signature, metaData, timeZone, firstFrame);
    this.cancelled = cancelled;
    this.stream = signature != null && signature.sql != null
        && STREAM.matcher(signature.sql).matches();
  }

  /** Whether the statement text is {@code SELECT STREAM ...}. */
  static boolean isStream(String sql) {
    return sql != null && STREAM.matcher(sql).matches();
  }

  @Override
  protected AvaticaResultSet execute() throws SQLException {
    frames = new FrameIterator(firstFrame);
    return execute2(MetaImpl.createCursor(signature.cursorFactory, () -> frames),
        columnMetaDataList);
  }

  @Override
  public boolean next() throws SQLException {
    checkCancelled();
    try {
      return super.next();
    } catch (FetchFailure e) {
      throw e.exception;
    }
  }

  private void checkCancelled() throws SQLException {
    if (cancelled.getAsBoolean()) {
      endStream();
      throw new SQLException("statement canceled", "57014");
    }
  }

  /** Ends the stream on the server (closing its statement there), if it still runs. */
  void endStream() {
    if (stream && frames != null && !frames.finished) {
      frames.finished = true;
      try {
        ((SluiceConnection) statement.connection).meta().closeStatement(statement.handle);
      } catch (RuntimeException e) {
        // The server or the statement is gone already: nothing runs there.
      }
    }
  }

  @Override
  public void close() {
    // The statement closes a result set before it runs again or closes itself (and then
    // the server ends the stream); only a close by the application has to end it here.
    boolean byApplication;
    try {
      byApplication = statement.getResultSet() == this;
    } catch (SQLException e) {
      byApplication = false;
    }
    if (byApplication) {
      endStream();
    }
    super.close();
  }

  /** An SQLException carried through the cursor, which only lets runtime exceptions out. */
  private static final class FetchFailure extends RuntimeException {
    final SQLException exception;

    FetchFailure(SQLException exception) {
      super(exception.getMessage(), exception, false, false);
      this.exception = exception;
    }
  }

  /** The rows of the frames, fetched one frame at a time when the previous one is used up. */
  private final class FrameIterator implements Iterator<Object> {
    private Meta.Frame frame;
    private Iterator<Object> rows;
    private long offset;
    volatile boolean finished;

    FrameIterator(Meta.Frame first) {
      this.frame = first != null ? first : Meta.Frame.MORE;
      this.rows = first != null ? first.rows.iterator() : java.util.Collections.emptyIterator();
      this.finished = frame.done;
    }

    @Override
    public boolean hasNext() {
      while (!rows.hasNext()) {
        if (frame.done) {
          finished = true;
          return false;
        }
        try {
          checkCancelled();
          if (finished) {
            throw new SQLException("the stream was closed", "57014");
          }
          frame = fetch();
        } catch (SQLException e) {
          finished = true;
          throw new FetchFailure(e);
        }
        rows = frame.rows.iterator();
      }
      return true;
    }

    private Meta.Frame fetch() throws SQLException {
      int size;
      try {
        size = statement.getFetchSize();
      } catch (SQLException e) {
        size = AvaticaStatement.DEFAULT_FETCH_SIZE;
      }
      try {
        Meta.Frame f = ((SluiceConnection) statement.connection).meta()
            .fetch(statement.handle, offset, size);
        return f != null ? f : new Meta.Frame(offset, true, java.util.List.of());
      } catch (NoSuchStatementException | MissingResultsException e) {
        checkCancelled();
        throw new SQLException("the result is no longer on the server (its statement was"
            + " closed)", "57014", e);
      } catch (AvaticaClientRuntimeException e) {
        checkCancelled();
        throw new SQLException(e.getMessage(), e.getSqlState(), e.getErrorCode(), e);
      } catch (RuntimeException e) {
        checkCancelled();
        if (Failures.isConnectionFailure(e)) {
          throw Failures.lost(e);
        }
        throw new SQLNonTransientConnectionException(Failures.rootMessage(e), "08006", e);
      }
    }

    @Override
    public Object next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      offset++;
      return rows.next();
    }
  }
}

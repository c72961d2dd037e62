package io.sluice.server.avatica;

import io.sluice.server.streams.ContinuousQueries;
import io.sluice.server.streams.ContinuousSelect;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.Meta.Frame;

/**
 * A statement's running {@code SELECT STREAM}, seen as Avatica frames: each frame holds the
 * rows waiting, or those that arrive within a bounded wait, and is never done unless the
 * statement's maximum row count is reached. Ending the cursor ends the stream on the server.
 * Used by one client request at a time; {@link #end} may come from another.
 */
final class StreamCursor {
  private final ContinuousQueries streams;
  private final ContinuousSelect stream;
  private final long maxRows;
  /** Rows delivered so far: the offset of the next frame. */
  private long offset;
  private volatile boolean ended;

  StreamCursor(ContinuousQueries streams, ContinuousSelect stream, long maxRows) {
    this.streams = streams;
    this.stream = stream;
    this.maxRows = maxRows;
  }

  /**
   * The next frame, waiting up to {@code waitMillis} for a first row. A failed stream throws
   * its error and is ended.
   */
  Frame next(int requested, long waitMillis) {
    if (ended) {
      return new Frame(offset, true, List.of());
    }
    int size = requested <= 0 ? SluiceMeta.MIN_FRAME_ROWS
        : Math.max(requested, SluiceMeta.MIN_FRAME_ROWS);
    if (maxRows > 0) {
      size = (int) Math.min(size, maxRows - offset);
    }
    List<Object[]> rows;
    try {
      rows = stream.poll(size, waitMillis);
    } catch (RuntimeException e) {
      end();
      throw e;
    }
    long from = offset;
    offset += rows.size();
    boolean done = maxRows > 0 && offset >= maxRows;
    if (done) {
      end();
    }
    return new Frame(from, done, new ArrayList<>(rows));
  }

  /** Ends the stream and frees it on the server; more calls do nothing. */
  void end() {
    if (!ended) {
      ended = true;
      streams.end(stream);
    }
  }
}

package io.sluice.server.statement;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.parser.ast.AlterSystem;
import io.sluice.parser.ast.Checkpoint;
import io.sluice.parser.ast.ExportCheckpoint;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import io.sluice.server.checkpoint.CheckpointInfo;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CHECKPOINT, EXPORT CHECKPOINT and ALTER SYSTEM. */
final class CheckpointHandlers {
  private static final DataType BIG = new DataType(TypeKind.BIGINT, DataType.UNSPECIFIED, 0,
      false);
  /** The one row CHECKPOINT returns. */
  static final RowType RESULT = RowType.of(new Field("checkpoint_id", BIG),
      new Field("epoch", BIG),
      new Field("started", new DataType(TypeKind.TIMESTAMP, DataType.UNSPECIFIED, 0, false)),
      new Field("duration_ms", BIG), new Field("bytes_added", BIG),
      new Field("total_bytes", BIG));

  private CheckpointHandlers() {}

  static Handler.Planned checkpoint(Session session, Checkpoint st) {
    return new Handler.Planned(StatementKind.INFO, RESULT, List.of(), params -> {
      CheckpointInfo c = session.database().checkpoints().checkpoint("manual");
      List<Object[]> rows = new ArrayList<>();
      rows.add(new Object[] {c.id(), c.epoch(), c.startedMillis(), c.durationMillis(),
          c.bytesAdded(), c.totalBytes()});
      return new StatementResult.Rows(RESULT, rows);
    });
  }

  static Handler.Planned export(Session session, ExportCheckpoint st) {
    Path target;
    try {
      target = Path.of(st.directory());
    } catch (InvalidPathException e) {
      throw new SluiceException(SqlState.INVALID_PARAMETER_VALUE,
          "not a directory name: " + st.directory());
    }
    if (!target.isAbsolute()) {
      throw new SluiceException(SqlState.INVALID_PARAMETER_VALUE, "EXPORT CHECKPOINT needs an"
          + " absolute directory (it is written by the server), not '" + st.directory() + "'");
    }
    return new Handler.Planned(StatementKind.OTHER, null, List.of(), params -> {
      session.database().checkpoints().export(st.id(), target);
      return new StatementResult.Count(0);
    });
  }

  static Handler.Planned alterSystem(Session session, AlterSystem st) {
    return new Handler.Planned(StatementKind.OTHER, null, List.of(), params -> {
      if (st.value() == null) {
        session.database().settings().reset(st.name());
      } else {
        session.database().settings().set(st.name(), st.value());
      }
      return new StatementResult.Count(0);
    });
  }
}

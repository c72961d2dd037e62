package io.sluice.executor.stream;

import io.sluice.common.types.DataType;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.executor.operator.ViewContents;
import io.sluice.storage.codec.KeyCodec;
import io.sluice.storage.kv.Keyspace;
import io.sluice.storage.kv.KvSnapshot;
import io.sluice.storage.state.StateTableSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Where a view's (or a continuous SELECT's) state lives: its state tables have the ids {@code
 * view id × 1000 + ordinal}, its plan's operators taking ordinals 0 up from a walk of the plan,
 * its data errors 998 and its contents 999. A view's state is thus one key range, dropped
 * with one range delete, and its layout does not depend on the number of partitions.
 */
public final class ViewStateLayout {
  /** State table ids of a view are its id times this, plus the table's ordinal. */
  public static final long STATE_IDS_PER_VIEW = 1000;
  /** The ordinal of the view contents table among the view's state tables. */
  public static final long CONTENTS_ORDINAL = STATE_IDS_PER_VIEW - 1;
  /** The ordinal of the view's table of data errors. */
  public static final long ERRORS_ORDINAL = CONTENTS_ORDINAL - 1;
  /** How many state tables a view's plan may declare. */
  public static final long PLAN_STATE_TABLES = ERRORS_ORDINAL;

  private ViewStateLayout() {}

  /** The id of a view's first state table; its range ends before {@code firstStateId(id + 1)}. */
  public static long firstStateId(long viewId) {
    return viewId * STATE_IDS_PER_VIEW;
  }

  /**
   * The META key under which a view's contents layout ({@link ViewContents#encode}) is kept,
   * written with the plan's fingerprint whenever the view's state is (re)started from nothing.
   * Readers take the layout from there, at the snapshot they read, so they always read the
   * state as it was written.
   */
  public static byte[] contentsLayoutKey(long viewId) {
    return ("view/" + viewId + "/contents").getBytes(StandardCharsets.UTF_8);
  }

  /** The layout of a view's contents as of a snapshot (counted rows when none is recorded). */
  public static ViewContents contents(KvSnapshot snapshot, long viewId, RowType rowType) {
    byte[] v = snapshot.store().get(snapshot, Keyspace.META, contentsLayoutKey(viewId));
    return ViewContents.decode(rowType, v == null ? null : new String(v, StandardCharsets.UTF_8));
  }

  /** The id of a view's contents table. */
  public static long contentsTableId(long viewId) {
    return firstStateId(viewId) + CONTENTS_ORDINAL;
  }

  /** The id of a view's table of data errors (see {@link ViewErrors}). */
  public static long errorsTableId(long viewId) {
    return firstStateId(viewId) + ERRORS_ORDINAL;
  }

  /**
   * The table of a view's data errors: a row whose expression raised a data exception is left
   * out of the view and its error counted here; reading the view fails while one is counted.
   */
  public static StateTableSpec errorsSpec(long viewId) {
    DataType text = DataType.varchar(DataType.UNSPECIFIED);
    return new StateTableSpec(errorsTableId(viewId), "errors",
        List.of(new KeyCodec.Column(text, false, true), new KeyCodec.Column(text, false, true)),
        List.of(count()));
  }

  private static DataType count() {
    return new DataType(TypeKind.BIGINT, DataType.UNSPECIFIED, 0, false);
  }
}

package io.sluice.server.statement;

import io.sluice.parser.ast.ResetOption;
import io.sluice.parser.ast.SetOption;
import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.server.Session;
import io.sluice.server.SystemSettings;
import io.sluice.server.StatementResult;
import java.util.List;

/** SET and RESET. */
final class UtilityHandlers {
  private UtilityHandlers() {}

  static Handler.Planned set(Session session, SetOption st) {
    if (SystemSettings.isSystemSetting(st.name())) {
      throw new SluiceException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "\"" + st.name()
          + "\" is a setting of the whole database, not of a session: use ALTER SYSTEM SET "
          + st.name() + " = ...");
    }
    return new Handler.Planned(StatementKind.OTHER, null, List.of(), params -> {
      session.options().set(st.name(), st.value());
      return new StatementResult.Count(0);
    });
  }

  static Handler.Planned reset(Session session, ResetOption st) {
    return new Handler.Planned(StatementKind.OTHER, null, List.of(), params -> {
      if (st.name() == null) {
        session.options().resetAll();
      } else {
        session.options().reset(st.name());
      }
      return new StatementResult.Count(0);
    });
  }
}

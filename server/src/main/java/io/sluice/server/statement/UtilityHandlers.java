package io.sluice.server.statement;

import io.sluice.parser.ast.ResetOption;
import io.sluice.parser.ast.SetOption;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import java.util.List;

/** SET and RESET. */
final class UtilityHandlers {
  private UtilityHandlers() {}

  static Handler.Planned set(Session session, SetOption st) {
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

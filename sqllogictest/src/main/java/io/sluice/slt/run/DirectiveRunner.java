package io.sluice.slt.run;

import io.sluice.slt.run.StatementTimeout.TimedOut;
import io.sluice.slt.script.Directive;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/** Carries out Sluice's directives ({@link Directive}) on a file's database. */
final class DirectiveRunner {
  /** How long {@code sluice wait fresh} waits when statements have no time limit. */
  private static final Duration DEFAULT_FRESHNESS_WAIT = Duration.ofMinutes(5);

  private final FileDatabase database;
  private final StatementTimeout timeout;

  DirectiveRunner(FileDatabase database, StatementTimeout timeout) {
    this.database = database;
    this.timeout = timeout;
  }

  /**
   * Carries out a directive; empty if it did what it says, else what went wrong.
   *
   * @throws SQLException if the database failed in a way the directive does not check
   * @throws TimedOut if CHECKPOINT ran past the statement timeout (the connection is closed)
   */
  Optional<String> run(Directive directive) throws SQLException, TimedOut {
    return switch (directive) {
      case CHECKPOINT -> checkpoint();
      case RESTART -> {
        database.restart();
        yield Optional.empty();
      }
      case KILL -> {
        database.kill();
        yield Optional.empty();
      }
      case WAIT_FRESH -> Freshness.await(database.connection(),
          timeout.limit().isZero() ? DEFAULT_FRESHNESS_WAIT : timeout.limit());
    };
  }

  /** {@code CHECKPOINT} must return one row, the completed checkpoint, with its id. */
  private Optional<String> checkpoint() throws SQLException, TimedOut {
    try {
      return timeout.run(database.connection(), () -> {
        try (Statement st = database.connection().createStatement();
            ResultSet rows = st.executeQuery("CHECKPOINT")) {
          if (!rows.next()) {
            return Optional.of("CHECKPOINT returned no row");
          }
          long id = rows.getLong("checkpoint_id");
          if (rows.wasNull() || id <= 0) {
            return Optional.of("CHECKPOINT returned no checkpoint id");
          }
          if (rows.next()) {
            return Optional.of("CHECKPOINT returned more than one row");
          }
          return Optional.empty();
        }
      });
    } catch (ResultShapeException e) {
      throw new IllegalStateException("CHECKPOINT has no result shape to check", e);
    }
  }
}

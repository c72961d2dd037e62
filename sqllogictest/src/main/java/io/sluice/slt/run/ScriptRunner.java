package io.sluice.slt.run;

import io.sluice.slt.result.QueryOutput;
import io.sluice.slt.result.ResultHash;
import io.sluice.slt.run.StatementTimeout.TimedOut;
import io.sluice.slt.script.DirectiveRecord;
import io.sluice.slt.script.HaltRecord;
import io.sluice.slt.script.HashThresholdRecord;
import io.sluice.slt.script.MalformedRecord;
import io.sluice.slt.script.QueryRecord;
import io.sluice.slt.script.Record;
import io.sluice.slt.script.RecordVisitor;
import io.sluice.slt.script.Script;
import io.sluice.slt.script.ScriptParser;
import io.sluice.slt.script.StatementRecord;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the records of one script, in order, on one database (one connection, or a new one
 * after each restart of the server), and counts them.
 *
 * <p>Counting: every statement, query and Sluice directive that runs counts once, as passed or
 * failed; one that skipif/onlyif or the skip list excludes counts as skipped, and so does a
 * {@code statement ok} failing with a SQLSTATE the skip list names for it (SQLite accepting
 * what SQL refuses); {@code hash-threshold} and
 * {@code halt} do not count. As in SQLite's runner, a failed record, even a failed {@code
 * statement ok}, does not stop the file: later records run and usually fail too, which the report makes visible. A
 * {@code halt} ends the file, as does a record of unknown type (after counting a failure). A
 * statement that exceeds the timeout fails and ends the file (its connection is gone); the
 * records it keeps from running are counted as not run. So does a {@code sluice restart} or
 * {@code sluice kill} after which the server does not come back.
 *
 * <p>Two departures from SQLite's runner, both stricter: a query must return exactly as many
 * values as the file lists (SQLite only compares as many lines as both have), and a query with
 * no {@code ----} section expects no rows.
 */
public final class ScriptRunner {
  /** SQLite's runner hashes results of more than 8 values until a file says otherwise. */
  public static final int DEFAULT_HASH_THRESHOLD = 8;

  /** Whether to go on with the file after a record. */
  private enum Next { CONTINUE, STOP }

  private final FileDatabase database;
  private final String engineName;
  private final QueryExecution execution;
  private QueryExecution scriptExecution;
  private final StatementTimeout timeout;
  private final SkipList skipList;
  private final DirectiveRunner directives;
  private String scriptName = "";
  private final LabelRegistry labels = new LabelRegistry();
  private final List<Failure> failures = new ArrayList<>();
  private int hashThreshold = DEFAULT_HASH_THRESHOLD;
  private int passed;
  private int skipped;
  private Optional<String> stopReason = Optional.empty();

  /**
   * A runner for one script.
   *
   * @param database where the records run (its connection changes when a directive restarts
   *     the server)
   * @param engineName the name skipif/onlyif lines are compared with
   * @param execution how queries are run
   * @param timeout how long one statement may take
   * @param skipList records to skip for what they test
   */
  public ScriptRunner(FileDatabase database, String engineName, QueryExecution execution,
      StatementTimeout timeout, SkipList skipList) {
    this.database = database;
    this.engineName = engineName;
    this.execution = execution;
    this.timeout = timeout;
    this.skipList = skipList;
    this.directives = new DirectiveRunner(database, timeout);
  }

  private boolean excluded(Record record) {
    return record.excludedFor(engineName)
        || skipList.reason(scriptName, record).isPresent();
  }

  /** Runs the script's records and returns the counts; the runner is used up afterwards. */
  public Counts run(Script script) {
    scriptName = script.name();
    RecordVisitor<Next> running = new Running();
    RecordVisitor<Next> skipping = new Skipping();
    List<Record> records = script.records();
    scriptExecution = execution.forScript();
    List<QueryRecord> queries = new ArrayList<>();
    List<StatementRecord> statements = new ArrayList<>();
    for (Record record : records) {
      if (record instanceof QueryRecord q && !excluded(q)) {
        queries.add(q);
      } else if (record instanceof StatementRecord st && !excluded(st)) {
        statements.add(st);
      }
    }
    int notRun = 0;
    try {
      scriptExecution.begin(database.connection(), queries, statements);
      for (int i = 0; i < records.size(); i++) {
        Record record = records.get(i);
        RecordVisitor<Next> visitor = excluded(record) ? skipping : running;
        if (record.accept(visitor) == Next.STOP) {
          if (stopReason.isPresent()) {
            notRun = countRunnable(records.subList(i + 1, records.size()));
          }
          break;
        }
      }
    } finally {
      if (stopReason.isEmpty()) {
        // After a timeout the connection is gone, and so is what the execution created.
        scriptExecution.end(database.connection());
      }
    }
    return new Counts(passed, failures, skipped, notRun, stopReason);
  }

  /** Whether a record counts as passed, failed or skipped: a statement, query or directive. */
  static boolean counts(Record record) {
    return record.accept(new RunnableCheck());
  }

  /**
   * Counts the statements and queries left after a timeout: those skipif/onlyif exclude are
   * skipped as usual, the others were not run.
   */
  private int countRunnable(List<Record> rest) {
    int count = 0;
    for (Record record : rest) {
      if (!counts(record)) {
        continue;
      }
      if (excluded(record)) {
        skipped++;
      } else {
        count++;
      }
    }
    return count;
  }

  /**
   * The counts of a run.
   *
   * @param passed records that passed
   * @param failures the records that failed, in file order
   * @param skipped records excluded by skipif/onlyif or the skip list, and statements whose
   *     failure the skip list names
   * @param notRun statements and queries a timeout kept from running
   * @param stopReason why the file ended early, if it did for a reason other than halt
   */
  public record Counts(int passed, List<Failure> failures, int skipped, int notRun,
      Optional<String> stopReason) {
    public Counts {
      failures = List.copyOf(failures);
    }
  }

  private <T> T timed(StatementTimeout.TimedCall<T> call)
      throws SQLException, ResultShapeException, TimedOut {
    return timeout.run(database.connection(), call);
  }

  private Next timedOut(int line, String sql, String expected) {
    String reason = "timed out after " + timeout.limit().toSeconds() + " s at line " + line;
    fail(line, sql, expected, reason);
    stopReason = Optional.of(reason);
    return Next.STOP;
  }

  /** How a statement failed: the report's text, and the SQLSTATE if the database gave one. */
  private record StatementError(String text, String sqlState) {}

  private Optional<StatementError> execute(String sql) throws TimedOut {
    try {
      return timed(() -> {
        try (Statement statement = database.connection().createStatement()) {
          statement.execute(sql);
          return Optional.<StatementError>empty();
        }
      });
    } catch (SQLException e) {
      return Optional.of(new StatementError(ErrorText.of(e), e.getSQLState()));
    } catch (ResultShapeException e) {
      throw new IllegalStateException("a statement has no result shape", e);
    } catch (RuntimeException | Error e) {
      // An engine bug (an Error the in-process driver let through, say), or a statement too big
      // for the heap or the stack: this record fails, the run goes on.
      return Optional.of(new StatementError(ErrorText.of(e), null));
    }
  }

  /** Runs records and checks their outcome. */
  private final class Running implements RecordVisitor<Next> {
    @Override
    public Next visitStatement(StatementRecord statement) {
      Optional<StatementError> error;
      try {
        scriptExecution.beforeStatement(database.connection(), statement);
        error = execute(statement.sql());
      } catch (TimedOut e) {
        return timedOut(statement.line(), statement.sql(),
            statement.expectError() ? "an error" : "success");
      }
      scriptExecution.afterStatement(database.connection(), statement);
      if (statement.expectError() && error.isEmpty()) {
        fail(statement.line(), statement.sql(), "an error", "statement succeeded");
      } else if (!statement.expectError() && error.isPresent()) {
        if (skipList.reasonForFailure(statement, error.get().sqlState()).isPresent()) {
          // SQLite accepts it; SQL refuses it, with the SQLSTATE the skip list names.
          skipped++;
        } else {
          fail(statement.line(), statement.sql(), "success", error.get().text());
        }
      } else {
        passed++;
      }
      return Next.CONTINUE;
    }

    @Override
    public Next visitQuery(QueryRecord query) {
      String expected = query.expected().isEmpty() ? "(no rows)"
          : ErrorText.lines(query.expected());
      List<String> values;
      try {
        values = timed(() -> scriptExecution.run(database.connection(), query));
      } catch (TimedOut e) {
        return timedOut(query.line(), query.sql(), expected);
      } catch (SQLException e) {
        fail(query.line(), query.sql(), expected, ErrorText.of(e));
        return Next.CONTINUE;
      } catch (ResultShapeException e) {
        fail(query.line(), query.sql(), expected, "error: " + e.getMessage());
        return Next.CONTINUE;
      } catch (RuntimeException | Error e) {
        fail(query.line(), query.sql(), expected, ErrorText.of(e));
        return Next.CONTINUE;
      }
      QueryOutput output =
          QueryOutput.of(values, query.types().size(), query.sortMode(), hashThreshold);
      // Check the label even when the output is wrong: the first query of a label fixes it.
      Optional<Integer> disagreesWith = query.label()
          .flatMap(label -> labels.check(label, output.digest(), query.line()));
      if (!output.lines().equals(query.expected())) {
        fail(query.line(), query.sql(), expected, output.lines().isEmpty() ? "(no rows)"
            : ErrorText.lines(output.lines()));
      } else if (disagreesWith.isPresent()) {
        fail(query.line(), query.sql(),
            "the result of label " + query.label().orElseThrow() + " at line "
                + disagreesWith.get(),
            ResultHash.hashLine(output.values().size(), output.digest()));
      } else {
        passed++;
      }
      return Next.CONTINUE;
    }

    @Override
    public Next visitHashThreshold(HashThresholdRecord record) {
      hashThreshold = record.threshold();
      return Next.CONTINUE;
    }

    @Override
    public Next visitHalt(HaltRecord halt) {
      return Next.STOP;
    }

    @Override
    public Next visitMalformed(MalformedRecord malformed) {
      fail(malformed.line(), "", "a valid record", malformed.problem());
      return malformed.haltsScript() ? Next.STOP : Next.CONTINUE;
    }

    @Override
    public Next visitDirective(DirectiveRecord record) {
      String text = ScriptParser.DIRECTIVE_PREFIX + " " + record.directive().words();
      Optional<String> error;
      try {
        error = directives.run(record.directive());
      } catch (TimedOut e) {
        return timedOut(record.line(), text, "success");
      } catch (SQLException | RuntimeException | Error e) {
        error = Optional.of(ErrorText.of(e));
      }
      if (error.isEmpty()) {
        passed++;
        return Next.CONTINUE;
      }
      fail(record.line(), text, "success", error.get());
      if (record.directive().needsOwnServer()) {
        // The server did not come back: nothing after this can run.
        stopReason = Optional.of(text + " failed at line " + record.line());
        return Next.STOP;
      }
      return Next.CONTINUE;
    }
  }

  private void fail(int line, String sql, String expected, String actual) {
    failures.add(new Failure(line, sql, expected, actual));
  }

  /**
   * What happens to a record that skipif/onlyif excludes: statements and queries count as
   * skipped, and a labeled query still fixes its label's digest from its expected output, as
   * SQLite's runner does in verify mode.
   */
  private final class Skipping implements RecordVisitor<Next> {
    @Override
    public Next visitStatement(StatementRecord statement) {
      skipped++;
      return Next.CONTINUE;
    }

    @Override
    public Next visitQuery(QueryRecord query) {
      skipped++;
      query.label().ifPresent(label -> labels.check(label,
          ResultHash.digestOfExpected(query.expected()), query.line()));
      return Next.CONTINUE;
    }

    @Override
    public Next visitHashThreshold(HashThresholdRecord hashThreshold) {
      return Next.CONTINUE;
    }

    @Override
    public Next visitHalt(HaltRecord halt) {
      return Next.CONTINUE;
    }

    @Override
    public Next visitMalformed(MalformedRecord malformed) {
      return Next.CONTINUE;
    }

    @Override
    public Next visitDirective(DirectiveRecord directive) {
      skipped++;
      return Next.CONTINUE;
    }
  }

  /** Whether a record is one that counts (a statement, a query or a directive). */
  private static final class RunnableCheck implements RecordVisitor<Boolean> {
    @Override
    public Boolean visitStatement(StatementRecord statement) {
      return true;
    }

    @Override
    public Boolean visitQuery(QueryRecord query) {
      return true;
    }

    @Override
    public Boolean visitHashThreshold(HashThresholdRecord hashThreshold) {
      return false;
    }

    @Override
    public Boolean visitHalt(HaltRecord halt) {
      return false;
    }

    @Override
    public Boolean visitMalformed(MalformedRecord malformed) {
      return false;
    }

    @Override
    public Boolean visitDirective(DirectiveRecord directive) {
      return true;
    }
  }
}

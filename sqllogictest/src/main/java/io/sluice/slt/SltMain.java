package io.sluice.slt;

import io.sluice.slt.corpus.TestFile;
import io.sluice.slt.corpus.TestFileResolver;
import io.sluice.slt.report.ConsoleReport;
import io.sluice.slt.report.ReportFile;
import io.sluice.slt.report.Totals;
import io.sluice.slt.run.BatchQueryExecution;
import io.sluice.slt.run.FileIsolation;
import io.sluice.slt.run.IncrementalQueryExecution;
import io.sluice.slt.run.QueryExecution;
import io.sluice.slt.run.SuiteRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bin/sluice slt}: runs sqllogictest files and prints a line per file, the first
 * failures and {@code N passed, N failed, N skipped}. Exits 0 if nothing failed, 1 if something
 * did, 2 if the run could not start.
 */
@Command(name = "sluice slt", sortOptions = false,
    description = {"Runs sqllogictest files against a database over JDBC.",
        "PATH is a .test/.slt file or folder on disk, or a path in SQLite's corpus such as"
            + " select1.test, evidence or random/aggregates.",
        "Files with sluice checkpoint/restart/kill records get a server process of their own"
            + " (skipped with --url)."})
public final class SltMain implements Callable<Integer> {
  static final int EXIT_FAILURES = 1;
  static final int EXIT_USAGE = 2;

  /** Ways of running a query record. */
  enum Mode {
    /** Run each query as an ad-hoc SELECT. */
    BATCH,
    /** Maintain each query as a materialized view while the data changes. */
    INCREMENTAL,
    /** Both, comparing each against the file. */
    BOTH
  }

  @Spec
  private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  private boolean help;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "batch",
      description = "batch, incremental or both (default: ${DEFAULT-VALUE}).")
  private Mode mode;

  @Option(names = "--url", paramLabel = "URL", defaultValue = "jdbc:sluice:mem:",
      description = {"JDBC URL (default: ${DEFAULT-VALUE}, a private in-memory database per"
          + " file, files in parallel).",
          "Any other URL is one shared database: files run one at a time and the tables and"
              + " views each file created are dropped when it ends."})
  private String url;

  @Option(names = "--report", paramLabel = "FILE.json",
      description = {"Also write a JSON report with every failure.",
          "It is rewritten after every file, so a run stopped part way keeps what it ran."})
  private Path report;

  @Option(names = "--resume",
      description = {"Go on from the --report file of an earlier run: files it has for a mode"
          + " (run to their end) are not run again in that mode and keep their entries.",
          "For runs of the whole corpus, which take many hours."})
  private boolean resume;

  @Option(names = "--engine-name", paramLabel = "NAME", defaultValue = "postgresql",
      description = "The engine name skipif/onlyif lines are matched against"
          + " (default: ${DEFAULT-VALUE}).")
  private String engineName;

  @Option(names = "--threads", paramLabel = "N",
      description = "Files run at once (default: the number of processors).")
  private int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--max-failures-shown", paramLabel = "K", defaultValue = "10",
      description = "Failures printed in full (default: ${DEFAULT-VALUE}).")
  private int maxFailuresShown;

  @Option(names = "--statement-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = {"Longest a statement or query may run (default: ${DEFAULT-VALUE}; 0 for"
          + " no limit).", "On timeout the file's connection is closed and the file ends."})
  private long statementTimeoutSeconds;

  @Option(names = "--engine-log", paramLabel = "FILE",
      description = "Where an embedded database logs (default: nowhere; failures are reported"
          + " anyway).")
  private Path engineLog;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Test files or folders.")
  private List<String> paths;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The picocli command line, for tests and for {@link #main}. */
  static CommandLine commandLine() {
    return new CommandLine(new SltMain()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (threads < 1 || maxFailuresShown < 0 || statementTimeoutSeconds < 0) {
      err.println("sluice slt: --threads must be at least 1, --max-failures-shown and"
          + " --statement-timeout at least 0");
      return EXIT_USAGE;
    }
    if (resume && report == null) {
      err.println("sluice slt: --resume needs --report FILE.json, the report to go on from");
      return EXIT_USAGE;
    }
    ReportFile reportFile;
    try {
      reportFile = report == null ? null : resume
          ? ReportFile.resumed(report, url, engineName) : ReportFile.fresh(report, url, engineName);
    } catch (IOException e) {
      err.println("sluice slt: cannot resume from " + report + ": " + e.getMessage());
      return EXIT_USAGE;
    }
    routeEngineLog();
    List<TestFile> files = new ArrayList<>();
    TestFileResolver resolver = new TestFileResolver();
    for (String path : paths) {
      try {
        files.addAll(resolver.resolve(path));
      } catch (IOException e) {
        err.println("sluice slt: " + e.getMessage());
        return EXIT_USAGE;
      }
    }
    List<Mode> modes = mode == Mode.BOTH ? List.of(Mode.BATCH, Mode.INCREMENTAL) : List.of(mode);
    Totals all = Totals.EMPTY;
    for (Mode m : modes) {
      String name = m.name().toLowerCase(Locale.ROOT);
      List<TestFile> toRun = files;
      if (reportFile != null) {
        Set<String> finished = reportFile.finished(name);
        toRun = files.stream().filter(f -> !finished.contains(f.name())).toList();
      }
      QueryExecution execution = m == Mode.BATCH ? new BatchQueryExecution()
          : new IncrementalQueryExecution();
      SuiteRunner runner = new SuiteRunner(FileIsolation.forUrl(url), engineName, execution,
          threads, Duration.ofSeconds(statementTimeoutSeconds));
      if (runner.threads() < threads && m == modes.get(0)) {
        err.println("sluice slt: " + url + " is one shared database; running files one at a"
            + " time");
      }
      if (modes.size() > 1) {
        out.println("== " + name + " ==");
      }
      if (toRun.size() < files.size()) {
        out.println((files.size() - toRun.size()) + " of " + files.size() + " files are in "
            + report + " already: not run again");
      }
      ConsoleReport console = new ConsoleReport(out, maxFailuresShown);
      runner.run(toRun, result -> {
        console.fileFinished(result);
        if (reportFile != null) {
          reportFile.add(name, result);
        }
      });
      console.finish();
      all = all.plus(console.totals());
    }
    if (modes.size() > 1) {
      out.println("== both ==");
      out.println(all.summaryLine());
      out.flush();
    }
    if (reportFile != null) {
      reportFile.write();
    }
    return all.failed() > 0 ? EXIT_FAILURES : 0;
  }

  /**
   * An embedded database logs through slf4j-simple: a line per database opened (one per file)
   * and a stack trace per internal error, which would bury the report. Its log goes to the
   * {@code --engine-log} file, or nowhere, unless the user configured slf4j-simple already.
   * This must happen before the driver loads, which is when the first file connects.
   */
  private void routeEngineLog() {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") != null
        || System.getProperty("org.slf4j.simpleLogger.logFile") != null) {
      return;
    }
    if (engineLog == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
    } else {
      System.setProperty("org.slf4j.simpleLogger.logFile", engineLog.toString());
    }
  }
}

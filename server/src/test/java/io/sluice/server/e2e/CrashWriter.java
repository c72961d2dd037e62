package io.sluice.server.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * One writer of {@link CrashRecoveryTest}: issues INSERTs (multi-row, and executeBatch),
 * UPDATEs (by key list, by key range, moving a row to another key) and DELETEs against the
 * rows it owns, and keeps a model of those rows as of its acknowledged statements.
 *
 * <p>Each writer owns a disjoint set of keys in both tables ({@link #ownsAccount}, {@link
 * #ownsDim}) and runs one statement at a time, so the server state of its keys is always the
 * model after some prefix of its statements: after a crash, the acknowledged prefix, plus at
 * most the one statement that was in flight when the server died. Every row carries the id of
 * the statement that last wrote it, so a statement applied in part shows.
 */
final class CrashWriter {
  /** The keys {@code cr_acct} rows of writer {@code w} use: {@code w * SPAN + [0, POOL)}. */
  static final long SPAN = 1_000_000L;
  static final int POOL = 300;
  /** {@code cr_acct.grp} values; dimension keys cover only the first {@link #DIM_KEYS}. */
  static final int GROUPS = 20;
  static final int DIM_KEYS = 16;
  static final int TAGS = 6;

  /** A row of {@code cr_acct (id, grp, amount, stmt, tag)}. */
  record Acct(long id, int grp, long amount, long stmt, String tag) {
    List<Object> values() {
      return List.of(id, (long) grp, amount, stmt, tag);
    }
  }

  /** A row of {@code cr_dim (k, label, stmt)}. */
  record Dim(int k, String label, long stmt) {
    List<Object> values() {
      return List.of((long) k, label, stmt);
    }
  }

  /**
   * A statement and what it does to the writer's rows.
   *
   * @param sql the statement, or the prepared INSERT when {@code batch} is not null
   * @param batch for executeBatch: the rows, bound one by one
   * @param acct the new value of each {@code cr_acct} key it touches, null when it deletes it
   * @param dim the same for {@code cr_dim}
   * @param count the update count the server must report
   */
  record Stmt(long id, String kind, String sql, List<Acct> batch, Map<Long, Acct> acct,
      Map<Integer, Dim> dim, long count) {
    int rows() {
      return acct.size() + dim.size();
    }
  }

  private final int writer;
  private final int writers;
  private final TreeMap<Long, Acct> acct = new TreeMap<>();
  private final TreeMap<Integer, Dim> dim = new TreeMap<>();
  private long nextStmt;
  private volatile Stmt inFlight;
  private long acknowledged;
  private long rowsAcknowledged;
  private final Map<String, Long> acknowledgedByKind = new TreeMap<>();
  private volatile String failure;

  CrashWriter(int writer, int writers) {
    this.writer = writer;
    this.writers = writers;
    this.nextStmt = writer * 1_000_000_000L + 1;
  }

  int id() {
    return writer;
  }

  boolean ownsAccount(long id) {
    return id >= writer * SPAN && id < writer * SPAN + SPAN;
  }

  boolean ownsDim(int k) {
    return k % writers == writer;
  }

  /** The model's rows of this writer. */
  Map<Long, Acct> accounts() {
    return Collections.unmodifiableMap(acct);
  }

  Map<Integer, Dim> dims() {
    return Collections.unmodifiableMap(dim);
  }

  /** The statement sent whose outcome is unknown (the server died before answering), or null. */
  Stmt inFlight() {
    return inFlight;
  }

  long acknowledged() {
    return acknowledged;
  }

  long rowsAcknowledged() {
    return rowsAcknowledged;
  }

  Map<String, Long> acknowledgedByKind() {
    return acknowledgedByKind;
  }

  /** Why the writer stopped other than because the server was killed, or null. */
  String failure() {
    return failure;
  }

  /**
   * The statement that creates this writer's initial rows: {@code accounts} rows and every
   * dimension key it owns. Run it through {@link #execute}.
   */
  Stmt initial(Random random, int accounts) {
    Map<Long, Acct> rows = new LinkedHashMap<>();
    long id = nextStmt++;
    for (int i = 0; i < accounts; i++) {
      long key = writer * SPAN + i * 2L;
      rows.put(key, newAcct(random, key, id));
    }
    Stmt s = insert(id, "insert", rows);
    return s;
  }

  /** The initial dimension rows this writer owns, as one INSERT. */
  Stmt initialDims() {
    long id = nextStmt++;
    Map<Integer, Dim> rows = new LinkedHashMap<>();
    for (int k = 0; k < DIM_KEYS; k++) {
      if (ownsDim(k)) {
        rows.put(k, new Dim(k, "d" + k, id));
      }
    }
    return dimInsert(id, rows);
  }

  /**
   * Runs statements until one fails; a failure after {@code killed} turned true is the crash
   * (its statement stays in flight), any other is recorded in {@link #failure()}.
   */
  void run(Connection c, Random random, BooleanSupplier killed) {
    while (true) {
      Stmt s = next(random);
      try {
        execute(c, s);
      } catch (SQLException | RuntimeException e) {
        if (!killed.getAsBoolean()) {
          failure = "statement " + s.id() + " (" + s.sql() + ") failed while the server ran: "
              + e;
        }
        return;
      }
      if (failure != null) {
        return;
      }
    }
  }

  /**
   * Sends one statement; once the server acknowledges it, the model applies it. Throws, with the
   * statement left in flight, when the server does not answer.
   */
  void execute(Connection c, Stmt s) throws SQLException {
    inFlight = s;
    long count;
    if (s.batch() != null) {
      try (PreparedStatement ps = c.prepareStatement(s.sql())) {
        for (Acct a : s.batch()) {
          ps.setLong(1, a.id());
          ps.setInt(2, a.grp());
          ps.setLong(3, a.amount());
          ps.setLong(4, a.stmt());
          ps.setString(5, a.tag());
          ps.addBatch();
        }
        count = 0;
        for (int n : ps.executeBatch()) {
          count += n;
        }
      }
    } else {
      try (Statement st = c.createStatement()) {
        count = st.executeUpdate(s.sql());
      }
    }
    apply(s);
    inFlight = null;
    acknowledged++;
    rowsAcknowledged += s.rows();
    acknowledgedByKind.merge(s.kind(), 1L, Long::sum);
    if (count != s.count()) {
      failure = "statement " + s.id() + " (" + s.sql() + ") reported " + count
          + " rows, expected " + s.count();
    }
  }

  /** Takes the in-flight statement's outcome, as found after the restart. */
  void resolveInFlight(boolean applied) {
    Stmt s = inFlight;
    if (s != null && applied) {
      apply(s);
    }
    inFlight = null;
  }

  private void apply(Stmt s) {
    s.acct().forEach((k, v) -> {
      if (v == null) {
        acct.remove(k);
      } else {
        acct.put(k, v);
      }
    });
    s.dim().forEach((k, v) -> {
      if (v == null) {
        dim.remove(k);
      } else {
        dim.put(k, v);
      }
    });
  }

  /** The next statement, drawn at random given the model. */
  Stmt next(Random r) {
    long id = nextStmt++;
    int fill = acct.size();
    while (true) {
      int p = r.nextInt(100);
      if (p < 10) {
        Stmt s = dimStatement(r, id);
        if (s != null) {
          return s;
        }
      } else if (p < 35 && fill < POOL - 20) {
        return insert(id, "insert", newAccts(r, id, 1 + r.nextInt(15)));
      } else if (p < 45 && fill < POOL - 20) {
        Map<Long, Acct> rows = newAccts(r, id, 2 + r.nextInt(15));
        return new Stmt(id, "insert-batch",
            "INSERT INTO cr_acct (id, grp, amount, stmt, tag) VALUES (?, ?, ?, ?, ?)",
            new ArrayList<>(rows.values()), rows, Map.of(), rows.size());
      } else if (p < 65 && fill > 0) {
        return updateByKeys(r, id);
      } else if (p < 75 && fill > 0) {
        return updateRange(r, id);
      } else if (p < 80 && fill > 0 && fill < POOL - 1) {
        return moveKey(r, id);
      } else if (p < 90 && fill > 20) {
        return deleteByKeys(r, id);
      } else if (fill > 20) {
        return deleteRange(r, id);
      }
    }
  }

  private Acct newAcct(Random r, long key, long stmt) {
    return new Acct(key, r.nextInt(GROUPS), r.nextInt(2001) - 1000, stmt,
        "t" + r.nextInt(TAGS));
  }

  private Map<Long, Acct> newAccts(Random r, long stmt, int n) {
    Map<Long, Acct> rows = new LinkedHashMap<>();
    while (rows.size() < n) {
      long key = writer * SPAN + r.nextInt(POOL);
      if (!acct.containsKey(key) && !rows.containsKey(key)) {
        rows.put(key, newAcct(r, key, stmt));
      }
    }
    return rows;
  }

  private static Stmt insert(long id, String kind, Map<Long, Acct> rows) {
    StringBuilder sql =
        new StringBuilder("INSERT INTO cr_acct (id, grp, amount, stmt, tag) VALUES ");
    String sep = "";
    for (Acct a : rows.values()) {
      sql.append(sep).append('(').append(a.id()).append(", ").append(a.grp()).append(", ")
          .append(a.amount()).append(", ").append(a.stmt()).append(", '").append(a.tag())
          .append("')");
      sep = ", ";
    }
    return new Stmt(id, kind, sql.toString(), null, rows, Map.of(), rows.size());
  }

  private List<Long> presentKeys(Random r, int n) {
    List<Long> keys = new ArrayList<>(acct.keySet());
    Collections.shuffle(keys, r);
    return keys.subList(0, Math.min(n, keys.size()));
  }

  /** UPDATE ... WHERE id IN (...): new amount, tag, sometimes a new group. */
  private Stmt updateByKeys(Random r, long id) {
    List<Long> keys = new ArrayList<>(presentKeys(r, 1 + r.nextInt(12)));
    long delta = r.nextInt(201) - 100;
    String tag = "t" + r.nextInt(TAGS);
    Integer grp = r.nextInt(3) == 0 ? r.nextInt(GROUPS) : null;
    Map<Long, Acct> after = new LinkedHashMap<>();
    for (long k : keys) {
      Acct a = acct.get(k);
      after.put(k, new Acct(k, grp != null ? grp : a.grp(), a.amount() + delta, id, tag));
    }
    long extra = writer * SPAN + r.nextInt(POOL);
    if (r.nextBoolean() && !acct.containsKey(extra)) {
      keys.add(extra); // an absent key: matches nothing
    }
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      in.append(i == 0 ? "" : ", ").append(keys.get(i));
    }
    String sql = "UPDATE cr_acct SET amount = amount + " + delta + ", tag = '" + tag
        + "', stmt = " + id + (grp != null ? ", grp = " + grp : "") + " WHERE id IN (" + in
        + ")";
    return new Stmt(id, "update", sql, null, after, Map.of(), after.size());
  }

  /** UPDATE ... WHERE id >= lo AND id < hi over the writer's own keys. */
  private Stmt updateRange(Random r, long id) {
    long lo = writer * SPAN + r.nextInt(POOL);
    long hi = lo + 1 + r.nextInt(30);
    long delta = r.nextInt(101) - 50;
    Map<Long, Acct> after = new LinkedHashMap<>();
    for (Acct a : acct.subMap(lo, hi).values()) {
      after.put(a.id(), new Acct(a.id(), a.grp(), delta - a.amount(), id, a.tag()));
    }
    String sql = "UPDATE cr_acct SET amount = " + delta + " - amount, stmt = " + id
        + " WHERE id >= " + lo + " AND id < " + hi;
    return new Stmt(id, "update-range", sql, null, after, Map.of(), after.size());
  }

  /** UPDATE ... SET id = new WHERE id = old: the row moves to another primary key. */
  private Stmt moveKey(Random r, long id) {
    long from = presentKeys(r, 1).get(0);
    long to;
    do {
      to = writer * SPAN + r.nextInt(POOL);
    } while (acct.containsKey(to));
    Acct a = acct.get(from);
    Map<Long, Acct> after = new LinkedHashMap<>();
    after.put(from, null);
    after.put(to, new Acct(to, a.grp(), a.amount(), id, a.tag()));
    String sql = "UPDATE cr_acct SET id = " + to + ", stmt = " + id + " WHERE id = " + from;
    return new Stmt(id, "update-key", sql, null, after, Map.of(), 1);
  }

  private Stmt deleteByKeys(Random r, long id) {
    List<Long> keys = presentKeys(r, 1 + r.nextInt(10));
    Map<Long, Acct> after = new LinkedHashMap<>();
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      after.put(keys.get(i), null);
      in.append(i == 0 ? "" : ", ").append(keys.get(i));
    }
    return new Stmt(id, "delete", "DELETE FROM cr_acct WHERE id IN (" + in + ")", null, after,
        Map.of(), after.size());
  }

  private Stmt deleteRange(Random r, long id) {
    long lo = writer * SPAN + r.nextInt(POOL);
    long hi = lo + 1 + r.nextInt(20);
    Map<Long, Acct> after = new LinkedHashMap<>();
    for (long k : acct.subMap(lo, hi).keySet()) {
      after.put(k, null);
    }
    return new Stmt(id, "delete-range", "DELETE FROM cr_acct WHERE id >= " + lo + " AND id < "
        + hi, null, after, Map.of(), after.size());
  }

  /** An INSERT, UPDATE or DELETE of the writer's dimension rows, or null if none applies. */
  private Stmt dimStatement(Random r, long id) {
    List<Integer> present = new ArrayList<>(dim.keySet());
    List<Integer> absent = new ArrayList<>();
    for (int k = 0; k < DIM_KEYS; k++) {
      if (ownsDim(k) && !dim.containsKey(k)) {
        absent.add(k);
      }
    }
    int choice = r.nextInt(3);
    if (choice == 0 && !absent.isEmpty()) {
      Map<Integer, Dim> rows = new LinkedHashMap<>();
      Collections.shuffle(absent, r);
      for (int k : absent.subList(0, 1 + r.nextInt(absent.size()))) {
        rows.put(k, new Dim(k, "d" + k + "-" + id % 1000, id));
      }
      return dimInsert(id, rows);
    }
    if (present.isEmpty()) {
      return null;
    }
    Collections.shuffle(present, r);
    List<Integer> keys = present.subList(0, 1 + r.nextInt(Math.min(3, present.size())));
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      in.append(i == 0 ? "" : ", ").append(keys.get(i));
    }
    Map<Integer, Dim> after = new HashMap<>();
    if (choice == 1) {
      String label = "l" + r.nextInt(5);
      for (int k : keys) {
        after.put(k, new Dim(k, label, id));
      }
      return new Stmt(id, "dim-update", "UPDATE cr_dim SET label = '" + label + "', stmt = "
          + id + " WHERE k IN (" + in + ")", null, Map.of(), after, after.size());
    }
    if (choice == 2 && present.size() > 1) {
      for (int k : keys) {
        after.put(k, null);
      }
      return new Stmt(id, "dim-delete", "DELETE FROM cr_dim WHERE k IN (" + in + ")", null,
          Map.of(), after, after.size());
    }
    return null;
  }

  private static Stmt dimInsert(long id, Map<Integer, Dim> rows) {
    StringBuilder sql = new StringBuilder("INSERT INTO cr_dim (k, label, stmt) VALUES ");
    String sep = "";
    for (Dim d : rows.values()) {
      sql.append(sep).append('(').append(d.k()).append(", '").append(d.label()).append("', ")
          .append(d.stmt()).append(')');
      sep = ", ";
    }
    return new Stmt(id, "dim-insert", sql.toString(), null, Map.of(), rows, rows.size());
  }
}

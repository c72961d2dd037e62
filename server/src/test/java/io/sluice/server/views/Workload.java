package io.sluice.server.views;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random changes to the tables of {@link DiffSchema}: multi-row INSERTs (with duplicate rows
 * in the keyless table), INSERT ... SELECT, UPDATEs of ordinary, grouping and key columns,
 * DELETEs of some rows and of every row (followed by INSERTs into the emptied table), and now
 * and then a statement that must fail as a whole (a duplicate key). Statements that change a
 * key are generated so that they cannot collide, because H2 checks keys row by row and the
 * standard (and Sluice) at the end of the statement; such statements would fail in one engine
 * only. Which rows exist is asked from {@link Keys}, the lockstep H2 database.
 */
final class Workload {
  /** What the generator needs to know about the current rows. */
  interface Keys {
    /** The values of an integer column of the rows of a table that match a predicate. */
    List<Integer> ints(String table, String column, String where) throws SQLException;

    /** The keys of t3's rows that match a predicate, as "p/q". */
    Set<String> t3Keys(String where) throws SQLException;
  }

  private final Random random;
  private final DiffSchema schema;
  private final Keys keys;
  /** A table just emptied, which the next statement fills again; null when none. */
  private String refill;

  Workload(Random random, DiffSchema schema, Keys keys) {
    this.random = random;
    this.schema = schema;
    this.keys = keys;
  }

  /** INSERTs that give every table some rows at once (the first round begins with them). */
  List<String> initialLoad() throws SQLException {
    List<String> out = new ArrayList<>();
    for (String table : List.of("t1", "t2", "t3", "t1", "t2")) {
      out.add(insert(table));
    }
    return out;
  }

  /** The next statement, given the rows as they are now. */
  String next() throws SQLException {
    if (refill != null) {
      String table = refill;
      refill = null;
      return insert(table);
    }
    int r = random.nextInt(100);
    if (r < 14) {
      return insert("t1");
    } else if (r < 28) {
      return insert("t2");
    } else if (r < 36) {
      return insert("t3");
    } else if (r < 40) {
      return "INSERT INTO t2 (k, a, s, d, f, dt) SELECT a, a, s, d, f, dt FROM t1 WHERE "
          + schema.t1Predicate();
    } else if (r < 49) {
      return "UPDATE t1 SET " + schema.t1Assignments() + " WHERE " + schema.t1Predicate();
    } else if (r < 55) {
      return updateT1Key();
    } else if (r < 64) {
      return "UPDATE t2 SET " + schema.t2Assignments() + " WHERE " + schema.t2Predicate();
    } else if (r < 69) {
      return "UPDATE t3 SET " + schema.t3Assignments() + " WHERE " + schema.t3Predicate();
    } else if (r < 74) {
      return updateT3Key();
    } else if (r < 80) {
      return "DELETE FROM t1 WHERE " + schema.t1Predicate();
    } else if (r < 86) {
      return "DELETE FROM t2 WHERE " + schema.t2Predicate();
    } else if (r < 90) {
      return "DELETE FROM t3 WHERE " + schema.t3Predicate();
    } else if (r < 95) {
      refill = List.of("t1", "t2", "t3").get(random.nextInt(3));
      return "DELETE FROM " + refill;
    } else {
      return failing();
    }
  }

  private String insert(String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    switch (table) {
      case "t1" -> {
        for (int id : freshIds(1 + random.nextInt(5))) {
          rows.add(schema.t1Row(id));
        }
      }
      case "t2" -> {
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
          // A keyless table: the same row twice in one statement, and again later.
          rows.add(i > 0 && random.nextInt(4) == 0 ? rows.get(random.nextInt(i))
              : schema.t2Row());
        }
      }
      default -> {
        Set<String> taken = new HashSet<>(keys.t3Keys("TRUE"));
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n * 3 && rows.size() < n; i++) {
          int p = random.nextInt(DiffSchema.P_LIMIT);
          String q = DiffSchema.Q_VALUES.get(random.nextInt(DiffSchema.Q_VALUES.size()));
          if (taken.add(p + "/" + q)) {
            rows.add(schema.t3Row(p, q));
          }
        }
        if (rows.isEmpty()) {
          return "DELETE FROM t3 WHERE " + schema.t3Predicate();
        }
      }
    }
    return "INSERT INTO " + table + " VALUES " + String.join(", ", rows);
  }

  /** Ids no row of t1 has. */
  private List<Integer> freshIds(int n) throws SQLException {
    Set<Integer> taken = new HashSet<>(keys.ints("t1", "id", "TRUE"));
    List<Integer> out = new ArrayList<>();
    while (out.size() < n) {
      int id = random.nextInt(DiffSchema.ID_LIMIT);
      if (taken.add(id)) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * Moves the rows a predicate matches to other keys: {@code id = id + K} with a K that takes
   * no matched row onto an existing key, and sometimes changes other columns with it.
   */
  private String updateT1Key() throws SQLException {
    String where = schema.t1Predicate();
    List<Integer> matched = keys.ints("t1", "id", where);
    Set<Integer> taken = new HashSet<>(keys.ints("t1", "id", "TRUE"));
    for (int attempt = 0; attempt < 30; attempt++) {
      int shift = random.nextInt(2 * DiffSchema.ID_LIMIT) - DiffSchema.ID_LIMIT;
      if (shift != 0 && movable(matched, shift, taken, DiffSchema.ID_LIMIT)) {
        String more = random.nextBoolean() ? ", " + schema.t1Assignments() : "";
        return "UPDATE t1 SET id = id + " + shift + more + " WHERE " + where;
      }
    }
    return "UPDATE t1 SET " + schema.t1Assignments() + " WHERE " + where;
  }

  /** Changes t3's composite key: p of several rows, or both columns of one row. */
  private String updateT3Key() throws SQLException {
    Set<String> taken = keys.t3Keys("TRUE");
    if (taken.isEmpty()) {
      return insert("t3");
    }
    if (random.nextBoolean()) {
      List<String> all = new ArrayList<>(taken);
      Collections.sort(all);
      String[] from = all.get(random.nextInt(all.size())).split("/", -1);
      for (int attempt = 0; attempt < 20; attempt++) {
        int p = random.nextInt(DiffSchema.P_LIMIT);
        String q = DiffSchema.Q_VALUES.get(random.nextInt(DiffSchema.Q_VALUES.size()));
        if (!taken.contains(p + "/" + q)) {
          return "UPDATE t3 SET p = " + p + ", q = '" + q + "', k = k + 1 WHERE p = " + from[0]
              + " AND q = '" + from[1] + "'";
        }
      }
    }
    String where = schema.t3Predicate();
    Set<String> matched = keys.t3Keys(where);
    for (int attempt = 0; attempt < 30; attempt++) {
      int shift = random.nextInt(2 * DiffSchema.P_LIMIT) - DiffSchema.P_LIMIT;
      boolean ok = shift != 0;
      for (String k : matched) {
        String[] pq = k.split("/", -1);
        int p = Integer.parseInt(pq[0]) + shift;
        ok &= p >= 0 && p < DiffSchema.P_LIMIT && !taken.contains(p + "/" + pq[1]);
      }
      if (ok && !matched.isEmpty()) {
        return "UPDATE t3 SET p = p + " + shift + " WHERE " + where;
      }
    }
    return "UPDATE t3 SET " + schema.t3Assignments() + " WHERE " + where;
  }

  private static boolean movable(List<Integer> matched, int shift, Set<Integer> taken,
      int limit) {
    for (int id : matched) {
      int to = id + shift;
      if (to < 0 || to >= limit || taken.contains(to)) {
        return false;
      }
    }
    return true;
  }

  /** A statement that must fail and change nothing, in both engines. */
  private String failing() throws SQLException {
    List<Integer> ids = keys.ints("t1", "id", "TRUE");
    if (ids.size() < 2) {
      return insert("t1");
    }
    int existing = ids.get(random.nextInt(ids.size()));
    if (random.nextBoolean()) {
      List<String> rows = new ArrayList<>();
      for (int id : freshIds(1 + random.nextInt(3))) {
        rows.add(schema.t1Row(id));
      }
      rows.add(random.nextInt(rows.size() + 1), schema.t1Row(existing));
      return "INSERT INTO t1 VALUES " + String.join(", ", rows);
    }
    int other = ids.get(random.nextInt(ids.size()));
    while (other == existing) {
      other = ids.get(random.nextInt(ids.size()));
    }
    return "UPDATE t1 SET id = " + other + " WHERE id = " + existing;
  }
}

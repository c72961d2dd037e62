package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SmokeTest {
  static void print(Statement st, String sql) throws SQLException {
    System.out.println("> " + sql);
    try {
      if (st.execute(sql)) {
        ResultSet rs = st.getResultSet();
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          StringBuilder sb = new StringBuilder();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            sb.append(i == 1 ? "" : " | ").append(rs.getObject(i));
          }
          System.out.println(sb);
        }
      } else {
        System.out.println("count " + st.getUpdateCount());
      }
    } catch (SQLException e) {
      System.out.println("ERROR [" + e.getSQLState() + "] " + e.getMessage());
    }
  }

  @Test
  void smoke() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sluice:mem:")) {
      Statement st = c.createStatement();
      String[] sqls = {
        "create table emp (id int primary key, name varchar(20), dept int, salary decimal(10,2))",
        "create table dept (id int primary key, title varchar(20))",
        "insert into emp values (1, 'ann', 10, 100.5), (2, 'bob', 10, 200), (3, 'cy', 20, 50), (4, 'dee', null, 75)",
        "insert into dept values (10, 'eng'), (20, 'ops'), (30, 'hr')",
        "select * from emp order by id",
        "select e.name, d.title from emp e join dept d on e.dept = d.id order by 1",
        "select e.name, d.title from emp e left join dept d on e.dept = d.id order by 1",
        "select e.name, d.title from emp e full join dept d on e.dept = d.id order by 1, 2",
        "select dept, count(*), sum(salary), avg(salary), min(name), max(salary) from emp group by dept order by dept",
        "select count(*), count(dept), count(distinct dept) from emp",
        "select * from emp where dept in (select id from dept where title like 'e%')",
        "select * from emp where dept not in (select id from dept where title = 'eng')",
        "select name, (select title from dept where id = emp.dept) from emp order by name",
        "select name from emp where exists (select 1 from dept where dept.id = emp.dept and title = 'ops')",
        "select id from emp union select id from dept order by 1",
        "select dept from emp intersect select id from dept",
        "select id from dept except select dept from emp",
        "select * from emp order by salary desc limit 2",
        "select * from emp order by salary desc limit 2 offset 1",
        "select case when salary > 90 then 'hi' else 'lo' end, coalesce(dept, -1), nullif(id, 1) from emp order by id",
        "select 1/0",
        "select * from nosuch",
        "select nosuch from emp",
        "selec 1",
        "insert into emp values (1, 'dup', 1, 1)",
        "insert into emp values (9, 'ok', 1, 1), (1, 'dup', 1, 1)",
        "select count(*) from emp",
        "update emp set salary = salary * 2 where dept = 10",
        "select * from emp order by id",
        "delete from emp where salary < 100",
        "select * from emp order by id",
        "create view v as select name, salary from emp where salary > 100",
        "select * from v",
        "drop table emp",
        "explain select * from emp where id = 5",
        "show tables",
        "describe emp",
        "select * from sys.tables",
        "select current_date, current_timestamp, cast('2024-01-02' as date), date '2020-02-29' + interval '1' day",
        "select 'abc' || 'def', upper('x'), substring('hello' from 2 for 3), char_length('abc'), trim('  a  ')",
      };
      for (String sql : sqls) {
        print(st, sql);
      }
      try (PreparedStatement ps = c.prepareStatement("select name from emp where id = ?")) {
        ps.setInt(1, 2);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals("bob", rs.getString(1));
        }
      }
      try (PreparedStatement ps = c.prepareStatement("insert into dept values (?, ?)")) {
        for (int i = 100; i < 110; i++) {
          ps.setInt(1, i);
          ps.setString(2, "d" + i);
          ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        assertEquals(10, counts.length);
      }
      print(st, "select count(*) from dept");
    }
  }
}

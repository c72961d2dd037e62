package io.sluice.planner;

import io.sluice.parser.SluiceParser;
import io.sluice.parser.ast.Query;
import org.junit.jupiter.api.Test;

class ExplorePlansTest {
  @Test
  void explore() {
    String[] qs = {
      "select name, salary * 2 from emp where id = 5",
      "select e.name, d.title from emp e join dept d on e.dept = d.id",
      "select dept, count(*), sum(salary), avg(salary), count(distinct name) from emp group by dept having count(*) > 1",
      "select * from emp where dept in (select id from dept where title like 'a%')",
      "select * from emp e where exists (select 1 from dept d where d.id = e.dept)",
      "select name, (select max(salary) from emp e2 where e2.dept = e.dept) from emp e",
      "select a from t union select id from emp",
      "select a from t intersect all select id from emp",
      "select * from emp order by salary desc limit 3",
      "select name from emp order by salary",
      "select * from rich",
      "select * from emp where id not in (select a from t)",
      "select a, b from t where a = b",
      "insert into emp values (1, 'x', 2, 3.5)",
      "update emp set salary = salary + 1 where id = ?",
      "delete from t where a > 5",
      "select 1 + 1, 'abc', current_date",
    };
    SluicePlanner planner = new SluicePlanner();
    for (String q : qs) {
      System.out.println("=== " + q);
      try {
        System.out.println(planner.explain(((Query) SluiceParser.parse(q)).node(), new TestCatalog()));
      } catch (RuntimeException e) {
        System.out.println("ERROR " + e);
        e.printStackTrace(System.out);
      }
    }
  }
}

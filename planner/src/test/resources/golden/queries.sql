-- One query per block; blocks are separated by blank lines. The plans are in plans.txt:
-- regenerate with mvn -pl planner test -Dtest=PlanGoldenTest -Dsluice.golden.update=true
-- and review the diff.
select name, salary * 2 from emp where id = 5

select name from emp where id in (1, 2, 3)

select e.name, d.title from emp e join dept d on e.dept = d.id

select e.name, d.title from emp e left join dept d on e.dept = d.id and d.title <> 'x'

select * from emp e full join dept d on e.dept = d.id

select * from emp cross join dept

select * from emp e join dept d on e.dept < d.id

select dept, count(*), sum(salary), avg(salary), count(distinct name) from emp group by dept having count(*) > 1

select min(salary), max(salary) from emp

select * from emp where dept in (select id from dept where title like 'a%')

select * from emp e where exists (select 1 from dept d where d.id = e.dept)

select * from emp e where not exists (select 1 from dept d where d.id = e.dept)

select * from emp where id not in (select a from t)

select name, (select max(salary) from emp e2 where e2.dept = e.dept) from emp e

select a from t union select id from emp

select a from t union all select id from emp

select a from t intersect all select id from emp

select a from t except select id from emp

select * from emp order by salary desc limit 3

select name from emp order by salary offset 2

select distinct dept from emp

select * from rich

select a, b from t where a = b

select 1 + 1, 'abc', upper('x')

insert into emp values (1, 'x', 2, 3.5)

insert into emp (id, name) select a, 'n' from t

update emp set salary = salary + 1 where id = ?

delete from t where a > 5

select * from emp e where exists (select 1 from t where t.a = e.id)

select * from emp e where salary > (select avg(salary) from emp e2 where e2.dept = e.dept)

select count(*) from emp where dept = (select min(a) from t)

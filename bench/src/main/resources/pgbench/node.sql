-- node(id) of a customer: the row by primary key.
\set n random(1, :customers)
select c.id, c.name, c.region, c.status, c.version
from customer c
where c.id = (select s.id from bench_load_customer s where s.n = :n);

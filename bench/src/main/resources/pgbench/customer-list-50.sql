-- A page of 50 customers of one region by name, each with its contacts and its 5 newest
-- licenses, in one statement.
\set n random(1, :customers)
select c.id, c.name, c.region, c.status,
       (select json_agg(k.first_name || ' ' || k.last_name order by k.last_name, k.id)
        from contact k where k.customer_id = c.id and k.removed_at is null) as contacts,
       (select json_agg(x) from (
            select l.serial, l.seats, l.ends_on, l.state from license l
            where l.customer_id = c.id order by l.issued_at desc, l.id desc limit 5) x) as licenses
from customer c
where lower(c.region) = lower((select s.region from bench_load_customer s where s.n = :n))
  and c.archived_at is null
order by c.sort_name, c.id
limit 51;

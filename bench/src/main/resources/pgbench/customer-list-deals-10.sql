-- A page of 10 customers of one region by name, each with its contacts, its 5 newest
-- licenses and its 5 open deals due soonest, in one statement.
\set n random(1, :customers)
select c.id, c.name, c.region, c.status,
       (select json_agg(k.first_name || ' ' || k.last_name order by k.last_name, k.id)
        from contact k where k.customer_id = c.id and k.removed_at is null) as contacts,
       (select json_agg(x) from (
            select l.serial, l.seats, l.ends_on, l.state from license l
            where l.customer_id = c.id order by l.issued_at desc, l.id desc limit 5) x) as licenses,
       (select json_agg(x) from (
            select o.name, o.amount, o.currency from opportunity o
            where o.customer_id = c.id and o.status = 'OPEN'
            order by o.expected_close_date nulls last, o.id limit 5) x) as deals
from customer c
where lower(c.region) = lower((select s.region from bench_load_customer s where s.n = :n))
  and c.archived_at is null
order by c.sort_name, c.id
limit 11;

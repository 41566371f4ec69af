-- customers(filter: {search}): what someone has typed so far (3 to 6 letters of a name),
-- matched anywhere in the trigram-indexed search text, first page of 25 (and one more) by name.
-- The matches are collected from the trigram index first (materialized): with a prepared
-- statement's generic plan PostgreSQL would otherwise walk the name index and filter every row.
\set n random(1, :customers)
with matches as materialized (
    select c.id, c.name, c.region, c.status, c.sort_name
    from customer c
    where c.search_text like '%' || (select s.prefix from bench_load_customer s where s.n = :n) || '%'
      and c.archived_at is null
)
select m.id, m.name, m.region, m.status
from matches m
order by m.sort_name, m.id
limit 26;

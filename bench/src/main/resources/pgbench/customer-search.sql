-- customers(filter: {search}): what someone has typed so far (3 to 6 letters of a name),
-- matched anywhere in the trigram-indexed search text, first page of 25 (and one more) by name.
\set n random(1, :customers)
select c.id, c.name, c.region, c.status
from customer c
where c.search_text like '%' || (select s.prefix from bench_load_customer s where s.n = :n) || '%'
  and c.archived_at is null
order by c.sort_name, c.id
limit 26;

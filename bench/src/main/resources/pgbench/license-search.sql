-- licenses(search:): a serial's beginning, a protection key's number or a customer's name,
-- newest first, 25 and one more to tell whether there is a next page. One statement: the
-- three ways of matching each use their index, and only the 26 newest of their union are
-- joined. The beginnings are written as ranges (serials by their text_pattern_ops index, key
-- numbers by code point order): a prepared statement's generic plan cannot turn
-- `like $1 || '%'` into an index range by itself.
\set n random(1, :license_searchs)
with t as materialized (select s.term, lower(s.term) as lower_term, upper(s.term) as upper_term
                        from bench_load_license_search s where s.n = :n),
matched as (
    (select l.id, l.issued_at from license l, t where l.serial ~>=~ t.upper_term and l.serial ~<~ (t.upper_term || '~'))
    union
    (select l.id, l.issued_at from license l join protection_key k on k.id = l.key_id, t
     where k.key_number >= t.term and k.key_number < (t.term || '~'))
    union
    (select l.id, l.issued_at from license l
     where l.customer_id in (select c.id from customer c, t where c.search_text like '%' || t.lower_term || '%'))
)
select l.serial, p.name, l.edition_code, l.seats, l.ends_on,
       case when l.state = 'ACTIVE' and l.ends_on < current_date then 'EXPIRED' else l.state end as status,
       c.name
from (select m.id from matched m order by m.issued_at desc, m.id desc limit 26) m
join license l on l.id = m.id
join product p on p.id = l.product_id
join customer c on c.id = l.customer_id
order by l.issued_at desc, l.id desc;

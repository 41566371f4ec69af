-- licenseBySerial: the license by its unique serial, with its customer's name and region.
\set n random(1, :licenses)
select l.serial, l.seats, l.ends_on,
       case when l.state = 'ACTIVE' and l.ends_on < current_date then 'EXPIRED' else l.state end as status,
       c.name, c.region
from license l
join customer c on c.id = l.customer_id
where l.serial = (select s.serial from bench_load_license s where s.n = :n);

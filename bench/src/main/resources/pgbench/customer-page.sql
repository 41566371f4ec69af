-- The customer page in one statement: the customer with owner and partner, its contacts, its
-- 25 newest licenses, its 25 newest contracts with what their active payment plan has paid
-- and left open, its 20 latest activities and its open deals, each part as a JSON array.
\set n random(1, :customers)
select c.id, c.name, c.legal_name, c.region, c.status, c.tags, c.version, u.name as owner, pa.name as partner,
       (select json_agg(json_build_object('id', k.id, 'first', k.first_name, 'last', k.last_name,
                                          'title', k.job_title, 'emails', k.emails, 'phones', k.phones)
                        order by k.last_name, k.id)
        from contact k where k.customer_id = c.id and k.removed_at is null) as contacts,
       (select json_agg(x) from (
            select l.id, l.serial, p.name, l.edition_code, l.seats, l.ends_on, l.state
            from license l join product p on p.id = l.product_id
            where l.customer_id = c.id order by l.issued_at desc, l.id desc limit 25) x) as licenses,
       (select json_agg(x) from (
            select t.id, t.number, t.title, t.status, t.total, t.currency, pp.status as plan_status,
                   (select sum(q.paid) from planned_payment q where q.plan_id = pp.id) as paid,
                   (select sum(q.amount - q.paid) from planned_payment q
                    where q.plan_id = pp.id and q.written_off_at is null) as open
            from contract t
            left join payment_plan pp on pp.contract_id = t.id and pp.status = 'ACTIVE'
            where t.customer_id = c.id order by t.created_at desc, t.id desc limit 25) x) as contracts,
       (select json_agg(x) from (
            select a.id, a.kind, a.subject, a.occurred_at, a.outcome
            from activity a where a.customer_id = c.id order by a.occurred_at desc, a.id desc limit 20) x) as activities,
       (select json_agg(x) from (
            select o.id, o.name, s.name as stage, o.amount, o.currency, o.expected_close_date
            from opportunity o join stage s on s.id = o.stage_id
            where o.customer_id = c.id and o.status = 'OPEN'
            order by o.expected_close_date, o.id limit 25) x) as deals
from customer c
join app_user u on u.id = c.owner_id
left join partner pa on pa.id = c.partner_id
where c.id = (select s.id from bench_load_customer s where s.n = :n);

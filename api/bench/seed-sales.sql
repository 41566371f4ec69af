-- Benchmark data for the sales reports: :deals opportunities (default 100000) on the bench
-- customers (run seed-customers.sql first), each with 1–5 stage changes, and :activities
-- activities (default 1000000), a tenth of them with an open reminder.
-- psql -v deals=100000 -v activities=1000000 -f seed-sales.sql
\if :{?deals}
\else
\set deals 100000
\endif
\if :{?activities}
\else
\set activities 1000000
\endif

create temporary table bench_customer as
select id, owner_id, row_number() over (order by id) as n from customer where tax_id like 'BT%';

insert into opportunity (id, customer_id, name, owner_id, pipeline_id, stage_id, status, amount, currency,
                         expected_close_date, created_at, updated_at, closed_at)
select gen_random_uuid(), c.id, 'Bench deal ' || i, c.owner_id, p.id, s.id,
       case when s.position >= 7 then 'WON' when i % 5 = 0 then 'LOST' else 'OPEN' end,
       (1000 + (i % 97) * 250)::numeric, (array['EUR','USD','CHF'])[1 + i % 3],
       current_date + (i % 365), now() - ((i % 720) || ' hours')::interval, now(),
       case when s.position >= 7 or i % 5 = 0 then now() - ((i % 300) || ' hours')::interval end
from generate_series(1, :deals) as i
join bench_customer c on c.n = 1 + (i % (select count(*) from bench_customer))
cross join lateral (select id from pipeline where is_default) p
join stage s on s.pipeline_id = p.id and s.position = 1 + (i % 9);

-- History: one change into every stage up to the current one.
insert into opportunity_stage_change (opportunity_id, from_stage_id, to_stage_id, status, changed_by, changed_at)
select o.id, prev.id, s.id, case when s.closes_as_won then 'WON' else 'OPEN' end, o.owner_id,
       o.created_at + (s.position || ' days')::interval
from opportunity o
join stage cur on cur.id = o.stage_id
join stage s on s.pipeline_id = cur.pipeline_id and s.position <= cur.position
left join stage prev on prev.pipeline_id = s.pipeline_id and prev.position = s.position - 1
where o.name like 'Bench deal %';

insert into activity (id, customer_id, kind, subject, occurred_at, owner_id, reminder_due_at, reminder_assignee)
select gen_random_uuid(), c.id, (array['CALL','MEETING','DEMO','VISIT','EMAIL','TASK'])[1 + i % 6],
       'Bench activity ' || i, now() - ((i % 10000) || ' minutes')::interval, c.owner_id,
       case when i % 10 = 0 then now() + (((i % 200) - 100) || ' hours')::interval end,
       case when i % 10 = 0 then c.owner_id end
from generate_series(1, :activities) as i
join bench_customer c on c.n = 1 + (i % (select count(*) from bench_customer));

analyze opportunity;
analyze opportunity_stage_change;
analyze activity;

-- Each deal's furthest stage, as the moves through the API keep it (migration V17).
update opportunity o set furthest_stage_id = f.stage_id
from (
    select distinct on (h.opportunity_id) h.opportunity_id, h.to_stage_id as stage_id
    from opportunity_stage_change h
    join stage s on s.id = h.to_stage_id
    order by h.opportunity_id, s.position desc
) f
where f.opportunity_id = o.id and o.name like 'Bench deal %';
analyze opportunity;

-- createCustomer: the row (its search text by the table's trigger, its name key as the API
-- computes it for these ASCII names: lower case, letters and digits; no `[:alnum:]`, which
-- pgbench would read as a variable) and its event in the outbox,
-- in one transaction. Without the name key the API's backfill would redo the work on its
-- next start and load the runs after this one.
\set n random(1, :customers)
begin;
with c as (
    insert into customer (id, name, name_key, region, status, owner_id)
    select gen_random_uuid(), n.name, regexp_replace(lower(n.name), '[^a-z0-9]', '', 'g'), s.region, 'PROSPECT',
           (select u.id from app_user u where u.partner_id is null order by u.id limit 1)
    from bench_load_customer s, (select 'Load SQL ' || gen_random_uuid() as name) n where s.n = :n
    returning id, name, region, status
)
insert into outbox_event (event_id, type, aggregate_type, aggregate_id, aggregate_version, actor, customer_id,
                          payload, transaction_id)
select gen_random_uuid(), 'customer.created', 'Customer', c.id, 1, 'dealerdesk-bench', c.id,
       json_build_object('id', c.id, 'name', c.name, 'region', c.region, 'status', c.status), pg_current_xact_id()
from c;
commit;

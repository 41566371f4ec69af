-- Billing: indexes for the collections overview and the income budget at size (100k contracts,
-- 1M planned payments; docs/performance.md, "Collections and budget").
--
-- Both cover what their statements read of an open planned payment with a due date (the
-- predicate of V26's partial indexes), so that PostgreSQL answers from the index alone
-- (index-only scan) without visiting the table.

-- Ageing: open amounts summed per customer and currency in index order (no sort, no hash
-- table), each age band a range of due dates.
create index planned_payment_open_ageing_idx on planned_payment (customer_id, currency, due_on)
    include (amount, paid, plan_id)
    where paid < amount and written_off_at is null and due_on is not null;

-- Income budget: the open planned payments in one currency falling due in a period.
create index planned_payment_open_currency_due_idx on planned_payment (currency, due_on)
    include (amount, paid, plan_id, customer_id)
    where paid < amount and written_off_at is null and due_on is not null;

-- Planned payments of superseded plan versions are left out of collections and budget: the
-- (few) superseded plans, found without reading every plan.
create index payment_plan_superseded_idx on payment_plan (id) where status = 'SUPERSEDED';

-- A plan's next version (renegotiation history) by the version it replaced.
create index payment_plan_previous_idx on payment_plan (previous_id) where previous_id is not null;

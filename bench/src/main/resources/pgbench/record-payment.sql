-- recordPayment of 1.00, allocated to the customer's oldest open planned payment: the
-- payment, its allocation, the planned payment's paid amount and the event, in one
-- transaction (numbered from a sequence, not gap-free per year as the API numbers them).
\set n random(1, :payers)
begin;
with payer as (
    select s.id as customer_id, s.currency from bench_load_payer s where s.n = :n
), target as (
    -- the customer as a value, not a join: joined to the CTE, PostgreSQL read every planned
    -- payment (118 ms at size L) instead of the customer's from its index; `paid < amount`
    -- lets it use the partial index of open planned payments
    select q.id from planned_payment q
    where q.customer_id = (select customer_id from payer) and q.currency = (select currency from payer)
      and q.paid < q.amount and q.paid + 1 <= q.amount
      and q.written_off_at is null
    order by q.due_on nulls last, q.position limit 1 for update
), paid as (
    update planned_payment q set paid = q.paid + 1 from target where q.id = target.id returning q.id
), payment as (
    insert into payment (id, number, kind, customer_id, currency, amount, allocated, received_on, method,
                         idempotency_key, request_fingerprint, created_by)
    select gen_random_uuid(), 'PAY-SQL-' || gen_random_uuid(), 'RECEIPT', payer.customer_id, payer.currency, 1,
           (select count(*) from paid), current_date, 'BANK_TRANSFER', gen_random_uuid()::text, 'load',
           (select u.id from app_user u where u.partner_id is null order by u.id limit 1)
    from payer
    returning id, customer_id, currency, created_by
), allocation as (
    insert into payment_allocation (id, payment_id, planned_payment_id, currency, amount, payment_amount, created_by)
    select gen_random_uuid(), payment.id, paid.id, payment.currency, 1, 1, payment.created_by from payment, paid
)
insert into outbox_event (event_id, type, aggregate_type, aggregate_id, aggregate_version, actor, customer_id,
                          payload, transaction_id)
select gen_random_uuid(), 'payment.recorded', 'Payment', payment.id, 1, 'dealerdesk-bench', payment.customer_id,
       json_build_object('id', payment.id, 'amount', 1), pg_current_xact_id()
from payment;
commit;

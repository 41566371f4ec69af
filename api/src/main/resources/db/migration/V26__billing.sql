-- Billing (feature `billing`): payment plans from payment terms, planned payments, payments
-- received and refunds, and their allocation to invoices and planned payments.
--
-- What was paid is kept on the paid-for rows themselves (planned_payment.paid,
-- invoice_account.paid, payment.allocated) and checked by constraints, so two allocations
-- recorded at once queue on the same rows and can never allocate more than is open or more
-- than was received, whatever the code does.

create table payment_plan (
    id             uuid primary key,
    customer_id    uuid           not null references customer (id),
    contract_id    uuid references contract (id),
    order_id       uuid references sales_order (id),
    plan_version   int            not null check (plan_version > 0),
    status         text           not null check (status in ('ACTIVE', 'SUPERSEDED')),
    previous_id    uuid references payment_plan (id),
    currency       char(3)        not null,
    total          numeric(19, 4) not null check (total > 0),
    -- the terms as given (PaymentTermInput), for display and for the event
    terms          jsonb          not null,
    reason         text,
    created_by     text           not null references app_user (id),
    created_at     timestamptz    not null default now(),
    version        int            not null default 1,
    constraint payment_plan_of_one check ((contract_id is null) <> (order_id is null))
);

-- one active plan per contract and per order; versions numbered once
create unique index payment_plan_active_contract on payment_plan (contract_id) where status = 'ACTIVE' and contract_id is not null;
create unique index payment_plan_active_order on payment_plan (order_id) where status = 'ACTIVE' and order_id is not null;
create unique index payment_plan_contract_version on payment_plan (contract_id, plan_version) where contract_id is not null;
create unique index payment_plan_order_version on payment_plan (order_id, plan_version) where order_id is not null;
create index payment_plan_customer_idx on payment_plan (customer_id);

create table planned_payment (
    id                 uuid primary key,
    plan_id            uuid           not null references payment_plan (id),
    customer_id        uuid           not null references customer (id),
    position           int            not null check (position > 0),
    label              text           not null,
    currency           char(3)        not null,
    amount             numeric(19, 4) not null check (amount > 0),
    paid               numeric(19, 4) not null default 0,
    due_on             date,
    trigger_event      text check (trigger_event in ('CONTRACT_SIGNED', 'STAGE_ACCEPTED', 'SHIPMENT_SENT', 'CONTRACT_COMPLETED')),
    trigger_stage_id   uuid references contract_stage (id),
    trigger_offset_days int           not null default 0 check (trigger_offset_days between 0 and 365),
    triggered_on       date,
    invoice_id         uuid unique references invoice (id),
    written_off_at     timestamptz,
    write_off_reason   text,
    -- the due date whose overdue reminder was sent, so the job sends it once per due date
    overdue_announced_for date,
    unique (plan_id, position),
    constraint planned_payment_paid_within check (paid >= 0 and paid <= amount),
    constraint planned_payment_due_or_trigger check (due_on is not null or trigger_event is not null),
    constraint planned_payment_stage_trigger check ((trigger_event = 'STAGE_ACCEPTED') = (trigger_stage_id is not null))
);

create index planned_payment_plan_idx on planned_payment (plan_id, position);
-- collections: what is open, by due date and by customer
create index planned_payment_open_due_idx on planned_payment (due_on, customer_id)
    where paid < amount and written_off_at is null and due_on is not null;
create index planned_payment_open_customer_idx on planned_payment (customer_id, due_on)
    where paid < amount and written_off_at is null;
create index planned_payment_trigger_stage_idx on planned_payment (trigger_stage_id) where trigger_stage_id is not null;

-- What billing knows of each invoice it has allocated to: its total, and what is paid.
-- Created when first needed from the order feature's invoice_receivable view.
create table invoice_account (
    invoice_id  uuid primary key references invoice (id),
    customer_id uuid           not null references customer (id),
    currency    char(3)        not null,
    total       numeric(19, 4) not null,
    paid        numeric(19, 4) not null default 0,
    constraint invoice_account_paid_within check (paid >= 0 and paid <= total)
);

create table payment (
    id               uuid primary key,
    number           text           not null unique,
    kind             text           not null check (kind in ('RECEIPT', 'REFUND')),
    customer_id      uuid           not null references customer (id),
    currency         char(3)        not null,
    amount           numeric(19, 4) not null check (amount > 0),
    allocated        numeric(19, 4) not null default 0,
    received_on      date           not null,
    method           text           not null check (method in ('BANK_TRANSFER', 'CARD', 'CASH', 'CHEQUE', 'OTHER')),
    reference        text,
    exchange_rate    numeric(19, 8) check (exchange_rate > 0),
    -- idempotency: one payment per caller and key; the fingerprint is a hash of the input
    idempotency_key  text           not null,
    request_fingerprint text        not null,
    created_by       text           not null references app_user (id),
    created_at       timestamptz    not null default now(),
    version          int            not null default 1,
    unique (created_by, idempotency_key),
    -- a refund is never allocated; a receipt allocates at most what it brought
    constraint payment_allocated_within check (allocated >= 0 and allocated <= amount and (kind = 'RECEIPT' or allocated = 0))
);

create index payment_customer_idx on payment (customer_id, created_at desc, id desc);
create index payment_created_idx on payment (created_at desc, id desc);
create index payment_received_idx on payment (received_on, currency);

create table payment_allocation (
    id                 uuid primary key,
    payment_id         uuid           not null references payment (id),
    invoice_id         uuid references invoice_account (invoice_id),
    planned_payment_id uuid references planned_payment (id),
    currency           char(3)        not null,
    amount             numeric(19, 4) not null check (amount > 0),
    payment_amount     numeric(19, 4) not null check (payment_amount > 0),
    created_by         text           not null references app_user (id),
    created_at         timestamptz    not null default now(),
    constraint payment_allocation_target check (invoice_id is not null or planned_payment_id is not null)
);

create index payment_allocation_payment_idx on payment_allocation (payment_id);
create index payment_allocation_invoice_idx on payment_allocation (invoice_id) where invoice_id is not null;
create index payment_allocation_planned_idx on payment_allocation (planned_payment_id) where planned_payment_id is not null;

-- A time-limited license bound to a payment plan runs until the next open planned payment's
-- due date plus the grace period.
create table payment_plan_license (
    license_id       uuid primary key references license (id),
    plan_id          uuid        not null references payment_plan (id),
    paid_until       date,
    -- the planned payment whose overdue non-extension was announced, once
    lapse_announced_for uuid,
    bound_by         text        not null references app_user (id),
    bound_at         timestamptz not null default now()
);

create index payment_plan_license_plan_idx on payment_plan_license (plan_id);

-- owned by order: what billing needs of invoices, without naming the invoice table
create view invoice_receivable as
select id as invoice_id, number, customer_id, currency, total, issued_on, due_on, created_at
from invoice;

-- owned by billing: the document chain's links through plans and payments (contract/order →
-- invoice issued for a planned payment, invoice → payment), read by documentFlow.
create view billing_flow_link as
select distinct coalesce(pp.contract_id, pp.order_id) as from_id,
       case when pp.contract_id is not null then 'CONTRACT' else 'ORDER' end as from_kind,
       p.invoice_id as to_id, 'INVOICE' as to_kind
from planned_payment p join payment_plan pp on pp.id = p.plan_id
where p.invoice_id is not null
union
select a.invoice_id, 'INVOICE', a.payment_id, 'PAYMENT'
from payment_allocation a where a.invoice_id is not null
union
select coalesce(pp.contract_id, pp.order_id),
       case when pp.contract_id is not null then 'CONTRACT' else 'ORDER' end,
       a.payment_id, 'PAYMENT'
from payment_allocation a
join planned_payment p on p.id = a.planned_payment_id
join payment_plan pp on pp.id = p.plan_id
where a.invoice_id is null;

-- owned by billing: money received per campaign, for the campaign report's return. A payment
-- allocated to an invoice counts for the campaigns of the orders it invoiced (shared by the
-- shipments' amounts); one allocated to a planned payment counts for the plan's order, or the
-- contract's order or deal.
create view campaign_receipt as
select o.campaign_id, a.currency, a.amount * s.amount / ia.total as amount
from payment_allocation a
join invoice_account ia on ia.invoice_id = a.invoice_id
join shipment s on s.invoice_id = a.invoice_id
join sales_order o on o.id = s.order_id
where a.planned_payment_id is null and o.campaign_id is not null and ia.total > 0
union all
select coalesce(o.campaign_id, co.campaign_id, d.campaign_id), a.currency, a.amount
from payment_allocation a
join planned_payment p on p.id = a.planned_payment_id
join payment_plan pp on pp.id = p.plan_id
left join sales_order o on o.id = pp.order_id
left join contract c on c.id = pp.contract_id
left join sales_order co on co.id = c.order_id
left join opportunity d on d.id = c.opportunity_id
where coalesce(o.campaign_id, co.campaign_id, d.campaign_id) is not null;

-- The one definition of a planned payment's status (PlannedPaymentStatus in the schema), used
-- by every query that shows or counts it. `today` is the business date.
create function planned_payment_status(amount numeric, paid numeric, due_on date, written_off_at timestamptz, today date)
returns text language sql immutable as $$
    select case
        when written_off_at is not null then 'WRITTEN_OFF'
        when paid >= amount then 'PAID'
        when due_on is not null and due_on < today then 'OVERDUE'
        when paid > 0 then 'PARTLY_PAID'
        when due_on is not null and due_on <= today + 6 then 'DUE'
        else 'PLANNED'
    end
$$;

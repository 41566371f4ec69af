-- Money with partners (ADR 0030): a partner's account with the vendor, one per currency, and
-- the entries booked on it. The balance is kept on the account, changed only under a row lock
-- on it together with the entry, so that balance = sum(entries) always holds.

create table partner_account (
    id           uuid primary key,
    partner_id   uuid           not null references partner (id),
    currency     char(3)        not null,
    -- orders for the partner's customers in this currency are charged when placed
    prepaid      boolean        not null,
    credit_limit numeric(19, 4) not null default 0 check (credit_limit >= 0),
    balance      numeric(19, 4) not null default 0,
    version      int            not null default 1,
    created_at   timestamptz    not null default now(),
    updated_at   timestamptz    not null default now(),
    constraint partner_account_one_per_currency unique (partner_id, currency)
);

create table partner_account_entry (
    id            uuid primary key,
    account_id    uuid           not null references partner_account (id),
    kind          text           not null check (kind in
        ('PAYMENT', 'ORDER_CHARGE', 'ORDER_REFUND', 'REBATE_CREDIT', 'ADJUSTMENT')),
    amount        numeric(19, 4) not null check (amount <> 0),
    booked_on     date           not null,
    order_id      uuid references sales_order (id),
    agreement_id  uuid references partner_agreement (id),
    rebate_year   int,
    reference     text,
    reason        text,
    created_by    text,
    created_at    timestamptz    not null default now(),
    constraint partner_account_entry_shape check (
        (kind in ('ORDER_CHARGE', 'ORDER_REFUND')) = (order_id is not null)
        and (kind = 'REBATE_CREDIT') = (agreement_id is not null and rebate_year is not null)
        and (kind = 'PAYMENT') = (reference is not null)
        and (kind = 'ADJUSTMENT') = (reason is not null))
);

-- the "at most once" rules
create unique index partner_account_entry_order_once on partner_account_entry (order_id, kind)
    where order_id is not null;
create unique index partner_account_entry_rebate_once on partner_account_entry (agreement_id, rebate_year)
    where kind = 'REBATE_CREDIT';
create unique index partner_account_entry_reference_once on partner_account_entry (account_id, reference)
    where kind = 'PAYMENT';

-- entries per account in booking-day order (keyset, running balances, a statement's period)
create index partner_account_entry_by_account on partner_account_entry (account_id, booked_on, created_at, id);

-- accounts in the order they were opened (keyset of partnerAccounts)
create index partner_account_by_opening on partner_account (created_at, id);

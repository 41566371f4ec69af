-- The channel (issue 11): partners as organisations with a status, a tier, territories,
-- contacts and one level of sub-dealers; tiers priced through the catalogue's tier prices;
-- agreements with year-end rebate bands; deal registrations with the conflicts found when
-- they were submitted.

create extension if not exists btree_gist;

create table partner_tier (
    id                       uuid primary key,
    -- what product_price.tier names
    code                     text          not null unique check (code ~ '^[A-Z][A-Z0-9_]{0,29}$'),
    name                     text          not null,
    position                 int           not null check (position > 0),
    default_discount_percent numeric(5, 2) check (default_discount_percent between 0 and 100),
    version                  int           not null default 1,
    created_at               timestamptz   not null default now(),
    updated_at               timestamptz   not null default now()
);

alter table partner
    add column legal_name         text,
    add column tax_id             text,
    add column country            char(2),
    add column address            text,
    add column status             text not null default 'ACTIVE'
        check (status in ('PROSPECTIVE', 'ACTIVE', 'SUSPENDED', 'TERMINATED')),
    add column status_reason      text,
    add column tier_id            uuid references partner_tier (id),
    -- a sub-dealer's partner; two levels only, which the partner feature checks under a row lock
    add column parent_id          uuid references partner (id),
    -- the customer this partner grew from: at most one partner per customer
    add column former_customer_id uuid unique references customer (id),
    add column version            int not null default 1,
    add column updated_at         timestamptz not null default now(),
    add constraint partner_not_own_parent check (parent_id <> id);

create index partner_parent_idx on partner (parent_id) where parent_id is not null;
create index partner_tier_idx on partner (tier_id) where tier_id is not null;
create index partner_name_idx on partner (lower(name), id);
-- partners(status:) in name order; partners(search:) over the name, legal name and tax id
create index partner_status_name_idx on partner (status, lower(name), id);
create index partner_search_idx on partner
    using gin ((lower(name || ' ' || coalesce(legal_name, '') || ' ' || coalesce(tax_id, ''))) gin_trgm_ops);
-- partnerTiers in their order
create index partner_tier_position_idx on partner_tier (position, id);

-- The partners whose rows a partner's callers see: its own and its sub-dealers'.
create function partner_scope(partner uuid) returns setof uuid
    language sql stable as
$$
select partner
union all
select p.id from partner p where p.parent_id = partner
$$;

create table partner_territory (
    partner_id uuid not null references partner (id),
    position   int  not null,
    region     text,
    industry   text,
    primary key (partner_id, position),
    constraint partner_territory_something check (region is not null or industry is not null)
);

create table partner_contact (
    id         uuid primary key,
    partner_id uuid        not null references partner (id),
    name       text        not null,
    role       text,
    email      text,
    phone      text,
    created_at timestamptz not null default now()
);

create index partner_contact_partner_idx on partner_contact (partner_id, created_at);

-- Portal users are app_users with a partner; these say where their invitation stands.
alter table app_user
    add column status     text not null default 'ACTIVE' check (status in ('INVITED', 'ACTIVE', 'DISABLED')),
    add column invited_at timestamptz,
    add column invited_by text references app_user (id);

-- one portal user per e-mail address, however many invitations are sent at once
create unique index app_user_partner_email_idx on app_user (lower(email)) where email is not null and partner_id is not null;

create table partner_agreement (
    id         uuid primary key,
    partner_id uuid        not null references partner (id),
    starts_on  date        not null,
    -- inclusive; null: open-ended
    ends_on    date,
    currency   char(3)     not null,
    note       text,
    version    int         not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint partner_agreement_period check (ends_on is null or ends_on >= starts_on),
    -- a partner's agreements never overlap, whoever writes them at the same time
    constraint partner_agreement_no_overlap exclude using gist (
        partner_id with =, daterange(starts_on, ends_on, '[]') with &&)
);

create table rebate_band (
    agreement_id uuid           not null references partner_agreement (id) on delete cascade,
    threshold    numeric(19, 4) not null check (threshold >= 0),
    percent      numeric(5, 2)  not null check (percent > 0 and percent <= 100),
    primary key (agreement_id, threshold)
);

create table deal_registration (
    id                    uuid primary key,
    number                text           not null unique,
    partner_id            uuid           not null references partner (id),
    registered_by         text references app_user (id),
    -- the partner's customer it was registered for, or the one made on approval
    customer_id           uuid references customer (id),
    customer_name         text           not null,
    customer_tax_id       text,
    customer_email_domain text,
    customer_region       text,
    customer_industry     text,
    -- match keys, normalised by the channel feature when the registration is submitted
    tax_id_key            text,
    name_key              text           not null,
    currency              char(3)        not null,
    expected_amount       numeric(19, 4) not null check (expected_amount > 0),
    expected_close_on     date           not null,
    note                  text,
    status                text           not null default 'SUBMITTED'
        check (status in ('SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED')),
    submitted_at          timestamptz    not null default now(),
    decided_at            timestamptz,
    decided_by            text references app_user (id),
    rejection_reason      text,
    protected_until       date,
    opportunity_id        uuid unique references opportunity (id),
    version               int            not null default 1,
    updated_at            timestamptz    not null default now(),
    constraint deal_registration_approved check ((status = 'APPROVED') <= (protected_until is not null)),
    constraint deal_registration_rejected check ((status = 'REJECTED') <= (rejection_reason is not null))
);

create index deal_registration_queue_idx on deal_registration (status, submitted_at desc, id desc);
create index deal_registration_partner_idx on deal_registration (partner_id, submitted_at desc, id desc);
-- conflict look-ups among the registrations that still hold a claim
create index deal_registration_tax_key_idx on deal_registration (tax_id_key)
    where status in ('SUBMITTED', 'APPROVED') and tax_id_key is not null;
create index deal_registration_name_key_idx on deal_registration (name_key) where status in ('SUBMITTED', 'APPROVED');
create index deal_registration_domain_idx on deal_registration (customer_email_domain)
    where status in ('SUBMITTED', 'APPROVED') and customer_email_domain is not null;
create index deal_registration_expiry_idx on deal_registration (protected_until) where status = 'APPROVED';
create index deal_registration_customer_idx on deal_registration (customer_id) where customer_id is not null;
-- a partner registers a customer once while the vendor decides: ten clicks make one registration
create unique index deal_registration_one_pending_idx on deal_registration (partner_id, name_key) where status = 'SUBMITTED';

create table deal_registration_line (
    registration_id uuid not null references deal_registration (id),
    position        int  not null,
    product_id      uuid not null references product (id),
    edition_code    text,
    quantity        int  not null check (quantity > 0),
    primary key (registration_id, position)
);

create table deal_registration_conflict (
    registration_id       uuid   not null references deal_registration (id),
    position              int    not null,
    kind                  text   not null check (kind in ('SAME_CUSTOMER_REGISTERED', 'DIRECT_CUSTOMER',
                                                          'OTHER_PARTNER_CUSTOMER', 'OUTSIDE_TERRITORY')),
    matched_by            text[] not null default '{}',
    evidence              text   not null,
    other_registration_id uuid references deal_registration (id),
    customer_id           uuid references customer (id),
    primary key (registration_id, position)
);

create index deal_registration_conflict_other_idx on deal_registration_conflict (other_registration_id)
    where other_registration_id is not null;

-- Customers recognised across scripts and legal forms: the customer feature keeps the key
-- (the same normalisation as deal_registration.name_key) on every create and update.
alter table customer add column name_key text;
create index customer_name_key_idx on customer (name_key) where name_key is not null;
create index customer_tax_id_key_idx on customer (lower(regexp_replace(tax_id, '[^0-9A-Za-z]', '', 'g')))
    where tax_id is not null;
create index customer_email_domain_idx on customer (lower(split_part(email, '@', 2))) where email like '%@%';

-- Which price a catalogue line got: the list price, its partner tier's price or discount, or
-- one entered by hand.
alter table quote_line
    add column price_basis     text not null default 'ENTERED'
        check (price_basis in ('LIST', 'TIER_PRICE', 'TIER_DISCOUNT', 'ENTERED')),
    add column partner_tier_id uuid references partner_tier (id);
alter table order_line
    add column price_basis     text not null default 'ENTERED'
        check (price_basis in ('LIST', 'TIER_PRICE', 'TIER_DISCOUNT', 'ENTERED')),
    add column partner_tier_id uuid references partner_tier (id);

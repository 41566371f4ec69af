-- The product catalogue: programs with editions, services and protection keys, priced per
-- currency and (once the channel has tiers) per partner tier.

create table product (
    id            uuid primary key,
    code          text        not null unique,
    name          text        not null,
    description   text,
    kind          text        not null,
    license_model text        not null,
    term_months   int check (term_months between 1 and 120),
    seat_basis    text,
    active        boolean     not null default true,
    version       int         not null default 1,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint product_term check ((term_months is not null) = (license_model in ('SUBSCRIPTION', 'TIME_LIMITED', 'TRIAL'))),
    constraint product_program_model check ((kind = 'PROGRAM') = (license_model <> 'NONE')),
    constraint product_seat_basis check ((kind = 'PROGRAM') = (seat_basis is not null))
);

-- Catalogue search by code or name (any word prefix, any script).
create index product_search_idx on product using gin ((lower(code || ' ' || name)) gin_trgm_ops);

create table product_edition (
    product_id uuid    not null references product (id),
    code       text    not null,
    name       text    not null,
    position   int     not null,
    active     boolean not null default true,
    primary key (product_id, code)
);

create table product_price (
    product_id   uuid           not null references product (id),
    -- '' for the product's own price, so that the key can be unique without nulls
    edition_code text           not null default '',
    tier         text           not null default '',
    currency     char(3)        not null,
    unit_price   numeric(19, 4) not null check (unit_price >= 0),
    primary key (product_id, edition_code, tier, currency)
);

-- A quote line may offer a catalogue product; an order made from the quote ships it.
alter table quote_line add column product_id uuid references product (id);
alter table quote_line add column edition_code text;

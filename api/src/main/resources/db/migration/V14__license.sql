-- Licenses issued on shipment, protection keys they are bound to, and each license's history.

create table protection_key (
    id          uuid primary key,
    key_number  text        not null unique,
    name        text        not null,
    kind        text        not null,
    status      text        not null default 'ACTIVE',
    customer_id uuid        not null references customer (id),
    replaced_by uuid references protection_key (id),
    version     int         not null default 1,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create index protection_key_customer_idx on protection_key (customer_id);
create index protection_key_name_idx on protection_key using gin (lower(name) gin_trgm_ops);

-- One per shipped unit: the customer's instance of what was delivered, carrying its licenses.
create table license_item (
    id               uuid primary key,
    customer_id      uuid not null references customer (id),
    shipment_line_id uuid not null references shipment_line (id),
    created_at       timestamptz not null default now()
);

create index license_item_shipment_line_idx on license_item (shipment_line_id);

create table license (
    id            uuid primary key,
    serial        text        not null,
    item_id       uuid        not null references license_item (id),
    product_id    uuid        not null references product (id),
    edition_code  text,
    customer_id   uuid        not null references customer (id),
    seats         int         not null check (seats > 0),
    starts_on     date        not null,
    ends_on       date,
    -- ACTIVE, SUSPENDED or REVOKED; EXPIRED is derived from ends_on and today
    state         text        not null default 'ACTIVE',
    key_id        uuid references protection_key (id),
    shipment_id   uuid references shipment (id),
    issued_at     timestamptz not null default now(),
    version       int         not null default 1,
    updated_at    timestamptz not null default now(),
    constraint license_period check (ends_on is null or ends_on >= starts_on)
);

create index license_customer_idx on license (customer_id, issued_at desc, id desc);
create index license_key_idx on license (key_id, issued_at desc, id desc) where key_id is not null;
create index license_shipment_idx on license (shipment_id);
create index license_created_idx on license (issued_at desc, id desc);
-- Renewals: open licenses with an end, soonest first.
create index license_ends_idx on license (ends_on, id) where ends_on is not null and state <> 'REVOKED';
-- Serials are unique; the one index serves look-up by serial and search by its beginning
-- ("7K3QF-9X..."), which text_pattern_ops makes usable for LIKE 'prefix%' in any collation.
create unique index license_serial_idx on license (serial text_pattern_ops);

alter table order_line add constraint order_line_renews_fk foreign key (renews_license_id) references license (id);

create table license_event (
    id            bigint generated always as identity primary key,
    license_id    uuid        not null references license (id),
    kind          text        not null,
    at            timestamptz not null default now(),
    by_user       text references app_user (id),
    reason        text,
    ends_before   date,
    ends_after    date,
    from_key_id   uuid references protection_key (id),
    to_key_id     uuid references protection_key (id)
);

create index license_event_license_idx on license_event (license_id, id desc);

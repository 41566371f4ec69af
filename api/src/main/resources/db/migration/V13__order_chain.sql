-- The document chain: quote → order → shipment → invoice. Each document references the one it
-- was made from, and the foreign keys (no cascades) keep a document from being deleted while a
-- later one depends on it.

-- Gapless numbers per document kind and year (ORD-2026-00001): the counter row is locked by the
-- transaction that takes a number, so a rolled-back document leaves no hole.
create table document_counter (
    kind text not null,
    year int  not null,
    last int  not null,
    primary key (kind, year)
);

create table sales_order (
    id             uuid primary key,
    number         text           not null unique,
    customer_id    uuid           not null references customer (id),
    opportunity_id uuid references opportunity (id),
    quote_id       uuid references quote (id),
    campaign_id    uuid references campaign (id),
    status         text           not null,
    currency       char(3)        not null,
    total          numeric(19, 4) not null check (total >= 0),
    created_by     text           not null references app_user (id),
    created_at     timestamptz    not null default now(),
    updated_at     timestamptz    not null default now(),
    version        int            not null default 1
);

create index sales_order_customer_idx on sales_order (customer_id, created_at desc, id desc);
create index sales_order_created_idx on sales_order (created_at desc, id desc);
create index sales_order_quote_idx on sales_order (quote_id) where quote_id is not null;
create index sales_order_campaign_idx on sales_order (campaign_id) where campaign_id is not null;

create table order_line (
    id               uuid primary key,
    order_id         uuid           not null references sales_order (id),
    position         int            not null,
    product_id       uuid           not null references product (id),
    edition_code     text,
    description      text           not null,
    quantity         int            not null check (quantity > 0),
    unit_price       numeric(19, 4) not null check (unit_price >= 0),
    discount         numeric(19, 4) not null check (discount >= 0),
    price            numeric(19, 4) not null check (price >= 0),
    shipped_quantity int            not null default 0,
    -- set on renewal orders: shipping the line renews this license (constraint added with licenses)
    renews_license_id uuid,
    unique (order_id, position),
    constraint order_line_not_overshipped check (shipped_quantity between 0 and quantity)
);

create table shipment (
    id          uuid primary key,
    number      text        not null unique,
    order_id    uuid        not null references sales_order (id),
    customer_id uuid        not null references customer (id),
    shipped_on  date        not null,
    amount      numeric(19, 4) not null,
    currency    char(3)     not null,
    invoice_id  uuid,
    licenses_issued_at timestamptz,
    created_by  text        not null references app_user (id),
    created_at  timestamptz not null default now()
);

create index shipment_order_idx on shipment (order_id);
create index shipment_customer_idx on shipment (customer_id, created_at desc);

create table shipment_line (
    id            uuid primary key,
    shipment_id   uuid           not null references shipment (id),
    order_line_id uuid           not null references order_line (id),
    quantity      int            not null check (quantity > 0),
    amount        numeric(19, 4) not null check (amount >= 0),
    unique (shipment_id, order_line_id)
);

create index shipment_line_order_line_idx on shipment_line (order_line_id);

create table invoice (
    id          uuid primary key,
    number      text           not null unique,
    customer_id uuid           not null references customer (id),
    currency    char(3)        not null,
    issued_on   date           not null,
    due_on      date           not null,
    total       numeric(19, 4) not null check (total >= 0),
    created_by  text           not null references app_user (id),
    created_at  timestamptz    not null default now(),
    constraint invoice_due_after_issue check (due_on >= issued_on)
);

create index invoice_customer_idx on invoice (customer_id, created_at desc, id desc);
create index invoice_created_idx on invoice (created_at desc, id desc);

-- A shipment is invoiced once; an invoice covers one or more shipments.
alter table shipment add constraint shipment_invoice_fk foreign key (invoice_id) references invoice (id);
create index shipment_invoice_idx on shipment (invoice_id) where invoice_id is not null;

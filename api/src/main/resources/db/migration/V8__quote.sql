-- Quotes of a deal, in numbered versions, with priced lines.

create table quote (
    id             uuid primary key,
    opportunity_id uuid        not null references opportunity (id),
    number         int         not null,
    status         text        not null,
    currency       char(3)     not null,
    valid_until    date        not null,
    total          numeric(19, 4) not null check (total >= 0),
    version        int         not null default 1,
    created_by     text        not null references app_user (id),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    unique (opportunity_id, number)
);

create table quote_line (
    quote_id         uuid           not null references quote (id),
    position         int            not null,
    description      text           not null,
    quantity         int            not null check (quantity > 0),
    list_price       numeric(19, 4) not null check (list_price >= 0),
    discount_percent numeric(7, 4) check (discount_percent between 0 and 100),
    discount         numeric(19, 4) not null check (discount >= 0),
    price            numeric(19, 4) not null check (price >= 0),
    primary key (quote_id, position)
);

-- What the customer was interested in, line by line; lines not bought stay, marked as such, so
-- managers can see what customers looked at but did not buy.
create table opportunity_line (
    opportunity_id uuid           not null references opportunity (id),
    position       int            not null,
    product        text           not null,
    quantity       int            not null check (quantity > 0),
    unit_price     numeric(19, 4) check (unit_price >= 0),
    currency       char(3),
    bought         boolean        not null default true,
    primary key (opportunity_id, position),
    constraint line_price_with_currency check ((unit_price is null) = (currency is null))
);

-- Activities can belong to a deal as well as to its customer.
alter table activity add column opportunity_id uuid references opportunity (id);
create index activity_opportunity_idx on activity (opportunity_id, occurred_at desc, id desc)
    where opportunity_id is not null;

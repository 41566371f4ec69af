create extension if not exists pg_trgm;

create table customer (
    id             uuid primary key,
    name           text        not null,
    sort_name      text generated always as (lower(name)) stored,
    legal_name     text,
    tax_id         text,
    industry       text,
    region         text,
    size           text,
    status         text        not null,
    owner_id       text        not null references app_user (id),
    partner_id     uuid references partner (id),
    tags           text[]      not null default '{}',
    source_channel text,
    website        text,
    email          text,
    phone          text,
    address        text,
    notes          text,
    archived_at    timestamptz,
    version        int         not null default 1,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    -- lower-cased name, legal name, tax id and contact names: what text search matches
    search_text    text        not null default ''
);

-- Keyset pagination: one index per sort order, ending in id for a total order.
create index customer_sort_name_idx on customer (sort_name, id);
create index customer_created_idx on customer (created_at, id);
create index customer_updated_idx on customer (updated_at, id);
-- Scope and filters.
create index customer_owner_idx on customer (owner_id, sort_name, id);
create index customer_partner_idx on customer (partner_id, sort_name, id) where partner_id is not null;
create index customer_status_idx on customer (status, sort_name, id);
create index customer_region_idx on customer (lower(region));
create index customer_industry_idx on customer (lower(industry));
create index customer_tags_idx on customer using gin (tags);
create index customer_search_idx on customer using gin (search_text gin_trgm_ops);

create table customer_share (
    customer_id uuid not null references customer (id),
    user_id     text not null references app_user (id),
    primary key (customer_id, user_id)
);

create index customer_share_user_idx on customer_share (user_id, customer_id);

create table contact (
    id          uuid primary key,
    customer_id uuid        not null references customer (id),
    first_name  text,
    last_name   text        not null,
    job_title   text,
    roles       text[]      not null default '{}',
    emails      text[]      not null default '{}',
    phones      text[]      not null default '{}',
    notes       text,
    removed_at  timestamptz,
    version     int         not null default 1,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create index contact_customer_idx on contact (customer_id, last_name, id) where removed_at is null;
-- Mail import matches contacts by address (stored lower-case).
create index contact_emails_idx on contact using gin (emails) where removed_at is null;

-- search_text is derived data kept in the database, so that it cannot drift
-- from the rows it is made of, whoever writes them.
create function customer_search_text(c customer) returns text
    language sql stable as
$$
select lower(concat_ws(' ', c.name, c.legal_name, c.tax_id,
                       (select string_agg(concat_ws(' ', k.first_name, k.last_name), ' ')
                        from contact k
                        where k.customer_id = c.id and k.removed_at is null)))
$$;

create function customer_refresh_search_text() returns trigger
    language plpgsql as
$$
begin
    new.search_text := customer_search_text(new);
    return new;
end
$$;

create trigger customer_search_text_trg
    before insert or update of name, legal_name, tax_id
    on customer
    for each row
execute function customer_refresh_search_text();

create function contact_refresh_customer_search_text() returns trigger
    language plpgsql as
$$
begin
    update customer c set search_text = customer_search_text(c)
    where c.id = coalesce(new.customer_id, old.customer_id);
    return null;
end
$$;

create trigger contact_search_text_trg
    after insert or update of first_name, last_name, removed_at or delete
    on contact
    for each row
execute function contact_refresh_customer_search_text();

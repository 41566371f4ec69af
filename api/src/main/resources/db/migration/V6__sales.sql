-- Pipelines, their stages, lost reasons, opportunities and their stage history.

create table pipeline (
    id                   uuid primary key,
    name                 text    not null,
    is_default           boolean not null default false,
    requires_lost_reason boolean not null default true
);

create unique index pipeline_one_default_idx on pipeline (is_default) where is_default;

create table stage (
    id             uuid primary key,
    pipeline_id    uuid    not null references pipeline (id),
    name           text    not null,
    position       int     not null,
    probability    int     not null check (probability between 0 and 100),
    closes_as_won  boolean not null default false,
    unique (pipeline_id, position)
);

create table lost_reason (
    id       uuid primary key,
    name     text not null unique,
    position int  not null
);

-- The dealer's default pipeline, from its own words.
insert into pipeline (id, name, is_default, requires_lost_reason)
values ('5a1e0000-0000-4000-8000-000000000001', 'Software sales', true, true);

insert into stage (id, pipeline_id, name, position, probability, closes_as_won) values
    ('5a1e0000-0000-4000-8000-000000000101', '5a1e0000-0000-4000-8000-000000000001', 'Information collected', 1, 5, false),
    ('5a1e0000-0000-4000-8000-000000000102', '5a1e0000-0000-4000-8000-000000000001', 'Target confirmed', 2, 10, false),
    ('5a1e0000-0000-4000-8000-000000000103', '5a1e0000-0000-4000-8000-000000000001', 'First contact', 3, 20, false),
    ('5a1e0000-0000-4000-8000-000000000104', '5a1e0000-0000-4000-8000-000000000001', 'Meeting', 4, 30, false),
    ('5a1e0000-0000-4000-8000-000000000105', '5a1e0000-0000-4000-8000-000000000001', 'Demo / trial installed', 5, 50, false),
    ('5a1e0000-0000-4000-8000-000000000106', '5a1e0000-0000-4000-8000-000000000001', 'Negotiation', 6, 70, false),
    ('5a1e0000-0000-4000-8000-000000000107', '5a1e0000-0000-4000-8000-000000000001', 'Contract signed', 7, 100, true),
    ('5a1e0000-0000-4000-8000-000000000108', '5a1e0000-0000-4000-8000-000000000001', 'Installation and training', 8, 100, true),
    ('5a1e0000-0000-4000-8000-000000000109', '5a1e0000-0000-4000-8000-000000000001', 'Paid', 9, 100, true);

insert into lost_reason (id, name, position) values
    ('5a1e0000-0000-4000-8000-000000000201', 'Price', 1),
    ('5a1e0000-0000-4000-8000-000000000202', 'Competitor', 2),
    ('5a1e0000-0000-4000-8000-000000000203', 'No budget', 3),
    ('5a1e0000-0000-4000-8000-000000000204', 'No decision', 4),
    ('5a1e0000-0000-4000-8000-000000000205', 'Other', 5);

create table opportunity (
    id                  uuid primary key,
    customer_id         uuid          not null references customer (id),
    name                text          not null,
    owner_id            text          not null references app_user (id),
    pipeline_id         uuid          not null references pipeline (id),
    stage_id            uuid          not null references stage (id),
    status              text          not null,
    amount              numeric(19, 4),
    currency            char(3),
    expected_close_date date,
    competitors         text[]        not null default '{}',
    lost_reason_id      uuid references lost_reason (id),
    lost_note           text,
    version             int           not null default 1,
    created_at          timestamptz   not null default now(),
    updated_at          timestamptz   not null default now(),
    closed_at           timestamptz,
    constraint amount_with_currency check ((amount is null) = (currency is null)),
    constraint amount_not_negative check (amount >= 0)
);

create index opportunity_customer_idx on opportunity (customer_id);
create index opportunity_owner_idx on opportunity (owner_id, status);
create index opportunity_stage_idx on opportunity (stage_id, status);
create index opportunity_close_idx on opportunity ((coalesce(expected_close_date, date '9999-12-31')), id);
create index opportunity_updated_idx on opportunity (updated_at, id);

create table opportunity_stage_change (
    id             bigint generated always as identity primary key,
    opportunity_id uuid        not null references opportunity (id),
    from_stage_id  uuid references stage (id),
    to_stage_id    uuid        not null references stage (id),
    status         text        not null,
    changed_by     text        not null references app_user (id),
    changed_at     timestamptz not null default now()
);

create index opportunity_stage_change_idx on opportunity_stage_change (opportunity_id, changed_at, id);
create index opportunity_stage_change_time_idx on opportunity_stage_change (changed_at);

-- Integrations act in their own name (activities, stage changes), so they are in the directory
-- too, marked so that nobody picks them as an owner or a share.
alter table app_user add column integration boolean not null default false;

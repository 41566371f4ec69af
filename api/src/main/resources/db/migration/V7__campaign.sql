-- Marketing campaigns, and what they brought: leads (customers) and deals are attributed to one.

create table campaign (
    id            uuid primary key,
    name          text        not null,
    kind          text        not null,
    starts_on     date,
    ends_on       date,
    cost          numeric(19, 4),
    cost_currency char(3),
    notes         text,
    version       int         not null default 1,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint campaign_period check (ends_on is null or starts_on is null or ends_on >= starts_on),
    constraint campaign_cost_with_currency check ((cost is null) = (cost_currency is null)),
    constraint campaign_cost_not_negative check (cost >= 0)
);

create index campaign_starts_idx on campaign (starts_on desc nulls last, id);

alter table customer add column campaign_id uuid references campaign (id);
create index customer_campaign_idx on customer (campaign_id) where campaign_id is not null;

alter table opportunity add column campaign_id uuid references campaign (id);
create index opportunity_campaign_idx on opportunity (campaign_id, status) where campaign_id is not null;

-- Partners of the channel and the people who use DealerDesk.
-- Users are identified by their token subject; the manager link gives each
-- manager the team whose data they see.

create table partner (
    id         uuid primary key,
    name       text not null,
    created_at timestamptz not null default now()
);

create table app_user (
    id         text primary key,
    name       text not null,
    email      text,
    manager_id text references app_user (id),
    partner_id uuid references partner (id),
    created_at timestamptz not null default now()
);

create index app_user_manager_idx on app_user (manager_id);
create index app_user_partner_idx on app_user (partner_id);

-- A manager's team: everyone below them, at any depth, and themselves.
create function team_of(manager text) returns setof text
    language sql stable as
$$
with recursive team(id) as (
    select manager
    union
    select u.id from app_user u join team t on u.manager_id = t.id
)
select id from team
$$;

-- Contracts and implementation projects (feature `contract`): a contract rests on a quote or an
-- order, holds its documents, and plans the work in stages → works → tasks (any depth) with
-- finish-to-start dependencies.

create table contract (
    id                 uuid primary key,
    number             text           not null unique,
    title              text           not null check (length(title) between 1 and 200),
    customer_id        uuid           not null references customer (id),
    opportunity_id     uuid references opportunity (id),
    quote_id           uuid references quote (id),
    order_id           uuid references sales_order (id),
    status             text           not null default 'DRAFT'
        check (status in ('DRAFT', 'SIGNED', 'IN_PROGRESS', 'COMPLETED', 'TERMINATED')),
    signed_on          date,
    currency           char(3)        not null,
    total              numeric(19, 4) not null check (total > 0),
    termination_reason text,
    created_by         text           not null references app_user (id),
    created_at         timestamptz    not null default now(),
    updated_at         timestamptz    not null default now(),
    version            int            not null default 1,
    constraint contract_signed_has_date check (status in ('DRAFT', 'TERMINATED') or signed_on is not null),
    constraint contract_terminated_has_reason check ((status = 'TERMINATED') = (termination_reason is not null))
);

create index contract_customer_idx on contract (customer_id, created_at desc, id desc);
create index contract_created_idx on contract (created_at desc, id desc);
create index contract_status_idx on contract (status, created_at desc, id desc);
create index contract_opportunity_idx on contract (opportunity_id) where opportunity_id is not null;
create index contract_quote_idx on contract (quote_id) where quote_id is not null;
create index contract_order_idx on contract (order_id) where order_id is not null;

-- Files attached to a contract. The content lives here (storage 'DATABASE') or in a directory
-- on disk (storage 'DISK', `path` relative to the configured directory), by configuration.
create table contract_document (
    id           uuid primary key,
    contract_id  uuid        not null references contract (id),
    kind         text        not null check (kind in ('TECHNICAL_SPECIFICATION', 'OTHER')),
    file_name    text        not null check (length(file_name) between 1 and 255),
    content_type text        not null,
    size_bytes   int         not null check (size_bytes >= 0),
    sha256       text        not null,
    storage      text        not null check (storage in ('DATABASE', 'DISK')),
    content      bytea,
    path         text,
    uploaded_by  text        not null references app_user (id),
    uploaded_at  timestamptz not null default now(),
    constraint contract_document_stored check (
        (storage = 'DATABASE' and content is not null and path is null)
        or (storage = 'DISK' and content is null and path is not null))
);

create index contract_document_contract_idx on contract_document (contract_id, uploaded_at);

create table contract_stage (
    id               uuid primary key,
    contract_id      uuid        not null references contract (id),
    position         int         not null check (position > 0),
    name             text        not null check (length(name) between 1 and 200),
    deadline         date,
    accepted_at      timestamptz,
    accepted_by      text references app_user (id),
    acceptance_note  text,
    version          int         not null default 1,
    constraint contract_stage_acceptance check ((accepted_at is null) = (accepted_by is null)),
    -- positions are renumbered inside one transaction, so the uniqueness is checked at commit
    constraint contract_stage_position unique (contract_id, position) deferrable initially deferred
);

create table contract_work (
    id               uuid primary key,
    contract_id      uuid        not null references contract (id),
    stage_id         uuid        not null references contract_stage (id),
    position         int         not null check (position > 0),
    name             text        not null check (length(name) between 1 and 200),
    deadline         date,
    owner_id         text references app_user (id),
    accepted_at      timestamptz,
    accepted_by      text references app_user (id),
    acceptance_note  text,
    version          int         not null default 1,
    constraint contract_work_acceptance check ((accepted_at is null) = (accepted_by is null)),
    constraint contract_work_position unique (stage_id, position) deferrable initially deferred
);

create index contract_work_contract_idx on contract_work (contract_id);
create index contract_work_owner_idx on contract_work (owner_id) where owner_id is not null;

-- Tasks and subtasks: parent_id null for a work's top-level tasks. A task with subtasks is a
-- summary whose dates, effort and progress are rolled up from them when read.
create table contract_task (
    id            uuid primary key,
    contract_id   uuid          not null references contract (id),
    work_id       uuid          not null references contract_work (id),
    parent_id     uuid references contract_task (id),
    position      int           not null check (position > 0),
    name          text          not null check (length(name) between 1 and 200),
    start_on      date          not null,
    end_on        date          not null,
    assignee_id   text references app_user (id),
    planned_hours numeric(9, 2) check (planned_hours >= 0),
    spent_hours   numeric(9, 2) check (spent_hours >= 0),
    progress      int           not null default 0 check (progress between 0 and 100),
    version       int           not null default 1,
    constraint contract_task_dates check (end_on >= start_on),
    constraint contract_task_not_own_parent check (parent_id is null or parent_id <> id)
);

create index contract_task_contract_idx on contract_task (contract_id, start_on);
create index contract_task_work_idx on contract_task (work_id) where parent_id is null;
create index contract_task_parent_idx on contract_task (parent_id) where parent_id is not null;
-- people's planned time by month
create index contract_task_assignee_idx on contract_task (assignee_id, start_on, end_on) where assignee_id is not null;

-- Finish-to-start: successor starts after predecessor ends. Cycles are refused by the service
-- under a lock on the contract row (a cycle needs two edges of one contract).
create table contract_task_dependency (
    contract_id    uuid not null references contract (id),
    predecessor_id uuid not null references contract_task (id),
    successor_id   uuid not null references contract_task (id),
    primary key (predecessor_id, successor_id),
    constraint contract_task_dependency_not_self check (predecessor_id <> successor_id)
);

create index contract_task_dependency_successor_idx on contract_task_dependency (successor_id);
create index contract_task_dependency_contract_idx on contract_task_dependency (contract_id);

-- owned by contract: the document chain's links through contracts (quote → contract,
-- order → contract), read by the order feature's documentFlow.
create view contract_flow_link as
select quote_id as from_id, 'QUOTE' as from_kind, id as to_id, 'CONTRACT' as to_kind
from contract where quote_id is not null
union all
select order_id, 'ORDER', id, 'CONTRACT' from contract where order_id is not null;

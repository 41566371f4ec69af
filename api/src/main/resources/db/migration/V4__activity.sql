-- Activities with an optional reminder. A reminder is part of its activity (one follow-up per
-- activity); open reminders are found by assignee and due time.

create table activity (
    id                  uuid primary key,
    customer_id         uuid        not null references customer (id),
    contact_id          uuid references contact (id),
    kind                text        not null,
    subject             text        not null,
    notes               text,
    outcome             text,
    occurred_at         timestamptz not null,
    owner_id            text        not null references app_user (id),
    reminder_due_at     timestamptz,
    reminder_assignee   text references app_user (id),
    reminder_done_at    timestamptz,
    reminder_snoozes    int         not null default 0,
    version             int         not null default 1,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    constraint reminder_complete check ((reminder_due_at is null) = (reminder_assignee is null))
);

-- A customer's timeline, newest first.
create index activity_customer_idx on activity (customer_id, occurred_at desc, id desc);
-- Open reminders: a person's, by due time; a team's overdue ones.
create index activity_open_reminder_idx on activity (reminder_assignee, reminder_due_at, id)
    where reminder_due_at is not null and reminder_done_at is null;
create index activity_open_reminder_due_idx on activity (reminder_due_at, id)
    where reminder_due_at is not null and reminder_done_at is null;

-- reminder.due events (docs/events.md): the due time a reminder was last announced at, so that
-- the job announces each due time once, also when several API instances run it at the same
-- moment (a conditional update claims the reminder in the transaction that writes the event).
-- Snoozing sets a new due time, which is announced again when it comes.
alter table activity add column reminder_announced_for timestamptz;

-- Reminders already overdue when this ships are not announced: integrations would get a burst
-- of stale events on the first run.
update activity set reminder_announced_for = reminder_due_at
where reminder_due_at <= now() and reminder_done_at is null;

-- What the job looks for every minute: open reminders whose due time was not announced yet.
create index activity_reminder_unannounced_idx on activity (reminder_due_at, id)
    where reminder_due_at is not null and reminder_done_at is null
      and reminder_announced_for is distinct from reminder_due_at;

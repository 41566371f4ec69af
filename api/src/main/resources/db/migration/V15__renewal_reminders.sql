-- Renewal reminders: the end date a license's owner was last reminded of, so that the daily
-- job reminds once per term (and again after an extension or renewal moves the end).
alter table license add column renewal_reminder_for date;

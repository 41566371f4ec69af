-- The facts a registration conflict is made of, kept as found at submission (ADR 0032): the
-- values that matched, the other registration's number, status and dates, the existing customer's
-- and the other partner's names, the region and industry against the partner's territories. Readers
-- render the evidence in their own language from them. Conflicts found before keep '{}' and only
-- their English sentence (`evidence`).
alter table deal_registration_conflict add column details jsonb not null default '{}';

-- Admins name stages, lost reasons and pipelines per language: {"ru": "...", "zh-CN": "..."}.
-- `name` stays the default, shown in a language without its own name.
alter table pipeline add column name_translations jsonb not null default '{}';
alter table stage add column name_translations jsonb not null default '{}';
alter table lost_reason add column name_translations jsonb not null default '{}';

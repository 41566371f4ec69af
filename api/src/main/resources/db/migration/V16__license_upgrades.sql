-- Upgrades change a license's edition or seats: the history keeps both sides.
alter table license_event add column edition_before text;
alter table license_event add column edition_after text;
alter table license_event add column seats_before int;
alter table license_event add column seats_after int;

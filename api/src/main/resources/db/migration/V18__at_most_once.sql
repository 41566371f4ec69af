-- At-most-once rules held by the database, not by a check before an insert: two requests
-- sent at once both pass such a check. A request that loses the race gets the same
-- CONFLICT as a duplicate sent later (docs/architecture.md, "At most once").
--
-- A database whose data already breaks a rule stops the migration with the rows to look at:
-- which duplicate to cancel or supersede is a business decision, not one for a migration.
do $$
declare
    offending text;
begin
    select string_agg(quote_id::text, ', ') into offending from (
        select quote_id from sales_order
        where quote_id is not null and status <> 'CANCELLED'
        group by quote_id having count(*) > 1
    ) duplicates;
    if offending is not null then
        raise exception 'Quotes with more than one order that is not cancelled: %. Cancel all but one, then migrate again.', offending;
    end if;
    select string_agg(opportunity_id::text, ', ') into offending from (
        select opportunity_id from quote where status = 'OPEN'
        group by opportunity_id having count(*) > 1
    ) duplicates;
    if offending is not null then
        raise exception 'Deals with more than one open quote: %. Supersede all but the newest, then migrate again.', offending;
    end if;
end
$$;

-- One order per quote (a cancelled one does not count: the quote may be ordered again).
create unique index sales_order_one_per_quote on sales_order (quote_id)
    where quote_id is not null and status <> 'CANCELLED';

-- One open quote per deal: a new version supersedes the open one.
create unique index quote_one_open_per_deal on quote (opportunity_id) where status = 'OPEN';

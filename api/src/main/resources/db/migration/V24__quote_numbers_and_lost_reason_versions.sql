-- Quote document numbers (QUO-2026-00012): one gapless number per deal's quote series, taken
-- by the deal's first quote from document_counter and reused by its later versions, which
-- print it with their version (QUO-2026-00012-v2).

-- The deal's series: one number per deal (primary key), one deal per number (unique).
create table quote_series (
    opportunity_id  uuid primary key references opportunity (id),
    document_number text not null unique,
    unique (opportunity_id, document_number)
);

-- Existing series, numbered per year of the deal's first quote, oldest first.
insert into quote_series (opportunity_id, document_number)
select opportunity_id,
       format('QUO-%s-%s', year, lpad(n::text, greatest(5, length(n::text)), '0'))
from (
    select opportunity_id, year,
           row_number() over (partition by year order by first_at, opportunity_id) as n
    from (
        select opportunity_id, min(created_at) as first_at,
               extract(year from min(created_at) at time zone 'UTC')::int as year
        from quote group by opportunity_id
    ) firsts
) numbered;

insert into document_counter (kind, year, last)
select 'QUO', split_part(document_number, '-', 2)::int, count(*)
from quote_series group by 2
on conflict (kind, year) do update set last = greatest(document_counter.last, excluded.last);

-- Each quote carries its deal's number; the foreign key keeps every version on it.
alter table quote add column document_number text;
update quote q set document_number = s.document_number
from quote_series s where s.opportunity_id = q.opportunity_id;
alter table quote alter column document_number set not null;
alter table quote add constraint quote_document_number_of_its_deal
    foreign key (opportunity_id, document_number) references quote_series (opportunity_id, document_number);

-- Lost reasons are renamed per language after creation (updateLostReason), at the version the
-- admin read, as pipelines are.
alter table lost_reason add column version int not null default 1;

-- Sales reports at size L: each report's rows found by its own period or pipeline, and what it
-- sums read from the index alone (index-only scan), instead of every deal in the caller's scope
-- (docs/performance.md, "Indexes for deals and reports" and "Plans at size L"; ADR 0043).

-- winLossReport: deals closed in a period, counted by status and lost reason.
create index opportunity_closed_idx on opportunity (closed_at)
    include (status, lost_reason_id, customer_id)
    where status in ('WON', 'LOST');

-- forecastReport: open deals with an amount expected to close in a range of months.
create index opportunity_open_close_idx on opportunity (expected_close_date)
    include (stage_id, currency, amount, customer_id)
    where status = 'OPEN' and amount is not null;

-- pipelineReport: open deals with an amount of one pipeline (or all), summed per stage, owner
-- and currency.
create index opportunity_open_pipeline_idx on opportunity (pipeline_id, stage_id)
    include (owner_id, currency, amount, customer_id)
    where status = 'OPEN' and amount is not null;

-- funnelReport: V17's (pipeline_id, created_at) index, now carrying what the report reads.
drop index opportunity_funnel_idx;
create index opportunity_funnel_idx on opportunity (pipeline_id, created_at)
    include (furthest_stage_id, customer_id);

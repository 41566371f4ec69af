-- The funnel counts, per stage, the deals that got at least that far. Each deal keeps its
-- furthest stage (by the pipeline's order), set with every move, so the report reads deals
-- only, not the period's whole stage history.
alter table opportunity add column furthest_stage_id uuid references stage (id);

update opportunity o set furthest_stage_id = f.stage_id
from (
    select distinct on (h.opportunity_id) h.opportunity_id, h.to_stage_id as stage_id
    from opportunity_stage_change h
    join stage s on s.id = h.to_stage_id
    order by h.opportunity_id, s.position desc
) f
where f.opportunity_id = o.id;

create index opportunity_funnel_idx on opportunity (pipeline_id, created_at);

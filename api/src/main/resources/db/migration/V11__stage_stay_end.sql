-- When a deal left each stage, kept on the stay itself, so time in stage is a plain aggregate
-- instead of a window over the whole history.
alter table opportunity_stage_change add column left_at timestamptz;

update opportunity_stage_change h set left_at = n.next_at
from (select id, lead(changed_at) over (partition by opportunity_id order by changed_at, id) as next_at
      from opportunity_stage_change) n
where n.id = h.id and n.next_at is not null;

create index opportunity_stage_change_stay_idx on opportunity_stage_change (to_stage_id)
    include (opportunity_id, changed_at, left_at) where status = 'OPEN';

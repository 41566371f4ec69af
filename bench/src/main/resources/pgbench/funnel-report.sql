-- funnelReport over the last year: of the deals of the default pipeline created in it, how
-- many reached each stage (their furthest stage at or after it), and the share going on.
-- The deals are counted by furthest stage once, from the covering index on
-- (pipeline_id, created_at) that carries furthest_stage_id (V37), then summed per stage.
with pipeline as (select p.id from pipeline p where p.is_default),
by_furthest as materialized (
    select f.position as furthest, count(*) as deals
    from opportunity o
    join stage f on f.id = o.furthest_stage_id
    where o.pipeline_id = (select id from pipeline)
      and o.created_at >= current_date - 365 and o.created_at < current_date + 1
    group by f.position
), reached as (
    select s.name, s.position,
           coalesce((select sum(b.deals) from by_furthest b where b.furthest >= s.position), 0) as reached
    from stage s
    where s.pipeline_id = (select id from pipeline)
)
select r.name, r.reached,
       lead(r.reached) over (order by r.position)::float8 / nullif(r.reached, 0) as conversion_to_next
from reached r
order by r.position;

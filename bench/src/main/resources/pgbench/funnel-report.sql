-- funnelReport over the last year: of the deals of the default pipeline created in it, how
-- many reached each stage (their furthest stage at or after it), and the share going on.
with deals as (
    select o.id, greatest(s.position, coalesce(max(t.position), 0)) as furthest
    from opportunity o
    join stage s on s.id = o.stage_id
    left join opportunity_stage_change h on h.opportunity_id = o.id
    left join stage t on t.id = h.to_stage_id
    where o.pipeline_id = (select p.id from pipeline p where p.is_default)
      and o.created_at >= current_date - 365 and o.created_at < current_date + 1
    group by o.id, s.position
), reached as (
    select s.id, s.name, s.position, count(d.id) as reached
    from stage s
    left join deals d on d.furthest >= s.position
    where s.pipeline_id = (select p.id from pipeline p where p.is_default)
    group by s.id, s.name, s.position
)
select r.name, r.reached,
       lead(r.reached) over (order by r.position)::float8 / nullif(r.reached, 0) as conversion_to_next
from reached r
order by r.position;

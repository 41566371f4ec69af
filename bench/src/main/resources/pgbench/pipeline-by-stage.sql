-- pipelineReport of the default pipeline without owners: open deals by stage and currency with
-- their amount and amount weighted by the stage's probability (each deal rounded, then summed).
select s.name as stage, o.currency, count(*), sum(o.amount),
       sum(round(o.amount * s.probability / 100, 2))
from opportunity o
join stage s on s.id = o.stage_id
where o.status = 'OPEN' and o.pipeline_id = (select p.id from pipeline p where p.is_default)
group by s.position, s.name, o.currency
order by s.position, o.currency;

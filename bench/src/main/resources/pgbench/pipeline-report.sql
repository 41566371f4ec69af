-- pipelineReport of the default pipeline: open deals by stage, owner and currency with their
-- amount and amount weighted by the stage's probability.
select s.name as stage, u.name as owner, o.currency, count(*), sum(o.amount),
       sum(round(o.amount * s.probability / 100, 2))
from opportunity o
join stage s on s.id = o.stage_id
join app_user u on u.id = o.owner_id
where o.status = 'OPEN' and o.pipeline_id = (select p.id from pipeline p where p.is_default)
group by s.position, s.name, u.name, o.currency
order by s.position, u.name, o.currency;

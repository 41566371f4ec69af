-- Billing: campaign_receipt names the customer each receipt came from, so that the campaign
-- report counts only the money of the customers its caller sees (as it counts their deals).
-- The view is V26's with the column appended.
create or replace view campaign_receipt as
select o.campaign_id, a.currency, a.amount * s.amount / ia.total as amount, ia.customer_id
from payment_allocation a
join invoice_account ia on ia.invoice_id = a.invoice_id
join shipment s on s.invoice_id = a.invoice_id
join sales_order o on o.id = s.order_id
where a.planned_payment_id is null and o.campaign_id is not null and ia.total > 0
union all
select coalesce(o.campaign_id, co.campaign_id, d.campaign_id), a.currency, a.amount, p.customer_id
from payment_allocation a
join planned_payment p on p.id = a.planned_payment_id
join payment_plan pp on pp.id = p.plan_id
left join sales_order o on o.id = pp.order_id
left join contract c on c.id = pp.contract_id
left join sales_order co on co.id = c.order_id
left join opportunity d on d.id = c.opportunity_id
where coalesce(o.campaign_id, co.campaign_id, d.campaign_id) is not null;

-- What the channel feature reads of other features' business for rebates and partner
-- performance (docs/decisions/0028-rebates-and-partner-performance.md). Each owner publishes
-- the little the channel needs as a view (ADR 0017), so it can change its tables behind it.

-- owned by order: every order that was not cancelled, with its customer's partner and region
-- (the order's customer at the time of reading). placed_at is when the order was created.
create view order_sale as
select o.id as order_id, o.customer_id, c.partner_id, c.region, o.currency, o.total, o.created_at as placed_at
from sales_order o
join customer c on c.id = o.customer_id
where o.status <> 'CANCELLED';

-- owned by order: the lines of those orders (price: net of the line's discount), with their
-- order's partner, currency and date to filter on
create view order_line_sale as
select l.order_id, l.product_id, l.quantity, l.price, s.partner_id, s.currency, s.placed_at
from order_line l
join order_sale s on s.order_id = l.order_id;

-- owned by sales: whether a deal was won or lost, for the registrations it came from
create view opportunity_outcome as
select id as opportunity_id, status
from opportunity;

-- A partner's agreements, latest first (Partner.agreements), and the agreement running on a
-- day (rebate progress); the exclusion constraint's GiST index serves overlap checks only.
create index partner_agreement_partner_idx on partner_agreement (partner_id, starts_on desc);

-- Registrations of a period across every partner (the channel manager's performance view);
-- a partner's own are found through deal_registration_partner_idx.
create index deal_registration_submitted_idx on deal_registration (submitted_at);


-- A partner and its sub-dealers are a handful of rows, not the 1,000 the planner assumes of a
-- set-returning function: with the estimate right, a partner's scope (DataScope, partner
-- performance) reads its customers through customer_partner_idx and their orders through
-- sales_order_customer_idx instead of scanning every order of the period (docs/performance.md).
alter function partner_scope(uuid) rows 3;

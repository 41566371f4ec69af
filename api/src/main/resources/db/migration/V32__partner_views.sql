-- What the partner feature reads of the catalogue: how many prices name each tier code
-- (a tier needs a discount or at least one price; a tier a price names is not deleted).
create view product_tier_price_count as
select tier, count(*)::int as price_count
from product_price
where tier <> ''
group by tier;

create index product_price_tier_idx on product_price (tier) where tier <> '';
